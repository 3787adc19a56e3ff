"""The mailbox classification rules of `data/policy.toml` ([mail]), read strictly.

The owner changes what counts as a request by editing phrases, never code. A phrase is
matched against the subject and the body after both are lower-cased, stripped of accents
and punctuation:

* words separated by a space must follow each other: ``machtiging intrekken``;
* ``…`` (or ``...``) between words allows up to `max_gap_words` other words in between:
  ``gegevens … verwijderen`` matches "mijn gegevens uit uw systemen verwijderen";
* a word ending in ``*`` matches every word that starts with it: ``opzeg*``.

    >>> phrase = compile_phrase("inzage … gegevens", 6, "mail.requests.access.nl")
    >>> bool(phrase.search(normalise_text("Graag inzage in al mijn gegevens!")))
    True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from compliance.policy import REQUEST_TYPE_IDS, PolicyError, _Section

LANGUAGES = ("nl", "en")
GAP_MARKS = ("…", "...")
DEFAULT_MAX_GAP = 6


_NON_WORD = re.compile(r"[^\w]+")


def normalise_text(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces: what phrases match on."""
    # ASCII text has nothing to decompose and no combining marks: skipping the per-character
    # filter for it (most mail) is the same result in a fraction of the time.
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        if not text.isascii():
            text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


@dataclass(frozen=True)
class Phrase:
    """One phrase of the policy and the pattern it became."""

    text: str  # as the owner wrote it: this is what a classification records as its reason
    pattern: re.Pattern[str]
    # Whole words any match contains (not the prefix words, `opzeg*`): a text lacking one
    # of them cannot match, which a set lookup tells far sooner than the regex.
    words: frozenset[str] = frozenset()

    def search(self, normalised: str) -> re.Match[str] | None:
        return self.pattern.search(normalised)

    def may_match(self, tokens: frozenset[str] | set[str]) -> bool:
        """False when the text whose words are `tokens` cannot hold this phrase."""
        return self.words <= tokens


@dataclass(frozen=True)
class HeaderRule:
    """A header whose presence (or whose value starting with `value`) marks noise."""

    name: str  # lower case
    value: str | None = None  # lower case prefix, or None: any value

    @property
    def text(self) -> str:
        return f"{self.name}: {self.value}" if self.value else self.name


@dataclass(frozen=True)
class MailRules:
    request_phrases: Mapping[str, tuple[Phrase, ...]]  # type -> phrases (nl and en), in order
    type_order: tuple[str, ...]  # tie-break: the order of [mail.requests.*] in the file
    negative_phrases: tuple[Phrase, ...]  # spans that never count (disclaimers, footers)
    noise_phrases: tuple[Phrase, ...]  # newsletter footers: the message is noise
    noise_subjects: tuple[Phrase, ...]  # auto-replies and bounces by subject
    noise_senders: tuple[str, ...]  # fnmatch patterns over the sender address
    noise_headers: tuple[HeaderRule, ...]
    max_gap_words: int = DEFAULT_MAX_GAP
    reply_subject_counts: bool = False  # does a reply's inherited subject count?


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
        words = word.split()
        if pending_gap:
            parts.append(rf"(?: \w+){{0,{max_gap}}}")
            pending_gap = False
        for i, w in enumerate(words):
            tail = r"\w*" if prefix and i == len(words) - 1 else ""
            parts.append((" " if parts else "") + re.escape(w) + tail)
            if not tail:  # bounded by spaces or (?<!\w)/(?!\w): a whole word of the text
                whole.add(w)
    if not parts:
        raise PolicyError(f"policy key '{key}' holds an empty phrase.")
    # Gaps were written as "(?: \w+){0,n}" right after a word: join without extra spaces.
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


def parse_mail_rules(data: Any, path: str = "mail") -> MailRules:
    """Build the rules from the raw [mail] table, refusing unknown keys and bad values."""
    sec = _Section(data, path)
    max_gap = sec.count("max_gap_words", DEFAULT_MAX_GAP)
    reply_subject_counts = sec.get("reply_subject_counts", bool, False)
    senders = tuple(s.strip().lower() for s in sec.strings("noise_senders"))
    headers = tuple(_header(h, f"{path}.noise_headers") for h in sec.strings("noise_headers"))
    rules_kw = {
        "negative_phrases": _phrases(sec, "negative_phrases", max_gap),
        "noise_phrases": _phrases(sec, "noise_phrases", max_gap),
        "noise_subjects": _phrases(sec, "noise_subjects", max_gap),
    }
    reqs = sec.sub("requests")
    by_type: dict[str, tuple[Phrase, ...]] = {}
    for rid in list(reqs.data):
        if rid not in REQUEST_TYPE_IDS:
            raise PolicyError(f"policy key '{reqs.path}.{rid}' is not known.")
        one = reqs.sub(rid)
        found: list[Phrase] = []
        for lang in LANGUAGES:
            found.extend(_phrases(one, lang, max_gap))
        one.done()
        if not found:
            raise PolicyError(f"policy key '{one.path}' needs at least one phrase.")
        by_type[rid] = tuple(found)
    reqs.done()
    missing = [r for r in REQUEST_TYPE_IDS if r not in by_type]
    if missing:
        raise PolicyError(f"policy key '{reqs.path}.{missing[0]}' is missing.")
    sec.done()
    return MailRules(
        request_phrases=by_type,
        type_order=tuple(by_type),
        noise_senders=senders,
        noise_headers=headers,
        max_gap_words=max_gap,
        reply_subject_counts=reply_subject_counts,
        **rules_kw,
    )
