"""The ``medgloss`` spaCy component: glossary terms, abbreviations, language segments, candidates.

>>> import spacy
>>> nlp = spacy.blank("fr")
>>> _ = nlp.add_pipe("medgloss", config={"candidates": False})
>>> doc = nlp("Le tofacitinib, un inhibiteur de JAK, traite la dermatomyosite.")
>>> [(s.text, s.kb_id_) for s in doc.spans["medgloss"]]
[('tofacitinib', 'tofacitinib'), ('inhibiteur de JAK', 'jak_inhibitor'), ('dermatomyosite', 'dermatomyositis')]
>>> doc.spans["medgloss"][2]._.medgloss.en
'dermatomyositis'
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token

from .abbreviations import Definition, find_definitions
from .annotation import Abbreviation, Annotation, Mention
from .candidates import (
    Word,
    en_for_phrase,
    en_for_word,
    find_candidates,
    general_english,
    medical_score,
    translatable,
)
from .compiled import cache_key, load_compiled, load_tables, save_compiled, save_tables
from .language import Segment, segment_languages
from .matching import GENERIC, Match, TermMatcher, Tok, select
from .model import ELLIPTICAL, Concept, Term
from .sentences import split_sentences
from .termbase import TermBase, bundled_glossary_files, glossary_files
from .typography import fold, inflection_key, normalise

__all__ = ["MedglossComponent", "make_medgloss"]

SPANS_KEY = "medgloss"
_FUNCTION_POS = frozenset({"PRON", "ADP", "DET", "CCONJ", "SCONJ"})
_CLINICAL = frozenset({"disorder", "sign-symptom"})
_EXTENDABLE = frozenset(
    {
        "disorder",
        "sign-symptom",
        "procedure",
        "test",
        "physiology",
        "anatomy",
        "drug-class",
        "substance",
        "pharmaceutical-form",
    }
)
"""Categories whose terms take medical adjectives that make another term (*dépression respiratoire*)."""
_QUALIFIERS = frozenset(
    {
        "grave",
        "severe",
        "leger",
        "modere",
        "important",
        "majeur",
        "mineur",
        "frequent",
        "rare",
        "eleve",
        "faible",
        "fort",
        "petit",
        "grand",
        "nouveau",
        "premier",
        "dernier",
        "total",
        "partiel",
        "seul",
        "meme",
        "autre",
        "atteint",
        "operable",
        "inoperable",
        "resecable",
    }
)
"""Adjectives that qualify a term without making a new one (*dépression sévère* is a depression)."""
_COURSE = frozenset({"aigu", "chronique", "precoce", "tardif", "transitoire", "persistant", "recidivant"})
"""Adjectives of time course: after a generic head or a disorder they make no new term
(*complications chroniques*, *anémie hémolytique chronique*); the glossary holds the lexicalised
ones (*bronchite chronique*)."""
_SIDES = frozenset({"gauche", "droit"})
"""Laterality makes no new anatomy term (*œil droit* is an eye)."""
_ADJ_ENDINGS = (
    "ique",
    "aire",
    "oire",
    "al",
    "ale",
    "el",
    "elle",
    "if",
    "ive",
    "eux",
    "euse",
    "ien",
    "ienne",
    "ant",
    "ante",
    "ent",
    "ente",
    "aux",
)
"""Endings of French adjectives (folded, singular), so that a mistagged verb (*provoque*) is not taken."""


def _frequency(word: str) -> float:
    """Zipf frequency of ``word`` in general French (wordfreq): 2 is once per 100 million words."""
    from wordfreq import zipf_frequency  # full mode only

    return float(zipf_frequency(word, "fr"))


def _is_french_word(word: str) -> bool:
    return _frequency(word) >= 2.0


def _participle(word: str) -> bool:
    """A past participle of a French verb (*groupées* of *grouper*; not *cutanées*)."""
    stem = word.removesuffix("s").removesuffix("e")
    return stem.endswith("é") and _is_french_word(stem[:-1] + "er")


_CLITICS = frozenset(
    {"se", "s'", "me", "m'", "te", "t'", "nous", "vous", "ne", "n'", "il", "elle", "on", "ils", "elles"}
)
TEXT_KEY = "medgloss.text"
"""``doc.user_data`` key where ``KeepText`` leaves the text a Doc was made from (saves rebuilding it)."""


class KeepText:
    """Wraps a tokenizer so that each Doc remembers its text; ``doc.text`` costs a pass over tokens."""

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)


def _mention_of(span: Span) -> Mention | None:
    ann = span.doc._.medgloss
    if not isinstance(ann, Annotation):
        return None
    start, end = span.start_char, span.end_char
    return next((m for m in ann.terms if m.start == start and m.end == end and not m.nested), None)


def set_extensions() -> None:
    """Declare the Doc and Span extensions (idempotent; needed again in worker processes)."""
    if not Doc.has_extension("medgloss"):
        Doc.set_extension("medgloss", default=None)
    if not Span.has_extension("medgloss"):
        Span.set_extension("medgloss", getter=_mention_of)


class MedglossComponent:
    """Find glossary terms, productive patterns, abbreviations and candidate terms in a French Doc.

    Sets ``doc._.medgloss`` (an ``Annotation``), ``doc.spans["medgloss"]`` (top-level mentions,
    label = category, ``kb_id_`` = concept id) and ``span._.medgloss`` (the ``Mention`` of a span).
    Candidates need POS tags and lemmas (``fr_core_news_sm``); on a blank pipeline they are skipped.

    Parameters: ``glossary`` extra glossary files or directories layered over the bundled one;
    ``bundled`` whether to load the bundled glossary; ``candidates`` mine terms the glossary lacks;
    ``variant`` English spelling (``en-GB`` or ``en-US``).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "medgloss",
        *,
        glossary: Sequence[str] = (),
        bundled: bool = True,
        candidates: bool = True,
        variant: str = "en-GB",
        termbase: TermBase | None = None,
        serializable: bool = False,
    ):
        set_extensions()
        self.name = name
        self.variant = variant
        self.candidates = candidates
        self.serializable = serializable
        self._rendering_cache: dict[str, tuple[str | None, str | None, tuple[str, ...]]] = {}
        self.lexicon: dict[str, str] = {}
        self.generic_heads: dict[str, str] = {}
        self._anchor_cache: dict[str, frozenset[str]] = {}
        self._echo_cache: dict[str, frozenset[str]] = {}
        self._en: TermMatcher | None = None
        self._key: str | None = None

        def tokenize(text: str) -> list[str]:
            text = normalise(text)
            chunks = text.split()
            if all(c.isalpha() or c.isdigit() for c in chunks):  # as the tokenizer would split them
                return chunks
            return [t.text for t in nlp.tokenizer(text) if not t.is_space]

        self._tokenize = tokenize

        @functools.cache
        def adjectives() -> dict[str, str]:
            """Inflection key → lemma of the adjectives the model's lemmatizer knows (none without it)."""
            if "lemmatizer" not in nlp.pipe_names:
                return {}
            lemmatizer: Any = nlp.get_pipe("lemmatizer")
            index = lemmatizer.lookups.get_table("lemma_index", {})
            return {inflection_key(a): a for a in index.get("adj", ())}

        self._adjectives = adjectives
        key = None
        if termbase is None:
            files = [*bundled_glossary_files()] if bundled else []
            for item in glossary:
                files.extend(glossary_files(item))
            key = cache_key(
                files, variant, f"{nlp.lang}:{nlp.meta.get('name', '')}:{nlp.meta.get('version', '')}"
            )
            self._key = key
            cached = load_compiled(key) if key else None
            if cached is not None:
                self.termbase, fr_tables, (self.lexicon, self.generic_heads) = cached
                self.fr = TermMatcher(self.termbase, tokenize, "fr", tables=fr_tables)
                return
            termbase = TermBase.load(glossary, bundled=bundled)
        self.termbase = termbase
        self.fr = TermMatcher(self.termbase, tokenize, lang="fr")
        for concept in self.termbase:
            en = concept.preferred("en", variant)
            if en is None:
                continue
            short_en = concept.short_term("en", variant) or en
            for term in concept.terms_in("fr"):
                if term.usable and " " not in term.text:
                    word = inflection_key(term.text)
                    self.lexicon.setdefault(word, (short_en if term.is_short else en).text)  # ADN: DNA
                    if word in GENERIC and concept.category in _EXTENDABLE and not concept.read_only:
                        self.generic_heads.setdefault(word, concept.id)
        if key:
            save_compiled(
                key, self.termbase, (self.fr.paths, self.fr.prefixes), (self.lexicon, self.generic_heads)
            )

    @property
    def en(self) -> TermMatcher:
        """The English matcher, compiled (or loaded from the cache) when a text first has English."""
        return self._en if self._en is not None else self.prepare()

    def prepare(self) -> TermMatcher:
        """Compile (or load from the cache) the English tables now rather than on first use."""
        if self._en is None:
            tables = load_tables(self._key, "en") if self._key else None
            self._en = TermMatcher(self.termbase, self._tokenize, "en", tables=tables)
            if self._key and tables is None:
                save_tables(self._key, "en", (self._en.paths, self._en.prefixes))
        return self._en

    def known_en(self, word: str) -> str | None:
        """The glossary's English for a single French word, if it has one."""
        return self.lexicon.get(inflection_key(word))

    def __call__(self, doc: Doc) -> Doc:
        ann = self.annotate_doc(doc)
        doc._.medgloss = ann.to_json() if self.serializable else ann
        spans = [
            doc.char_span(m.start, m.end, label=m.category or "term", kb_id=m.concept_id or "")
            for m in ann.top_terms
        ]
        doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=[s for s in spans if s is not None])
        return doc

    def annotate_doc(self, doc: Doc) -> Annotation:
        """The annotation of ``doc``; offsets are character offsets into ``doc.text``."""
        text = doc.user_data.get(TEXT_KEY) or doc.text
        segments = segment_languages(text)
        toks = _toks(doc, text)
        tok_lang = _token_langs(toks, segments)

        fr_matches = [
            a
            for m in self.fr.find(toks)
            if tok_lang[m.start] == "fr" and (a := _agreeing(m, toks)) is not None
        ]
        has_en = any(seg.lang == "en" for seg in segments)
        en_matches = [m for m in self.en.find(toks) if tok_lang[m.start] == "en"] if has_en else []
        tagged = doc.has_annotation("POS")  # a pass over the tokens: asked once
        if tagged:
            fr_matches = [m for m in fr_matches if m.end - m.start > 1 or self._could_be_term(doc, m)]
        selected = self._anchored(select(fr_matches, toks)) + self._anchored(select(en_matches, toks))
        selected.sort(key=lambda m: (m.start, -m.end))
        self._resolve_ambiguity(selected)

        mentions = [x for m in selected if (x := self._mention(m, toks, text, tok_lang[m.start])) is not None]

        definitions = [d for d in find_definitions(toks) if tok_lang[d.short_start] == "fr"]
        abbreviations = [self._abbreviation(d, toks, text, selected, mentions) for d in definitions]
        self._prefer_defined(mentions, abbreviations)
        mentions.extend(self._short_forms(abbreviations, toks, tok_lang, mentions))
        mentions.extend(_with_complements(text, mentions))
        mentions.extend(_with_identifiers(text, mentions))
        mentions.extend(_with_eponyms(text, mentions))

        full = self.candidates and tagged
        if full:
            mentions = self._with_modifiers(doc, text, tok_lang, mentions)
            mentions.extend(self._candidates(doc, text, tok_lang, mentions))
        mentions.extend(_combinations(text, mentions))

        mentions = _ordered(mentions)
        _locate(mentions, text)
        return Annotation(
            text=text,
            segments=segments,
            sentences=split_sentences(text),
            terms=mentions,
            abbreviations=abbreviations,
            mode="full" if full else "fast",
        )

    def _with_modifiers(
        self, doc: Doc, text: str, tok_lang: list[str], mentions: list[Mention]
    ) -> list[Mention]:
        """Terms the glossary lacks, made of a head and medical adjectives (*dépression respiratoire*).

        The head is a glossary term (*dépression* is depression, the phrase is not): it stays inside
        the new ``pattern`` mention as a nested one. Or it is a generic word the glossary knows but
        never marks alone (*troubles hépatiques*, *traitement antibiotique*): only the phrase is a
        mention. The English is composed (*respiratory depression*, *hepatic disorder*).
        """
        covered = {k for m in mentions for k in range(m.start, m.end)}
        out: list[Mention] = []
        for m in mentions:
            out.append(m)
            if (
                m.nested
                or m.source != "glossary"
                or m.lang != "fr"
                or m.category not in _EXTENDABLE
                or not m.en
            ):
                continue
            span = doc.char_span(m.start, m.end)
            if span is not None and (phrase := self._phrase(doc, text, span.end, covered, m)) is not None:
                out.append(phrase)
                m.nested = True
        if self.generic_heads:
            out.extend(self._generic_phrases(doc, text, tok_lang, covered))
        return out

    def _generic_phrases(self, doc: Doc, text: str, tok_lang: list[str], covered: set[int]) -> list[Mention]:
        """Generic heads (*troubles*, *signes*) that medical adjectives make into terms."""
        out = []
        for token in doc:
            if token.pos_ != "NOUN" or token.idx in covered or tok_lang[token.i] != "fr":
                continue
            key = inflection_key(token.text)
            cid = self.generic_heads.get(key)
            if cid is None:
                continue
            concept = self.termbase[cid]
            term = next(t for t in concept.terms_in("fr") if inflection_key(t.text) == key)
            head = self._concept_mention(concept, term, token.idx, token.idx + len(token.text), text, "fr")
            if head.en and " " in head.en:  # "signe" composes as "sign", not as "clinical sign"
                one_word = (t.text for t in concept.usable_terms("en", self.variant) if " " not in t.text)
                head.en = next(one_word, None)
            if head.en and (phrase := self._phrase(doc, text, token.i + 1, covered, head, generic=True)):
                out.append(phrase)
        return out

    def _phrase(
        self, doc: Doc, text: str, after: int, covered: set[int], head: Mention, generic: bool = False
    ) -> Mention | None:
        """``head`` and the medical adjectives from token ``after`` on, as one ``pattern`` mention;
        a ``generic`` head takes no adjective of time course."""
        adjectives: list[tuple[Token, str]] = []  # (token, lemma)
        negated = False  # *symptômes non moteurs*, *fibrillation atriale non valvulaire*
        for token in doc[after : after + 4]:
            if token.idx in covered or not token.text.replace("-", "").isalpha():  # *post-ménopausique*
                break
            if token.lower_ == "non" and not negated:
                negated = True
                continue
            lemma = self._adjective_lemma(token, head.text)
            if lemma is None:
                break
            medical = (
                medical_score(lemma) >= 0.3 and fold(token.lower_).rstrip("s").endswith(_ADJ_ENDINGS)
            ) or (  # rare adjectives (*miliaire*, *hyperbare*), not participles (*lésées*)
                token.pos_ == "ADJ"
                and max(_frequency(lemma), _frequency(token.lower_)) < 2.5  # not a mistagged verb
                and not token.lower_.endswith(_PARTICIPLE)
            )
            if fold(lemma) in ("inferieur", "superieur") and token.nbor(1).lower_ in ("à", "au", "aux"):
                break  # a comparison (*uricémie inférieure à 60 mg/l*), not *membre inférieur*
            if (
                fold(lemma) in _QUALIFIERS
                or ((generic or head.category == "disorder") and fold(lemma) in _COURSE)
                or (head.category == "anatomy" and fold(lemma) in _SIDES)
            ):
                break
            if not (medical or (general_english(lemma) and (generic or not _participle(token.lower_)))):
                break
            if _plural_after_singular(head.text, token.lower_):
                break  # *douleurs et raideur invalidantes*: the adjective qualifies both nouns
            adjectives.append((token, f"non-{lemma}" if negated else lemma))
            negated = False
        if not adjectives:
            return None
        last = adjectives[-1][0]
        end = last.idx + len(last.text)
        head_forms: dict[str, str | None] = {head.lemma: head.en, head.text: head.en}

        def known(word: str) -> str | None:
            if word.startswith("non-"):
                positive = known(word[4:]) or general_english(word[4:]) or en_for_word(word[4:], self.variant)
                return f"non-{positive}" if positive else None
            if inflection_key(word) in GENERIC:  # the adjective *trouble* (blurred) is not a disorder
                return head_forms.get(word) or general_english(word)
            if head.category not in _MEASURED and fold(word) in _LEVELS:
                return _LEVELS[fold(word)]  # *hémorragie digestive haute*: upper, not high
            # an adjective as everyday English knows it before the glossary's noun phrase for the
            # word (*sous-cutané* is "subcutaneous", not "subcutaneous route"), or as its morphology
            # gives it when that begins the glossary's phrase (*périopératoire*: not "perioperative period")
            english = head_forms.get(word) or general_english(word) or self.known_en(word)
            if english and " " in english:
                shape = en_for_word(word, self.variant)
                return shape if english.lower().startswith(shape.lower() + " ") else english
            return english

        head_en = (head.en or "").lower()
        words = [
            Word(head.text, head.lemma, "NOUN", head.start, head.end),
            *(
                Word(t.text, lemma, "ADJ", t.idx, t.idx + len(t.text))
                for t, lemma in adjectives
                if (known(lemma) or general_english(lemma) or "\0").lower() not in head_en  # *muguet buccal*
            ),
        ]

        lemma = " ".join(
            [head.lemma, *(("non " if a.startswith("non-") else "") + t.lower_ for t, a in adjectives)]
        )
        en = _REPEATED_WORD.sub(r"\1", en_for_phrase(words, known))  # *médicaments antiépileptiques*
        return _composed(head, end, text, lemma, en)

    def _adjective_lemma(self, token: Token, head: str) -> str | None:
        """The lemma of ``token`` if it is an adjective after the noun ``head``, else None.

        The small model makes up lemmas for rare adjectives (*métatarsophalangienn*), tags some as
        verbs (*cardiovasculaires* → *cardiovasculairer*, *auto-immune*) and, after a noun, some as
        nouns (*thromboses veineuses*, *lésions profondes*): the lemmatizer's list of adjectives and
        agreement in number with the head decide then.
        """
        lemma = token.lemma_.lower() or token.lower_
        if token.pos_ == "ADJ":
            return lemma if _is_french_word(lemma) else token.lower_
        if token.pos_ not in ("NOUN", "VERB"):
            return None
        known = self._adjectives().get(inflection_key(token.text))
        if known is not None and _plural_word(token.text) == _plural_word(head):
            return known
        if token.pos_ == "VERB" and not (_is_french_word(lemma) and lemma.endswith(("er", "ir", "re"))):
            return token.lower_
        return None

    def _prefer_defined(self, mentions: list[Mention], abbreviations: list[Abbreviation]) -> None:
        """An abbreviation defined in the article means what its definition says, wherever it is used:
        after *projet de soins personnalisé (PSP)*, PSP is no progressive supranuclear palsy."""
        meaning = {a.short: a.concept_id for a in abbreviations if a.concept_id}
        for k, m in enumerate(mentions):
            cid = meaning.get(m.text)
            if cid is None:
                continue
            if m.concept_id != cid:
                term = next((t for t in self.termbase[cid].terms_in("fr") if t.text == m.text), None)
                term = term or Term(m.text, "fr", "admitted", "acronym")
                mentions[k] = self._concept_mention(
                    self.termbase[cid], term, m.start, m.end, m.text, m.lang, m.nested
                )
            mentions[k].ambiguous = []

    def term_mentions(self, doc: Doc, lang: str) -> list[Mention]:
        """Glossary mentions of ``lang`` terms (``fr`` or ``en``) anywhere in ``doc``, whatever the
        language segments say: for texts known to be in one language, such as a translation."""
        text = doc.user_data.get(TEXT_KEY) or doc.text
        toks = _toks(doc, text)
        matcher = self.fr if lang == "fr" else self.en
        found = matcher.find(toks)
        if lang == "fr":
            found = [a for m in found if (a := _agreeing(m, toks)) is not None]
        selected = self._anchored(select(found, toks))
        self._resolve_ambiguity(selected)
        mentions = [x for m in selected if (x := self._mention(m, toks, text, lang)) is not None]
        mentions = _ordered(mentions)
        _locate(mentions, text)
        return mentions

    def _anchored(self, matches: list[Match]) -> list[Match]:
        """Matches of elliptical terms (``short-form``: *crise*) kept only where their concept was
        named before, in full or through a concept its full terms contain (*crise* after *crise de
        goutte* or after *goutte*), or where a term named before ends one of its words with the
        elliptical one (*tension* after *hypertension*); linked to the concept named last.
        ``matches`` are in text order, as :func:`~medgloss.matching.select` returns them."""
        last_seen: dict[str, int] = {}
        named: dict[str, int] = {}  # the terms named so far (their words are looked at only when needed)
        out: list[Match] = []
        for m in matches:
            if not any(term.type == ELLIPTICAL for _, term in m.entries):
                for cid, term in m.entries:
                    last_seen[cid] = named[term.text] = m.start
                out.append(m)
                continue
            if m.nested:
                continue  # *crise* inside *crise de goutte* is that term's head, not a mention
            seen = {}
            for cid, term in m.entries:
                if term.type == ELLIPTICAL:
                    word = fold(term.text)
                    seen[cid] = max(
                        [
                            *(last_seen[a] for a in self._anchors(cid) if a in last_seen),
                            *(
                                at
                                for text, at in named.items()
                                for folded in (fold(w) for w in text.split() if len(w) > 5)
                                if len(folded) > len(word) + 2 and folded.endswith(word)
                            ),
                        ],
                        default=-1,
                    )
            entries = [e for e in m.entries if e[1].type != ELLIPTICAL or seen[e[0]] >= 0]
            if entries:
                out.append(replace(m, entries=sorted(entries, key=lambda e: -seen.get(e[0], m.start))))
        return out

    def _anchors(self, cid: str) -> frozenset[str]:
        """The concept ``cid`` and those named inside its full French terms (*goutte* in *crise de
        goutte*): what must come first in a text for its elliptical terms to stand for it."""
        anchors = self._anchor_cache.get(cid)
        if anchors is None:
            found = {cid}
            for term in self.termbase[cid].terms_in("fr"):
                if term.type == ELLIPTICAL or " " not in term.text:
                    continue
                toks, at = [], 0
                for word in self._tokenize(term.text):
                    toks.append(Tok(word, at))
                    at += len(word) + 1
                found.update(c for m in self.fr.find(toks) for c, t in m.entries if t.type != ELLIPTICAL)
            anchors = self._anchor_cache[cid] = frozenset(found)
        return anchors

    def _could_be_term(self, doc: Doc, m: Match) -> bool:
        """Whether a one-word match may be a term, going by the tagger.

        Function words never are. A verb is not when it follows a clitic (*se bouche*) or when its
        lemma is a French verb (*bouche* → *boucher*): the small model also tags unknown drug and
        disease nouns as verbs, with their own form or a made-up infinitive as lemma
        (*essoufflement* → *essoufflemer*). An adjective right after a noun modifies it
        (*essais cliniques*, *carotide interne*) and is not the noun concept of the same form,
        unless that concept is clinical (*enfant asthmatique*).
        """
        i = m.start
        token = doc[i]
        pos = token.pos_
        if pos in _FUNCTION_POS:
            return False
        if pos in ("VERB", "AUX"):
            if i > 0 and doc[i - 1].lower_ in _CLITICS:
                return False
            if i > 0 and (doc[i - 1].like_num or doc[i - 1].pos_ == "NUM"):
                return True  # counted, so a noun: *1 comprimé*, *2 gélules*
            lemma = token.lemma_.lower()
            return lemma == token.lower_ or not _is_french_word(lemma)
        if pos == "ADJ" and i > 0 and doc[i - 1].pos_ in ("NOUN", "PROPN"):
            return fold(doc[i - 1].text) in _PERSONS or any(
                self.termbase[cid].category in _CLINICAL for cid, _ in m.entries
            )
        return True

    def _resolve_ambiguity(self, matches: list[Match]) -> None:
        """Put first, in a match of several concepts, the curated one of the article's main domain."""
        domains = Counter(
            self.termbase[m.entries[0][0]].domain for m in matches if len({c for c, _ in m.entries}) == 1
        )
        for m in matches:
            ids = list(dict.fromkeys(cid for cid, _ in m.entries))
            if len(ids) > 1:
                best = max(
                    ids,
                    key=lambda cid: (
                        not self.termbase[cid].read_only,  # curated concepts win over imported ones
                        domains[self.termbase[cid].domain],  # then the article's main domains
                        -ids.index(cid),
                    ),
                )
                m.entries.sort(key=lambda e: e[0] != best)

    def _mention(self, m: Match, toks: Sequence[Tok], text: str, lang: str) -> Mention | None:
        start = toks[m.start].start
        last = toks[m.end - 1]
        end = last.start + len(last.text)
        if (
            last.text.endswith(".")
            and len(last.text) >= 2
            and not any(t.text.endswith(".") for _, t in m.entries)
        ):
            end -= 1  # the sentence's full stop, kept on "IgA." by the tokenizer, is not part of the term
        if m.pattern is not None and m.filler is not None:
            cid, filler = m.filler.entries[0]
            x = self.termbase[cid]
            x_en = x.preferred("en", self.variant)
            if filler.is_short:  # "dosage de la TSH" is a "TSH measurement"
                x_en = x.short_term("en", self.variant) or x_en
            elif filler.register == "lay":  # "enzymes du foie" are "liver enzymes"
                lay = [t for t in x.usable_terms("en", self.variant) if t.register == "lay"]
                closest = self._closest(filler.text, [t.text for t in lay]) if lay else None
                x_en = next((t for t in lay if t.text == closest), x_en)
            if x_en is None:
                return None
            fr_x = x.preferred("fr")
            return Mention(
                start=start,
                end=end,
                text=text[start:end],
                lemma=m.pattern.fr[0].replace("{X}", fr_x.text if fr_x else x.id),
                concept_id=f"{m.pattern.id}:{cid}",
                en=m.pattern.compose_en(x_en.text, plural=_plural_word(toks[m.end - 1].text)),
                lang=lang,
                source="pattern",
                status="admitted",
                category=m.pattern.category,
                domain=m.pattern.domain,
                score=0.9,
                nested=m.nested,
            )
        cid, term = m.entries[0]
        concept = self.termbase[cid]
        if lang == "fr" and m.end - m.start > 1 and fold(toks[m.start].text) in _PERSONS:
            # "personnes immunodéprimées": the state is the term, the person a generic word
            key = inflection_key(last.text)
            bare = next((t for t in concept.terms_in("fr") if inflection_key(t.text) == key), None)
            if bare is not None:
                start, term = last.start, bare
        return self._concept_mention(
            concept, term, start, end, text, lang, m.nested, [c for c, _ in m.entries[1:]]
        )

    def _closest(self, french: str, english: Sequence[str]) -> str:
        """The one of ``english`` whose words best echo a word-for-word rendering of ``french``
        (*difficulté respiratoire* → "breathing difficulty" rather than "shortness of breath");
        the first one when none does."""
        if len(english) == 1:
            return english[0]
        return max(english, key=lambda e: self._echo(french, e))

    def _echo(self, french: str, english: str) -> int:
        """How many words of ``english`` a word-for-word rendering of ``french`` has (first 5 letters)."""
        echo = self._echo_cache.get(french)
        if echo is None:
            echo = self._echo_cache[french] = frozenset(
                w[:5]
                for word in french.lower().replace("'", " ").split()
                if len(word) > 2
                for w in (self.known_en(word) or general_english(word) or en_for_word(word)).lower().split()
            )
        return sum(w[:5] in echo for w in english.lower().split())

    def _renderings(self, concept: Concept) -> tuple[str | None, str | None, tuple[str, ...]]:
        """EN preferred, FR preferred and EN alternatives of ``concept`` (cached: asked per mention)."""
        cached = self._rendering_cache.get(concept.id)
        if cached is None:
            en = concept.preferred("en", self.variant)
            fr = concept.preferred("fr")
            alternatives = tuple(t.text for t in concept.alternatives("en", self.variant))
            cached = (en.text if en else None, fr.text if fr else None, alternatives)
            self._rendering_cache[concept.id] = cached
        return cached

    def _concept_mention(
        self,
        concept: Concept,
        term: Term,
        start: int,
        end: int,
        text: str,
        lang: str,
        nested: bool = False,
        ambiguous: Sequence[str] = (),
        source: str = "glossary",
    ) -> Mention:
        en, fr, alternatives = self._renderings(concept)
        if term.register == "lay" or term.type == ELLIPTICAL:
            # "rougeur" is "redness", not "erythema"; "poussée" (of MS) is "relapse"
            same = [
                t.text
                for t in concept.usable_terms("en", self.variant)
                if (t.type == ELLIPTICAL if term.type == ELLIPTICAL else t.register == "lay")
            ]
            if same:
                closest = self._closest(term.text, same)
                en, alternatives = _promoted(closest, en, alternatives)
        if term.is_short and en and not any(c.isupper() for c in en):  # "ADN" is "DNA", "IRM" "MRI"
            short = concept.short_term("en", self.variant)
            en, alternatives = _promoted(short.text if short else None, en, alternatives)
        if en and fold(en) != fold(term.text) and term.text != fr:
            # the text's word has an English twin among the concept's terms: "mutation" is "mutation"
            # even when the concept prefers "genetic mutation" (for "mutation génétique")
            twin = next((a for a in alternatives if fold(a) == fold(term.text)), None)
            if twin is None and " " in term.text and term.register is None and alternatives:
                # a French synonym with words of its own: the English that echoes them
                # ("nodule sous-cutané" is a "subcutaneous nodule" where the concept prefers "skin nodule")
                closest = self._closest(term.text, [en, *alternatives])
                twin = closest if self._echo(term.text, closest) > self._echo(term.text, en) else None
            en, alternatives = _promoted(twin, en, alternatives)
        if (
            en
            and " " in en
            and (" " not in term.text or term.text.startswith("non "))
            and (
                _COPULA.search(text, max(0, start - 40), start)
                or _PERSON_BEFORE.search(text, max(0, start - 20), start)
            )
        ):
            # "si vous êtes diabétique", "les enfants diabétiques": "diabetic", not "person with diabetes"
            states = [a for a in alternatives if not a.isupper() and not _PEOPLE_EN.search(a)]
            fallback = states[0] if states and _PEOPLE_EN.search(en) else None  # *visually impaired*
            word = next((a for a in states if " " not in a), fallback)
            en, alternatives = _promoted(word, en, alternatives)
        return Mention(
            start=start,
            end=end,
            text=text[start:end],
            lemma=term.text,
            concept_id=concept.id,
            en=en,
            lang=lang,
            source=source,
            status=term.status,
            category=concept.category,
            domain=concept.domain,
            en_alternatives=list(alternatives),
            fr_preferred=fr,
            term_type=term.type,
            ambiguous=list(dict.fromkeys(a for a in ambiguous if a != concept.id)),
            nested=nested,
        )

    def _abbreviation(
        self, d: Definition, toks: Sequence[Tok], text: str, matches: list[Match], mentions: list[Mention]
    ) -> Abbreviation:
        long_start = toks[d.long_start].start
        last = toks[d.long_end - 1]
        long_end = last.start + len(last.text)
        long_text = text[long_start:long_end]

        # the glossary term that the long form is, or most of it ("addictologie" alone does not
        # define "Csapa"); tokens count, spaces and punctuation excluded
        def word_count(a: int, b: int) -> int:
            return sum(1 for t in toks[a:b] if not t.space and any(c.isalnum() for c in t.text))

        half = word_count(d.long_start, d.long_end) / 2
        inside = [
            m
            for m in matches
            if m.pattern is None
            and m.entries
            and m.start >= d.long_start
            and m.end <= d.long_end
            and word_count(m.start, m.end) >= half
        ]
        ends_here = [m for m in inside if m.end == d.long_end]
        best = min(ends_here, key=lambda m: m.start, default=None) or max(
            inside, key=lambda m: m.end - m.start, default=None
        )
        if best is not None:
            concept_id: str | None = best.entries[0][0]
            en_term = self.termbase[best.entries[0][0]].preferred("en", self.variant)
            english = en_term.text if en_term else None
        else:  # a long form the glossary does not know: a pattern's English, or composed when that is safe
            concept_id = None
            english = next(
                (m.en for m in mentions if (m.start, m.end) == (long_start, long_end) and m.en), None
            )
            if english is None:
                words = [
                    Word(t.text, t.text.lower(), "X", t.start, t.start + len(t.text))
                    for t in toks[d.long_start : d.long_end]
                    if not t.space
                ]
                if translatable(words, self.known_en):
                    english = en_for_phrase(words, self.known_en, self.variant)
        short_start = toks[d.short_start].start
        return Abbreviation(
            d.short,
            long_text,
            short_start,
            short_start + len(d.short),
            long_start,
            long_end,
            concept_id,
            english,
        )

    def _short_forms(
        self,
        abbreviations: list[Abbreviation],
        toks: Sequence[Tok],
        tok_lang: list[str],
        mentions: list[Mention],
    ) -> list[Mention]:
        """Later uses of abbreviations defined in the text that the glossary did not already match."""
        inside = _inside(m for m in mentions if not m.nested)
        out: list[Mention] = []
        defined = {a.short: a for a in abbreviations}
        for i, t in enumerate(toks):
            a = defined.get(t.text)
            if a is None or tok_lang[i] != "fr" or inside(t.start):
                continue
            concept = self.termbase.get(a.concept_id) if a.concept_id else None
            if concept is not None:
                short_term = next((x for x in concept.terms_in("fr") if x.text == a.short), None)
                term = short_term or Term(a.short, "fr", "admitted", "acronym")
                out.append(
                    self._concept_mention(
                        concept, term, t.start, t.start + len(t.text), t.text, "fr", source="abbreviation"
                    )
                )
            else:
                out.append(
                    Mention(
                        t.start,
                        t.start + len(t.text),
                        t.text,
                        a.short,
                        None,
                        a.en,
                        "fr",
                        "abbreviation",
                        None,
                        None,
                        None,
                        0.7,
                        term_type="acronym",
                    )
                )
        return out

    def _candidates(self, doc: Doc, text: str, tok_lang: list[str], mentions: list[Mention]) -> list[Mention]:
        inside = _inside(mentions)
        words: list[Word] = []
        for t in doc:
            if t.is_space or tok_lang[t.i] != "fr":
                continue
            words.append(Word(t.text, t.lemma_.lower(), t.pos_, t.idx, t.idx + len(t.text), inside(t.idx)))
        out: list[Mention] = []
        for c in find_candidates(words, self.known_en, self.variant):
            start, end = words[c.first].start, words[c.last].end
            out.append(
                Mention(start, end, text[start:end], c.lemma, None, c.en, "fr", "candidate", score=c.score)
            )
        return out


