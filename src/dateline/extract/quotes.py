"""Quotations: who said what, with the speaker resolved through the entities stage.

Kinds: ``direct`` (a clause in quotation marks with a cue, or a cue-less quote that continues the
adjacent speaker), ``indirect`` (a reported clause: 'said that ...', 'according to X, ...'),
``partial`` (a few quoted words in the writer's sentence: hailed it as "a huge step") and
``mixed`` (a reported clause with a long quoted part). Text in quotation marks with no cue — a
scare quote, a title, a name — is not a quotation (the framing stage flags it).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dateline.extract.quotemarks import QuotedSpan, quoted_spans
from dateline.extract.sentences import children, doc_text, sent_of, sentences, token_range, tokens
from dateline.gazetteer import ORG_TYPES, identity_key
from dateline.model import Article, Entity, Mention, Quote

_SUBJECTS = {"nsubj", "nsubjpass"}
_CLIMB = {"advcl", "conj", "xcomp", "pcomp", "prep", "ccomp", "acl", "relcl"}
_INTRODUCERS = {":", ",", "—", "–", "-", "that", "saying", "(", "said", "says"}
_MIN_DIRECT_TOKENS = 5
_MIXED_SHARE = 0.4
_ADJACENT_CHARS = 400


@dataclass(frozen=True)
class _Cue:
    token: Token
    text: str
    start: int
    end: int


def extract_quotes(doc: Doc, article: Article, entities: list[Entity]) -> list[Quote]:
    """Every quotation in the article, in text order, with speaker and cue where known."""
    cues = _load_cues()
    mentions = sorted((m for e in entities for m in e.mentions), key=lambda m: m.start)
    names = {e.id: e.name for e in entities}
    spans = quoted_spans(doc_text(doc))
    in_quote = _token_flags(doc, spans)
    records: list[tuple[int, str, int, int, _Cue | None, Token | None]] = []  # start, kind, s, e, cue, subj
    used_quotes: set[int] = set()
    indirect = _indirect_quotes(doc, cues, in_quote, spans)
    for content_start, content_end, cue, subj, embedded in indirect:
        share = sum(spans[i].end - spans[i].start for i in embedded) / max(1, content_end - content_start)
        direct_inside = [i for i in embedded if _starts_clause(doc, spans[i]) and _clause_like(doc, spans[i])]
        if direct_inside:
            continue  # 'adding that "it is a critical moment ..."': the quotation itself is the record
        used_quotes.update(embedded)
        kind = "mixed" if share >= _MIXED_SHARE else "indirect"
        records.append((content_start, kind, content_start, content_end, cue, subj))
    direct_spans: set[int] = set()
    for i, q in enumerate(spans):
        if i in used_quotes:
            continue
        cue, subj = _cue_for_quote(doc, q, cues, in_quote)
        continues = (i - 1) in direct_spans and _continues(doc_text(doc), spans[i - 1], q)
        if cue is None and subj is None:
            subj = _preceding_subject(doc, q, in_quote)
        direct = _clause_like(doc, q) and (_starts_clause(doc, q) or cue is None)
        if direct or (continues and (cue is None or _starts_clause(doc, q))):
            records.append((q.start, "direct", q.start, q.end, cue, subj))
            direct_spans.add(i)
        elif cue is not None and "partial" in cues.get(_lemma_key(cue.token), "") and _words(doc, q) >= 2:
            records.append((q.start, "partial", q.start, q.end, cue, subj))
    records.sort()
    quotes: list[Quote] = []
    for _, kind, start, end, cue, subj in records:
        start, end = _trim(doc_text(doc), start, end)
        if end <= start:
            continue
        quote = Quote(id="", kind=kind, text=doc_text(doc)[start:end], start=start, end=end)
        if cue is not None:
            quote.cue, quote.cue_start, quote.cue_end = cue.text, cue.start, cue.end
        if subj is not None:
            _attach_speaker(quote, subj, mentions, names)
        quotes.append(quote)
    quotes = _drop_restatements(quotes, spans, doc_text(doc))
    _continue_speakers(quotes, doc_text(doc))
    _pronoun_chain(quotes, entities)
    _organisation_pronouns(quotes, entities, doc_text(doc))
    quotes = [q for q in quotes if q.cue is not None or q.speaker_text is not None]
    quotes = sorted(quotes + _nested_quotes(doc, quotes, cues, mentions, names), key=lambda q: (q.start, -q.end))
    _speaker_kinds(quotes, entities)
    for n, q in enumerate(quotes, start=1):
        q.id = f"Q{n}"
    return quotes


_PRONOUN_WORDS = {"he", "she", "it", "they", "we", "i"}


_NESTED = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[:,(—]))[‘'](?P<content>[^‘’'\n]{8,}?)[’'](?=[\s,.;:!?—)]|$)")


def _nested_quotes(doc: Doc, quotes: list[Quote], cues: dict[str, str], mentions: list[Mention],
                   names: dict[str, str]) -> list[Quote]:
    """'"He told me, 'we will never surrender,'" she said': a single-quoted passage inside a direct quote,
    reported by a speech verb inside that quote, is a quotation of its own, by that verb's subject."""
    text, found = doc_text(doc), []
    for outer in (q for q in quotes if q.kind == "direct"):
        for m in _NESTED.finditer(text, outer.start, outer.end):
            start, end = m.start("content"), m.end("content")
            inner = token_range(doc, start, end)
            if not inner:
                continue
            sent = sent_of(tokens(doc)[inner.start])
            cues_in = [t for t in tokens(doc)[sent.start : sent.end] if outer.start <= t.idx < outer.end
                       and not (start <= t.idx < end) and _is_cue(t, cues, "indirect")]
            if not cues_in:
                continue  # a title or an emphasis in single marks, not speech
            cue = min(cues_in, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
            subj = _speaker_token(cue, cues)
            if subj is None or not (outer.start <= subj.idx < outer.end):
                continue  # the cue's subject stands outside: the outer attribution, not a nested one
            start, end = _trim(text, start, end)
            nested = Quote(id="", kind="direct", text=text[start:end], start=start, end=end)
            record = _cue_record(cue)
            nested.cue, nested.cue_start, nested.cue_end = record.text, record.start, record.end
            _attach_speaker(nested, subj, mentions, names)
            found.append(nested)
    return found


def _speaker_kinds(quotes: list[Quote], entities: list[Entity]) -> None:
    """How each quote names its speaker (``speaker_kind``) and the speaker's corpus key (``speaker_key``):
    a named person, an organisation or state, a pronoun or a description resolved to one, or an unnamed
    source ('a senior official', 'officials'), which keeps no entity."""
    by_id = {e.id: e for e in entities}
    mention_at = {(m.start, m.end): m for e in entities for m in e.mentions}
    for q in quotes:
        entity = by_id.get(q.speaker_id or "")
        mention = mention_at.get((q.speaker_start, q.speaker_end)) if q.speaker_start is not None else None
        text = (q.speaker_text or "").lower()
        if entity is None:
            q.speaker_kind = None if q.speaker_text is None else "pronoun" if text in _PRONOUN_WORDS else "unnamed"
            continue
        if entity.type == "GROUP":
            q.speaker_kind = "unnamed"
        elif text in _PRONOUN_WORDS or mention is not None and mention.kind == "pronoun":
            q.speaker_kind = "pronoun"
        elif mention is not None and mention.kind in {"title", "description"}:
            q.speaker_kind = "description"
        else:
            q.speaker_kind = "named" if entity.type == "PERSON" else "organisation"
        if q.speaker_kind != "unnamed":  # 'the government' here and there are no one identity
            q.speaker_key = identity_key(entity.type, entity.name)


# --- lexicon -----------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _load_cues() -> dict[str, str]:
    path = Path(str(resources.files("dateline") / "data" / "cues.tsv"))
    cues: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, _, uses = line.partition("\t")
            key = lemma.strip()
            cues[key] = " ".join(filter(None, (cues.get(key, ""), uses.strip())))  # a repeated lemma adds uses
    return cues


@lru_cache(maxsize=1)
def _cue_heads() -> frozenset[str]:
    """The first words of the lexicon's entries."""
    return frozenset(k.split()[0] for k in _load_cues())


def _lemma_key(tok: Token) -> str:
    particle = next((c.lower_ for c in children(tok) if c.dep_ == "prt"), None)
    return f"{tok.lemma_.lower()} {particle}" if particle else tok.lemma_.lower()


def _is_cue(tok: Token, cues: dict[str, str], use: str) -> bool:
    """The token is a verb whose lexicon entry has this use: by lemma and particle ('point out'), by lemma
    and preposition or object ('call on', 'take credit'), or by lemma alone."""
    lemma = tok.lemma_.lower()
    if lemma not in _cue_heads():
        return False  # no lexicon entry starts with this word (most tokens: answered without a walk)
    if tok.pos_ not in {"VERB", "AUX"} and not (tok.tag_.startswith("VB")):
        return False
    if tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)):
        return False  # 'declined to say whether', 'for him to admit that ...': no one said it
    keys = [_lemma_key(tok)]
    keys += [f"{lemma} {c.lower_ if c.dep_ == 'prep' else c.lemma_.lower()}" for c in children(tok)
             if c.dep_ in {"prep", "dobj"} and c.i > tok.i]
    keys.append(lemma)
    for key in keys:
        uses = cues.get(key, "").split()
        if use in uses or use == "direct" and "indirect" in uses:  # a reporting verb can follow a quotation
            return True
    return False


