"""Framing: how the text frames its subjects, each flag with offsets and a reason.

- labels: the noun phrase a text uses for an actor, classed neutral or loaded by its head noun and
  modifiers ('foreign-backed militant groups' is loaded, 'the militants' neutral), with the entity;
- loaded language: charged words and intensifiers, marked as inside a quotation (the speaker's
  framing, with the speaker) or outside (the outlet's);
- qualifiers: delegitimising qualifiers with their noun ('so-called headquarters');
- scare quotes: a term in quotation marks that is not a quotation.
``attribution_balance`` gives the share of quoted words by speaker side.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dateline.errors import DataError
from dateline.extract.quotemarks import quoted_spans
from dateline.extract.sentences import doc_text, noun_chunks, token_range, tokens
from dateline.model import Article, Entity, Frame, Quote

_KINDS = {"label", "modifier", "qualifier", "loaded"}
_STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
_OPPOSITION_SECTORS = {"OPP", "REB", "PRM", "UAF"}
_SCARE_MAX_WORDS = 4


@dataclass(frozen=True)
class Term:
    term: str
    kind: str
    cls: str
    note: str


@dataclass(frozen=True)
class Lexicon:
    exact: dict[str, list[Term]]
    prefixes: dict[str, list[tuple[str, Term]]]  # by first two letters
    longest: int
    first_words: frozenset[str]  # the first word of every multi-word term

    def lookup(self, words: list[str]) -> list[Term]:
        key = " ".join(words)
        found = list(self.exact.get(key, []))
        if " " not in key:
            found += [t for p, t in self.prefixes.get(key[:2], ()) if key.startswith(p)]
        return found


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The framing lexicon (``data/framing.tsv``), loaded once."""
    path = Path(str(resources.files("dateline") / "data" / "framing.tsv"))
    entries: dict[tuple[str, str], Term] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE)) + ["", "", ""]
        term, kind, cls, note = (c.strip() for c in cells[:4])
        if kind not in _KINDS or cls not in {"loaded", "neutral"}:
            raise DataError(f"{path}:{n}: kind must be one of {sorted(_KINDS)} and class loaded or neutral")
        entries[(term.lower(), kind)] = Term(term.lower(), kind, cls, note)
    exact: dict[str, list[Term]] = {}
    prefixes: dict[str, list[tuple[str, Term]]] = {}
    for t in entries.values():
        if t.term.endswith("*"):
            prefixes.setdefault(t.term[:2], []).append((t.term[:-1], t))
        else:
            exact.setdefault(t.term, []).append(t)
    longest = max((len(t.term.split()) for t in entries.values()), default=1)
    first_words = frozenset(t.term.split()[0] for t in entries.values() if " " in t.term)
    return Lexicon(exact, prefixes, longest, first_words)


@lru_cache(maxsize=65536)
def _word_terms(word: str) -> tuple[Term, ...]:
    """Lexicon terms for one word (exact or by prefix), memoised: news reuses its vocabulary."""
    return tuple(load_lexicon().lookup([word]))


def extract_frames(doc: Doc, article: Article, entities: list[Entity], quotes: list[Quote]) -> list[Frame]:
    """Every framing flag in the article, in text order."""
    lex = load_lexicon()
    matches = _match(doc, lex)
    frames: list[Frame] = []
    taken: set[int] = set()
    mention_entity = _mention_index(doc, entities)
    for chunk in noun_chunks(doc):
        if any(i in matches for i in range(chunk.start, chunk.end)):  # a chunk frame needs a lexicon word
            frames.extend(_chunk_frames(doc, chunk, matches, mention_entity, taken))
    for i, terms in sorted(matches.items()):
        loaded = [t for t in terms if t.kind == "loaded"]
        if i in taken or not loaded:
            continue
        span = _loaded_span(doc[i], matches)
        if any(t.i in taken for t in span):
            continue
        taken.update(t.i for t in span)
        frames.append(_frame("loaded_language", span, f"charged word: {loaded[0].note or loaded[0].term}", "loaded"))
    frames.extend(_scare_quotes(doc, quotes))
    for f in frames:
        q = next((q for q in quotes if q.start <= f.start and f.end <= q.end + 1), None)
        if q is not None:
            f.in_quote, f.speaker_id = True, q.speaker_id
    frames.sort(key=lambda f: (f.start, f.end))
    for n, f in enumerate(frames, start=1):
        f.id = f"F{n}"
    return frames


