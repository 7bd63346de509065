"""`dateline eval`: accuracy against gold files, as tables or one JSON object."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from dateline.errors import DatelineError

eval_app = typer.Typer(help="Score dateline against gold files.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)

GoldOpt = Annotated[Path, typer.Option("--gold", help="Gold file or directory.", exists=True)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the metrics as one JSON object.")]


def _fail(exc: DatelineError) -> None:
    err.print(f"[bold red]error[/]: {exc}", highlight=False)
    raise typer.Exit(2) from exc


def _evaluate(evaluate: Callable[[Path], Any], gold: Path, as_json: bool) -> Any:
    """Scores from a scorer; a clear error (exit 2) for bad gold; None once printed as JSON."""
    try:
        scores = evaluate(gold)
    except DatelineError as exc:
        _fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(scores.to_dict()) + "\n")
        return None
    return scores


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


@eval_app.command("quotes")
def quotes(gold: GoldOpt, as_json: JsonOpt = False) -> None:
    """Quote precision, recall, F1 and speaker accuracy (match: overlap >= 50% of the shorter span)."""
    from dateline.eval.quotes import evaluate_quotes

    scores = _evaluate(evaluate_quotes, gold, as_json)
    if scores is None:
        return
    table = Table(title=f"quotes: {scores.articles} articles, {scores.seconds} s", title_justify="left")
    for col in ("gold", "predicted", "matched", "precision", "recall", "F1", "speaker accuracy"):
        table.add_column(col)
    table.add_row(str(scores.gold), str(scores.predicted), str(scores.matched), f"{scores.precision:.3f}",
                  f"{scores.recall:.3f}", f"{scores.f1:.3f}", f"{scores.speaker_accuracy:.3f}")
    out.print(table)
    kinds = [(k, str(v["matched"]), f"{v['accuracy']:.3f}") for k, v in sorted(scores.by_speaker_kind.items())]
    out.print(_table("speaker accuracy by how the speaker is named", ("speaker_kind", "matched", "accuracy"), kinds))
    if scores.errors:
        rows = [(e["article"], e["error"], e["text"], e["gold"], e["predicted"]) for e in scores.errors[:40]]
        out.print(_table("errors", ("article", "error", "text", "gold speaker", "predicted speaker"), rows))
        speaker_rows = [(e["article"], e["error"], e["speaker_kind"], e["gold"], e["predicted"], e["sentence"])
                        for e in scores.errors if e["error"] in {"speaker", "unresolved"}]
        out.print(_table("wrong and unresolved speakers", ("article", "error", "speaker_kind", "gold", "predicted",
                                                             "sentence"), speaker_rows))


@eval_app.command("events")
def events(gold: GoldOpt, as_json: JsonOpt = False) -> None:
    """PLOVER gold records: type and mode accuracy, source/target country P/R/F1. Article-level gold
    (ANNOTATION.md, e.g. a folder of ID.gold.json): type P/R/F1, actor and modality accuracy, duplicates."""
    from dateline.eval.articles import is_article_gold
    from dateline.eval.events import confusion_rows, evaluate_events

    if is_article_gold(gold):
        _article_events(gold, as_json)
        return
    scores = _evaluate(evaluate_events, gold, as_json)
    if scores is None:
        return
    table = Table(title=f"events: {scores.records} records, {scores.seconds} s", title_justify="left")
    for col in ("type accuracy", "mode accuracy", "source P/R/F1", "target P/R/F1", "no-event share"):
        table.add_column(col)
    s, t = scores.source_prf, scores.target_prf
    table.add_row(
        f"{scores.type_accuracy:.3f}", f"{scores.mode_accuracy:.3f} (of {scores.mode_gold})",
        f"{s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f}",
        f"{t['precision']:.3f}/{t['recall']:.3f}/{t['f1']:.3f}",
        f"{scores.no_event_share:.3f}",
    )
    out.print(table)
    out.print(_table("most-missed gold types", ("gold type", "missed", "predicted instead"),
                     [(typ, str(n), preds) for typ, n, preds in confusion_rows(scores)]))


def _article_events(gold: Path, as_json: bool) -> None:
    from dateline.eval.article_events import evaluate_article_events

    s = _evaluate(evaluate_article_events, gold, as_json)
    if s is None:
        return
    out.print(_table(f"events: {s.articles} articles, {s.seconds} s",
                     ("gold", "predicted", "matched", "P", "R", "F1", "source", "target", "modality", "duplicates"),
                     [(str(s.gold), str(s.predicted), str(s.matched), f"{s.precision:.3f}", f"{s.recall:.3f}",
                       f"{s.f1:.3f}", f"{s.source_accuracy:.3f}", f"{s.target_accuracy:.3f}",
                       f"{s.modality_accuracy:.3f}", f"{s.duplicate_rate:.3f}")]))
    out.print(_table("per type", ("type", "gold", "predicted", "matched"),
                     [(t, str(v["gold"]), str(v["predicted"]), str(v["matched"]))
                      for t, v in sorted(s.by_type.items(), key=lambda kv: -kv[1]["gold"])]))
    out.print(_table("most frequent errors", ("error", "count"), [(e, str(n)) for e, n in s.common_errors]))


@eval_app.command("places")
def places(gold: GoldOpt, as_json: JsonOpt = False) -> None:
    """Place recall (gold toponyms overlapped by a resolved place), country accuracy and precision, per kind."""
    from dateline.eval.places import KINDS, evaluate_places

    scores = _evaluate(evaluate_places, gold, as_json)
    if scores is None:
        return
    rows = [("all", str(scores.gold), str(scores.found), f"{scores.recall:.3f}", f"{scores.country_accuracy:.3f}")]
    for kind in KINDS:
        k = scores.by_kind.get(kind)
        if k:
            rows.append((kind, str(int(k["gold"])), str(int(k["found"])), f"{k['recall']:.3f}",
                         f"{k['country_correct'] / k['found']:.3f}" if k["found"] else "-"))
    out.print(_table(f"places: {scores.articles} articles, {scores.seconds} s; precision {scores.precision:.3f} "
                     f"({scores.predicted_right}/{scores.predicted})",
                     ("kind", "gold", "found", "recall", "country accuracy"), rows))
    if scores.errors:
        rows = [(e["article"], e["error"], e["kind"], e["context"], e["gold"], e["predicted"])
                for e in scores.errors[:60]]
        out.print(_table("errors", ("article", "error", "kind", "context", "gold", "predicted"), rows))


@eval_app.command("frames")
def frames(gold: GoldOpt, as_json: JsonOpt = False) -> None:
    """Span P/R/F1 of framing flags on a Propaganda Techniques Corpus folder (SemEval-2020 scoring)."""
    from dateline.eval.frames import evaluate_frames

    scores = _evaluate(evaluate_frames, gold, as_json)
    if scores is None:
        return
    table = Table(title=f"frames: {scores.articles} articles, {scores.seconds} s", title_justify="left")
    for col in ("scope", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(col)
    for name, s in [("both techniques", scores.overall), *scores.per_technique.items()]:
        table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.predicted), str(s.gold))
    out.print(table)
    for title, rows in (("most frequent missed spans", scores.missed), ("most frequent false spans", scores.false)):
        out.print(_table(title, ("span", "count"), [(text, str(n)) for text, n in rows]))


@eval_app.command("frames-ceiling")
def frames_ceiling(gold: GoldOpt, as_json: JsonOpt = False) -> None:
    """The best span F1 any context-free lexicon reaches on a PTC folder: n-grams learned from the gold of
    half the articles, scored on the other half (and, for comparison, memorised on all of them).

    Columns: articles learned on / scored on; thresholds: the minimum occurrences and the minimum share of an
    n-gram's characters inside gold spans that gave the best F1."""
    from dateline.eval.ceiling import lexicon_ceiling

    scores = _evaluate(lexicon_ceiling, gold, as_json)
    if scores is None:
        return
    rows = [(r.setting, f"{r.learned_on}/{r.scored_on}", f"{r.min_count}, {r.min_share:.1f}", str(r.lexicon_size),
             f"{r.precision:.3f}", f"{r.recall:.3f}", f"{r.f1:.3f}") for r in scores.rows]
    out.print(_table(f"lexicon ceiling: {scores.articles} articles, {scores.seconds} s",
                     ("setting", "articles", "thresholds", "n-grams", "P", "R", "F1"), rows))