def _cue_record(tok: Token) -> _Cue:
    particle = next((c for c in children(tok) if c.dep_ == "prt"), None)
    end_tok = particle if particle is not None and particle.i == tok.i + 1 else tok
    return _Cue(tok, tok.doc[tok.i : end_tok.i + 1].text, tok.idx, end_tok.idx + len(end_tok.text))


# --- direct and partial --------------------------------------------------------------------------
def _token_flags(doc: Doc, spans: Sequence[QuotedSpan]) -> list[int]:
    """For each token, the index of the quoted span it is inside (marks included), or -1."""
    flags = [-1] * len(doc)
    for i, q in enumerate(spans):
        for t in token_range(doc, q.outer_start, q.outer_end):
            flags[t] = i
    return flags


def _quote_tokens(doc: Doc, q: QuotedSpan) -> Span | None:
    return doc.char_span(q.start, q.end, alignment_mode="expand")


def _words(doc: Doc, q: QuotedSpan) -> int:
    span = _quote_tokens(doc, q)
    return 0 if span is None else sum(1 for t in span if not t.is_punct and not t.is_space)


def _clause_like(doc: Doc, q: QuotedSpan) -> bool:
    """A quotation proper: a clause with a finite verb (five words or more, or three when it opens
    its sentence), not a phrase or a name."""
    span = _quote_tokens(doc, q)
    if span is None:
        return False
    words = _words(doc, q)
    has_verb = any(t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBG", "VBN", "TO"} for t in span)
    before = doc_text(doc)[max(0, q.outer_start - 200) : q.outer_start].rstrip()
    opens = not before or before[-1] in ".?!\n\"”"
    return has_verb and (words >= _MIN_DIRECT_TOKENS or (opens and words >= 3))


def _starts_clause(doc: Doc, q: QuotedSpan) -> bool:
    """The quote opens a sentence or follows an introducer (':', ',', 'that'), not a mid-phrase word."""
    before = doc_text(doc)[max(0, q.outer_start - 200) : q.outer_start].rstrip()
    if not before or before[-1] in ".?!\n\"”":
        return True
    last_word = before.split()[-1].lower() if before.split() else ""
    return before[-1] in ":,—–-(" or last_word in _INTRODUCERS


def _cue_for_quote(
    doc: Doc, q: QuotedSpan, cues: dict[str, str], in_quote: list[int]
) -> tuple[_Cue | None, Token | None]:
    """The speech verb outside the quote in the sentences it touches, nearest first, and its speaker."""
    first = doc.char_span(q.outer_start, q.outer_end, alignment_mode="expand")
    if first is None:
        return None, None
    sents = {sent_of(first[0]).start: sent_of(first[0]), sent_of(first[-1]).start: sent_of(first[-1])}
    candidates: list[tuple[int, Token]] = []
    toks = tokens(doc)
    for sent in sents.values():
        for tok in toks[sent.start : sent.end]:
            if in_quote[tok.i] != -1 or not _is_cue(tok, cues, "direct") and not _is_cue(tok, cues, "partial"):
                continue
            lo, hi = (tok.idx, q.outer_start) if tok.idx < q.outer_start else (q.outer_end, tok.idx)
            if "\n\n" in doc_text(doc)[lo:hi] or "\n \n" in doc_text(doc)[lo:hi]:
                continue  # a cue in another paragraph reports something else
            candidates.append((hi - lo, tok))
    if candidates:
        _, tok = min(candidates, key=lambda x: x[0])
        return _cue_record(tok), _speaker_token(tok, cues)
    according = _according_to(doc, sent_of(first[0]), in_quote)
    if according is not None:
        return according
    return None, None


def _preceding_subject(doc: Doc, q: QuotedSpan, in_quote: list[int]) -> Token | None:
    """For a quote with no cue: a person subject of the sentence just before it in the same
    paragraph ('Asked about critics, he laughed. "We are not hawkish."')."""
    first = doc.char_span(q.outer_start, q.outer_end, alignment_mode="expand")
    if first is None or sent_of(first[0]).start == 0:
        return None
    prev_sent = sent_of(tokens(doc)[sent_of(first[0]).start - 1])
    if "\n\n" in doc_text(doc)[prev_sent.end_char : q.outer_start] or any(in_quote[t.i] != -1 for t in prev_sent):
        return None
    root = prev_sent.root
    subj = next((c for c in children(root) if c.dep_ in _SUBJECTS), None)
    if subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in {"he", "she"}):
        return subj
    return None


