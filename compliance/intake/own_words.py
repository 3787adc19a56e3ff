"""The sender's own words: a message's text without the earlier messages under a reply, and
the message a forward or a reminder points to.

The reply parser mail-parser-reply finds the header blocks mail clients put above a
quoted message (Outlook's "Van:/Verzonden:/Aan:", "Von:/Gesendet:/An:", "From:/Sent:/To:";
Gmail's "On … wrote:", "Am … schrieb …:"). What it does not know is added here: Gmail's
Dutch "Op … schreef X <adres>:", Apple Mail's "… heeft … het volgende geschreven:", the
separator lines of forwards and of "original message" blocks, and plain "> " quoting. The
earliest of them ends the sender's own words.

    >>> split_own_words("Dank je!\\n\\nOp 3 nov. 2026 schreef Rob <info@x.nl>:\\n> Ik zeg op")
    OwnWords(own='Dank je!', below='Ik zeg op', kind='quoted', below_from='info@x.nl')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailparser_reply.parser import EmailMessage

# The reply parser's own header patterns for the three languages (its signature and
# disclaimer patterns are not used: "Bedankt," would end a message at its first word).
_REPLY_HEADERS = EmailMessage(text="", languages=["nl", "de", "en"]).HEADER_REGEX
# Any line that might start an earlier message; most mail has none, and the reply parser's
# dozens of patterns are only run where one is.
_MAYBE_BELOW = re.compile(
    r"^\s*(>|[-_*]{3,}|\*?(van|von|from|de|date|datum|onderwerp|betreff|subject)\s*:)"
    r"|(schreef|wrote|schrieb|geschreven|doorgestuurd|weitergeleitet|forwarded)",
    re.I | re.M,
)
_FORWARD = re.compile(
    r"^\s*(-{2,}\s*(forwarded message|doorgestuurd bericht|weitergeleitete nachricht|"
    r"message transféré)\s*-*|begin (doorgestuurd bericht|forwarded message)\s*:|"
    r"anfang der weitergeleiteten nachricht\s*:)\s*$",
    re.I | re.M,
)
_EXTRA_HEADERS = (
    # "-----Oorspronkelijk bericht-----" and its German and English twins.
    re.compile(r"^\s*-{2,}\s*(oorspronkelijk (e-?mail)?bericht|ursprüngliche nachricht|"
               r"original message)\s*-*\s*$", re.I | re.M),
    # Gmail NL/EN/DE, one or two lines: "Op di 3 nov 2026 om 10:12 schreef Rob <a@b.nl>:".
    re.compile(r"^\s*(op|on|am)\s[^\n]{0,200}?(\n[^\n]{0,200}?)?\s(schreef|wrote|schrieb)"
               r"\b[^\n]{0,200}:\s*$", re.I | re.M),
    # Apple Mail NL: "Op 3 nov. 2026, om 10:12 heeft Rob het volgende geschreven:".
    re.compile(r"^\s*op\s[^\n]{0,200}\sheeft\s[^\n]{0,200}geschreven\s*:\s*$", re.I | re.M),
    # Outlook's line of underscores above its header block.
    re.compile(r"^\s*_{10,}\s*$", re.M),
)  # fmt: skip
_QUOTED = re.compile(r"^\s*>", re.M)
_HEADER_LINE = re.compile(
    r"^\s*\*?(van|von|from|aan|an|to|cc|datum|date|verzonden|gesendet|sent|onderwerp|betreff|"
    r"subject)\s*:\*?.*$",
    re.I,
)
_ADDRESS = re.compile(r"[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+")
_FROM_LINE = re.compile(r"^\s*\*?(van|von|from)\s*:", re.I)


@dataclass(frozen=True)
class OwnWords:
    """`own`: the sender's words; `below`: the first earlier or forwarded message (its own
    words, without its header block), `kind` quoted / forwarded / None; `below_from` the
    address that message names as its sender, when it names one."""

    own: str
    below: str = ""
    kind: str | None = None
    below_from: str | None = None


def _first_cut(text: str) -> int | None:
    cuts = []
    for pattern in (_REPLY_HEADERS, _FORWARD, *_EXTRA_HEADERS):
        found = pattern.search(text)
        if found:
            cuts.append(found.start())
    quoted = _QUOTED.search(text)
    if quoted:
        cuts.append(quoted.start())
    return min(cuts) if cuts else None


def _header_block(lines: list[str]) -> tuple[list[str], str | None]:
    """The lines after an earlier message's header block, and the sender it names."""
    sender = None
    i = 0
    while i < len(lines) and (
        not lines[i].strip()
        or _HEADER_LINE.match(lines[i])
        or _FORWARD.match(lines[i])
        or any(p.match(lines[i]) for p in _EXTRA_HEADERS)
    ):
        if _FROM_LINE.match(lines[i]) or any(p.match(lines[i]) for p in _EXTRA_HEADERS[1:3]):
            found = _ADDRESS.findall(lines[i])
            sender = found[-1].lower() if found else sender
        i += 1
        # "Op … schreef" may take two lines: its address on the second.
        if sender is None and i < len(lines) and lines[i].strip().endswith(":"):
            found = _ADDRESS.findall(lines[i])
            if found and not _HEADER_LINE.match(lines[i]):
                sender = found[-1].lower()
                i += 1
    return lines[i:], sender


def _unquoted(text: str) -> str:
    return "\n".join(re.sub(r"^\s*(>\s?)+", "", line) for line in text.splitlines())


def split_own_words(body: str) -> OwnWords:
    """The sender's own words and the first message below them (see the module docstring)."""
    text = "\n".join(line.strip() for line in body.replace("\r\n", "\n").split("\n"))
    if not _MAYBE_BELOW.search(text):
        return OwnWords(text.strip())
    cut = _first_cut(text)
    if cut is None:
        return OwnWords(text.strip())
    own, rest = text[:cut].strip(), text[cut:]
    kind = "forwarded" if _FORWARD.match(rest.lstrip("\n")) else "quoted"
    lines, sender = _header_block(_unquoted(rest).splitlines())
    below_text = "\n".join(lines)
    # The earlier message's own words only: its own replies below it are older still.
    inner = _first_cut(below_text) if _MAYBE_BELOW.search(below_text) else None
    below = (below_text[:inner] if inner else below_text).strip()
    return OwnWords(own, below, kind, sender)
