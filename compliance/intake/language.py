"""A message's language, its sentences, and every word as the forms a rule can match.

A rule is written as lemmas ("verwijderen gegevens"); a text holds inflections
("verwijdert", "verwijderd"), compounds ("persoonsgegevens", "Kundendaten"), split verbs
("trek … in", "op te zeggen") and typos ("opzegen"). Each word of a sentence therefore
becomes a set of *forms*: its own spelling, its lemma in Dutch, English and German
(simplemma, no model download), the parts of a hyphenated word, the head of a compound
that a rule names (Dutch and German compounds end in their head: "klantgegevens" is a kind
of "gegevens") and, for a word no dictionary knows, the rule word it misspells (rapidfuzz).
Forms are lower case without accents ("beëindigen" → "beeindigen", "ß" → "ss").

    >>> words = Vocabulary(frozenset({"gegevens", "opzeggen"}))
    >>> "gegevens" in words.forms("Persoonsgegevens")
    True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import simplemma
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from simplemma.strategies import DefaultStrategy

LANGUAGES = ("nl", "en", "de")
# Classifying reads at most this much of a message's own text: a request is stated in its
# first pages, and a pasted log file must not cost minutes.
MAX_TEXT_CHARS = 20_000
# A sentence longer than this many words is read as separate lines: a paragraph without
# full stops must not let words from different lines form one rule.
MAX_SENTENCE_WORDS = 60

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_ABBREVIATIONS = frozenset(
    [
        "art",
        "nr",
        "no",
        "nos",
        "bijv",
        "bv",
        "ca",
        "dhr",
        "mevr",
        "mr",
        "mw",
        "mevr",
        "dr",
        "drs",
        "ir",
        "ing",
        "prof",
        "st",
        "str",
        "tel",
        "fax",
        "resp",
        "incl",
        "excl",
        "evt",
        "ivm",
        "mbt",
        "oa",
        "tav",
        "zgn",
        "zoz",
        "etc",
        "jan",
        "feb",
        "mrt",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "oct",
        "nov",
        "dec",
        "abs",
        "ggf",
        "bzw",
        "usw",
        "zb",
        "ua",
        "hr",
        "fr",
        "eg",
        "ie",
        "approx",
        "vs",
    ]
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_DUTCH_PARTICLES = frozenset(
    [
        "op",
        "in",
        "af",
        "uit",
        "weg",
        "terug",
        "aan",
        "door",
        "mee",
        "over",
        "toe",
        "bij",
        "na",
        "om",
    ]
)
_GERMAN_PARTICLES = ("zuruck", "weg", "ab", "an", "auf", "aus", "ein", "mit", "nach", "vor")


def normalise(word: str) -> str:
    """Lower case, accents off, ß as ss: how forms and rule words are compared."""
    word = word.casefold().replace("’", "'")
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a text as written (hyphens and apostrophes inside a word kept)."""
    return _WORD.findall(text)


_UMLAUT_SPELLED = re.compile(r"(?<=[a-z])(ae|oe|ue)", re.I)
_SUBORDINATE = frozenset(["dass", "dat", "that", "om", "te", "zu", "of", "ob", "whether"])
_CLAUSE_MARK = re.compile(r"[:;,()–—]|\s-\s")


def clauses(text: str) -> list[int]:
    """For each word of `words(text)`, the number of its clause (a comma, colon, semicolon,
    dash or bracket starts the next): how far a negation reaches."""
    out: list[int] = []
    clause, end = 0, 0
    for found in _WORD.finditer(text):
        mark = _CLAUSE_MARK.search(text, end, found.start())
        # ", dass …", ", that …": a clause the negation before it governs ("ich möchte
        # nicht, dass Sie meine Daten löschen")
        if mark and not (mark.group(0) == "," and normalise(found.group(0)) in _SUBORDINATE):
            clause += 1
        out.append(clause)
        end = found.end()
    return out


def _ends_sentence(chunk: str) -> bool:
    """False when the full stop ending `chunk` belongs to an abbreviation ("art. 15")."""
    tail = chunk.rstrip()
    if not tail.endswith("."):
        return True
    last = words(tail[-12:])
    if last and last[-1].isdigit() and len(last[-1]) <= 2:
        return False  # a day or month: "zum 31.03. leider ein", "per 1.3. graag"
    return not last or normalise(last[-1].replace(".", "")) not in _ABBREVIATIONS


def sentences(text: str) -> Iterator[str]:
    """Sentences: paragraphs (blank lines) cut at full stops, question and exclamation
    marks; a wrapped line does not end a sentence, an overlong one is read by lines."""
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if not lines:
            continue
        joined = " ".join(lines)
        pending = ""
        for chunk in _SENTENCE_END.split(joined):
            pending = f"{pending} {chunk}" if pending else chunk
            if _ends_sentence(pending):
                yield from _bounded(pending, lines)
                pending = ""
        if pending:
            yield from _bounded(pending, lines)


def _bounded(sentence: str, lines: list[str]) -> Iterator[str]:
    if len(words(sentence)) <= MAX_SENTENCE_WORDS:
        yield sentence
        return
    for line in lines:
        if line in sentence:
            yield line