def _continues(text: str, prev: QuotedSpan, q: QuotedSpan) -> bool:
    """The quote follows the previous one in the same paragraph, with at most a short cue between."""
    between = text[prev.outer_end : q.outer_start]
    return "\n\n" not in between and len(between) <= 60


def _according_to(doc: Doc, sent: Span, in_quote: list[int]) -> tuple[_Cue, Token | None] | None:
    toks = tokens(doc)
    for tok in toks[sent.start : sent.end]:
        if tok.lower_ == "according" and tok.i + 1 < len(toks) and toks[tok.i + 1].lower_ == "to":
            if in_quote[tok.i] != -1:
                continue
            to = toks[tok.i + 1]
            pobj = next((c for c in children(to) if c.dep_ == "pobj"), None)
            cue = _Cue(tok, doc[tok.i : tok.i + 2].text, tok.idx, to.idx + len(to.text))
            return cue, pobj
    return None


def _speaker_token(cue: Token, cues: dict[str, str]) -> Token | None:
    """The subject of the cue, or of the nearest speech verb it hangs from ('said, adding ...')."""
    v: Token | None = cue
    for _ in range(5):
        if v is None:
            return None
        speech = v is cue or _is_cue(v, cues, "direct") or _is_cue(v, cues, "indirect") or v.lemma_ == "quote"
        # a participle hanging from a main clause shares its subject ('rejected it, calling it ...')
        main_clause = v.dep_ in {"ROOT", "conj"} and v.pos_ in {"VERB", "AUX"}
        if speech or main_clause:
            subj = next((c for c in children(v) if c.dep_ in _SUBJECTS), None)
            if subj is not None:
                return subj
        if v is cue:
            inverted = _inverted_subject(cue)
            if inverted is not None:
                return inverted
        if v.dep_ not in _CLIMB or v.head.i == v.i:
            return _fronted_name(cue) if v.dep_ == "ROOT" else None
        v = v.head
    return None


