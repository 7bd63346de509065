"""Normalising publication dates from metadata to ISO 'YYYY-MM-DD'."""

from __future__ import annotations

import datetime as dt
import time


def normalise_date(value: object) -> str | None:
    """ISO date from a string, datetime, date or struct_time; None if it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        try:  # feedparser turns '0000-00-00' into year -1
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except (ValueError, OverflowError):
            return None
    if not isinstance(value, str):
        return None
    s = value.strip()
    try:
        return dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except (ValueError, OverflowError):
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    import dateparser

    try:
        parsed = dateparser.parse(s[:200], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed else None