def _promoted(
    new: str | None, en: str | None, alternatives: tuple[str, ...]
) -> tuple[str | None, tuple[str, ...]]:
    """``new`` as the English of a mention and the former one among the alternatives (as they were
    when ``new`` is None or already the English)."""
    if new is None or new == en:
        return en, alternatives
    return new, tuple(a for a in (en, *alternatives) if a and a != new)


_COPULA = re.compile(
    r"\b(?:est|sont|êtes|es|suis|sommes|être|étant|devient|deviennent|devenez|devenir|reste|restent|restez"
    r"|soit|soient|semble|semblent)\s+(?:très\s+|plus\s+|trop\s+|peu\s+)?(?:[\w-]+\s*(?:,|ou|et)\s+)?$",
    re.IGNORECASE,
)
"""The verb before an adjective used predicatively (*vous êtes diabétique*, *êtes enceinte ou
allaitez*: one coordinated word may come between)."""
_PERSON_WORDS = (
    *("personne", "patient", "patiente", "malade", "adulte", "enfant"),
    *("sujet", "femme", "homme", "nourrisson", "bébé", "individu"),
)
_PERSONS = frozenset(fold(w + s) for w in _PERSON_WORDS for s in ("", "s"))
"""Words for people that an adjective of clinical state follows (*adultes immunodéprimés*)."""
_PERSON_BEFORE = re.compile(r"\b(?:" + "|".join(_PERSON_WORDS) + r")s?\s+$", re.IGNORECASE)
_PEOPLE_EN = re.compile(
    r"^(?:the|a|an) |\b(?:person|people|patient|individual|adult|child|children|woman|women|man|men|subject|user)s?\b",
    re.IGNORECASE,
)
"""English that names people rather than their state (*unvaccinated person*, *the bereaved*)."""
_COMPLEMENT_LINK = re.compile(r"\s+(?:de la|de l'|de l’|des|du|de|d'|d’)\s*$")
_OF_ANATOMY = frozenset({"sign-symptom", "test", "procedure"})
"""Heads that make one term with *de* + a body part (*rougeur de la peau*, *échographie du rein*);
disorders do not, as a rule (*cancer de la peau* is a pattern, *lésion du nerf* two terms)."""


