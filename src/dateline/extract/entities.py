"""Entities and in-document coreference: who the article is about.

Named mentions come from spaCy NER (with the gazetteer ruler), corrected by the dictionaries.
Mentions are clustered into canonical entities: surnames to full names, title phrases ("the
Syrian head of state") to the person holding that role, and third-person pronouns to the most
recent compatible person subject within a short window (left unresolved when that is ambiguous).
Collective actors ("the Syrian army", "militants", "the opposition") become GROUP entities with
a PLOVER sector. Each entity carries a role, a country (ISO alpha-3) and a sector where known.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.extract.quotemarks import quoted_spans
from dateline.extract.sentences import children, doc_text, noun_chunks, sent_number, sent_of, token_range, tokens
from dateline.gazetteer import ORG_TYPES, Gazetteer, Role, load_gazetteer
from dateline.model import Article, Entity, Mention

_NAMED = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "LANGUAGE"}
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_FEMALE_ROLES = {"queen", "congresswoman", "spokeswoman", "mother", "daughter", "wife", "sister", "grandmother",
                 "widow"}
_MALE_ROLES = {"king", "congressman", "spokesman", "father", "son", "husband", "brother", "grandfather"}
_HONORIFIC_GENDER = {"Mr": "m", "Mr.": "m", "Mrs": "f", "Mrs.": "f", "Ms": "f", "Ms.": "f", "Sir": "m", "Lady": "f"}
_HEAD_OF_STATE = {"president", "king", "queen", "emir", "sultan", "head of state", "leader"}
_NAME_PARTICLES = ("al-", "el-", "Al-", "El-", "bin ", "ibn ")
_TITLE_ADJECTIVES = {"junior", "senior", "deputy", "former", "acting", "interim", "top", "new", "outgoing",
                     "incoming", "then", "chief", "assistant", "vice", "first", "second", "prime"}
_PRONOUN_WINDOW = 3  # sentences back
_NO_FOCUS_SECTORS = {"REB", "UAF", "PRM", "IGO", "CRM"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NON_SUBJECT_DEPS = {"poss", "pobj", "dobj", "compound", "nmod"}
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_INITIALS_SKIP = {"of", "and", "the", "for", "in", "on", "de", "la", "&", "al"}
_DESCRIPTION_WINDOW = 5  # sentences back
_SALIENT_WINDOW = 3  # sentences back
_ROLE_WINDOW = 5  # sentences back: several holders of a role named within it make a bare title ambiguous


@dataclass
class _Cluster:
    entity: Entity
    surname: str | None = None
    first: str | None = None
    gender: str | None = None
    key: tuple[str | None, ...] = field(default_factory=tuple)


def extract_entities(doc: Doc, article: Article, actor_files: tuple[str, ...] = ()) -> list[Entity]:
    """Canonical entities with every mention (names, titles, pronouns) and their offsets."""
    gaz = load_gazetteer(actor_files)
    builder = _Builder(doc, article, gaz)
    builder.named()
    builder.titles_and_groups()
    builder.descriptions()
    builder.pronouns()
    return builder.result()


class _Builder:
    """Per-document working state; discarded when ``extract_entities`` returns."""

    def __init__(self, doc: Doc, article: Article, gaz: Gazetteer) -> None:
        self.doc, self.article, self.gaz = doc, article, gaz
        self.clusters: list[_Cluster] = []
        self.mentions: list[tuple[Mention, _Cluster, Token]] = []  # with the mention's head token
        self.toks = tokens(doc)
        self.taken = [False] * len(doc)
        self.lower = [t.lower_ for t in self.toks]
        self.plural = [t.tag_ in {"NNS", "NNPS"} for t in self.toks]
        self.quoted = [False] * len(doc)
        for q in quoted_spans(doc_text(doc)):
            for i in token_range(doc, q.start, q.end):
                self.quoted[i] = True
        self._context = None
        self._person_tokens: set[int] = set()  # tokens of named people, for the titles pass
        self.focus = self._focus_country()

    # --- named mentions -------------------------------------------------------------------
    def named(self) -> None:
        for ent in _merge_adjacent_people(list(self.doc.ents)):
            if self._is_taken(ent) or (ent.label_ not in _NAMED and not self._known_person_name(ent.text)):
                continue
            expanded = self._expansion_of(ent.text) if _ACRONYM.fullmatch(ent.text) else None
            if expanded is not None:  # 'the Baloch Liberation Army, or BLA': one organisation
                self._add(ent, "ORG", "name", expanded, ent.root)
                continue
            label = self._corrected_label(ent)
            if label != "PERSON" and self._known_person_name(ent.text):
                label = "PERSON"
            if label == "PERSON":
                if ent.text[:1].isupper():  # 'fentanyl' tagged PERSON is no one
                    self._person(ent)
            elif label is not None:
                self._named_other(ent, label)
        self._surnames_missed_by_ner()

    def _expansion_of(self, acronym: str) -> _Cluster | None:
        """The organisation named earlier whose initials the acronym spells ('NISA' for the National
        Intelligence and Security Agency)."""
        for cluster in reversed(self.clusters):
            e = cluster.entity
            if e.type in ORG_TYPES and e.name != acronym and _initials(e.name) == acronym:
                return cluster
        return None

    def _known_person_name(self, text: str) -> bool:
        return any(
            c.entity.type == "PERSON" and (text in {c.entity.name, c.surname} or text in _name_parts(c.entity.name))
            for c in self.clusters
        )

    def _surnames_missed_by_ner(self) -> None:
        """A bare surname of a person already named, which the NER did not tag ('Almeida argued')."""
        for tok in self.toks:
            if self.taken[tok.i] or tok.ent_type_ or tok.pos_ != "PROPN" or not self._known_person_name(tok.text):
                continue
            self._person(self.doc[tok.i : tok.i + 1])

    def _corrected_label(self, ent: Span) -> str | None:
        text, label = ent.text, ent.label_
        entry = self.gaz.actors.get(text)
        if entry is not None:
            return "PERSON" if entry.type == "PERSON" else "ORG"
        if ent.ent_id_.startswith(("country:", "place:")):
            return "GPE"
        if ent.ent_id_.startswith("demonym:"):
            return "NORP"
        if label in {"NORP", "LANGUAGE", "ORG", "PERSON"} and text not in self.gaz.demonyms:
            cands = self.gaz.candidates(text)
            if cands and (label != "PERSON" or self._locative_context(ent)):
                return "GPE"
        if label == "LANGUAGE":
            return None
        if label == "ORG" and self._leading_title(ent) is not None and all(t.text[:1].isupper() for t in ent):
            return "PERSON"
        return label

    def _locative_context(self, ent: Span) -> bool:
        prev = self.toks[ent.start - 1] if ent.start > 0 else None
        return prev is not None and prev.lower_ in {"in", "from", "to", "near", "at", "outside", "into"}

    def _person(self, ent: Span) -> None:
        ent = self._extended_name(ent)
        if len(ent) > 1 and ent[-1].lower_ in self.gaz.org_heads:
            self._named_other(ent, "ORG")  # 'the Erdogan Foundation' tagged PERSON is an organisation
            return
        start_tok, role, country = self._title_prefix(ent)
        inner = self._leading_title(ent)
        if inner is not None:
            role = role or inner[0]
            ent = self.doc[ent.start + inner[1] : ent.end]
            start_tok = min(start_tok, ent.start - inner[1])
        name_tokens = [t for t in ent if t.text not in {"'s", "’s"}]
        honorific = None
        if len(name_tokens) > 1 and name_tokens[0].text in _HONORIFIC_GENDER:
            honorific = name_tokens[0].text
            name_tokens = name_tokens[1:]
        name = _span_text(self.doc, name_tokens[0].i, name_tokens[-1].i + 1) if name_tokens else ent.text
        if start_tok > 0 and self.toks[start_tok - 1].text in _HONORIFIC_GENDER:
            honorific = self.toks[start_tok - 1].text
        surname = _surname(name)
        parts = name.split()
        first = parts[0] if len(parts) > 1 else None
        cluster = self._find_person(name, surname, len(parts) == 1)
        if cluster is None:
            cluster = self._new_cluster(name, "PERSON")
            cluster.surname, cluster.first = surname, first
        elif len(parts) > len(cluster.entity.name.split()):
            cluster.entity.name = name  # a fuller form of the name becomes canonical
            cluster.surname, cluster.first = surname, first
        if honorific:
            cluster.gender = cluster.gender or _HONORIFIC_GENDER[honorific]
        appos_role, appos_country = self._appositive(ent)
        self._assign_role(cluster, role or appos_role, country or appos_country)
        known = self.gaz.actors.get(name) or self.gaz.actors.get(ent.text)
        if known is not None and known.type == "PERSON":  # the actor dictionary knows this person
            cluster.entity.country = cluster.entity.country or known.country
            cluster.entity.sector = cluster.entity.sector or known.sector
        span = self.doc[start_tok : ent.end]
        if cluster.gender is None and first:
            cluster.gender = self.gaz.given_names.get(first)
        head = _phrase_head(ent.root)
        if head.pos_ == "NOUN":  # a name modifying a common noun ('the Schengen system') is not its subject
            head = ent.root
        self._add(span, "PERSON", "name", cluster, head)

    def _extended_name(self, ent: Span) -> Span:
        """'Maria Corina' + 'Machado': absorb proper nouns the NER left off the end of a name."""
        end = ent.end
        while (
            end < len(self.doc) and self.toks[end].pos_ == "PROPN" and not self.toks[end].ent_type_
            and self.toks[end - 1].dep_ in {"compound", "flat"} and self.toks[end - 1].head.i >= end
        ):
            end += 1
        return self.doc[ent.start : end] if end != ent.end else ent

    def _leading_title(self, ent: Span) -> tuple[Role, int] | None:
        """'Major General Babar Iftikhar' → (general, 2): a title inside the NER span."""
        for length in (3, 2, 1):
            if len(ent) - length < 2:
                continue
            role = self.gaz.roles.get(" ".join(t.lower_ for t in ent[:length]))
            if role is not None and role.kind == "title" and ent[0].text[0].isupper():
                return role, length
        return None

    def _title_prefix(self, ent: Span) -> tuple[int, Role | None, str | None]:
        """Extend a person mention left over 'Syrian President', "Syria's Foreign Minister"."""
        i = ent.start
        role: Role | None = None
        country: str | None = None
        sent_start = sent_of(ent[0]).start
        while i > sent_start:
            found = self._role_ending_at(i, kinds={"title"}, capitalised_only=False)
            if found is not None and role is None:
                role, length = found
                i -= length
                continue
            prev = self.toks[i - 1]
            if prev.text in {"'s", "’s"} and i - 2 >= sent_start:
                c = self.gaz.country_of(self.toks[i - 2].text)
                if c:
                    country = country or c
                    i -= 2
                    continue
            c = self.gaz.country_of(prev.text) if prev.text[:1].isupper() else None
            if c and role is not None:
                country = country or c
                i -= 1
                continue
            if role is not None and prev.lower_ in _TITLE_ADJECTIVES:
                i -= 1  # 'Nigerian junior foreign minister', 'former president'
                continue
            group = self.gaz.roles.get(prev.lemma_.lower()) or self.gaz.roles.get(prev.lower_ + "s")
            if role is not None and group is not None and group.kind == "group" and prev.pos_ in {"NOUN", "ADJ"}:
                role = Role(role.phrase, role.role, group.sector, role.kind)  # 'rebel spokesman'
                i -= 1
                continue
            if role is not None and country is None:
                found = self._affiliation_before(i, sent_start)
                if found is not None:
                    i, country = found
                    continue
            break
        if role is None:
            return ent.start, None, None
        return i, role, country

    def _affiliation_before(self, i: int, sent_start: int) -> tuple[int, str] | None:
        """'Planning and Investment Minister', 'U.N. Secretary-General', 'Arab League Secretary-General':
        look left over a capitalised portfolio or organisation for a country or a dictionary actor."""
        j = i
        while j > sent_start and i - j < 5:
            tok = self.toks[j - 1]
            if tok.ent_id_.startswith("actor:"):
                entry = self.gaz.actors.get(tok.ent_id_[6:])
                if entry is not None and (entry.country or entry.sector == "IGO"):
                    start = j - 1
                    while start > sent_start and self.toks[start - 1].ent_id_ == tok.ent_id_:
                        start -= 1
                    return start, entry.country or "IGO"
            code = self.gaz.country_of(tok.text) if tok.text[:1].isupper() else None
            if code:
                return j - 1, code
            if not (tok.text[:1].isupper() or tok.lower_ in {"and", "of", "for", "-"}):
                return None
            j -= 1
        return None

    def _role_ending_at(self, end: int, kinds: set[str], capitalised_only: bool) -> tuple[Role, int] | None:
        """The longest role phrase ending just before token ``end``, with its length in tokens."""
        last = self.gaz.role_last_words
        if end < 1 or self.lower[end - 1] not in last and not (
            self.plural[end - 1] and self.toks[end - 1].lemma_.lower() in last
        ):
            return None  # no role phrase ends in this word
        for length in (4, 3, 2, 1):
            start = end - length
            if start < 0 or any(self.taken[start:end]):
                continue
            words = self.lower[start:end]
            role = self.gaz.roles.get(" ".join(words))
            if role is None and self.plural[end - 1]:
                role = self.gaz.roles.get(" ".join([*words[:-1], self.toks[end - 1].lemma_.lower()]))
            if role and role.kind in kinds and (not capitalised_only or self.toks[start].text[0].isupper()):
                return role, length
        return None

    def _appositive(self, ent: Span) -> tuple[Role | None, str | None]:
        """'Bashar al-Assad, the Syrian president,' → role and country from the appositive."""
        for child in children(ent.root):
            if child.dep_ == "appos" and child.i >= ent.end:
                sub = self.doc[child.left_edge.i : child.i + 1]
                found = self._role_ending_at(child.i + 1, kinds={"title"}, capitalised_only=False)
                if found:
                    country = next((self.gaz.country_of(t.text) for t in sub if self.gaz.country_of(t.text)), None)
                    return found[0], country
        return None, None

    def _find_person(self, name: str, surname: str | None, single: bool) -> _Cluster | None:
        for cluster in reversed(self.clusters):
            e = cluster.entity
            if e.type != "PERSON":
                continue
            if e.name == name:
                return cluster
            if single and name in {cluster.surname, cluster.first, _strip_particle(cluster.surname or "")}:
                return cluster
            if single and name[:1].isupper() and name in _name_parts(e.name):
                return cluster
            if not single and surname and surname == cluster.surname and len(e.name.split()) == 1:
                return cluster
            if not single and surname and surname == cluster.surname and name.split()[0] == (cluster.first or ""):
                return cluster
        return None

    def _named_other(self, ent: Span, label: str) -> None:
        text = ent.text
        core = text[4:] if text.lower().startswith("the ") else text
        entry = self.gaz.actors.get(text) or self.gaz.actors.get(core)
        if entry is not None:
            key = ("actor", entry.name)
            cluster = self._cluster_by_key(key) or self._new_cluster(entry.name, entry.type, key)
            cluster.entity.country = cluster.entity.country or entry.country
            cluster.entity.sector = cluster.entity.sector or entry.sector
            self._add(ent, label, "name", cluster, ent.root)
            return
        country = self.gaz.country_of(core)
        inside = None  # a country name that here names a place inside another country ('Georgia', US)
        if label == "GPE" and country:
            resolved = self._disambiguated_country(core, country)
            if resolved != country:
                country, inside = None, resolved
        if label == "GPE" and country:
            key = ("country", country)
            name = self.gaz.country_display.get(country, core)
            cluster = self._cluster_by_key(key) or self._new_cluster(name, "GPE", key)
            cluster.entity.country, cluster.entity.sector, cluster.entity.role = country, "GOV", "state"
        elif label == "NORP" and country:
            key = ("demonym", country)
            cluster = self._cluster_by_key(key) or self._new_cluster(core, "NORP", key)
            cluster.entity.country = country
        else:
            key = (label, core)
            cluster = self._cluster_by_key(key) or self._new_cluster(core, label, key)
            cluster.entity.country = cluster.entity.country or inside
            if label == "ORG" and cluster.entity.country is None:
                cluster.entity.country = next(
                    (self._disambiguated_country(t.text, c) for t in ent
                     if (c := self.gaz.country_of(t.text)) and t.text[:1].isupper()),
                    None,
                )
        self._add(ent, label, "name", cluster, ent.root)

    def _disambiguated_country(self, name: str, country: str) -> str | None:
        """A country name that is also a place elsewhere ('Georgia') follows the article's context."""
        cands = self.gaz.candidates(name)
        if all(c.feature == "country" for c in cands):
            return country
        rec = self.gaz.resolve(name, "", self._place_context())
        if rec is None or rec.feature == "country":
            return country
        return self.gaz.alpha2_to_3.get(rec.country_code)

    def _place_context(self):  # type: ignore[no-untyped-def]
        if self._context is None:
            self._context = self.gaz.context([e.text for e in self.doc.ents if e.label_ in {"GPE", "NORP", "LOC"}])
        return self._context

    # --- titles and collective actors ----------------------------------------------------
    def titles_and_groups(self) -> None:
        self._person_tokens = {i for m, c, _ in self.mentions if c.entity.type == "PERSON"
                               for i in token_range(self.doc, m.start, m.end)}
        for chunk in noun_chunks(self.doc):
            while len(chunk) > 1 and chunk[0].is_space:
                chunk = chunk[1:]
            if self._taken_for_role(chunk) or all(self.quoted[chunk.start : chunk.end]):
                continue
            end = chunk.end
            found = self._role_ending_at(end, kinds={"title", "group"}, capitalised_only=False)
            if end + 2 <= len(self.doc) and self.toks[end].lower_ == "of":  # 'head of state'
                longer = self._role_ending_at(end + 2, kinds={"title"}, capitalised_only=False)
                if longer is not None and longer[1] >= 3:
                    found, end = longer, end + 2
            if found is None or found[0].kind != "title" and self._is_taken(chunk, allow_demonyms=True):
                continue  # an organisation's name before a collective noun stays that organisation's mention
            role, length = found
            modifiers = self.doc[chunk.start : end - length]
            chunk = self.doc[chunk.start : end]
            country = self._chunk_country(modifiers)
            if role.kind == "title" and chunk[-1].tag_ not in {"NNS", "NNPS"}:
                self._title_mention(chunk, role, country)
            else:  # collective nouns, and plural titles ('Afghan rebel leaders', 'officials')
                self._group_mention(chunk, role, country)

    def _taken_for_role(self, chunk: Span) -> bool:
        """A title may keep a named organisation or nationality as its modifier ('the Commerce chief', 'the
        Pentagon spokesman'), never a person's name or its own head word (collective nouns: see the caller)."""
        if self.taken[chunk.end - 1]:
            return True
        return any(self.taken[i] and i in self._person_tokens for i in range(chunk.start, chunk.end))

    def _chunk_country(self, modifiers: Span) -> str | None:
        for t in modifiers:
            if t.text[:1].isupper():
                c = self.gaz.country_of(t.text)
                if c:
                    return c
        if any(t.lower_ in {"its", "country", "country's", "national", "state"} for t in modifiers):
            return self.focus
        return None

    def _title_mention(self, chunk: Span, role: Role, country: str | None) -> None:
        first = chunk[0]
        if any(c.dep_ == "appos" for c in children(chunk.root)):
            return  # 'The shadow chancellor, Mel Stride,': the title belongs to the name beside it
        if chunk[-1].tag_ in {"NNS", "NNPS"} or first.lower_ in {"a", "an", "another", "every", "any", "some"}:
            return
        if not (first.lower_ in {"the", "this", "that"} or first.tag_ == "PRP$" or first.text[0].isupper()):
            return
        cluster = self._person_with_role(role, country, chunk[0])
        if cluster is None and first.lower_ == "the" and chunk.root.dep_ in _SUBJECT_DEPS and not any(
                self._holds(c.entity, role, country) for c in self.clusters):
            cluster = self._salient_subject(chunk.root)  # a description no named holder fits
        if cluster is not None:
            self._add(chunk, "PERSON", "title", cluster, chunk.root)

    @staticmethod
    def _holds(e: Entity, role: Role, country: str | None) -> bool:
        if e.type != "PERSON" or e.role is None:
            return False
        same = e.role == role.role or e.role.endswith(" " + role.role)
        same = same or (role.role in _HEAD_OF_STATE and e.role in _HEAD_OF_STATE)
        return same and (country is None or e.country in (None, country))

    def _salient_subject(self, head: Token) -> _Cluster | None:
        """'Michel Barnier says ... The former French foreign minister told ...': a definite title that
        fits no named holder, as a subject, is the person subject of the nearest sentence (three back at
        most) that has one, when it has exactly one."""
        here = sent_number(head)
        subjects = [(sent_number(h), c) for m, c, h in self.mentions
                    if c.entity.type == "PERSON" and m.kind in {"name", "title"} and _is_subject(h)
                    and m.start < head.idx and 0 <= here - sent_number(h) <= _SALIENT_WINDOW]
        if not subjects:
            return None
        nearest = max(n for n, _ in subjects)
        found = {id(c): c for n, c in subjects if n == nearest}
        return next(iter(found.values())) if len(found) == 1 else None

    def _person_with_role(self, role: Role, country: str | None, at: Token) -> _Cluster | None:
        """The person holding a compatible role: the only one, else the only one of them mentioned in the
        last few sentences ('Finance Minister X said ... the minister said'); None when none or several."""
        found = [cluster for cluster in self.clusters if self._holds(cluster.entity, role, country)]
        if len(found) <= 1:
            return found[0] if found else None
        here, before = sent_number(at), at.idx
        recent = {id(c) for m, c, h in self.mentions
                  if m.start < before and here - sent_number(h) <= _ROLE_WINDOW and any(c is f for f in found)}
        return next(c for c in found if id(c) in recent) if len(recent) == 1 else None

    def _group_mention(self, chunk: Span, role: Role, country: str | None) -> None:
        if country is None and role.sector not in _NO_FOCUS_SECTORS:
            country = self.focus
        words = [t for t in chunk if t.dep_ != "det" and t.tag_ != "PRP$"]
        name = _span_text(self.doc, words[0].i, chunk.end) if words else chunk.text
        key = ("group", country, role.sector, role.role)
        cluster = self._cluster_by_key(key) or self._new_cluster(name, "GROUP", key)
        e = cluster.entity
        e.role, e.country, e.sector = role.role, country, role.sector
        self._add(chunk, "GROUP", "group", cluster, chunk.root)

    # --- descriptions of organisations ------------------------------------------------------
    def descriptions(self) -> None:
        """'the group', 'the separatist outfit', 'the consultancy': a definite singular description
        (nouns in ``data/descriptions.tsv``) is the organisation of a fitting type named most recently
        within a few sentences; with none, it stays unresolved."""
        for chunk in noun_chunks(self.doc):
            while len(chunk) > 1 and chunk[0].is_space:
                chunk = chunk[1:]
            head = chunk.root
            if head.i != chunk.end - 1 or head.tag_ != "NN" or chunk[0].lower_ not in {"the", "this"}:
                continue
            types = self.gaz.descriptions.get(head.lower_)
            if types is None or self._is_taken(chunk) or all(self.quoted[chunk.start : chunk.end]):
                continue
            if any(t.pos_ == "PROPN" for t in chunk):
                continue  # a name of its own ('the Wagner group')
            here = sent_number(head)
            recent = [(m, c) for m, c, h in self.mentions
                      if m.start < chunk.start_char and c.entity.type in types and m.kind in {"name", "description"}
                      and here - sent_number(h) <= _DESCRIPTION_WINDOW]
            if recent:
                _, cluster = max(recent, key=lambda x: x[0].start)
                self._add(chunk, "ORG", "description", cluster, head)

    # --- pronouns --------------------------------------------------------------------------
    def pronouns(self) -> None:
        persons = sorted(
            ((m, c, head) for m, c, head in self.mentions if c.entity.type == "PERSON"), key=lambda x: x[0].start
        )
        resolved: list[tuple[Mention, _Cluster, Token]] = []
        for tok in self.toks:
            gender = _PRONOUNS.get(tok.lower_)
            if gender is None or self.quoted[tok.i] or tok.tag_ not in {"PRP", "PRP$"}:
                continue
            here = sent_number(tok)
            forward = self._cataphora(tok, persons)
            if forward is not None:
                cluster = forward
                cluster.gender = cluster.gender or gender
                mention = self._add(self.doc[tok.i : tok.i + 1], "PERSON", "pronoun", cluster, tok)
                resolved.append((mention, cluster, tok))
                continue
            pool = [p for p in persons + resolved if p[0].start < tok.idx]
            pool = [p for p in pool if here - sent_number(p[2]) <= _PRONOUN_WINDOW]
            cluster = self._antecedent(pool, gender, tok)
            if cluster is None:
                continue
            cluster.gender = cluster.gender or gender
            span = self.doc[tok.i : tok.i + 1]
            mention = self._add(span, "PERSON", "pronoun", cluster, tok)
            resolved.append((mention, cluster, tok))

    def _cataphora(self, tok: Token, persons: list[tuple[Mention, _Cluster, Token]]) -> _Cluster | None:
        """'Asked what he would tell them, Huss smiled': a pronoun in a fronted adverbial clause
        refers to the person subject of the main clause that follows it."""
        node = tok
        while node.head.i != node.i and node.dep_ != "advcl":
            node = node.head
        if node.dep_ != "advcl" or node.i > node.head.i:
            return None
        main = node.head
        subj = next((c for c in children(main) if c.dep_ in _SUBJECT_DEPS and c.i > tok.i), None)
        if subj is None:
            return None
        return next((c for m, c, head in persons if head.i == subj.i), None)

    def _antecedent(self, pool: list[tuple[Mention, _Cluster, Token]], gender: str, tok: Token) -> _Cluster | None:
        """Salience by sentence, most recent first: in the nearest sentence naming a compatible person, its
        one person subject; with no subject there, its one person when that sentence is the pronoun's or the
        one before (parsers often miss a fronted subject: 'Like X, Kevin Hassett, director of ..., said');
        two compatible subjects in that sentence, or another compatible person before the pronoun in its
        own sentence, leave it unresolved."""
        candidates = [(m, c, head) for m, c, head in pool if c.gender in (None, gender)]
        if not candidates:
            return None
        here = sent_number(tok)
        in_own = {id(c) for m, c, head in candidates if sent_number(head) == here and _is_subject(head)}
        for number in sorted({sent_number(head) for _, _, head in candidates}, reverse=True):
            in_sent = [(m, c, head) for m, c, head in candidates if sent_number(head) == number]
            subjects = {id(c): c for m, c, head in in_sent if _is_subject(head)}
            if len(subjects) == 1:
                (cluster,) = subjects.values()
                return cluster if not (in_own - {id(cluster)}) else None
            if len(subjects) > 1:
                return None
            people = {id(c): c for m, c, head in in_sent if m.kind in {"name", "title"}
                      and head.dep_ not in _NON_SUBJECT_DEPS and head.i < sent_of(head).root.i}
            if len(people) == 1 and here - number <= 1:
                (cluster,) = people.values()
                return cluster if not (in_own - {id(cluster)}) else None
        return None

    # --- bookkeeping -----------------------------------------------------------------------
    def _focus_country(self) -> str | None:
        d = self.article.dateline
        if d and d.place:
            following = d.text[d.text.find(",") :] if "," in d.text else ""
            rec = self.gaz.resolve(d.place, following, self._place_context())
            if rec is not None:
                return self.gaz.alpha2_to_3.get(rec.country_code)
        counts = Counter(
            self.gaz.country_of(e.text) for e in self.doc.ents if e.label_ in {"GPE", "NORP"}
        )
        counts.pop(None, None)
        return counts.most_common(1)[0][0] if counts else None

    def _is_taken(self, span: Span, allow_demonyms: bool = False) -> bool:
        if not allow_demonyms:
            return any(self.taken[span.start : span.end])
        return any(self.taken[i] and not self._demonym_at(i) for i in range(span.start, span.end))

    def _demonym_at(self, i: int) -> bool:
        tok = self.toks[i]
        return any(m.kind == "name" and m.label == "NORP" and m.start <= tok.idx < m.end for m, _, _ in self.mentions)

    def _cluster_by_key(self, key: tuple[str | None, ...]) -> _Cluster | None:
        return next((c for c in self.clusters if c.key == key), None)

    def _new_cluster(self, name: str, typ: str, key: tuple[str | None, ...] = ()) -> _Cluster:
        cluster = _Cluster(Entity(id="", name=name, type=typ), key=key)
        self.clusters.append(cluster)
        return cluster

    def _assign_role(self, cluster: _Cluster, role: Role | None, country: str | None) -> None:
        e = cluster.entity
        if role is not None and e.role is None:
            e.role, e.sector = role.role, role.sector
            if role.role in _FEMALE_ROLES or role.phrase in _FEMALE_ROLES:
                cluster.gender = "f"
            elif role.role in _MALE_ROLES or role.phrase in _MALE_ROLES:
                cluster.gender = "m"
        if country == "IGO":  # a title held in an international organisation
            e.sector = "IGO"
        elif country and e.country is None:
            e.country = country

    def _add(self, span: Span, label: str, kind: str, cluster: _Cluster, head: Token) -> Mention:
        if kind in {"title", "group"}:  # a demonym inside the phrase is absorbed by it
            self.mentions = [
                x for x in self.mentions
                if not (x[0].label == "NORP" and span.start_char <= x[0].start and x[0].end <= span.end_char)
            ]
        for i in range(span.start, span.end):
            self.taken[i] = True
        text = doc_text(self.doc)[span.start_char : span.end_char]  # what span.text rebuilds token by token
        mention = Mention(start=span.start_char, end=span.end_char, text=text, label=label, kind=kind)
        self.mentions.append((mention, cluster, head))
        return mention

    def result(self) -> list[Entity]:
        by_first: dict[int, _Cluster] = {}
        for mention, cluster, _ in self.mentions:
            cid = id(cluster)
            if cid not in by_first:
                by_first[cid] = cluster
            cluster.entity.mentions.append(mention)
        ordered = sorted(by_first.values(), key=lambda c: min(m.start for m in c.entity.mentions))
        entities = []
        for n, cluster in enumerate(ordered, start=1):
            e = cluster.entity
            e.id = f"E{n}"
            e.mentions.sort(key=lambda m: m.start)
            for m in e.mentions:
                m.entity_id = e.id
            entities.append(e)
        return entities


