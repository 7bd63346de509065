"""Rich rendering of an Analysis for people: an article card, then one table per record kind."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from dateline.model import Analysis


def render_analysis(console: Console, analysis: Analysis) -> None:
    """Print the article card and the non-empty record tables."""
    a = analysis.article
    d = a.dateline
    card = [
        f"[bold]{a.title or '(untitled)'}[/]",
        f"outlet: {a.outlet or '—'}    published: {a.published or '—'}"
        + (f" ({a.published_source})" if a.published_source else ""),
        f"url: {a.url or '—'}",
        f"dateline: {d.place or '—'}, {d.date_text or '—'} ({d.agency or '—'})" if d else "dateline: —",
        f"source: {a.source or '—'}   id: {a.id}",
    ]
    console.print(Panel("\n".join(card), title="article", expand=False))
    names = {e.id: e.name for e in analysis.entities}
    _table(console, "entities", ["id", "name", "type", "role", "country", "sector", "mentions"], [
        [e.id, e.name, e.type, e.role, e.country, e.sector, str(len(e.mentions))] for e in analysis.entities
    ])
    _table(console, "quotes", ["kind", "speaker", "cue", "text", "offsets"], [
        [q.kind, names.get(q.speaker_id or "", q.speaker_text or "—"), q.cue, _clip(q.text), f"{q.start}-{q.end}"]
        for q in analysis.quotes
    ])
    _table(console, "events", ["type", "mode", "source", "target", "modality", "claimed by", "place", "date"], [
        [
            ev.type, ev.mode, _actors(ev.source), _actors(ev.target), ev.modality,
            ev.attributed_name, ev.place_name, ev.date,
        ]
        for ev in analysis.events
    ])
    _table(console, "places", ["text", "geonameid", "name", "country", "lat", "lon"], [
        [p.text, p.geonameid, p.name, p.country_code, p.lat, p.lon] for p in analysis.places
    ])
    _table(console, "times", ["text", "value", "granularity"], [
        [t.text, t.value, t.granularity] for t in analysis.times
    ])
    _table(console, "frames", ["kind", "text", "class", "in quote", "reason"], [
        [f.kind, f.text, f.label_class, "yes" if f.in_quote else "", f.reason] for f in analysis.frames
    ])


def _table(console: Console, title: str, columns: list[str], rows: list[list[object]]) -> None:
    if not rows:
        return
    table = Table(title=title, title_justify="left", show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*("—" if v is None else str(v) for v in row))
    console.print(table)


def _actors(actors: list) -> str:
    return "; ".join(f"{a.text} [{a.country or '?'} {a.sector or '?'}]" for a in actors) or "—"


def _clip(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