def _with_complements(text: str, mentions: list[Mention]) -> list[Mention]:
    """Signs, tests and procedures followed by *de* + a body part, composed into one term with the
    body part as a noun adjunct (*gonflement du visage* → "face swelling"); both stay nested."""
    top = sorted((m for m in mentions if not m.nested and m.lang == "fr"), key=lambda m: m.start)
    out = []
    for a, b in itertools.pairwise(top):
        if (
            a.source != "glossary"
            or b.source != "glossary"
            or a.category not in _OF_ANATOMY
            or b.category != "anatomy"
            or not (a.en and b.en)
            or a.nested
            or not _COMPLEMENT_LINK.fullmatch(" " + text[a.end : b.start])
        ):
            continue
        out.append(_composed(a, b.end, text, f"{a.lemma}{text[a.end : b.start]}{b.lemma}", f"{b.en} {a.en}"))
        a.nested = b.nested = True
    return out


def _followed_by(
    text: str, mentions: list[Mention], categories: frozenset[str], expression: re.Pattern[str]
) -> Iterator[tuple[Mention, re.Match[str]]]:
    """One-word French glossary mentions of ``categories`` that ``expression`` (group 1: what
    follows) matches right after, where no other mention starts."""
    starts = {m.start for m in mentions}
    for m in mentions:
        if m.nested or m.lang != "fr" or m.source != "glossary" or m.category not in categories:
            continue
        found = expression.match(text, m.end)
        if m.en and " " not in m.text and found is not None and found.start(1) not in starts:
            yield m, found


