"""Article metadata: the wire dateline ('Damascus, January 9 (RHC)--') and the publication date.

The dateline is parsed into place, date and agency and blanked out of the text NLP sees (same
length, so offsets still point into ``Article.text``). The publication date comes from metadata,
else from the dateline date plus a year read from the URL or inferred from the content, else None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from dateline.model import Article, Dateline

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTHS}(?:,?\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)
_WORD = r"[A-Z][\w.'’\-]*"
_PLACE = rf"{_WORD}(?:\s+(?:{_WORD}|de|del|da|al|el|es|of|la|le|sur|am))*"
_CAPS_WORD = r"[A-Z][A-Z.'’\-/]+"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD})*"
_AGENCY = r"\(\s*(?P<agency>[A-Za-z][\w .&/'’-]{0,30}?)\s*\)"
_SEP = r"\s*(?:-{1,2}|—|–|―|:)\s*"

_PATTERNS = [
    # PLACE[, Region], DATE[, YEAR] [(AGENCY)] SEP   — Reuters, AFP, Xinhua, RHC
    re.compile(
        rf"(?P<place>{_PLACE}(?:,\s+{_PLACE})?),\s+(?P<date>{_DATE})\s*(?:{_AGENCY}|,\s*(?P<agency2>[A-Z][A-Za-z]{{1,10}}))?"
        rf"(?:{_SEP}|\s*\.\s*/(?P<agency3>[A-Z]+)/\.\s*)"
    ),
    # PLACE[, Region] (AGENCY) SEP   — AP, AFP
    re.compile(rf"(?P<place>{_PLACE}(?:,\s+{_PLACE})?)\s*{_AGENCY}{_SEP}"),
    # DATE (AGENCY) SEP   — 'Jan 9 (Reuters) -'
    re.compile(rf"(?P<date>{_DATE})\s*{_AGENCY}{_SEP}"),
    # (AGENCY) SEP   — '(CNN) —'
    re.compile(rf"{_AGENCY}{_SEP}"),
    # ALL-CAPS PLACE[, Region] SEP   — 'NEW YORK —', 'KABUL, Afghanistan —'
    # (a hyphen joined to the next word is no separator: 'U.S.-Japan talks')
    re.compile(rf"(?P<place>{_CAPS_PLACE}(?:,\s+{_PLACE})?)\s*(?:-{{1,2}}(?![A-Za-z])|—|–|―|:)\s*"),
]
_MAX_DATELINE = 120
_PUNCT_RUN = re.compile(r"([^\w\s])\1{7,}")  # eight or more of one mark
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_YEAR_IN_URL = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:[/_-](0[1-9]|1[0-2])(?:[/_-](0[1-9]|[12]\d|3[01]))?)?(?=[/_-]|$)")
_YEAR_IN_TEXT = re.compile(r"(?<![\d$€£,.])((?:19|20)\d{2})(?![\d,]|\s*(?:%|percent|people|troops))")
_WEEKDAY_IN_TEXT = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def extract_metadata(article: Article, today: dt.date | None = None) -> Article:
    """A copy of the article with its dateline parsed and its publication date filled when knowable."""
    found = parse_dateline(article.text)
    published, how = article.published, article.published_source
    if published is None and found and found.date_text:
        published, how = _date_from_dateline(found.date_text, article, today or dt.date.today())
    return replace(article, dateline=found, published=published, published_source=how)


def nlp_text(article: Article) -> str:
    """The text NLP sees: the article text with the dateline blanked to spaces, and runs of one punctuation
    mark ('-----', '«««««') blanked too (spaCy's tokenizer is quadratic over them); offsets unchanged."""
    text = _PUNCT_RUN.sub(lambda m: " " * len(m.group()), article.text)
    d = article.dateline
    if d is None:
        return text
    return text[: d.start] + " " * (d.end - d.start) + text[d.end :]


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a text, or None."""
    lead = len(text) - len(text.lstrip())
    head = text[lead : lead + _MAX_DATELINE + 20]
    for pattern in _PATTERNS:
        m = pattern.match(head)
        if not m or m.end() > _MAX_DATELINE:
            continue
        groups = m.groupdict()
        place = (groups.get("place") or "").strip() or None
        agency = next((groups[g] for g in ("agency", "agency2", "agency3") if groups.get(g)), None)
        if place and not _plausible_place(place):
            continue
        # the dateline proper ends before the separator's trailing space
        end = lead + len(m.group(0).rstrip())
        return Dateline(
            text=text[lead:end],
            start=lead,
            end=end,
            place=_tidy_place(place) if place else None,
            date_text=(groups.get("date") or "").strip() or None,
            agency=agency.strip() if agency else None,
        )
    return None


def _plausible_place(place: str) -> bool:
    words = place.replace(",", " ").split()
    return 0 < len(words) <= 6 and not any(w.lower() in {"said", "says", "the", "a", "an"} for w in words)


def _tidy_place(place: str) -> str:
    """'NEW YORK' → 'New York'; mixed case is kept; the region after a comma is dropped."""
    city = place.split(",")[0].strip()
    if city.isupper():
        return " ".join(w.capitalize() if len(w) > 2 or w in {"UN"} else w for w in city.split())
    return city


def _date_from_dateline(date_text: str, article: Article, today: dt.date) -> tuple[str | None, str | None]:
    month_day = _month_day(date_text)
    if month_day is None:
        return None, None
    month, day, year = month_day
    how = "dateline"
    if year is None:
        year, how = _year_from_url(article.url, month), "dateline+url"
    if year is None:
        year, how = _year_from_content(article.text, month, day, today), "dateline+content"
    if year is None:
        return None, None
    try:
        return dt.date(year, month, day).isoformat(), how
    except ValueError:
        return None, None


def _month_day(date_text: str) -> tuple[int, int, int | None] | None:
    iso = re.search(r"(\d{4})-(\d{2})-(\d{2})", date_text)
    if iso:
        return int(iso.group(2)), int(iso.group(3)), int(iso.group(1))
    m = re.search(r"([A-Z][a-z]+)\.?\s+(\d{1,2})", date_text) or re.search(r"(\d{1,2})\s+([A-Z][a-z]+)", date_text)
    if not m:
        return None
    a, b = m.group(1), m.group(2)
    name, day = (a, b) if a[0].isalpha() else (b, a)
    month = _month_number(name)
    if month is None:
        return None
    year_m = re.search(r"\b(\d{4})\b", date_text)
    return month, int(day), int(year_m.group(1)) if year_m else None


def _month_number(name: str) -> int | None:
    key = name.lower().rstrip(".")[:3]
    for i in range(1, 13):
        if calendar.month_abbr[i].lower() == key:
            return i
    return None


def _year_from_url(url: str | None, month: int) -> int | None:
    if not url:
        return None
    for m in _YEAR_IN_URL.finditer(url):
        year = int(m.group(1))
        if m.group(2) and int(m.group(2)) != month:
            continue
        return year
    return None


def _year_from_content(text: str, month: int, day: int, today: dt.date) -> int | None:
    """The earliest year after every year the text mentions in which the dateline date falls on a
    weekday the text names (a wire story names the day it reports on); None when nothing fits."""
    years = [int(y) for y in _YEAR_IN_TEXT.findall(text)]
    weekdays = {_WEEKDAYS[w.lower()] for w in _WEEKDAY_IN_TEXT.findall(text)}
    if not years or not weekdays:
        return None
    latest = max(years)
    for year in range(latest + 1, min(latest + 15, today.year) + 1):
        try:
            if dt.date(year, month, day).weekday() in weekdays:
                return year
        except ValueError:
            continue
    return None
