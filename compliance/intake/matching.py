"""Where a rule holds in a sentence, and whether what it found is meant.

A rule is terms that must all occur in one sentence, close together, in any order:

* ``verwijderen gegevens``: a word each (as lemmas: every form of the word matches);
* ``opzeg*``: a word starting so;
* ``beeindigen|stoppen``: either;
* ``@agreement``: any word of the language's word group ``agreement``;
* ``zeggen>op``: "zeggen" and, later in the sentence, "op" (a Dutch or German verb whose
  particle stands apart: "wij zeggen het contract per 1 maart op");
* ``-ongeluk`` or ``-@device``: the sentence must *not* hold the word ("per ongeluk
  verwijderd" is no erasure request).

A match does not count when a negation stands just before or inside it ("we willen de
samenwerking zeker niet beëindigen"), unless the rule itself names the negation ("niet
verlengen"); a negation followed by "meer"/"langer"/"mehr"/"longer" is a wish to stop,
not a denial, and stands in the sentence as the word ``_cease`` ("ik wil geen nieuwsbrief
meer": ``@newsletter _cease``). Nor does it count when it speaks of the *reader's* data
("Kloppen uw gegevens niet?") or is the reader's condition ("Als u zich wilt afmelden…").

    >>> rule = compile_rule("verwijderen @data", groups, "mail.requests.erasure.nl")
    >>> status_of(match(rule, analyse_sentence("Verwijder al mijn gegevens.", ...)))
    'counted'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from compliance.intake.language import Vocabulary, clauses, joined_particles, normalise, words
from compliance.policy import PolicyError

DATA_GROUP = "data"  # the word group whose words, after "uw"/"your", are the reader's data
CEASE = "_cease"  # the form a "niet meer" / "no longer" / "nicht mehr" stands as
MAX_SPAN = 24  # the words of one rule stand at most this far apart
MAX_PARTICLE_GAP = 24  # "zeggen … op": the particle at most this far after its verb
NEGATION_REACH = 4  # a negation this many words before a match still denies it
# ... and this many after it: "wir kündigen nichts", "we zeggen niet op" (the verb second,
# its negation behind it); a rule of one word further ("Opzeggen is bij ons geen moment …")
NEGATION_AFTER = 2
NEGATION_AFTER_ONE_WORD = 4
CEASE_REACH = 5  # "geen automatische incasso meer": "meer" this far after the negation


@dataclass(frozen=True)
class Alternative:
    """One way a term can be met: a word, a prefix, or a verb with its particle after it."""

    word: str
    prefix: bool = False
    particle: str | None = None


@dataclass(frozen=True)
class Term:
    alternatives: tuple[Alternative, ...]
    groups: tuple[str, ...] = ()  # the word groups the term names (for `reader_words`)


@dataclass(frozen=True)
class Rule:
    """One rule of the policy as written (its recorded reason) and as compiled."""

    text: str
    language: str
    terms: tuple[Term, ...]
    excluded: tuple[Term, ...] = ()  # none of these may stand in the sentence
    names_negation: bool = False  # "niet verlengen": a negation does not deny it
    # The words one of which every match holds (from the term with the fewest): a message
    # without any of them is never tried against the rule. Empty: always tried.
    keys: frozenset[str] = frozenset()

    @property
    def words(self) -> frozenset[str]:
        return frozenset(
            w
            for t in (*self.terms, *self.excluded)
            for a in t.alternatives
            for w in (a.word, a.particle)
            if w
        )


@dataclass(frozen=True)
class Cues:
    """The words of one language that change what a sentence means (policy [mail.language])."""

    negation: frozenset[str] = frozenset()
    cessation: frozenset[str] = frozenset()
    not_negation: frozenset[str] = frozenset()  # "niet alleen", "not only": no denial
    first_person: frozenset[str] = frozenset()
    second_person: frozenset[str] = frozenset()
    reader_possessives: frozenset[str] = frozenset()
    conditionals: frozenset[str] = frozenset()

    def merged(self, other: Cues) -> Cues:
        return Cues(**{k: getattr(self, k) | getattr(other, k) for k in self.__dataclass_fields__})


def _alternative(raw: str, groups: Mapping[str, tuple[Alternative, ...]], key: str) -> list:
    if raw.startswith("@"):
        name = raw[1:]
        if name not in groups:
            raise PolicyError(f"policy key '{key}' names the unknown word group @{name}.")
        return list(groups[name])
    verb, _, particle = raw.partition(">")
    # Hyphens and apostrophes are left out of a rule's words: a text's "e-mailadres" and
    # "m'n" also stand as "emailadres" and "mn" (compliance.intake.language).
    word = re.sub(r"['’\-]", "", normalise(verb.rstrip("*")))
    particle = re.sub(r"['’\-]", "", normalise(particle))
    if not re.fullmatch(r"[\w]+", word) or (particle and not re.fullmatch(r"\w+", particle)):
        raise PolicyError(f"policy key '{key}' holds '{raw}', which is not a word.")
    return [Alternative(word, verb.endswith("*"), particle or None)]


def compile_group(texts: Iterable[str], key: str) -> tuple[Alternative, ...]:
    """A word group: words and prefixes (no groups or particles inside a group)."""
    out: list[Alternative] = []
    for raw in texts:
        if raw.startswith("@") or ">" in raw or " " in raw.strip():
            raise PolicyError(f"policy key '{key}' holds '{raw}': a group lists single words.")
        out.extend(_alternative(raw.strip(), {}, key))
    return tuple(out)


def compile_rule(
    text: str,
    language: str,
    groups: Mapping[str, tuple[Alternative, ...]],
    negation: frozenset[str],
    key: str,
) -> Rule:
    """A rule as written in the policy (see the module docstring); PolicyError names `key`."""
    terms: list[Term] = []
    excluded: list[Term] = []
    for raw in text.split():
        negative = raw.startswith("-") and len(raw) > 1
        raw = raw[1:] if negative else raw
        alternatives: list[Alternative] = []
        named = []
        for part in raw.split("|"):
            if not part:
                raise PolicyError(f"policy key '{key}' holds an empty alternative in '{text}'.")
            alternatives.extend(_alternative(part, groups, key))
            if part.startswith("@"):
                named.append(part[1:])
        (excluded if negative else terms).append(
            Term(tuple(dict.fromkeys(alternatives)), tuple(named))
        )
    if not terms:
        raise PolicyError(f"policy key '{key}' holds an empty rule.")
    plain = [t for t in terms if not any(a.prefix for a in t.alternatives)]
    keys = frozenset()
    if plain:
        fewest = min(plain, key=lambda t: len(t.alternatives))
        keys = frozenset(a.word for a in fewest.alternatives)
    names_negation = any(a.word in negation for t in terms for a in t.alternatives)
    return Rule(text.strip(), language, tuple(terms), tuple(excluded), names_negation, keys)


# ------------------------------------------------------------------------- sentences
@dataclass
class Sentence:
    """One sentence of a message, read once: where each form stands."""

    text: str
    place: str  # subject | text | forwarded | quoted
    size: int
    positions: dict[str, list[int]] = field(default_factory=dict)
    denials: list[int] = field(default_factory=list)  # negations that deny (not "niet meer")
    reader_positions: set[int] = field(default_factory=set)  # right after "uw", "your"
    readers_condition: bool = False  # "Als u …", "If you …", with no "ik"/"I" in it
    # What only *may* be a request: a question with nobody asking for themselves in it
    # ("Afmelden voor deze nieuwsbrief?", "Don't want these emails anymore?"), a sentence
    # with a link (a footer's "Afmelden: https://…"), words in quotation marks (someone
    # else's words: "een klant vraagt om 'verwijder al mijn gegevens'").
    hedged: bool = False
    quoted_positions: frozenset[int] = frozenset()
    clause_of: list[int] = field(default_factory=list)  # per word: its clause's number
    window_only: bool = False  # subject and text read together: evidence keeps the match only
    span: int = MAX_SPAN  # how far apart a rule's words may stand (two sentences: further)

    @property
    def forms(self) -> set[str]:
        return set(self.positions)


def analyse_sentence(text: str, place: str, vocabulary: Vocabulary, cues: Cues) -> Sentence:
    written = words(text)
    sentence = Sentence(text=text, place=place, size=len(written), clause_of=clauses(text))
    plain = [normalise(w) for w in written]
    for i, word in enumerate(written):
        for form in vocabulary.forms(word):
            sentence.positions.setdefault(form, []).append(i)
    for i, form in joined_particles(written).items():
        for extra in vocabulary.forms(form):
            sentence.positions.setdefault(extra, []).append(i)
    for i, w in enumerate(plain):
        if w not in cues.negation:
            continue
        ahead = plain[i + 1 : i + 1 + CEASE_REACH]
        if any(a in cues.cessation for a in ahead):
            sentence.positions.setdefault(CEASE, []).append(i)
        elif not (ahead and ahead[0] in cues.not_negation):
            sentence.denials.append(i)
        if w in cues.cessation:  # "anymore" alone
            sentence.positions.setdefault(CEASE, []).append(i)
    for i, w in enumerate(plain):
        if w in cues.cessation and w not in cues.negation and i and plain[i - 1] == "any":
            sentence.positions.setdefault(CEASE, []).append(i)  # "not … any more"
        if w in cues.reader_possessives:
            sentence.reader_positions.update((i + 1, i + 2))
    people = set(plain)
    if plain and plain[0] in cues.conditionals:
        sentence.readers_condition = bool(people & cues.second_person) and not (
            people & cues.first_person
        )
    question = text.rstrip().endswith("?")
    sentence.hedged = (question and not people & cues.first_person) or bool(_LINK.search(text))
    sentence.quoted_positions = _quoted(text, written)
    return sentence


_LINK = re.compile(r"https?://|www\.", re.I)
_QUOTE_PAIRS = re.compile(r'"([^"]{3,}?)"|“([^”]{3,}?)”|„([^“”]{3,}?)[“”]|«([^»]{3,}?)»')


def _quoted(text: str, written: list[str]) -> frozenset[int]:
    """The word positions inside quotation marks (a run of words, not an apostrophe)."""
    if not any(q in text for q in '"“„«'):
        return frozenset()
    inside: set[int] = set()
    for found in _QUOTE_PAIRS.finditer(text):
        before = len(words(text[: found.start()]))
        inside.update(range(before, before + len(words(found.group(0)))))
    return frozenset(i for i in inside if i < len(written))


def _positions(term: Term, sentence: Sentence) -> list[int]:
    found: set[int] = set()
    for alt in term.alternatives:
        if alt.prefix:
            here = {p for form, at in sentence.positions.items() if form.startswith(alt.word)
                    for p in at}  # fmt: skip
        else:
            here = set(sentence.positions.get(alt.word, ()))
        if alt.particle and here:
            after = sentence.positions.get(alt.particle, ())
            here = {p for p in here if any(0 < q - p <= MAX_PARTICLE_GAP for q in after)}
        found |= here
    return sorted(found)


def _tightest(lists: list[list[int]], span: int = MAX_SPAN) -> tuple[int, ...] | None:
    """One position per term, as close together as possible (None: farther than MAX_SPAN)."""
    if len(lists) == 1:
        return (lists[0][0],)
    best: tuple[int, ...] | None = None
    size = 1
    for positions in lists:
        size *= len(positions)
    if size <= 512:
        combos: Iterable[tuple[int, ...]] = itertools.product(*lists)
    else:  # many repeats of common words: anchor on each position of the rarest term
        anchor = min(range(len(lists)), key=lambda i: len(lists[i]))
        combos = (
            tuple(p if i == anchor else min(lst, key=lambda q, p=p: abs(q - p))
                  for i, lst in enumerate(lists))
            for p in lists[anchor]
        )  # fmt: skip
    for combo in combos:
        if best is None or max(combo) - min(combo) < max(best) - min(best):
            best = combo
    if best is None or max(best) - min(best) > span:
        return None
    return best


@dataclass(frozen=True)
class Match:
    rule: Rule
    sentence: Sentence
    status: str  # counted | negated | to_reader | hedged (only may be meant)
    positions: tuple[int, ...] = ()  # where each of the rule's terms stands, in order


def match(rule: Rule, sentence: Sentence, data_words: frozenset[str]) -> Match | None:
    """The rule in this sentence, with whether it counts (see the module docstring)."""
    if any(_positions(term, sentence) for term in rule.excluded):
        return None
    lists = []
    for term in rule.terms:
        found = _positions(term, sentence)
        if not found:
            return None
        lists.append(found)
    combo = _tightest(lists, sentence.span)
    if combo is None:
        return None
    start, end = min(combo), max(combo)
    # A negation denies within its own clause: "nicht wegen dem Rechner: Was habt ihr
    # über mich gespeichert?" asks.
    own_clauses = {sentence.clause_of[p] for p in combo if p < len(sentence.clause_of)}
    after = NEGATION_AFTER if len(combo) > 1 else NEGATION_AFTER_ONE_WORD
    if not rule.names_negation and any(
        start - NEGATION_REACH <= q <= end + after
        and q not in combo
        and (q >= len(sentence.clause_of) or sentence.clause_of[q] in own_clauses)
        for q in sentence.denials
    ):
        return Match(rule, sentence, "negated", combo)
    about_data = [
        p
        for p, term in zip(combo, rule.terms, strict=True)
        # the data group, or a word of it: not "your database" ("records" is both)
        if DATA_GROUP in term.groups
        or (not term.groups and any(a.word in data_words for a in term.alternatives))
    ]
    if sentence.readers_condition or any(p in sentence.reader_positions for p in about_data):
        return Match(rule, sentence, "to_reader", combo)
    if sentence.hedged or any(p in sentence.quoted_positions for p in combo):
        return Match(rule, sentence, "hedged", combo)
    return Match(rule, sentence, "counted", combo)