_REPEATED_WORD = re.compile(r"\b(\w+) \1\b")
"""A word said twice when an adjective's English already holds the head ("antiepileptic drug drug")."""
_IDENTIFIER = re.compile(r"[ \t]+([A-Z0-9](?:[A-Za-z0-9]*[A-Z0-9])?|[A-Z][a-z]?[0-9][A-Za-z0-9]*)(?![\w'’-])")
_ROMAN = re.compile(r"[IVX]+")
_STRENGTH = re.compile(r"[\s\u00a0\u202f]*(?:\d|(?:mg|g|µg|mcg|ml|mL|UI|U|%|microgrammes?|milligrammes?)\b)")
_IDENTIFIED = frozenset({"anatomy", "drug", "organism", "other", "physiology", "substance", "test"})
"""Heads an identifier names one of (*gène LRRK2*, *chromosome 7*, *antigène NS1*, *macrogol 8000*)."""


def _with_identifiers(text: str, mentions: list[Mention]) -> list[Mention]:
    """One-word terms followed by an identifier (a symbol or number), composed into one term: a
    symbol comes first in English (*gène LRRK2* → "LRRK2 gene"), a number, letter or Roman numeral
    last (*chromosome 7* → "chromosome 7", *facteur VIII* → "factor VIII"); the head stays nested."""
    out = []
    for m, found in _followed_by(text, mentions, _IDENTIFIED, _IDENTIFIER):
        ident = found.group(1)
        if _PERSON_BEFORE.search(text, max(0, m.start - 20), m.start):
            continue  # an adjective of a person (*sujets homozygotes SS*), not a named thing
        if ident.isdigit() and m.category == "drug" and _STRENGTH.match(text, found.end(1)):
            continue  # a strength (*Amoxicilline 250 mg*, *Metformine 1 000 mg*), not *macrogol 400*
        if ident.isdigit() and m.category == "organism":
            continue  # a year (*coronavirus 2019*); an organism's group is a letter (*méningocoque C*)
        after = ident.isdigit() or len(ident) == 1 or _ROMAN.fullmatch(ident) is not None
        en = f"{m.en} {ident}" if after else f"{ident} {m.en}"
        out.append(_composed(m, found.end(1), text, f"{m.lemma} {ident}", en))
        m.nested = True
    return out