def _fronted_name(cue: Token) -> Token | None:
    """'In Abidjan, Willy Neth, coordinator for ..., says ...' parsed with no subject: the last person's
    name before the cue in its sentence, outside its complement."""
    sent = sent_of(cue)
    for tok in reversed(tokens(cue.doc)[sent.start : cue.i]):
        if tok.ent_type_ == "PERSON" and tok.dep_ not in {"compound", "poss"}:
            return tok
    return None


def _inverted_subject(cue: Token) -> Token | None:
    """'"...," said engineer Paul Njoroge': the name right after the cue, which parsers often
    attach as an object."""
    toks = tokens(cue.doc)
    if cue.i < 2 or not toks[cue.i - 1].is_punct or cue.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    if not any(t.is_quote for t in toks[cue.i - 2 : cue.i]):
        return None  # a comma after a parenthetical ('Hegseth, also speaking ..., called X "..."') is no quote end
    run = []
    for tok in toks[cue.i + 1 : cue.i + 7]:
        if tok.is_punct or tok.pos_ in {"ADP", "CCONJ", "SCONJ", "AUX", "PART", "PRON", "ADV"}:
            break
        run.append(tok)
    named = [t for t in run if t.ent_type_ in {"PERSON", "ORG"}]
    if named:
        return named[-1]
    nouns = [t for t in run if t.pos_ in {"NOUN", "PROPN"}]
    return nouns[-1] if nouns else None


