"""schemathesis over /openapi.json: generated requests to every operation never cause a server error."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings

from dateline.web.app import create_app
from web.conftest import TOKEN


def test_no_server_errors_on_any_operation(db: Path) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db, token=TOKEN))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case) -> None:  # noqa: ANN001
            if case.method == "POST":
                case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
            response = case.call()
            assert response.status_code < 500, (case.method, case.path, case.query, response.text[:300])

        check()