_EPONYM = re.compile(
    r"\s+(?:de|d['’])\s*((?:[A-Z][a-zà-ÿ]+)(?:(?:-|\s+et\s+|\s+)[A-Z][a-zà-ÿ]+)*)(?![\w'’-])"
)
_EPONYMOUS = frozenset({"disorder", "sign-symptom", "test", "procedure"})
"""Heads that take a discoverer's name (*syndrome de Zollinger-Ellison*, *signe de Babinski*)."""


def _with_eponyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """One-word disorders, signs, tests and procedures followed by *de* + a proper name, composed
    into one term with the name first in English (*syndrome de Zollinger-Ellison* →
    "Zollinger-Ellison syndrome", *test de Schirmer* → "Schirmer test"); the head stays nested."""
    out = []
    for m, found in _followed_by(text, mentions, _EPONYMOUS, _EPONYM):
        name = found.group(1)
        out.append(_composed(m, found.end(1), text, f"{m.lemma} de {name}", f"{name} {m.en}"))
        m.nested = True
    return out


def _combinations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Fixed-dose combinations written with a slash (*nirmatrelvir/ritonavir*), as one drug term."""
    top = sorted((m for m in mentions if not m.nested and m.lang == "fr"), key=lambda m: m.start)
    out = []
    for a, b in itertools.pairwise(top):
        kinds = {m.category or m.source for m in (a, b)}  # a drug the glossary lacks is a candidate
        joined = text[a.end : b.start] == "/" and a.en and b.en and not a.nested
        if joined and kinds <= {"drug", "candidate"} and "drug" in kinds:
            head = replace(a if a.category == "drug" else b, start=a.start)
            out.append(_composed(head, b.end, text, f"{a.lemma}/{b.lemma}", f"{a.en}/{b.en}"))
            a.nested = b.nested = True
    return out


def _composed(head: Mention, end: int, text: str, lemma: str, en: str) -> Mention:
    """A term the glossary lacks, from ``head`` to ``end``: a ``pattern`` mention of the head's concept."""
    return Mention(
        start=head.start,
        end=end,
        text=text[head.start : end],
        lemma=lemma,
        concept_id=head.concept_id,
        en=en,
        source="pattern",
        status="admitted",
        category=head.category,
        domain=head.domain,
        score=0.8,
        fr_preferred=head.fr_preferred,
    )


