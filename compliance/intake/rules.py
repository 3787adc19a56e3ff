"""The mail intake rules of `data/policy.toml` ([mail]), read strictly.

The owner changes what counts as a request by editing rules, never code. Two kinds:

* **Rules** (``[mail.requests.<type>]``, ``[mail.possible_request]``, ``[mail.pointers]``):
  lemmas that must stand together in one sentence, per language (compliance.intake.matching
  says how they are written). A type's ``nl``/``en``/``de`` rules make a request of that
  type; its ``nl_possible``/… rules only make the message *te beoordelen* with that type as
  a candidate; ``[mail.possible_request]`` makes it te beoordelen with every type possible.
* **Phrases** (``noise_subjects``, ``noise_phrases``, ``negative_phrases``): exact word
  sequences over the lower-cased text without accents or punctuation, "…" allowing up to
  ``max_gap_words`` words between, a trailing ``*`` any word starting so:

    >>> phrase = compile_phrase("klik hier om … af te melden", 6, "mail.noise_phrases")
    >>> bool(phrase.search(normalise_text("Klik hier om je af te melden.")))
    True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from compliance.intake.language import LANGUAGES, Vocabulary, normalise
from compliance.intake.matching import (
    CEASE,
    DATA_GROUP,
    Alternative,
    Cues,
    Rule,
    compile_group,
    compile_rule,
)
from compliance.policy import REQUEST_TYPE_IDS, PolicyError, _Section

GAP_MARKS = ("…", "...")
DEFAULT_MAX_GAP = 6
_CUE_KEYS = tuple(Cues.__dataclass_fields__)
_NON_WORD = re.compile(r"[^\w]+")


def normalise_text(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces: what phrases match on."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        if not text.isascii():
            text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


@dataclass(frozen=True)
class Phrase:
    """One phrase of the policy and the pattern it became."""

    text: str  # as the owner wrote it: the recorded reason
    pattern: re.Pattern[str]
    words: frozenset[str] = frozenset()  # whole words every match holds: a cheap pre-test

    def search(self, normalised: str) -> re.Match[str] | None:
        return self.pattern.search(normalised)

    def may_match(self, tokens: frozenset[str] | set[str]) -> bool:
        return self.words <= tokens

    def found_in(self, normalised: str, tokens: set[str]) -> bool:
        return self.may_match(tokens) and self.search(normalised) is not None


@dataclass(frozen=True)
class HeaderRule:
    """A header whose presence (or whose value starting with `value`) marks noise."""

    name: str  # lower case
    value: str | None = None  # lower case prefix, or None: any value

    @property
    def text(self) -> str:
        return f"{self.name}: {self.value}" if self.value else self.name


@dataclass(frozen=True)
class TypedRule:
    """A rule and what it says: a request `type` (None: any type), for certain or not."""

    type: str | None
    rule: Rule
    certain: bool


@dataclass(frozen=True)
class MailRules:
    requests: tuple[TypedRule, ...]  # in policy order: types, then possible_request
    pointers: tuple[Rule, ...]  # "zie hieronder", "still waiting": the text points below
    cues: Cues  # the three languages' cue words together
    data_words: frozenset[str]
    vocabulary: Vocabulary
    type_order: tuple[str, ...]
    negative_phrases: tuple[Phrase, ...]  # sentences that never count (disclaimers)
    noise_phrases: tuple[Phrase, ...]  # bulk-mail footers in the sender's own text
    noise_subjects: tuple[Phrase, ...]  # auto-replies and bounces by subject
    noise_senders: tuple[str, ...]  # fnmatch patterns over the sender address
    # addresses no person writes from (no-reply, mailer-daemon): noise even with a request
    machine_senders: tuple[str, ...]
    noise_headers: tuple[HeaderRule, ...]
    max_gap_words: int = DEFAULT_MAX_GAP
    reply_subject_counts: bool = False
    # word -> positions in `requests` of the rules keyed on it; rules without keys always.
    by_key: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    always: tuple[int, ...] = field(default=(), compare=False)

    def candidates(self, forms: set[str]) -> list[int]:
        """Positions of the rules a sentence with these forms may hold, in policy order."""
        found = set(self.always)
        for word in forms & self.by_key.keys():
            found.update(self.by_key[word])
        return sorted(found)


def compile_phrase(text: str, max_gap: int, key: str) -> Phrase:
    """A phrase as a regular expression over normalised text; PolicyError names `key`."""
    spaced = text
    for mark in GAP_MARKS:
        spaced = spaced.replace(mark, " \x00 ")
    parts: list[str] = []
    whole: set[str] = set()
    pending_gap = False
    for raw in spaced.split():
        if raw == "\x00":
            pending_gap = bool(parts)
            continue
        prefix = raw.endswith("*")
        word = normalise_text(raw.rstrip("*"))
        if not word:
            continue
        pieces = word.split()
        if pending_gap:
            parts.append(rf"(?: \w+){{0,{max_gap}}}")
            pending_gap = False
        for i, w in enumerate(pieces):
            tail = r"\w*" if prefix and i == len(pieces) - 1 else ""
            parts.append((" " if parts else "") + re.escape(w) + tail)
            if not tail:
                whole.add(w)
    if not parts:
        raise PolicyError(f"policy key '{key}' holds an empty phrase.")
    pattern = r"(?<!\w)" + "".join(parts) + r"(?!\w)"
    return Phrase(text=text.strip(), pattern=re.compile(pattern), words=frozenset(whole))


def _phrases(sec: _Section, key: str, max_gap: int) -> tuple[Phrase, ...]:
    texts = sec.strings(key) if key in sec.data else ()
    sec.used.add(key)
    return tuple(compile_phrase(t, max_gap, f"{sec.path}.{key}") for t in texts)


def _header(text: str, key: str) -> HeaderRule:
    name, _, value = text.partition(":")
    name = name.strip().lower()
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise PolicyError(f"policy key '{key}' needs header names like 'List-Unsubscribe'.")
    return HeaderRule(name, value.strip().lower() or None)


def _cues(sec: _Section) -> dict[str, Cues]:
    out = {}
    for lang in LANGUAGES:
        one = sec.sub(lang)
        values = {}
        for key in _CUE_KEYS:
            texts = one.strings(key) if key in one.data else ()
            one.used.add(key)
            values[key] = frozenset(normalise(t.strip()) for t in texts)
        one.done()
        out[lang] = Cues(**values)
    sec.done()
    return out


def _groups(sec: _Section) -> dict[str, dict[str, tuple[Alternative, ...]]]:
    out: dict[str, dict[str, tuple[Alternative, ...]]] = {}
    for lang in LANGUAGES:
        one = sec.sub(lang)
        out[lang] = {name: compile_group(one.strings(name), f"{one.path}.{name}")
                     for name in list(one.data)}  # fmt: skip
        for name in out[lang]:
            if not re.fullmatch(r"[a-z_]+", name):
                raise PolicyError(f"policy key '{one.path}.{name}' needs a name like 'data'.")
        one.done()
    sec.done()
    return out


def _rules(sec: _Section, key: str, lang: str, groups: Mapping, negation: frozenset[str]):
    texts = sec.strings(key) if key in sec.data else ()
    sec.used.add(key)
    return [compile_rule(t, lang, groups[lang], negation, f"{sec.path}.{key}") for t in texts]


def parse_mail_rules(data: Any, path: str = "mail") -> MailRules:
    """Build the rules from the raw [mail] table, refusing unknown keys and bad values."""
    sec = _Section(data, path)
    max_gap = sec.count("max_gap_words", DEFAULT_MAX_GAP)
    reply_subject_counts = sec.get("reply_subject_counts", bool, False)
    senders = tuple(s.strip().lower() for s in sec.strings("noise_senders"))
    machines = tuple(
        s.strip().lower()
        for s in (sec.strings("machine_senders") if "machine_senders" in sec.data else ())
    )
    headers = tuple(_header(h, f"{path}.noise_headers") for h in sec.strings("noise_headers"))
    phrases = {
        key: _phrases(sec, key, max_gap)
        for key in ("negative_phrases", "noise_phrases", "noise_subjects")
    }
    by_lang = _cues(sec.sub("cues"))
    cues = Cues()
    for one in by_lang.values():
        cues = cues.merged(one)
    groups = _groups(sec.sub("words"))
    negation = cues.negation | {CEASE}

    typed: list[TypedRule] = []
    reqs = sec.sub("requests")
    for rid in list(reqs.data):
        if rid not in REQUEST_TYPE_IDS:
            raise PolicyError(f"policy key '{reqs.path}.{rid}' is not known.")
        one = reqs.sub(rid)
        found = []
        for lang in LANGUAGES:
            for certain, key in ((True, lang), (False, f"{lang}_possible")):
                found += [TypedRule(rid, r, certain)
                          for r in _rules(one, key, lang, groups, negation)]  # fmt: skip
        one.done()
        if not any(t.certain for t in found):
            raise PolicyError(f"policy key '{one.path}' needs at least one rule.")
        typed += found
    reqs.done()
    missing = [r for r in REQUEST_TYPE_IDS if r not in reqs.data]
    if missing:
        raise PolicyError(f"policy key '{reqs.path}.{missing[0]}' is missing.")
    possible = sec.sub("possible_request")
    for lang in LANGUAGES:
        typed += [TypedRule(None, r, False)
                  for r in _rules(possible, lang, lang, groups, negation)]  # fmt: skip
    possible.done()
    pointer_sec = sec.sub("pointers")
    pointers = tuple(r for lang in LANGUAGES
                     for r in _rules(pointer_sec, lang, lang, groups, negation))  # fmt: skip
    pointer_sec.done()
    sec.done()

    words = {w for t in typed for w in t.rule.words} | {w for r in pointers for w in r.words}
    words |= {a.word for g in groups.values() for alts in g.values() for a in alts}
    data_words = frozenset(
        a.word for g in groups.values() for a in g.get(DATA_GROUP, ()) if not a.prefix
    )
    by_key: dict[str, list[int]] = {}
    always = []
    for i, t in enumerate(typed):
        if t.rule.keys:
            for word in t.rule.keys:
                by_key.setdefault(word, []).append(i)
        else:
            always.append(i)
    return MailRules(
        requests=tuple(typed),
        pointers=pointers,
        cues=cues,
        data_words=data_words,
        vocabulary=Vocabulary(frozenset(w for w in words if not w.startswith("_"))),
        type_order=tuple(r for r in REQUEST_TYPE_IDS),
        noise_senders=senders,
        machine_senders=machines,
        noise_headers=headers,
        max_gap_words=max_gap,
        reply_subject_counts=reply_subject_counts,
        by_key={k: tuple(v) for k, v in by_key.items()},
        always=tuple(always),
        **phrases,
    )