def _initials(name: str) -> str:
    """'Baloch Liberation Army' → 'BLA' (small words skipped)."""
    words = name.replace("-", " ").split()
    return "".join(w[0] for w in words if w.lower() not in _INITIALS_SKIP and w[:1].isupper())


def _name_parts(name: str) -> set[str]:
    """The capitalised words of a multi-word name ('Luiz Inacio Lula da Silva' → Lula, Silva, ...)."""
    words = name.split()
    return {w for w in words if w[:1].isupper() and len(w) > 2} if len(words) > 1 else set()


def _merge_adjacent_people(ents: list[Span]) -> list[Span]:
    """'Hassan Sheikh' + 'Mohamud' tagged as two adjacent PERSON spans are one name."""
    merged: list[Span] = []
    for ent in ents:
        prev = merged[-1] if merged else None
        if prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start:
            merged[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
        else:
            merged.append(ent)
    return merged


def _phrase_head(tok: Token) -> Token:
    """The token that carries a name's syntactic role: climb out of compounds and flat names."""
    while tok.dep_ in {"compound", "flat"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _is_subject(tok: Token) -> bool:
    """A subject, or a conjunct of one ('Santos and Almeida argued')."""
    if tok.dep_ in _SUBJECT_DEPS:
        return True
    return tok.dep_ in {"conj", "appos"} and tok.head.dep_ in _SUBJECT_DEPS


def _span_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


def _surname(name: str) -> str | None:
    parts = name.split()
    return _strip_particle(parts[-1]) if parts else None


def _strip_particle(word: str) -> str:
    for p in _NAME_PARTICLES:
        if word.startswith(p) and len(word) > len(p):
            return word[len(p):]
    return word