def _plural_word(word: str) -> bool:
    """A French word with a plural ending (*purines*, *hépatiques*, *vitraux*; not *virus*, *pancréas*)."""
    word = word.lower()
    return word.endswith(("s", "x")) and not word.endswith(("us", "is", "as", "ss"))


def _plural_after_singular(head: str, adjective: str) -> bool:
    """A plural adjective after a singular noun (it agrees with a coordination before the noun)."""
    return not head.lower().endswith(("s", "x")) and _plural_word(adjective)


_PARTICIPLE = ("é", "ée", "és", "ées")
_LEVELS = {"haut": "upper", "haute": "upper", "hauts": "upper", "hautes": "upper"}
_LEVELS |= {"bas": "lower", "basse": "lower", "basses": "lower"}
_MEASURED = frozenset({"physiology", "test", "substance"})
"""Heads that *haut* and *bas* make high and low (*tension haute*); elsewhere upper and lower."""
_OF_LINKS = frozenset({"de", "des", "du", "d'", "à", "au", "aux", "en", "sans", "avec", "par", "-"})
"""Words after which a plural noun is a complement, not an adjective (*cancer des ovaires*, *nouveau-nés*)."""


def _agreeing(m: Match, toks: Sequence[Tok]) -> Match | None:
    """``m`` with only the entries whose form the text's last word can be; None if none is left.

    Folding accents and endings makes *bouchée* look like *bouche*, *gêne* like *gène*, *vaccinées*
    like *vaccin* and *règle* like *règles* (menstruation): a final *-é(e)(s)* in the text needs one
    in the term, a letter accented in both must carry the same accent (a missing accent is only a
    typing habit), and a one-word term used only in the plural needs a plural.
    """
    if m.pattern is not None:
        return m
    last = toks[m.end - 1].text.lower()
    participle = last.endswith(_PARTICIPLE)
    plural = last.endswith(("s", "x"))
    one_token = m.end - m.start == 1
    words = [t.text.lower() for t in toks[m.start : m.end] if not t.space]
    # *insuffisance rénale ou insuffisance cardiaque sévères*: the adjective is not in the term
    coordinated = (
        len(words) > 1
        and words[0] != "non"
        and words[-2] not in _OF_LINKS
        and _plural_after_singular(words[0], last)
    )

    def fits(term: Term) -> bool:
        written = term.text.lower()
        term_words = written.split()
        if participle and not written.endswith(_PARTICIPLE):
            return False
        if coordinated and not _plural_word(term_words[-1]):
            return False
        if term.number == "pl" and not term.is_short and one_token and len(term_words) == 1 and not plural:
            return False
        return not _other_accents(words, term_words) and not _lost_final_e(last, term_words[-1])

    entries = [(cid, term) for cid, term in m.entries if fits(term)]
    if len(entries) == len(m.entries):
        return m
    return replace(m, entries=entries) if entries else None


