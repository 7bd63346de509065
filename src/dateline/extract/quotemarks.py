"""Pairing quotation marks into quoted spans: straight and curly double quotes, guillemets, and
journalistic multi-paragraph quotes (a paragraph left open whose successor reopens the quote).

Entities (to skip pronouns inside quotes), quotes and framing all need the same spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_CLOSERS = {"”", "»", '"'}


@dataclass(frozen=True)
class QuotedSpan:
    """Content between the marks (``start``/``end``) and the marks' outer bounds."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool = True

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


@lru_cache(maxsize=8)
def quoted_spans(text: str) -> tuple[QuotedSpan, ...]:
    """Top-level double-quoted spans in reading order (nested single quotes stay inside); memoised,
    as three stages ask for the same article's spans in turn."""
    spans: list[QuotedSpan] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPENERS and _is_opening(text, i):
            end, outer_end, closed = _find_close(text, i + 1, _OPENERS[ch])
            if end > i + 1:
                spans.append(QuotedSpan(i + 1, end, i, outer_end, closed))
            i = outer_end
            continue
        i += 1
    return tuple(spans)


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "“«„":
        return True
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-:/") and not nxt.isspace()


def _find_close(text: str, j: int, closer: str) -> tuple[int, int, bool]:
    """(content end, outer end, closed) for a quote opened just before j."""
    n = len(text)
    while j < n:
        ch = text[j]
        if ch == closer or (ch in _CLOSERS and closer in _CLOSERS and ch != '"' and closer != '"'):
            return j, j + 1, True
        if ch == '"' and closer == '"':
            return j, j + 1, True
        if ch == "”" and closer == '"':
            return j, j + 1, True
        if ch == '"' and closer == "”" and _closes(text, j):  # mixed marks: “is on track."
            return j, j + 1, True
        if ch == "\n" and _blank_line_ahead(text, j):
            # paragraph break inside an open quote: it continues if the next paragraph reopens it
            k = j
            while k < n and text[k].isspace():
                k += 1
            if k < n and text[k] in _OPENERS:
                j = k + 1
                continue
            end = j
            while end > 0 and text[end - 1].isspace():
                end -= 1
            return end, end, False
        j += 1
    end = n
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end, end, False


def _closes(text: str, j: int) -> bool:
    """A straight mark after a word and before a space, punctuation or the end closes a quote."""
    prev = text[j - 1] if j > 0 else " "
    nxt = text[j + 1] if j + 1 < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]—–")


def _blank_line_ahead(text: str, j: int) -> bool:
    k = j + 1
    while k < len(text) and text[k] in " \t\r":
        k += 1
    return k < len(text) and text[k] == "\n"