# ------------------------------------------------------------------------- lemmas
class _CachedStrategy:
    """simplemma's own lemmatiser with a memory: mail repeats its words, and a dictionary
    lookup per word and language was most of the time spent on language detection."""

    def __init__(self) -> None:
        self._strategy = DefaultStrategy()
        self._seen: dict[tuple[str, str], str | None] = {}

    def get_lemma(self, token: str, lang: str) -> str | None:
        key = (token, lang)
        try:
            return self._seen[key]
        except KeyError:
            if len(self._seen) > 500_000:  # bounded, like any cache that grows with input
                self._seen.clear()
            found = self._seen[key] = self._strategy.get_lemma(token, lang)
            return found


_STRATEGY = _CachedStrategy()
_DETECTOR = simplemma.LanguageDetector(LANGUAGES, lemmatization_strategy=_STRATEGY)


def detect_language(text: str) -> str | None:
    """nl, en or de (Flemish is Dutch), or None when too little of the text is known."""
    scores = _DETECTOR.proportion_in_each_language(text[:MAX_TEXT_CHARS])
    best = max(LANGUAGES, key=lambda lang: (scores.get(lang, 0.0), -LANGUAGES.index(lang)))
    return best if scores.get(best, 0.0) > 0 else None


@lru_cache(maxsize=200_000)
def _dictionary_forms(word: str) -> tuple[frozenset[str], bool]:
    """A word's spelling and its lemmas in the three languages, and whether any dictionary
    knows it (simplemma, case as written: German nouns are capitalised)."""
    forms = {normalise(word)}
    known = False
    for lang in LANGUAGES:
        for variant in dict.fromkeys((word, word.lower())):
            found = _STRATEGY.get_lemma(variant, lang)
            if found is not None:
                forms.add(normalise(found))
                known = True
    return frozenset(forms), known


@dataclass(frozen=True)
class Vocabulary:
    """The words the rules name: what a compound's head or a typo may turn into."""

    words: frozenset[str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_heads", {})
        object.__setattr__(self, "_typos", sorted(w for w in self.words if len(w) >= 5))
        object.__setattr__(self, "_cache", {})
        heads: dict[int, set[str]] = self._heads  # type: ignore[attr-defined]
        for w in self.words:
            if len(w) >= 4:
                heads.setdefault(len(w), set()).add(w)

    def forms(self, word: str) -> frozenset[str]:
        """Every form of one written word (see the module docstring); cached."""
        cache: dict[str, frozenset[str]] = self._cache  # type: ignore[attr-defined]
        found = cache.get(word)
        if found is None:
            if len(cache) > 200_000:
                cache.clear()
            found = cache[word] = self._forms(word)
        return found

    def _forms(self, word: str) -> frozenset[str]:
        forms, known = _dictionary_forms(word)
        out = set(forms)
        if "-" in word or "'" in word or "’" in word:
            for part in re.split(r"['’\-]", word):
                if part:
                    out |= _dictionary_forms(part)[0]
            out.add(normalise(re.sub(r"['’\-]", "", word)))
        if _UMLAUT_SPELLED.search(word):  # "loeschen", "Kuendigung": ö and ü typed as oe, ue
            plain = _UMLAUT_SPELLED.sub(lambda m: m.group(0)[0], normalise(word))
            out |= {f for f in _dictionary_forms(plain)[0] | {plain} if f in self.words}
        out |= self._heads_of(out)
        if not known and not (out & self.words):
            out |= self._misspelt(normalise(word))
        return frozenset(out)

    def _heads_of(self, forms: set[str]) -> set[str]:
        """Rule words a form ends in, with at least three letters before them."""
        heads: dict[int, set[str]] = self._heads  # type: ignore[attr-defined]
        found = set()
        for form in forms:
            for size, group in heads.items():
                if len(form) - size >= 3 and form[-size:] in group:
                    found.add(form[-size:])
        return found

    def _misspelt(self, form: str) -> set[str]:
        """The rule word a word no dictionary knows is a typo of: one letter off, two in a
        long word (rapidfuzz's Damerau-Levenshtein distance, a swap counting once)."""
        if len(form) < 5 or not form.isalpha():
            return set()
        limit = 2 if len(form) >= 9 else 1
        typos: list[str] = self._typos  # type: ignore[attr-defined]
        best = process.extractOne(
            form, typos, scorer=DamerauLevenshtein.distance, score_cutoff=limit
        )
        return {best[0]} if best is not None else set()


def joined_particles(written: list[str]) -> dict[int, str]:
    """Separable verbs written apart with "te" ("op te zeggen", "in te trekken") as one word
    at the particle's position, and German "zu" infinitives without it ("zurückzuziehen")."""
    joined: dict[int, str] = {}
    lower = [normalise(w) for w in written]
    for i, w in enumerate(lower):
        if w in _DUTCH_PARTICLES and i + 2 < len(lower) and lower[i + 1] == "te":
            joined[i] = w + lower[i + 2]
        for particle in _GERMAN_PARTICLES:
            if w.startswith(particle + "zu") and len(w) > len(particle) + 5:
                joined[i] = particle + w[len(particle) + 2 :]
    return joined
