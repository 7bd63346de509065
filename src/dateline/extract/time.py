"""Time expressions normalised against the article date: value, granularity and offsets.

Reference date: the publication date, else none (then only absolute expressions get a value).
Own rules for what news writes most and dateparser gets wrong or cannot say: weekdays (the most
recent one on or before the reference), 'late last year' (a quarter), 'back in 2012', month-day
without a year (the year that puts it nearest the reference, across a year boundary).
dateparser handles the rest ('two days ago', 'March 3, 2016').
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from dateline.extract.sentences import children, doc_text
from dateline.model import Article, TimeExpr

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_PART = {"early": 1, "late": 4, "end of": 4, "beginning of": 1, "start of": 1}
_YEAR_REL = re.compile(
    r"^(?:(?P<part>early|late|the end of|end of|the beginning of|beginning of|the start of|start of|mid)[\s-]+)?"
    r"(?P<rel>last|this|next|previous|past)\s+year$"
)
_MONTH_REL = re.compile(r"^(?P<rel>last|this|next|previous|past)\s+month$")
_WEEK_REL = re.compile(r"^(?P<rel>last|this|next|previous|past)\s+week$")
_WEEKDAY_RE = re.compile(
    r"^(?:(?P<rel>last|this|next|on|past)\s+)?(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$"
)
_YEAR_ONLY = re.compile(r"^(?:(?:back|earlier|later)\s+)?(?:in\s+)?(?:the\s+year\s+)?(?P<year>1[89]\d{2}|20\d{2})$")
_MONTH_DAY = re.compile(
    r"^(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?$|^(?P<day2>\d{1,2})\s+(?P<month2>[a-z]+)$"
)
_MONTH_ONLY = re.compile(r"^(?:(?P<rel>last|this|next)\s+)?(?:in\s+)?(?P<month>[a-z]+)$")
_PREP = r"(?:(?:back\s+in|since|until|by|from|in|on|during|at)\s+)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
_EXPLICIT = (  # dates that carry their own year: no reference date needed, no dateparser call
    re.compile(rf"^{_PREP}(?P<month>[a-z]+)\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}$"),
    re.compile(rf"^{_PREP}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]+)\.?,?\s+{_YEAR}$"),
    re.compile(rf"^{_PREP}(?P<month>[a-z]+)\.?,?\s+(?:of\s+)?{_YEAR}$"),
    re.compile(rf"^{_PREP}{_YEAR}-(?P<month>\d{{2}})-(?P<day>\d{{2}})$"),
)
_SIMPLE = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0, "this week": None}
_FUTURE_AUX = {"will", "would", "'ll", "shall", "wo"}
_ANCHOR = re.compile(
    r"\b(ago|yesterday|today|tomorrow|last|next|this|earlier|later|(1[89]|20)\d{2}|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    re.I,
)
_LEADING = re.compile(r"^(?:back\s+in|since|until|by|from|in|on|during|since|at)\s+", re.I)


def extract_times(doc: Doc, article: Article) -> list[TimeExpr]:
    """Every DATE expression (and the dateline date), normalised where the reference allows."""
    ref = _reference_date(article.published)
    found: list[tuple[int, int, str, bool]] = []
    d = article.dateline
    if d is not None and d.date_text:
        start = article.text.find(d.date_text, d.start, d.end)
        if start >= 0:
            found.append((start, start + len(d.date_text), d.date_text, False))
    for ent in doc.ents:
        if ent.label_ in {"DATE", "TIME"}:
            start = ent.start_char
            before = doc_text(doc)[max(0, start - 8) : start]
            if re.search(r"\bback in $", before, re.I):
                start -= len("back in ")
            found.append((start, ent.end_char, doc_text(doc)[start : ent.end_char], _is_future(ent.root)))
    found.sort()
    times = []
    for n, (start, end, text, future) in enumerate(found, start=1):
        value, granularity = normalise(text, ref, future)
        times.append(TimeExpr(id=f"T{n}", text=text, start=start, end=end, value=value, granularity=granularity))
    return times


def _reference_date(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None  # an impossible date in the metadata: relative times stay unresolved


def _is_future(tok: Token) -> bool:
    """True when the clause the expression belongs to is future ('will be published on Friday')."""
    for _ in range(4):
        if tok.pos_ in {"VERB", "AUX"}:
            break
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in children(tok)) or (
        tok.lemma_ == "be" and any(c.dep_ == "xcomp" and c.tag_ == "TO" for c in children(tok))
    )


def normalise(text: str, ref: dt.date | None, future: bool = False) -> tuple[str | None, str | None]:
    """(value, granularity) for one expression; (None, None) when it names no point in time.

    ``future`` says the expression sits in a future clause: a bare weekday then means the next one.
    """
    s = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    s = re.sub(r"^the\s+", "", s)
    m = _YEAR_ONLY.match(s)
    if m:
        return m.group("year"), "year"
    explicit = _explicit(s)
    if explicit is not None:
        return explicit
    if ref is None:
        return _absolute(text)
    if future:
        s = re.sub(r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", r"next \1", s)
    for rule in (_relative_year, _relative_month, _relative_week, _weekday, _month_day, _month_only, _simple):
        result = rule(s, ref)
        if result is not None:
            return result
    return _dateparser(text, ref)


def _explicit(s: str) -> tuple[str, str] | None:
    """'April 15, 2015', '15 April 2015', 'April 2015', '2015-04-15': the value needs no reference."""
    for pattern in _EXPLICIT:
        m = pattern.match(s)
        if m is None:
            continue
        month_name = m.group("month")
        month = int(month_name) if month_name.isdigit() else _MONTHS.get(month_name)
        if month is None or not 1 <= month <= 12:
            return None
        year = int(m.group("year"))
        if "day" not in m.groupdict():
            return f"{year:04d}-{month:02d}", "month"
        try:
            return dt.date(year, month, int(m.group("day"))).isoformat(), "day"
        except ValueError:
            return None  # 'February 30, 2015': left to dateparser, which says what it makes of it
    return None


def _relative_year(s: str, ref: dt.date) -> tuple[str, str] | None:
    m = _YEAR_REL.match(s)
    if not m:
        return None
    year = ref.year + {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[m.group("rel")]
    part = (m.group("part") or "").replace("the ", "")
    if part == "mid":
        return f"{year}-Q2", "quarter"
    if part in _PART:
        return f"{year}-Q{_PART[part]}", "quarter"
    return str(year), "year"


def _relative_month(s: str, ref: dt.date) -> tuple[str, str] | None:
    m = _MONTH_REL.match(s)
    if not m:
        return None
    shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[m.group("rel")]
    month_index = ref.year * 12 + ref.month - 1 + shift
    return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month"


def _relative_week(s: str, ref: dt.date) -> tuple[str, str] | None:
    m = _WEEK_REL.match(s)
    if not m:
        return None
    shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[m.group("rel")]
    year, week, _ = (ref + dt.timedelta(weeks=shift)).isocalendar()
    return f"{year}-W{week:02d}", "week"


def _weekday(s: str, ref: dt.date) -> tuple[str, str] | None:
    m = _WEEKDAY_RE.match(s)
    if not m:
        return None
    target = _WEEKDAYS[m.group("day")]
    rel = m.group("rel")
    if rel == "next":
        delta = (target - ref.weekday()) % 7 or 7
        return (ref + dt.timedelta(days=delta)).isoformat(), "day"
    delta = (ref.weekday() - target) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return (ref - dt.timedelta(days=delta)).isoformat(), "day"


def _month_day(s: str, ref: dt.date) -> tuple[str, str] | None:
    m = _MONTH_DAY.match(s)
    if not m:
        return None
    month = _MONTHS.get(m.group("month") or m.group("month2") or "")
    day = int(m.group("day") or m.group("day2"))
    if month is None:
        return None
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        # news looks back: a date up to a week ahead is still 'this' year, beyond that the past
        distance = (ref - cand).days
        score = abs(distance) if distance >= -7 else abs(distance) + 400
        if best is None or score < best[0]:
            best = (score, cand)
    return (best[1].isoformat(), "day") if best else None


def _month_only(s: str, ref: dt.date) -> tuple[str, str] | None:
    m = _MONTH_ONLY.match(s)
    if not m or m.group("month") not in _MONTHS:
        return None
    month, rel = _MONTHS[m.group("month")], m.group("rel")
    if rel == "next":
        year = ref.year if month > ref.month else ref.year + 1
    elif rel == "last":
        year = ref.year if month < ref.month else ref.year - 1
    elif rel == "this":
        year = ref.year
    else:  # a bare month name: the latest one not after the reference month (news looks back)
        year = ref.year if month <= ref.month else ref.year - 1
    return f"{year:04d}-{month:02d}", "month"


def _simple(s: str, ref: dt.date) -> tuple[str, str] | None:
    if s in _SIMPLE and _SIMPLE[s] is not None:
        return (ref + dt.timedelta(days=_SIMPLE[s])).isoformat(), "day"  # type: ignore[operator]
    return None


def _absolute(text: str) -> tuple[str | None, str | None]:
    """Without a reference date only expressions that carry their own year get a value."""
    if not re.search(r"\b(1[89]|20)\d{2}\b", text):
        return None, None
    return _dateparser(text, None)


@lru_cache(maxsize=4096)
def _dateparser(text: str, ref: dt.date | None) -> tuple[str | None, str | None]:
    """dateparser for what the rules above do not cover; memoised, as it costs milliseconds a call."""
    cleaned = _LEADING.sub("", text.strip())
    if not _ANCHOR.search(cleaned):  # a duration ('72 hours', 'weeks') names no point in time
        return None, None
    import dateparser  # here, not at the top: its import and language data cost ~40 ms, once

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if ref is not None:
        settings["RELATIVE_BASE"] = dt.datetime(ref.year, ref.month, ref.day)
    try:
        parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return None, None
    if parsed is None:
        return None, None
    lower = cleaned.lower()
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)", re.sub(r"\b(1[89]|20)\d{2}\b", "", lower)))
    has_month = any(re.search(rf"\b{re.escape(k)}\b", lower) for k in _MONTHS)
    relative_day = re.search(r"\b(day|days|ago|yesterday|today|tomorrow|week|weeks)\b", lower)
    if has_day or relative_day:
        return parsed.date().isoformat(), "day"
    if has_month:
        return f"{parsed.year:04d}-{parsed.month:02d}", "month"
    if re.search(r"\b(1[89]|20)\d{2}\b", lower):
        return f"{parsed.year:04d}", "year"
    return None, None
