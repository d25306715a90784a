"""Candidate terms: medical-looking words and phrases the glossary does not know, with an EN proposal.

A token is medical-looking when its form carries neoclassical morphology (*-ite*, *-ose*,
*-pathie*, *-émie*, *-ectomie*, *-mab*, *-nib*…) or a medical stem (*cardi-*, *pneumo-*,
*hépat-*…) and it is rarer in general French than everyday words (wordfreq's Zipf scale).
Candidates grow into noun phrases (noun + adjectives, noun + *de* + noun) using the POS tags of the
French model, and get an English proposal from morphology rules and the glossary's own terms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .resources import data_lines
from .typography import inflection_key

__all__ = [
    "Candidate",
    "Word",
    "en_for_phrase",
    "en_for_word",
    "find_candidates",
    "general_english",
    "medical_score",
    "translatable",
]

# (French ending, en-GB ending, en-US ending), longest first within a family.
_SUFFIXES: tuple[tuple[str, str, str], ...] = (
    ("ectomie", "ectomy", "ectomy"),
    ("ostomie", "ostomy", "ostomy"),
    ("otomie", "otomy", "otomy"),
    ("plastie", "plasty", "plasty"),
    ("coloscopie", "colonoscopy", "colonoscopy"),
    ("scopie", "scopy", "scopy"),
    ("graphie", "graphy", "graphy"),
    ("logie", "logy", "logy"),
    ("pathie", "pathy", "pathy"),
    ("trophie", "trophy", "trophy"),
    ("plasie", "plasia", "plasia"),
    ("rragie", "rrhage", "rrhage"),
    ("rrhée", "rrhoea", "rrhea"),
    ("pnée", "pnoea", "pnea"),
    ("émie", "aemia", "emia"),
    ("urie", "uria", "uria"),
    ("algie", "algia", "algia"),
    ("phobie", "phobia", "phobia"),
    ("philie", "philia", "philia"),
    ("pénie", "penia", "penia"),
    ("cardie", "cardia", "cardia"),
    ("plégie", "plegia", "plegia"),
    ("iasique", "iatic", "iatic"),
    ("logique", "logical", "logical"),
    ("pausique", "pausal", "pausal"),
    ("bare", "baric", "baric"),
    ("lytique", "lytic", "lytic"),
    ("lyse", "lysis", "lysis"),
    ("ologue", "ologist", "ologist"),
    ("iatre", "iatrist", "iatrist"),
    ("ite", "itis", "itis"),
    ("ose", "osis", "osis"),
    ("ome", "oma", "oma"),
    ("isme", "ism", "ism"),
    ("cyte", "cyte", "cyte"),
    ("oïde", "oid", "oid"),
    ("tinib", "tinib", "tinib"),
    ("mab", "mab", "mab"),
    ("nib", "nib", "nib"),
    ("vir", "vir", "vir"),
    ("cept", "cept", "cept"),
    ("profène", "profen", "profen"),
    ("dipine", "dipine", "dipine"),
    ("ine", "in", "in"),
    ("ique", "ic", "ic"),
    ("ante", "ant", "ant"),
    ("ente", "ent", "ent"),
    ("ulaire", "ular", "ular"),
    ("opératoire", "operative", "operative"),
    ("iforme", "iform", "iform"),
    ("pelvien", "pelvic", "pelvic"),
    ("porteur", "porter", "porter"),
    ("cepteur", "ceptor", "ceptor"),
    ("ateur", "ator", "ator"),
    ("iteur", "itor", "itor"),
    ("cteur", "ctor", "ctor"),
    ("oire", "ory", "ory"),
    ("aire", "ary", "ary"),
    ("ielle", "ial", "ial"),
    ("iel", "ial", "ial"),
    ("gienne", "geal", "geal"),
    ("gien", "geal", "geal"),
    ("érienne", "erial", "erial"),
    ("érien", "erial", "erial"),
    ("bienne", "bial", "bial"),
    ("bien", "bial", "bial"),
    ("ienne", "ian", "ian"),
    ("ien", "ian", "ian"),
    ("onnelle", "onal", "onal"),
    ("elle", "al", "al"),
    ("onnel", "onal", "onal"),
    ("el", "al", "al"),
    ("ale", "al", "al"),
    ("al", "al", "al"),
    ("euse", "ous", "ous"),
    ("eux", "ous", "ous"),
    ("ive", "ive", "ive"),
    ("if", "ive", "ive"),
    ("ée", "ed", "ed"),
    ("é", "ed", "ed"),
    ("tion", "tion", "tion"),
    ("sion", "sion", "sion"),
    ("iste", "ist", "ist"),
    ("ie", "y", "y"),
)
_LINKS = ("de", "du", "des", "d'", "par", "à", "au", "aux")
_STRONG = (
    "thérapie",
    "ectomie",
    "ostomie",
    "otomie",
    "plastie",
    "scopie",
    "graphie",
    "pathie",
    "trophie",
    "plasie",
    "rragie",
    "rrhée",
    "pnée",
    "émie",
    "urie",
    "algie",
    "pénie",
    "plégie",
    "ite",
    "ose",
    "ome",
    "cyte",
    "mab",
    "nib",
    "vir",
    "statine",
    "cilline",
    "mycine",
    "parine",
    "sartan",
    "pril",
    "olol",
    "azole",
    "gliptine",
    "gliflozine",
    "cycline",
    "floxacine",
    "dronate",
    "tidine",
    "zépam",
    "kinase",
    # more stems of international non-proprietary names (WHO INN stems)
    "xostat",
    "listat",
    "dipine",
    "afil",
    "sétron",
    "triptan",
    "lukast",
    "coxib",
    "profène",
    "fibrate",
    "glinide",
    "thiazide",
    "oxacine",
    "glutide",
    "parib",
    "ciclib",
    "ercept",
)
_STEMS = (
    "cardi",
    "pneum",
    "pulmon",
    "hépat",
    "rén",
    "néphr",
    "neur",
    "cérébr",
    "gastr",
    "entér",
    "derm",
    "myo",
    "ostéo",
    "arthr",
    "hémat",
    "hémo",
    "leuc",
    "leuk",
    "lymph",
    "immun",
    "onco",
    "cyto",
    "angi",
    "thromb",
    "vascul",
    "cutan",
    "muscul",
    "respir",
    "bactér",
    "vir",
    "tumor",
    "tumeur",
    "métabol",
    "endocr",
    "thyr",
    "diabét",
    "glyc",
    "insulin",
    "inflamm",
    "infect",
    "calci",
    "fibr",
    "sclér",
    "carcin",
    "mélan",
    "gluc",
    "lip",
    "chol",
    "prot",
    "enzym",
    "hormon",
    "mitochond",
    "chromos",
    "génét",
    "cellul",
    "intestin",
    "colo",
    "rect",
    "œsoph",
    "oesoph",
    "pancréa",
    "interstit",
    "auto-immun",
    "autoimmun",
    "anti",
    "épidém",
    "pathog",
    "syndrom",
    "pédiatr",
    "gynéc",
    "obstétr",
    "psych",
    "ophtalm",
    "rhumat",
    "allerg",
    "anesth",
    "chirurg",
    "radio",
)
_GB_TO_US = (("aemia", "emia"), ("oedema", "edema"), ("oesoph", "esoph"), ("tumour", "tumor"))


@dataclass(frozen=True, slots=True)
class Word:
    """What candidate mining needs of a token."""

    text: str
    lemma: str
    pos: str
    start: int
    end: int
    in_term: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """Words ``[first, last]`` form a candidate term; ``en`` is the proposal."""

    first: int
    last: int
    lemma: str
    en: str
    score: float


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=50_000)
def en_for_word(word: str, variant: str = "en-GB") -> str:
    """An English proposal for a French medical word by its morphology.

    >>> [en_for_word(w) for w in ("calcinose", "pneumopathie", "anémie", "interstitielle", "pulmonaire")]
    ['calcinosis', 'pneumopathy', 'anaemia', 'interstitial', 'pulmonary']
    >>> en_for_word("anémie", "en-US"), en_for_word("atorvastatine"), en_for_word("ruxolitinib")
    ('anemia', 'atorvastatin', 'ruxolitinib')
    >>> en_for_word("kétoprofène"), en_for_word("amlodipine"), en_for_word("fébuxostat")
    ('ketoprofen', 'amlodipine', 'febuxostat')
    >>> [en_for_word(w) for w in ("métacarpophalangiennes", "bactérien", "microbienne", "psoriasique")]
    ['metacarpophalangeal', 'bacterial', 'microbial', 'psoriatic']
    >>> [en_for_word(w) for w in ("tuberculeux", "hyperbare", "post-ménopausique", "neurologiques")]
    ['tuberculous', 'hyperbaric', 'post-menopausal', 'neurological']
    >>> en_for_word("exceptionnelle"), en_for_word("nutritionnels"), en_for_word("périopératoire")
    ('exceptional', 'nutritional', 'perioperative')
    >>> [en_for_word(w) for w in ("cotransporteur", "récepteurs", "activateur", "inhibiteur", "vecteur")]
    ['cotransporter', 'receptor', 'activator', 'inhibitor', 'vector']
    >>> en_for_word("vermiforme"), en_for_word("abdominopelvien")
    ('vermiform', 'abdominopelvic')
    """
    w = word.lower()
    if w.endswith("aux") and len(w) > 5:
        w = w[:-3] + "al"
    elif w.endswith(("s", "x")) and len(w) > 5 and not w.endswith(("ss", "us", "is", "eux")):
        w = w[:-1]
    for fr, gb, us in _SUFFIXES:
        if w.endswith(fr) and len(w) > len(fr) + 1:
            w = w[: -len(fr)] + (us if variant == "en-US" else gb)
            break
    w = _strip_accents(w).replace("œ", "oe").replace("æ", "ae")
    if variant == "en-US":
        for gb, us in _GB_TO_US:
            w = w.replace(gb, us)
    return w


@lru_cache(maxsize=100_000)
def medical_score(word: str) -> float:
    """How medical ``word`` looks, 0 to 1, from morphology and general-language rarity.

    >>> medical_score("calcinose") > 0.5 > medical_score("maison")
    True
    """
    w = word.lower()
    if len(w) < 5 or not w.replace("-", "").isalpha():
        return 0.0
    score = 0.0
    if w.endswith(_STRONG):
        score += 0.55
    elif w.startswith(_STEMS) or ("-" in w and any(part.startswith(_STEMS) for part in w.split("-")[1:])):
        score += 0.3
    from wordfreq import zipf_frequency  # imported here: 0.2 s that fast mode does not need

    zipf = zipf_frequency(w, "fr")
    if zipf == 0 and len(w) >= 8:  # a long word general French never uses: a drug or a technical term
        score += 0.5
    elif zipf < 1.5:
        score += 0.3
    elif zipf < 2.5:
        score += 0.2
    elif zipf > 4.0:
        score -= 0.4
    return max(0.0, min(1.0, score))


def en_for_phrase(words: Sequence[Word], known: Callable[[str], str | None], variant: str = "en-GB") -> str:
    """English for a French noun phrase: known words from the glossary, others by morphology.

    Adjectives move before the noun and *N de N2* becomes *N2 N*:
    *pneumopathie interstitielle* → *interstitial pneumopathy*, *cristaux de calcium* → *calcium crystal*.
    """

    def one(w: Word) -> str:
        return (
            known(w.lemma)
            or known(w.text)
            or general_english(w.lemma)
            or general_english(w.text.lower())
            or en_for_word(w.lemma or w.text, variant)
        )

    if not words:
        return ""
    if all(w.pos not in ("NOUN", "PROPN", "ADJ", "DET", "ADP") for w in words):  # untagged: guess
        words = [_guess_pos(w, k) for k, w in enumerate(words)]
    de = next((i for i, w in enumerate(words) if w.lemma in _LINKS and i > 0), None)
    if de is not None and de + 1 < len(words):
        head = en_for_phrase(words[:de], known, variant)
        tail = en_for_phrase([w for w in words[de + 1 :] if w.pos != "DET"], known, variant)
        return f"{tail} {head}".strip()
    noun, adjs = words[0], [w for w in words[1:] if w.pos == "ADJ"]
    nouns = [w for w in words[1:] if w.pos != "ADJ"]
    return " ".join([*(one(a) for a in reversed(adjs)), one(noun), *(one(n) for n in nouns)])


_FUNCTION_WORDS = frozenset(
    {*_LINKS, "le", "la", "les", "l'", "un", "une", "et", "ou", "en", "pour", "sur", "avec"}
)


def translatable(words: Sequence[Word], known: Callable[[str], str | None]) -> bool:
    """Whether every content word of ``words`` has a trustworthy English rendering.

    A word is when the glossary or the everyday-word list knows it, when a morphology rule
    rewrites it (*-ite* → *-itis*), or when it is already an English word. Otherwise a composed
    proposal would be a calque (*observatoire français des drogues et des tendances addictives*),
    and saying nothing is better.
    """
    from wordfreq import zipf_frequency

    if any(w.text.lower() in ("et", "ou") for w in words):
        return False  # coordinations ("des drogues et des tendances") do not compose word by word
    if any(c.isdigit() for w in words for c in w.text) or any(w.text in ("-", "/") for w in words):
        return False  # "cotransporteur sodium-glucose de type 2": word order and numbers do not carry
    for w in words:
        lower = w.text.lower()
        if lower in _FUNCTION_WORDS or not any(c.isalpha() for c in lower):
            continue
        lemma = w.lemma or lower
        if known(lemma) or known(w.text) or general_english(lemma) or general_english(lower):
            continue
        english = en_for_word(lemma)
        if english != _strip_accents(lemma) or zipf_frequency(english, "en") >= 2.5:
            continue
        return False
    return True


def _guess_pos(word: Word, index: int) -> Word:
    lower = word.text.lower()
    if lower in _LINKS:
        pos = "ADP"
    elif lower in ("le", "la", "les", "l'", "un", "une"):
        pos = "DET"
    elif index > 0:
        pos = "ADJ"  # French noun phrases put adjectives after the head noun
    else:
        pos = "NOUN"
    return Word(word.text, lower, pos, word.start, word.end, word.in_term)


GENERAL = dict(line.split("\t") for line in data_lines("general_fr_en.tsv"))
"""Everyday words of medical phrases (gauche → left), for composing proposals."""
_GENERAL_BY_KEY = {inflection_key(fr): en for fr, en in GENERAL.items()}


def general_english(word: str) -> str | None:
    """The everyday-word list's English for ``word``, in any number or gender."""
    return GENERAL.get(word) or _GENERAL_BY_KEY.get(inflection_key(word))


