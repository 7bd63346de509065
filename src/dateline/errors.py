"""The one exception family: every error dateline raises on purpose is a DatelineError."""

from __future__ import annotations


class DatelineError(Exception):
    """Base class; the message names the file or field and what to do."""


class InputError(DatelineError):
    """An input file or value cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class ModelError(DatelineError):
    """The spaCy model is missing or cannot be loaded."""


class DataError(DatelineError):
    """A lexicon, pattern or actor dictionary file is malformed."""


class StoreError(DatelineError):
    """The SQLite store cannot be opened, migrated or written."""


class EvalError(DatelineError):
    """A gold file cannot be read or does not have the expected layout."""
