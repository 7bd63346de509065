"""Constant-time look-ups over a parsed document: its tokens, sentences, noun chunks and text. spaCy
builds a new Token on every ``doc[i]`` and every iteration, ``Token.sent`` walks the sentences and
``Doc.text`` rebuilds the string on every call; stages use them in loops, so each is computed once per
document and kept in ``doc.user_data``."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

_KEY = "dateline.sentences"


def tokens(doc: Doc) -> list[Token]:
    """The document's tokens as one list, built once (``doc[i]`` and ``for t in doc`` build new ones)."""
    toks = doc.user_data.get("dateline.tokens")
    if toks is None or len(toks) != len(doc):
        toks = list(doc)
        doc.user_data["dateline.tokens"] = toks
    return toks


def noun_chunks(doc: Doc) -> list[Span]:
    """``doc.noun_chunks``, which spaCy recomputes from the parse on every call, computed once."""
    chunks = doc.user_data.get("dateline.noun_chunks")
    if chunks is None:
        chunks = list(doc.noun_chunks)
        doc.user_data["dateline.noun_chunks"] = chunks
    return chunks


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences (computed once per document)."""
    return _index(doc)[0]


def sent_of(tok: Token) -> Span:
    """The sentence a token is in."""
    spans, index = _index(tok.doc)
    return spans[index[tok.i]]


def sent_number(tok: Token) -> int:
    """The position of the token's sentence in the document."""
    return _index(tok.doc)[1][tok.i]


def _index(doc: Doc) -> tuple[list[Span], list[int]]:
    cached = doc.user_data.get(_KEY)
    if cached is None or len(cached[1]) != len(doc):
        spans = list(doc.sents)
        index = [0] * len(doc)
        for n, s in enumerate(spans):
            for i in range(s.start, s.end):
                index[i] = n
        cached = (spans, index)
        doc.user_data[_KEY] = cached
    return cached


def doc_text(doc: Doc) -> str:
    """``doc.text``, which spaCy rebuilds from the tokens on every call, computed once per document."""
    text = doc.user_data.get("dateline.text")
    if text is None:
        text = doc.text
        doc.user_data["dateline.text"] = text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Record the exact string a document was parsed from (so ``doc_text`` need not rebuild it)."""
    doc.user_data["dateline.text"] = text
    return doc


def children(tok: Token) -> tuple[Token, ...]:
    """``tok.children`` from a per-document index: spaCy builds new Token objects on every walk."""
    index = tok.doc.user_data.get("dateline.children")
    if index is None:
        toks = tokens(tok.doc)
        kids: list[list[Token]] = [[] for _ in toks]
        # head offsets in one array call (``t.head`` builds a Token); uint64 wraps negative offsets
        for i, offset in enumerate(tok.doc.to_array("HEAD").astype("int64").tolist()):
            if offset:
                kids[i + offset].append(toks[i])
        index = [tuple(k) for k in kids]
        tok.doc.user_data["dateline.children"] = index
    return index[tok.i]


def token_range(doc: Doc, start: int, end: int) -> range:
    """Indices of the tokens overlapping characters [start, end), like ``char_span(..., 'expand')``
    without building a Span: a bisect over the document's token offsets, computed once."""
    starts = doc.user_data.get("dateline.token_starts")
    if starts is None or len(starts) != len(doc):
        starts = [t.idx for t in tokens(doc)]
        doc.user_data["dateline.token_starts"] = starts
    if end <= start:
        return range(0)
    first = max(0, bisect_right(starts, start) - 1)
    last = bisect_left(starts, end)
    return range(first, last)