def _match(doc: Doc, lex: Lexicon) -> dict[int, list[Term]]:
    """Token index → lexicon terms starting there (multi-word terms mark each of their tokens).

    A term over several tokens can only start at a token glued to the next one ('so-called',
    'brutal-looking') or at the first word of a multi-word term, so only those try longer matches."""
    text = doc_text(doc)
    toks = tokens(doc)
    n = len(toks)
    found: dict[int, list[Term]] = {}
    longest = min(lex.longest, 3)
    for i, tok in enumerate(toks):
        if tok.is_space or tok.is_punct:
            continue
        lower = tok.lower_
        top = longest if not tok.whitespace_ or lower in lex.first_words else 1
        for length in range(min(top, n - i), 0, -1):
            if length == 1:
                terms = _word_terms(lower)
                if not terms:
                    lemma = tok.lemma_.lower()
                    terms = _word_terms(lemma) if lemma != lower else ()
            else:  # 'so-called' stays one word whatever the tokenizer does
                last = toks[i + length - 1]
                words = text[tok.idx : last.idx + len(last)].lower().split()
                terms = tuple(lex.lookup([" ".join(words)])) if len(words) > 1 else _word_terms(words[0])
            if terms:
                for k in range(i, i + length):
                    found.setdefault(k, []).extend(terms)
                break
    return found


def _chunk_frames(doc: Doc, chunk: Span, matches: dict[int, list[Term]], mention_entity: dict[int, str],
                  taken: set[int]) -> list[Frame]:
    out = []
    toks = [t for t in chunk if t.dep_ not in {"det", "poss", "case"} and t.tag_ != "PRP$" and not t.like_num]
    if not toks:
        return out
    kinds = {t.i: {term.kind for term in matches.get(t.i, [])} for t in toks}
    qualifier = next((t for t in toks if "qualifier" in kinds[t.i]), None)
    if qualifier is not None:
        span = doc[qualifier.i : chunk.end]
        taken.update(t.i for t in span)
        out.append(_frame("qualifier", span, f"delegitimising qualifier: {qualifier.text}", "loaded",
                          _entity_at(span, mention_entity)))
        return out
    head_terms = [term for term in matches.get(chunk.root.i, []) if term.kind == "label"]
    modifiers = [t for t in toks if t.i != chunk.root.i and "modifier" in kinds[t.i]]
    if not head_terms and not modifiers:
        return out
    start = min([t.i for t in modifiers] + [chunk.root.i])
    while start > chunk.start and doc[start - 1].pos_ in {"PROPN", "ADJ", "NOUN"} and doc[start - 1] in toks:
        start -= 1  # 'Daesh Takfiri terror group': the name belongs to the labelled phrase
    span = doc[start : chunk.end]
    loaded = bool(modifiers) or any(term.cls == "loaded" for term in head_terms)
    loaded_heads = {term.term for term in head_terms if term.cls == "loaded"}
    reason = ", ".join(sorted({t.lower_ for t in modifiers} | loaded_heads))
    taken.update(t.i for t in span)
    out.append(_frame("label", span, f"actor label ({reason or chunk.root.lower_})", "loaded" if loaded else "neutral",
                      _entity_at(span, mention_entity)))
    return out


def _loaded_span(tok: Token, matches: dict[int, list[Term]]) -> Span:
    """An intensifying adverb takes the word it intensifies ('generously supporting')."""
    doc = tok.doc
    if tok.pos_ == "ADV" and tok.head.i != tok.i and tok.head.pos_ in {"VERB", "ADJ"} and abs(tok.head.i - tok.i) <= 2:
        lo, hi = sorted((tok.i, tok.head.i))
        return doc[lo : hi + 1]
    if tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN":
        return doc[tok.i : tok.i + 2]  # 'flagrant lies', 'dirty work': the judgement and what it judges
    start = tok.i
    end = tok.i + 1
    while end < len(doc) and any(t.kind == "loaded" for t in matches.get(end, [])) and end - start < 3:
        end += 1
    return doc[start:end]