# --- indirect ---------------------------------------------------------------------------------------
def _indirect_quotes(
    doc: Doc, cues: dict[str, str], in_quote: list[int], spans: Sequence[QuotedSpan]
) -> list[tuple[int, int, _Cue, Token | None, list[int]]]:
    """(content start, end, cue, speaker token, indices of quoted spans inside) per reported clause."""
    found = []
    toks = tokens(doc)
    heads = _cue_heads()
    candidates = [t for t in toks if in_quote[t.i] == -1 and t.lemma_.lower() in heads]
    nested_cues = [t.i for t in candidates if t.dep_ in {"advcl", "conj"} and _is_cue(t, cues, "indirect")]
    span_ends = [s.outer_end for s in spans]
    for tok in candidates:
        comp = _complement(tok) if _is_cue(tok, cues, "indirect") else None
        if comp is None:
            reported = _reported_phrase(tok, cues)
            if reported is not None:
                first, last = reported
                embedded = sorted({in_quote[i] for i in range(first.i, last.i + 1) if in_quote[i] != -1})
                if not (embedded and spans[embedded[0]].outer_start < first.idx):
                    found.append((first.idx, last.idx + len(last.text), _cue_record(tok),
                                  _reporter(tok, cues), embedded))
            continue
        start_tok = comp.left_edge
        end_i = comp.right_edge.i + 1
        # a nested cue ('..., adding that ...') starts its own record; a subtree is a contiguous range of a
        # projective parse, so the nested cues are those indexed inside it (found by bisection: linear time
        # even over a chain of a thousand reported clauses)
        first = bisect_right(nested_cues, comp.i)
        if first < len(nested_cues) and nested_cues[first] < end_i:
            end_i = min(end_i, toks[nested_cues[first]].left_edge.i)
        while start_tok.i < end_i and (start_tok.lower_ == "that" or start_tok.is_punct or start_tok.is_space):
            start_tok = toks[start_tok.i + 1]
        if end_i - start_tok.i < 3:
            continue
        start, end = start_tok.idx, toks[end_i - 1].idx + len(toks[end_i - 1].text)
        opening = in_quote[start_tok.i]
        if opening != -1 and spans[opening].outer_start < start:
            continue  # the clause begins inside a quotation: the direct quote covers it
        embedded = _spans_within(spans, span_ends, start, end)
        found.append((start, end, _cue_record(tok), _speaker_token(tok, cues), embedded))
    found = [f for f in found if not _nested_evidence(f, found, cues)]
    for sent in sentences(doc):
        according = _according_to(doc, sent, in_quote)
        if according is None:
            continue
        cue, pobj = according
        phrase_end = (pobj.right_edge.i + 1) if pobj is not None else cue.token.i + 2
        scope = toks[sent.start : sent.end]
        clause = cue.token.head
        if clause.dep_ in {"relcl", "ccomp", "advcl", "conj"} and clause.pos_ in {"VERB", "AUX"}:
            # 'X, who according to Y is considering ...': the attribution covers its own clause only
            scope = toks[clause.left_edge.i : clause.right_edge.i + 1]
            scope = [t for t in scope if not (t.tag_ in {"WP", "WDT"} and t.head.i == clause.i)]
        rest = [t for t in scope if not (cue.token.i <= t.i < phrase_end) and not t.is_space]
        while rest and rest[0].is_punct:
            rest.pop(0)
        if len(rest) < 3 or in_quote[rest[0].i] != -1:
            continue
        if any(_is_cue(t, cues, "indirect") for t in toks[sent.start : cue.token.i]):
            continue
        embedded = sorted({in_quote[t.i] for t in rest if in_quote[t.i] != -1})
        found.append((rest[0].idx, rest[-1].idx + len(rest[-1].text), cue, pobj, embedded))
    return found