def _lost_final_e(written: str, term: str) -> bool:
    """*temps* is not a plural of *tempe*: a term word in consonant + *e* keeps its *e* before *-s*."""
    return (
        len(term) > 3
        and term.endswith("e")
        and term[-2].isalpha()
        and fold(term[-2]) not in "aeiouy"
        and written.endswith("s")
        and fold(written[:-1]) == fold(term[:-1])
    )


def _other_accents(written: list[str], term: list[str]) -> bool:
    """Whether a word of the text and the same word of the term accent one letter differently."""
    if len(written) != len(term):
        return False
    for a, b in zip(written, term, strict=True):
        if a == b:
            continue
        a, b = a.replace("œ", "oe").replace("æ", "ae"), b.replace("œ", "oe").replace("æ", "ae")
        for x, y in zip(a, b, strict=False):  # the stem: inflection only changes the end
            if x != y and not x.isascii() and not y.isascii() and x.isalpha() and y.isalpha():
                return True
    return False


def _inside(mentions: Iterable[Mention]) -> Callable[[int], bool]:
    """Whether a character offset falls inside one of ``mentions`` (a sorted search, not a scan)."""
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [start for start, _ in spans]

    def inside(offset: int) -> bool:
        k = bisect.bisect_right(starts, offset) - 1
        return k >= 0 and spans[k][0] <= offset < spans[k][1]

    return inside