_ALPHA = re.compile(r"^[^\W\d_][\w'-]*$", re.UNICODE)


def find_candidates(
    words: Sequence[Word], known: Callable[[str], str | None], variant: str = "en-GB", threshold: float = 0.5
) -> list[Candidate]:
    """Candidate noun phrases among ``words`` that are not inside glossary terms."""
    out: list[Candidate] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if w.in_term or w.pos not in ("NOUN", "PROPN", "ADJ") or not _ALPHA.match(w.text):
            i += 1
            continue
        score = medical_score(w.lemma or w.text)
        last = i
        if w.pos in ("NOUN", "PROPN"):
            j = i + 1
            while j < n and words[j].pos == "ADJ" and not words[j].in_term and _ALPHA.match(words[j].text):
                adj_score = medical_score(words[j].lemma or words[j].text)
                if adj_score < 0.3:
                    break
                score = max(score, adj_score - 0.1 if score < 0.3 else score)
                last = j
                j += 1
        if score >= threshold and (w.pos != "ADJ" or last > i):
            phrase = words[i : last + 1]
            lemma = " ".join(x.lemma if k == 0 else x.text.lower() for k, x in enumerate(phrase))
            out.append(Candidate(i, last, lemma, en_for_phrase(phrase, known, variant), round(score, 2)))
            i = last + 1
            continue
        i += 1
    return out
