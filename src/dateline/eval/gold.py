"""Reading gold files: the specimen's expected-reading layout, singly, as a list, or a directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.errors import EvalError


def load_reading_gold(path: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(article path, gold object) pairs from a gold JSON file, a JSON list, or a directory of them.

    Each gold object names its article with ``article`` (relative to the gold file's folder).
    """
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise EvalError(f"{path}: no *.json gold files in this directory")
    pairs = []
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise EvalError(f"{f}: not readable as JSON ({exc})") from exc
        for obj in data if isinstance(data, list) else [data]:
            if not isinstance(obj, dict) or not isinstance(obj.get("article"), str):
                raise EvalError(f"{f}: each gold object needs an 'article' path (relative to the gold file)")
            article = (f.parent / obj["article"]).resolve()
            if not article.exists():
                raise EvalError(f"{f}: article {obj['article']} not found next to the gold file")
            pairs.append((article, obj))
    return pairs
