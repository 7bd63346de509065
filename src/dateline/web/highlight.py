"""The article page's signature view: the text with every record's evidence highlighted inline.

Spans can nest or overlap (a quote contains an entity mention and an event trigger), so the text
is cut at every span boundary and each piece is wrapped in the spans covering it. Every piece of
article text goes through markupsafe.escape: an article containing <script> renders inert.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from dateline.model import Analysis

PALETTE = 8  # speaker colours cycle through this many CSS classes


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # quote | event | entity | place | time | frame
    record_id: str
    css: str
    title: str


def marks(analysis: Analysis) -> list[Mark]:
    """A highlight for every record with offsets (entity mentions, quotes, triggers, places, times, frames)."""
    speakers: dict[str, int] = {}
    out: list[Mark] = []
    for q in analysis.quotes:
        colour = speakers.setdefault(q.speaker_id or q.speaker_text or "?", len(speakers) % PALETTE)
        out.append(Mark(q.start, q.end, "quote", q.id, f"hl-quote speaker-{colour}",
                        f"{q.kind} quote — {q.speaker_name or q.speaker_text or 'unknown speaker'}"))
    for e in analysis.entities:
        for m in e.mentions:
            out.append(Mark(m.start, m.end, "entity", e.id, f"hl-entity ent-{e.type.lower()}",
                            f"{e.name} ({e.type}{', ' + e.country if e.country else ''})"))
    for v in analysis.events:
        out.append(Mark(v.trigger_start, v.trigger_end, "event", v.id, f"hl-event modality-{v.modality}",
                        f"{v.type}{'/' + v.mode if v.mode else ''} ({v.modality})"))
    for p in analysis.places:
        out.append(Mark(p.start, p.end, "place", p.id, "hl-place", f"{p.name or p.text} {p.country_code or ''}"))
    for t in analysis.times:
        out.append(Mark(t.start, t.end, "time", t.id, "hl-time", f"{t.value or '?'} ({t.granularity or '?'})"))
    for f in analysis.frames:
        out.append(Mark(f.start, f.end, "frame", f.id, f"hl-frame frame-{f.kind}", f"{f.kind}: {f.reason}"))
    return [m for m in out if 0 <= m.start < m.end <= len(analysis.article.text)]


def highlighted_html(analysis: Analysis) -> Markup:
    """The article text as safe HTML with nested <span> highlights; paragraphs kept."""
    text = analysis.article.text
    all_marks = marks(analysis)
    cuts = sorted({0, len(text)} | {m.start for m in all_marks} | {m.end for m in all_marks})
    parts: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        covering = sorted((m for m in all_marks if m.start <= lo and hi <= m.end), key=lambda m: -(m.end - m.start))
        piece = str(escape(text[lo:hi])).replace("\n\n", "</p><p>").replace("\n", "<br>")
        for m in reversed(covering):
            first = m.start == lo
            anchor_id = f"{m.kind}-{m.record_id}" + (f"-{m.start}" if m.kind == "entity" else "")
            anchor = f' id="{escape(anchor_id)}"' if first else ""
            piece = (f'<span class="{m.css}" data-kind="{m.kind}" data-record="{escape(m.record_id)}"'
                     f' title="{escape(m.title)}"{anchor}>{piece}</span>')
        parts.append(piece)
    return Markup("<p>" + "".join(parts) + "</p>")