def _spans_within(spans: Sequence[QuotedSpan], ends: list[int], start: int, end: int) -> list[int]:
    """Indices of the quoted spans overlapping [start, end) (spans in text order, ``ends`` their outer
    ends: found by bisection)."""
    first = bisect_left(ends, start + 1)
    out = []
    for i in range(first, len(spans)):
        if spans[i].outer_start >= end:
            break
        out.append(i)
    return out


def _nested_evidence(record: tuple, found: list[tuple], cues: dict[str, str]) -> bool:
    """'the group said the attack showed that ...': an evidence verb inside another reported clause."""
    cue = record[2]
    return _is_cue(cue.token, cues, "evidence") and any(
        other is not record and other[0] <= cue.start < other[1] for other in found)


def _reported_phrase(cue: Token, cues: dict[str, str]) -> tuple[Token, Token] | None:
    """First and last token of what a verb reports without a clause (``data/cues.tsv`` uses): a gerund
    ('accused X of robbing ...', 'denied providing ...'), a to-infinitive ('urged X to address ...',
    'threatened to close ...'), a description after 'as' ('dismissed it as baseless') or the that-clause
    of its object ('rejected claims that ...'). None when only a noun phrase follows."""
    kids = [c for c in children(cue) if c.i > cue.i]
    if _is_cue(cue, cues, "gerund"):  # the 'of' may hang from the object: 'accused [the rebels of robbing]'
        objects = [g for c in kids if c.dep_ == "dobj" for g in children(c) if g.dep_ == "prep"]
        for c in kids + objects:
            if c.dep_ == "prep" and c.lower_ in {"of", "for", "with"}:
                gerund = next((g for g in children(c) if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
                if gerund is not None:
                    return gerund.left_edge, gerund.right_edge
            if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG" and c.left_edge.i == c.i:
                return c, c.right_edge
    if _is_cue(cue, cues, "infinitive"):
        verb = _infinitive_under(cue)
        if verb is not None:
            to = next(t for t in children(verb) if t.dep_ == "aux" and t.lower_ == "to")
            return to, verb.right_edge
    if _is_cue(cue, cues, "as"):
        for c in kids:
            if c.dep_ == "prep" and c.lower_ == "as" and children(c):
                last = c.right_edge
                return tokens(cue.doc)[c.i + 1], last
    if _is_cue(cue, cues, "nounclause"):
        for obj in (c for c in kids if c.dep_ == "dobj"):
            clause = next((c for c in children(obj) if c.dep_ in {"acl", "ccomp"} and c.i > obj.i), None)
            if clause is None:
                continue
            mark = next((m for m in children(clause) if m.dep_ == "mark" and m.lower_ == "that"), None)
            if mark is not None:
                return tokens(cue.doc)[mark.i + 1], clause.right_edge
    return None


def _infinitive_under(cue: Token) -> Token | None:
    """The first to-infinitive the verb governs, directly or through its object ('urged the government to
    address', 'called on all parties to reduce'), with no other verb between."""
    frontier = [c for c in children(cue) if c.i > cue.i]
    for _ in range(3):
        nxt = []
        for tok in frontier:
            if tok.tag_ == "VB" and any(t.dep_ == "aux" and t.lower_ == "to" for t in children(tok)):
                return tok
            if tok.pos_ not in {"VERB", "AUX"}:
                nxt.extend(c for c in children(tok) if c.i > tok.i)
        frontier = nxt
    return None


def _reporter(cue: Token, cues: dict[str, str]) -> Token | None:
    """Who reports: the subject, or in the passive the 'by' agent ('Paris was accused of ...': unknown)."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in children(cue)):
        agent = next((c for c in children(cue) if c.dep_ == "agent"), None)
        return next((c for c in children(agent) if c.dep_ == "pobj"), None) if agent is not None else None
    return _speaker_token(cue, cues)


def _audience(tok: Token) -> bool:
    """Someone who can be told something: a name, or a noun the lexicon lists as an audience."""
    return tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or "audience" in _load_cues().get(tok.lemma_.lower(), "")


def _complement(cue: Token) -> Token | None:
    """The reported clause of a speech verb: its clausal complement after it ('said that ...'),
    one hung on 'in a statement that ...', or one before it ('..., officials said')."""
    after = next((c for c in children(cue) if c.dep_ == "ccomp" and c.i > cue.i), None)
    if after is not None:
        return after
    for prep in (c for c in children(cue) if c.dep_ == "prep"):
        for pobj in (c for c in children(prep) if c.dep_ == "pobj"):
            clause = next((c for c in children(pobj) if c.dep_ in {"acl", "ccomp"} and c.i > pobj.i), None)
            if clause is not None and any(m.dep_ == "mark" and m.lower_ == "that" for m in children(clause)):
                return clause
    for obj in (c for c in children(cue) if c.dep_ in {"dobj", "dative"} and c.i > cue.i and _audience(c)):
        # 'told the inquest the boy had drowned', parsed as a relative clause of the audience
        clause = next((c for c in children(obj) if c.dep_ == "relcl" and c.i > obj.i), None)
        if clause is not None and any(s.dep_ in _SUBJECTS and s.tag_ not in {"WP", "WDT"} for s in children(clause)) \
                and not any(m.dep_ == "mark" or m.tag_ in {"WP", "WDT", "WRB"} for m in children(clause)):
            return clause
    before = next((c for c in children(cue) if c.dep_ == "ccomp" and c.i < cue.i), None)
    subj = next((c for c in children(cue) if c.dep_ in _SUBJECTS), None)
    if before is not None and subj is not None and subj.i > before.i:
        return before
    return None


# --- speakers ----------------------------------------------------------------------------------------
def _attach_speaker(quote: Quote, subj: Token, mentions: list[Mention], names: dict[str, str]) -> None:
    """The speaker mention: the one holding the subject's head word or its appositive name; else the
    subject phrase itself (an unnamed 'shipping executive'), with no entity rather than a guess."""
    if subj.tag_ in {"WP", "WDT"} and subj.head.dep_ == "relcl":
        subj = subj.head.head  # 'critics who say ...' → critics
    heads = [subj] + [c for c in children(subj) if c.dep_ == "appos"]
    best = next((m for h in heads for m in mentions if m.start <= h.idx < m.end), None)
    if best is not None and best.label != "PERSON":  # 'Soli Ozel of Kadir Has University said': the person
        best = next((m for m in mentions if m.label == "PERSON" and m.kind == "name"
                     and subj.left_edge.idx <= m.start and m.end <= best.start), best)
    if best is None:
        excluded = {t.i for c in children(subj) if c.dep_ == "poss" for t in c.subtree}
        allowed = [t for t in subj.subtree if t.i not in excluded]
        best = next(
            (m for t in allowed for m in mentions
             if m.start <= t.idx < m.end and m.label == "PERSON" and m.kind != "pronoun"),
            None,
        )
    if best is not None:
        quote.speaker_text, quote.speaker_start, quote.speaker_end = best.text, best.start, best.end
        quote.speaker_id = best.entity_id
        quote.speaker_name = names.get(best.entity_id or "")
        return
    if subj.pos_ == "PRON":
        quote.speaker_text, quote.speaker_start, quote.speaker_end = subj.text, subj.idx, subj.idx + len(subj.text)
        return  # an unresolved pronoun: speaker unknown, never guessed
    end = subj.i + 1
    while end <= subj.right_edge.i and subj.doc[end].dep_ not in {"punct", "relcl", "acl"}:
        end += 1
    span = subj.doc[subj.left_edge.i : end]
    quote.speaker_text, quote.speaker_start, quote.speaker_end = span.text, span.start_char, span.end_char


def _continue_speakers(quotes: list[Quote], text: str) -> None:
    """A cue-less quote belongs to the speaker of the quote just before it, when that is near."""
    for prev, q in zip(quotes, quotes[1:], strict=False):
        near = q.start - prev.end <= _ADJACENT_CHARS
        if q.cue is None and q.speaker_id is None and near and (prev.speaker_id or not q.speaker_text):
            q.speaker_id, q.speaker_name = prev.speaker_id, prev.speaker_name
            q.speaker_text, q.speaker_start, q.speaker_end = prev.speaker_text, prev.speaker_start, prev.speaker_end


_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_CHAIN_CHARS = 1200


def _pronoun_chain(quotes: list[Quote], entities: list[Entity]) -> None:
    """The quote chain: a quote by an unresolved 'he'/'she' belongs to the speaker of the nearest quote
    before it whose speaker is a person of that gender (or of none known), when it is near."""
    people = {e.id: e for e in entities if e.type == "PERSON"}
    genders = {e.id: {_GENDER[m.text.lower()] for m in e.mentions if m.kind == "pronoun" and m.text.lower() in _GENDER}
               for e in people.values()}
    for n, q in enumerate(quotes):
        gender = _GENDER.get((q.speaker_text or "").lower())
        if q.speaker_id is not None or gender is None or q.speaker_text is None:
            continue
        for prev in reversed(quotes[:n]):
            if q.start - prev.end > _CHAIN_CHARS:
                break
            if prev.speaker_id in people and genders[prev.speaker_id] <= {gender}:
                q.speaker_id, q.speaker_name = prev.speaker_id, prev.speaker_name
                break


_IT_CHARS = 600


def _organisation_pronouns(quotes: list[Quote], entities: list[Entity], text: str) -> None:
    """'It said ...': a quote whose speaker is 'it' belongs to the organisation named last before it in
    the same paragraph (within a few sentences), when there is one."""
    orgs = sorted(((m.start, e) for e in entities if e.type in ORG_TYPES for m in e.mentions
                   if m.kind in {"name", "description"}), key=lambda x: x[0])
    for q in quotes:
        if q.speaker_id is not None or (q.speaker_text or "").lower() != "it" or q.speaker_start is None:
            continue
        before = [(start, e) for start, e in orgs if q.speaker_start - _IT_CHARS <= start < q.speaker_start
                  and "\n\n" not in text[start : q.speaker_start]]
        if before:
            _, e = before[-1]
            q.speaker_id, q.speaker_name = e.id, e.name


def _drop_restatements(quotes: list[Quote], spans: Sequence[QuotedSpan], text: str) -> list[Quote]:
    """A reported clause whose quoted fragment recurs inside a direct quotation of the same speaker
    restates that quotation (a lede summarising the quote given later): keep only the quotation."""
    direct = [q.text.lower() for q in quotes if q.kind == "direct"]
    speakers = {q.speaker_id for q in quotes if q.kind == "direct"}
    kept = []
    for q in quotes:
        if q.kind in {"indirect", "mixed"}:
            inner = [text[s.start : s.end].lower().strip(" ,.") for s in spans if q.start <= s.start and s.end <= q.end]
            if inner and q.speaker_id in speakers and any(all(f in d for f in inner) for d in direct):
                continue
        kept.append(q)
    return kept


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace()):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return start, end
