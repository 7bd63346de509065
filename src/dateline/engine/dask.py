"""Dask engine (filled by the scale issue)."""

from __future__ import annotations

from dateline.errors import DatelineError


def ingest_dask(*args: object, **kwargs: object) -> object:
    raise DatelineError("--engine dask is not available yet: use the local engine (--workers N)")
