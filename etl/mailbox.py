"""The mailbox (Microsoft Exchange / Microsoft 365): requests, answers and contact by e-mail.

How the owner gets an export (any of these; inbox and sent items may come in one file or
in two):

* Outlook or Outlook on the web: select messages and drag them to a folder (.eml files),
  then zip the folder; or save one message (.eml, or .msg from Outlook for Windows).
* Outlook for Windows: File → Open & Export → Import/Export → Export to a file → Outlook
  Data File (.pst).
* Thunderbird (ImportExportTools NG) or an IMAP tool: the folder as an mbox file.
* Exchange admin center → Mail flow → Message trace → download the report (CSV, may be
  UTF-16): only who, when and the subject, no text.

The text of a message is read only to classify it (compliance.intake) and is then
dropped: a `MessageRow` keeps the message-id, thread references, date, sender, recipients,
subject, direction, the classes and the evidence (the rules that held, with their
sentence). Attachments are never opened. Dates are local time in Europe/Amsterdam.

A sender who is not the company itself becomes a subject with a contact record whose
date is the last message exchanged, so a prospect's 3-month clock runs from it.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from compliance.identity import normalise_email
from compliance.intake.verdict import NOISE, SENT, classify, is_reply
from etl import mail_read
from etl.mail_read import NestedTooDeep, RawMail, addresses
from etl.model import ImportRefused, MessageRow, ParsedExport, RecordRow, Said, SubjectRow

SOURCE = "mailbox"
KIND = "mailbox"
FORMATS = ("eml", "zip", "mbox", "msg", "pst", "csv")
LOCAL = ZoneInfo("Europe/Amsterdam")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PST_MAGIC = b"!BDN"
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,60}:[ \t]")
_MAIL_HEADERS = (b"from:", b"date:", b"subject:", b"message-id:", b"received:", b"to:")
# A reader yields None for a message too big to read (mail_read.MAX_MESSAGE_BYTES).
_READERS: dict[str, Callable[[Path], Iterator[RawMail | None]]] = {
    "eml": mail_read.read_eml,
    "zip": mail_read.read_zip,
    "mbox": mail_read.read_mbox,
    "msg": mail_read.read_msg,
    "pst": mail_read.read_pst,
    "csv": mail_read.read_trace,
}


# ------------------------------------------------------------------------- detection
def _looks_like_eml(head: bytes) -> bool:
    lines = head.lstrip(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").split(b"\n")
    names: set[bytes] = set()
    for line in lines[:80]:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue  # a folded header line
        if not _HEADER_LINE.match(line):
            return False
        names.add(line.split(b":", 1)[0].lower() + b":")
    return len(names & set(_MAIL_HEADERS)) >= 2


def _zip_of_eml(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            names = [n.lower() for n in zf.namelist()]
    except (zipfile.BadZipFile, OSError):
        return False
    return any(n.endswith(".eml") for n in names) and "[content_types].xml" not in names


def _ole_is_msg(path: Path) -> bool:
    import olefile  # installed with extract-msg

    try:
        with olefile.OleFileIO(str(path)) as ole:
            return any(e[0].startswith("__substg1.0_") for e in ole.listdir())
    except Exception:
        return False


def sniff(path: Path, head: bytes) -> str | None:
    """The mailbox format of a file from its first bytes (the name only for .pst), or None."""
    if head.startswith(_PST_MAGIC):
        return "pst"
    if head.startswith(_OLE_MAGIC):  # a damaged .msg is refused as one, not as an old .xls
        return "msg" if _ole_is_msg(path) or path.suffix.lower() == ".msg" else None
    if head.startswith(b"PK"):
        return "zip" if _zip_of_eml(path) else None
    if head.startswith(b"From ") and b"\n" in head:
        return "mbox"
    if _looks_like_eml(head):
        return "eml"
    if mail_read.is_message_trace(head):
        return "csv"
    return None


# ------------------------------------------------------------------------- parsing
def _local(when: datetime, utc: bool) -> datetime:
    """Local Amsterdam time without zone: aware times converted, naive ones taken as local
    (or as UTC where the format says so)."""
    if when.tzinfo is None:
        if not utc:
            return when.replace(microsecond=0)
        when = when.replace(tzinfo=ZoneInfo("UTC"))
    return when.astimezone(LOCAL).replace(tzinfo=None, microsecond=0)


def _ids(text: str | None) -> tuple[str, ...]:
    """Message-ids from an In-Reply-To or References header, angle brackets removed."""
    if not text:
        return ()
    found = re.findall(r"<([^<>\s]+)>", text)
    if not found and text.strip() and " " not in text.strip():
        found = [text.strip().strip("<>")]
    return tuple(dict.fromkeys(found))


def _message_id(raw: RawMail, sender: str, when: datetime) -> str:
    found = _ids(raw.message_id)
    if found:
        return found[0]
    # No Message-ID (a draft, some .msg files): a stable stand-in, so a re-import matches.
    digest = hashlib.sha256(f"{sender}|{when.isoformat()}|{raw.subject}".encode()).hexdigest()
    return f"{digest[:32]}@no-message-id.invalid"


def _emails(values: Iterable[str]) -> list[str]:
    """The addresses in order, once each (a dict: `in` on a list was quadratic)."""
    pairs = addresses(list(values))
    return list(dict.fromkeys(e for _name, a in pairs if (e := normalise_email(a))))


# Exchange Online delivers a message to at most 1,000 recipients (500 unless raised); a
# header listing ten times that is not mail the company received.
MAX_RECIPIENTS = 10_000


def _refusing_nested(mails: Iterator[RawMail | None], path: Path) -> Iterator[RawMail | None]:
    count = 0
    try:
        for count, raw in enumerate(mails, start=1):  # noqa: B007 - counted for the refusal
            yield raw
    except NestedTooDeep:
        raise ImportRefused("refusal.mail_nested", file=path.name, n=count + 1) from None


def parse(
    path: str | Path,
    fmt: str,
    *,
    as_of: date | None = None,
    own_addresses: Iterable[str] | None = None,
    rules: object | None = None,
) -> ParsedExport:
    """Read, classify and reduce one mailbox export to metadata (see the module docstring).

    `own_addresses` and `rules` default to the policy's controller.own_addresses and [mail].
    """
    path = Path(path)
    if own_addresses is None or rules is None:
        from compliance.policy import load_policy

        policy = load_policy()
        own_addresses = policy.controller.own_addresses if own_addresses is None else own_addresses
        rules = policy.mail if rules is None else rules
    own = {a.lower() for a in own_addresses}
    messages: dict[str, MessageRow] = {}
    names: dict[str, str] = {}
    read = undated = duplicates = too_big = 0
    for raw in _refusing_nested(_READERS[fmt](path), path):
        read += 1
        if raw is None:
            too_big += 1
            continue
        pairs = addresses([raw.sender])
        sender = normalise_email(pairs[0][1]) if pairs else None
        if raw.date is None or sender is None:
            undated += 1
            continue
        when = _local(raw.date, raw.utc)
        recipients = tuple(_emails(raw.to))
        if len(recipients) > MAX_RECIPIENTS:
            raise ImportRefused(
                "refusal.mail_too_many_recipients", file=path.name, n=read,
                recipients=len(recipients), most=MAX_RECIPIENTS,
            )  # fmt: skip
        if sender in own:
            outside = [r for r in recipients if r not in own]
            direction = "outbound" if outside else "internal"
            counterpart = outside[0] if outside else None
            verdict = None
        else:
            direction, counterpart = "inbound", sender
            reply = is_reply(raw.subject, raw.in_reply_to)
            verdict = classify(sender, raw.subject, raw.headers, raw.text(), rules,
                               is_reply=reply, own_addresses=own)  # fmt: skip
            if pairs[0][0] and pairs[0][0].lower() != sender:
                names.setdefault(sender, pairs[0][0])
        raw.body = raw.body_of = None  # the text is gone from here on
        message_id = _message_id(raw, sender, when)
        if message_id in messages:
            duplicates += 1
            continue
        references = _ids(raw.references)
        in_reply_to = next(iter(_ids(raw.in_reply_to)), None)
        messages[message_id] = MessageRow(
            message_id=message_id,
            sent_at=when,
            sender=sender,
            recipients=recipients,
            subject=raw.subject,
            direction=direction,
            counterpart=counterpart,
            classes=verdict.classes if verdict else (SENT,),
            candidates=verdict.candidates if verdict else (),
            language=verdict.language if verdict else None,
            evidence=verdict.evidence if verdict else (),
            in_reply_to=in_reply_to,
            references=references,
            metadata_only=fmt == "csv",
        )
    if not read:
        raise ImportRefused("refusal.mailbox_empty", file=path.name)
    if not messages:
        raise ImportRefused("refusal.mailbox_undated", file=path.name, n=read)
    subjects, records = _contacts(messages.values(), names)
    warnings = []
    if undated:
        warnings.append(Said("warning.mail_undated", n=undated))
    if too_big:
        mb = mail_read.MAX_MESSAGE_BYTES // 2**20
        warnings.append(Said("warning.mail_too_big", n=too_big, mb=mb))
    if fmt == "csv":
        warnings.append(Said("warning.mail_trace_subject_only"))
    noise = sum(1 for m in messages.values() if m.classes[0] == NOISE)
    return ParsedExport(
        source=SOURCE,
        kind=KIND,
        subjects=subjects,
        records=records,
        rows_read=read,
        skipped=undated + duplicates + noise + too_big,
        warnings=tuple(warnings),
        messages=tuple(sorted(messages.values(), key=lambda m: (m.sent_at, m.message_id))),
    )


def _contacts(
    messages: Iterable[MessageRow], names: dict[str, str]
) -> tuple[tuple[SubjectRow, ...], tuple[RecordRow, ...]]:
    """Everyone outside who wrote to us (noise excepted), with first and last contact.

    The last contact counts our own messages to them too: a quote we sent is contact.
    """
    first: dict[str, date] = {}
    last: dict[str, date] = {}
    counts: dict[str, int] = {}
    writers = {m.sender for m in messages if m.direction == "inbound" and m.classes[0] != NOISE}
    for m in messages:
        who = m.counterpart
        if who not in writers or m.classes[0] == NOISE:
            continue
        day = m.sent_at.date()
        first[who] = min(first.get(who, day), day)
        last[who] = max(last.get(who, day), day)
        counts[who] = counts.get(who, 0) + 1
    subjects = tuple(
        SubjectRow(ref=who, name=names.get(who, who), emails=(who,), is_company=False,
                   added_on=first[who], modified_on=last[who])
        for who in sorted(last)
    )  # fmt: skip
    records = tuple(
        RecordRow(who, "contact", who, ("name", "email"), seen_on=last[who],
                  detail=f"e-mail ({counts[who]}×)")
        for who in sorted(last)
    )  # fmt: skip
    return subjects, records