def _toks(doc: Doc, text: str) -> list[Tok]:
    """The tokens of ``doc`` (whose text is ``text``) as ``Tok``, read from arrays: no Token objects."""
    new = tuple.__new__  # skips the NamedTuple's Python-level __new__: this runs once per token
    out: list[Tok] = []
    for start, length in doc.to_array([IDX, LENGTH]).tolist():
        piece = text[start : start + length]
        if piece.isspace():
            out.append(new(Tok, (piece, start, True, piece.count("\n"))))
        else:
            out.append(new(Tok, (piece, start, False, 0)))
    return out


def _token_langs(toks: list[Tok], segments: list[Segment]) -> list[str]:
    """The language of each token, from the segment it starts in."""
    if all(seg.lang == "fr" for seg in segments):
        return ["fr"] * len(toks)
    out: list[str] = []
    k, last = 0, len(segments) - 1
    for t in toks:
        while k < last and t.start >= segments[k].end:
            k += 1
        out.append(segments[k].lang if segments else "fr")
    return out


def _ordered(mentions: list[Mention]) -> list[Mention]:
    """Text order, each nested mention after its parent, ``parent`` set to the parent's index."""
    out = sorted(mentions, key=lambda m: (m.start, m.nested, -m.end))
    top: list[int] = []
    for k, m in enumerate(out):
        if not m.nested:
            top.append(k)
            continue
        m.parent = next((p for p in reversed(top) if out[p].start <= m.start and m.end <= out[p].end), None)
        m.nested = m.parent is not None
    return out


def _locate(mentions: list[Mention], text: str) -> None:
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for m in mentions:
        k = bisect.bisect_right(line_starts, m.start) - 1
        m.line, m.column = k + 1, m.start - line_starts[k] + 1


@Language.factory(
    "medgloss",
    assigns=["doc._.medgloss", "doc.spans"],
    default_config={
        "glossary": [],
        "bundled": True,
        "candidates": True,
        "variant": "en-GB",
        "serializable": False,
    },
)
def make_medgloss(
    nlp: Language,
    name: str,
    glossary: list[str],
    bundled: bool,
    candidates: bool,
    variant: str,
    serializable: bool,
) -> MedglossComponent:
    """Factory of the ``medgloss`` component (also exposed as a ``spacy_factories`` entry point)."""
    return MedglossComponent(
        nlp,
        name,
        glossary=glossary,
        bundled=bundled,
        candidates=candidates,
        variant=variant,
        serializable=serializable,
    )
