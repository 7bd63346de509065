"""Article-level gold (the layout of ``ANNOTATION.md``): each gold object names its article file and
lists that article's quotes, places and events; the articles are analysed once, in one batch.

When the gold folder has an ``articles.jsonl`` with a line whose ``id`` is an article file's stem
(``ID.txt``), the file is that line's ``text`` and the line's title, URL, outlet and publication date go
with it (a gold ``published`` wins), so dates resolve as they would on ingest; the text is the file's,
read with ``newline=''``, so gold offsets index it exactly. Any other article file goes through the
readers like any input.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from dateline.errors import EvalError, InputError
from dateline.eval.gold import load_reading_gold
from dateline.ingest import read_path
from dateline.ingest.dates import normalise_date
from dateline.model import Analysis, Article

S = TypeVar("S")  # a scores object with 'articles', 'seconds' and finish()


def is_article_gold(path: Path) -> bool:
    """True for a folder of ``*.gold.json``/``*.json`` objects with ``article``, or one such file."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        first = data[0] if isinstance(data, list) and data else data
        return isinstance(first, dict) and isinstance(first.get("article"), str)
    return False


def analysed_gold(path: Path) -> Iterator[tuple[str, Analysis, dict[str, Any]]]:
    """(article file name, analysis, gold object) for every gold object under ``path``."""
    from dateline.pipeline import analyze_many

    pairs = load_reading_gold(path)
    metas: dict[Path, dict[str, dict[str, Any]]] = {}
    articles = []
    for article_path, gold in pairs:
        if article_path.parent not in metas:
            metas[article_path.parent] = _jsonl_meta(article_path.parent)
        articles.append(_article(article_path, gold, metas[article_path.parent]))
    for (article_path, gold), analysis in zip(pairs, analyze_many(articles), strict=True):
        yield article_path.name, analysis, gold


def score_articles(gold_path: Path, scores: S, score: Callable[[str, Analysis, dict[str, Any]], None]) -> S:
    """Analyse every gold article under ``gold_path``, score each with ``score(name, analysis, gold)``,
    count articles and seconds into ``scores`` and return ``scores.finish()``."""
    started = time.perf_counter()
    for name, analysis, gold in analysed_gold(gold_path):
        score(name, analysis, gold)
        scores.articles += 1
    scores.seconds = round(time.perf_counter() - started, 2)
    return scores.finish()


def _article(path: Path, gold: dict[str, Any], metas: dict[str, dict[str, Any]]) -> Article:
    meta = metas.get(path.stem)
    if meta is not None:
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                text = fh.read()
        except OSError as exc:
            raise EvalError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
        if meta.get("text") != text:
            raise EvalError(f"{path}: its text differs from the 'text' of id {path.stem} in articles.jsonl")
        published = normalise_date(gold.get("published") or meta.get("published"))
        return Article(text=text, id=path.stem, title=_str(meta.get("title")), url=_str(meta.get("url")),
                       outlet=_str(meta.get("outlet")), published=published,
                       published_source="metadata" if published else None, source=str(path), format="text")
    items = [a for a in read_path(path) if not isinstance(a, InputError)]
    if not items:
        raise EvalError(f"{path}: could not be read as an article")
    return items[int(gold.get("index", 0))]


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _jsonl_meta(folder: Path) -> dict[str, dict[str, Any]]:
    """``articles.jsonl`` lines by id (empty when the folder has none)."""
    path = folder / "articles.jsonl"
    if not path.exists():
        return {}
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and obj.get("id") is not None:
                out[str(obj["id"])] = obj
    return out