def _scare_quotes(doc: Doc, quotes: list[Quote]) -> list[Frame]:
    """A short quoted term that no quotation record covers: the writer keeping distance from a word."""
    out = []
    direct = [doc_text(doc)[r.start : r.end].lower() for r in quotes if r.kind == "direct"]
    for q in quoted_spans(doc_text(doc)):
        if any(r.start <= q.start < r.end or q.start <= r.start < q.end for r in quotes):
            continue
        if any(doc_text(doc)[q.start : q.end].lower().strip(" ,.") in d for d in direct):
            continue  # words quoted from a quotation given in full elsewhere in the article
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        words = [t for t in span if not t.is_punct]
        if not words or len(words) > _SCARE_MAX_WORDS:
            continue
        if len(words) >= 2 and all(t.text[:1].isupper() for t in words if t.is_alpha and len(t) > 3):
            continue  # a title or a name ('The Long Night')
        out.append(_frame("scare", span, "term in quotation marks that is not a quotation", "loaded"))
    return out


def _mention_index(doc: Doc, entities: list[Entity]) -> dict[int, str]:
    index: dict[int, str] = {}
    for e in entities:
        if e.type in {"NORP"}:
            continue
        for m in e.mentions:
            for i in token_range(doc, m.start, m.end):
                index.setdefault(i, e.id)
    return index


def _entity_at(span: Span, index: dict[int, str]) -> str | None:
    ids = [index[t.i] for t in span if t.i in index]
    return Counter(ids).most_common(1)[0][0] if ids else None


def _frame(kind: str, span: Span, reason: str, cls: str, entity_id: str | None = None) -> Frame:
    while len(span) > 1 and not span[0].is_alpha:
        span = span[1:]
    while len(span) > 1 and not span[-1].is_alpha:
        span = span[:-1]
    return Frame(id="", kind=kind, text=span.text, start=span.start_char, end=span.end_char, reason=reason,
                 label_class=cls, entity_id=entity_id)


def attribution_balance(quotes: list[Quote], entities: list[Entity], focus_country: str | None) -> dict[str, float]:
    """Share of quoted words by speaker side: government, opposition, foreign, other (sums to 1)."""
    by_id = {e.id: e for e in entities}
    words: Counter[str] = Counter()
    for q in quotes:
        entity = by_id.get(q.speaker_id or "") or _described_speaker(q.speaker_text)
        words[speaker_side(entity, focus_country)] += len(q.text.split())
    total = sum(words.values())
    return {side: round(words[side] / total, 3) for side in ("government", "opposition", "foreign", "other")} \
        if total else {}


def _described_speaker(text: str | None) -> Entity | None:
    """An unnamed speaker described by role: 'a military source', 'rebel spokesman', 'activists'."""
    from dateline.gazetteer import load_gazetteer

    if not text:
        return None
    roles = load_gazetteer().roles
    for word in reversed(text.lower().replace(",", " ").split()):
        role = roles.get(word) or roles.get(word.rstrip("s")) or roles.get(word + "s")
        if role is not None:
            return Entity(id="", name=text, type="GROUP", role=role.role, sector=role.sector)
    return None


def speaker_side(entity: Entity | None, focus_country: str | None) -> str:
    """Which side a speaker speaks for, relative to the article's main country."""
    if entity is None:
        return "other"
    if entity.country and focus_country and entity.country != focus_country:
        return "foreign"
    if entity.sector in _STATE_SECTORS:
        return "government"
    if entity.sector in _OPPOSITION_SECTORS:
        return "opposition"
    return "other"


def focus_country(entities: list[Entity]) -> str | None:
    """The country the article is mostly about: the most-mentioned country entity."""
    counts = Counter({e.country: len(e.mentions) for e in entities if e.type == "GPE" and e.role == "state"})
    return counts.most_common(1)[0][0] if counts else None
