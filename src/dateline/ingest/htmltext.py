"""Plain text from an HTML fragment (feed entry content), paragraphs kept apart."""

from __future__ import annotations

import html as htmllib
import re

_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


def html_fragment_text(fragment: str) -> str:
    """Tags dropped, entities decoded, block elements turned into blank-line paragraph breaks."""
    if not fragment:
        return ""
    s = _SCRIPT.sub(" ", fragment)
    s = _BLOCK.sub("\n\n", s)
    s = htmllib.unescape(_TAG.sub("", s))
    paras = [re.sub(r"[ \t\r\f\v]+", " ", p).strip() for p in re.split(r"\n\s*\n", s)]
    return "\n\n".join(p.replace("\n", " ") for p in paras if p)
