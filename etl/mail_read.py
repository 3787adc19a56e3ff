"""Reading the mailbox formats an owner can export into `RawMail`: headers and text, briefly.

A `RawMail` holds the body only while the message is classified (etl.mailbox); it is never
stored. Attachments are never read. Formats: a single .eml, a zip of .eml files, an mbox,
an Outlook .msg (extract-msg), an Outlook .pst (libpff-python) and the Exchange message
trace CSV (metadata only, no text at all).
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import mailbox
import mmap
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy as email_policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser, HeaderParser
from email.utils import getaddresses, parsedate_to_datetime
from functools import lru_cache, partial
from html.parser import HTMLParser
from pathlib import Path

from etl.archive import check_members
from etl.model import ImportRefused, Said

MAX_MESSAGE_BYTES = 50 * 1024 * 1024  # one message; bigger is an attachment we never read
# What a zip of .eml may unpack to in all. Outlook and Thunderbird export a folder of
# messages with their attachments; a year of a small company's mail folder is a few hundred
# MB, and every message is read whole, so more than this is exported in parts.
MAX_ZIP_TOTAL = 1024 * 1024 * 1024
MAX_ZIP_RATIO = 200  # a larger compression ratio is a zip bomb, not mail
MAX_ZIP_ENTRIES = 200_000
TEXT_CHARSET_FALLBACKS = ("utf-8", "cp1252")


@dataclass
class RawMail:
    """One message as read, before classification. `body` None: only metadata is known."""

    subject: str = ""
    sender: str = ""  # the From header as written (display name and address)
    to: list[str] = field(default_factory=list)  # address headers as written
    date: datetime | None = None  # aware when the source says the zone, else naive local
    message_id: str | None = None
    in_reply_to: str | None = None
    references: str | None = None
    headers: dict[str, list[str]] = field(default_factory=dict)  # lower-case name -> values
    body: str | None = None
    utc: bool = False  # a naive `date` is UTC (message trace, PST times)
    # The text read only when asked (`text()`): a message we sent ourselves is never
    # classified, and reading its parts was a fifth of reading a mailbox.
    body_of: Callable[[], str] | None = field(default=None, repr=False, compare=False)

    def text(self) -> str | None:
        """The plain text (read now if it was left for later), or None: metadata only."""
        if self.body_of is not None:
            self.body, self.body_of = self.body_of(), None
        return self.body


# ------------------------------------------------------------------------- text helpers
class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("style", "script", "head"):
            self._skip += 1
        elif tag in ("br", "p", "div", "tr", "li", "blockquote"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The readable text of an HTML body (quoted <blockquote> parts included: they are
    cut off later by what quotes look like)."""
    parser = _TextOfHtml()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # malformed HTML: take what was read
        pass
    return "".join(parser.parts)


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Bytes in a declared (possibly wrong or unknown) charset, never an exception."""
    for name in (charset, *TEXT_CHARSET_FALLBACKS):
        if not name:
            continue
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def header_text(value: object) -> str:
    """An RFC 2047 header (=?iso-8859-1?Q?...?=) as text, whatever the message policy was."""
    if value is None:
        return ""
    text = str(value)
    if "=?" in text:
        with contextlib.suppress(LookupError, UnicodeDecodeError, ValueError):
            text = str(make_header(decode_header(text)))
    return " ".join(text.split())


def _lacks(value: object, word: str) -> bool:
    """True when a header (None: absent) surely has no parameter named like `word`; the
    stdlib's parameter parsing, slow for every part of every message, is then skipped."""
    return value is None or (isinstance(value, str) and word not in value.lower())


@lru_cache(maxsize=1024)
def _charset_of(content_type: str) -> str | None:
    # The stdlib parses the parameters of a Content-Type anew for every part; the same few
    # ("text/plain; charset=utf-8") recur in every message.
    probe = Message()
    probe["Content-Type"] = content_type
    return probe.get_content_charset()


def _type_headers(part: Message) -> tuple[str | None, str | None] | None:
    """A part's first Content-Type and Content-Disposition (None: absent) as `part.get`
    returns them, found in one pass over its headers (each `get` is a pass); None when one
    is not ASCII text, which `get` may return as a Header."""
    content_type = disposition = None
    for name, value in part.raw_items():
        low = name.lower()
        if low == "content-type" and content_type is None:
            content_type = value
        elif low == "content-disposition" and disposition is None:
            disposition = value
    for value in (content_type, disposition):
        if value is not None and not (isinstance(value, str) and value.isascii()):
            return None
    return content_type, disposition


def _content_type(part: Message, value: str | None) -> str:
    """Message.get_content_type, given the value of the part's Content-Type."""
    if value is None:
        return part.get_default_type()
    ctype = value.partition(";")[0].strip().lower()
    return ctype if ctype.count("/") == 1 else "text/plain"  # as RFC 2045 says


def _part_text(part: Message, ctype: str, content_type: object) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    if _lacks(content_type, "charset"):
        charset = None
    elif isinstance(content_type, str):
        charset = _charset_of(content_type)
    else:
        charset = part.get_content_charset()
    text = decode_bytes(payload, charset)
    return html_text(text) if ctype == "text/html" else text


def _attachment(part: Message, content_type: object, disposition: object) -> bool:
    if disposition is not None and part.get_content_disposition() == "attachment":
        return True
    # A file name is a filename= (or RFC 2231 filename*=) or a name= parameter.
    if _lacks(disposition, "name") and _lacks(content_type, "name"):
        return False
    return bool(part.get_filename())


def message_body(msg: Message) -> str:
    """The plain text of a message (HTML as text when there is no plain part); attachments
    are skipped without being decoded."""
    plain: list[str] = []
    html: list[tuple[Message, object]] = []  # read only when there is no plain text
    for part in msg.walk() if msg.is_multipart() else [msg]:
        if part.is_multipart():
            continue
        found = _type_headers(part)
        if found is None:
            content_type, disposition = part.get("content-type"), part.get("content-disposition")
        else:
            content_type, disposition = found
        if _attachment(part, content_type, disposition):
            continue
        ctype = part.get_content_type() if found is None else _content_type(part, found[0])
        if ctype == "text/plain":
            plain.append(_part_text(part, ctype, content_type))
        elif ctype == "text/html":
            html.append((part, content_type))
    if plain:
        return "\n".join(plain)
    return "\n".join(_part_text(part, "text/html", value) for part, value in html)


def _safe_header(msg: Message, name: str) -> list[str]:
    try:
        return [header_text(v) for v in msg.get_all(name, [])]
    except Exception:  # a header the parser could not make sense of
        return []


def _all_headers(msg: Message) -> dict[str, list[str]]:
    """Lower-case name -> decoded values; a name with a value that cannot be read has none.
    One pass over the headers: a lookup by name scans them all, for each name."""
    headers: dict[str, list[str]] = {}
    broken: set[str] = set()
    fetch = msg.policy.header_fetch_parse
    # compat32 returns an ASCII value as it is; only other values need the policy's look.
    plain = msg.policy is email_policy.compat32
    try:
        items = [
            (n, v if plain and isinstance(v, str) and v.isascii() else fetch(n, v))
            for n, v in msg.raw_items()
        ]
    except Exception:  # a header the parser could not make sense of: name by name
        return {name: _safe_header(msg, name) for name in {k.lower() for k in msg}}
    for name, value in items:
        key = name.lower()
        values = headers.setdefault(key, [])
        if key in broken:
            continue
        try:
            values.append(header_text(value))
        except Exception:
            broken.add(key)
            values.clear()
    return headers


def from_message(msg: Message, *, with_body: bool = True) -> RawMail:
    """A parsed RFC 5322 message (eml, mbox, zip entry, PST transport headers)."""
    headers = _all_headers(msg)
    first = {k: (v[0] if v else "") for k, v in headers.items()}
    when: datetime | None = None
    if first.get("date"):
        try:
            when = parsedate_to_datetime(first["date"])
        except (TypeError, ValueError, IndexError):
            when = None
    return RawMail(
        subject=first.get("subject", ""),
        sender=first.get("from", "") or first.get("sender", ""),
        to=[*headers.get("to", []), *headers.get("cc", [])],
        date=when,
        message_id=first.get("message-id") or None,
        in_reply_to=first.get("in-reply-to") or None,
        references=" ".join(headers.get("references", [])) or None,
        headers=headers,
        body_of=partial(message_body, msg) if with_body else None,
    )


_PARSER = BytesParser(policy=email_policy.compat32)


# Header lines the stdlib parser reads without a defect or a special case: a name, ':', a
# value (continued on lines starting with a space or tab) with none of the characters it
# also breaks lines at, and the empty line that ends them.
_PLAIN_HEAD = re.compile(
    r"(?:[\x21-\x39\x3b-\x7e]+:[^\n\r\x0b\x0c\x1c-\x1e]*\n(?:[ \t][^\n\r\x0b\x0c\x1c-\x1e]*\n)*)+\n"
)


def _plain_part(text: str) -> tuple[Message, str, int] | None:
    """A message or part of plain header lines: the headers read, its main type and where
    its body starts; None when its headers are not plain."""
    head = _PLAIN_HEAD.match(text)
    if head is None:
        return None
    msg = Message()
    content_type: str | None = None  # the first Content-Type
    lines: list[str] = []
    for line in [*text[: head.end() - 1].splitlines(True), "end"]:  # "end": the last one stored
        if line[0] in " \t":
            lines.append(line)
            continue
        if lines:
            name, value = email_policy.compat32.header_source_parse(lines)
            if content_type is None and name.lower() == "content-type":
                content_type = value
            msg.set_raw(name, value)
        lines = [line]
    if content_type is None or content_type.isascii():
        maintype = _content_type(msg, content_type).partition("/")[0]
    else:
        maintype = msg.get_content_maintype()
    return msg, maintype, head.end()


# Characters other than "\n" the parser breaks lines at: a body holding one is its to read.
_OTHER_BREAKS = re.compile(r"[\r\x0b\x0c\x1c-\x1e]")
_EOL = re.compile(r"\n\Z")


def _plain_parts(msg: Message, body: str) -> bool:
    """Attach the parts of a multipart `body` to `msg` as the parser does, when they are
    one level of plain parts between boundary lines; False (nothing attached) otherwise."""
    boundary = msg.get_boundary()
    if (
        not boundary
        or msg.get_content_type() == "multipart/digest"  # its parts default to message/*
        or msg.get("content-transfer-encoding", "8bit").lower() not in ("7bit", "8bit", "binary")
        or _OTHER_BREAKS.search(body)
    ):
        return False
    # The parser's boundary line, as feedparser writes it.
    is_boundary = re.compile(
        "(?P<sep>" + re.escape("--" + boundary) + r")(?P<end>--)?(?P<ws>[ \t]*)"
        r"(?P<linesep>\r\n|\r|\n)?$"
    ).match
    lines = body.splitlines(True)
    marks = [(i, m) for i, line in enumerate(lines) if (m := is_boundary(line))]
    ends = [k for k, (_, m) in enumerate(marks) if m.group("end")]
    if not ends or ends[0] == 0:
        return False  # no end boundary, or no part before it
    # The boundaries up to the first end one, each with the next: a part between them.
    spans = list(itertools.pairwise(i for i, _ in marks[: ends[0] + 1]))
    if any(b - a < 2 for a, b in spans):
        return False  # boundary lines in a row
    parts: list[Message] = []
    for a, b in spans:
        text = "".join(lines[a + 1 : b])
        if text.startswith("\n"):  # no headers
            part, payload = Message(), text[1:]
        else:
            found = _plain_part(text)
            if found is None or found[1] in ("multipart", "message"):
                return False
            part, payload = found[0], text[found[2] :]
        # The line break before a boundary belongs to the boundary (RFC 2046).
        part.set_payload(_EOL.sub("", payload, count=1))
        parts.append(part)
    first, (end, end_mark) = marks[0][0], marks[ends[0]]
    if first:
        msg.preamble = _EOL.sub("", "".join(lines[:first]), count=1)
    for part in parts:
        msg.attach(part)
    msg.epilogue = "".join(lines[end + 1 :]) if end_mark.group("linesep") else ""
    return True


def _plain_message(data: bytes) -> Message | None:
    """The message `_PARSER` makes of a message with plain header lines (and one level of
    parts, each with plain header lines), made without its line-by-line machinery (the
    larger part of reading a mbox); None for any other message, which the parser reads."""
    text = data.decode("ascii", "surrogateescape")  # as BytesParser decodes it
    found = _plain_part(text)
    if found is None:
        return None
    msg, maintype, start = found
    if maintype == "multipart":
        return msg if _plain_parts(msg, text[start:]) else None
    if maintype == "message":
        return None  # a message inside: the parser's to read
    msg.set_payload(text[start:])
    return msg


class NestedTooDeep(Exception):
    """A message of parts inside parts deeper than the parser follows (several hundred
    levels; a mail program nests a forward or an attachment a few levels at most)."""


def parse_bytes(data: bytes) -> RawMail:
    # compat32 keeps undecodable headers as they are; header_text decodes RFC 2047 itself.
    try:
        msg = _plain_message(data)
        return from_message(_PARSER.parsebytes(data) if msg is None else msg)
    except RecursionError:  # the stdlib parser recurses once per level
        raise NestedTooDeep from None


def addresses(values: list[str]) -> list[tuple[str, str]]:
    """(display name, address) pairs from address headers as written."""
    return list(_addresses(tuple(values)))


_ADDRESS = r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
# One address of the plainest kind: "jan@x.nl" or "Jan de Vries <jan@x.nl>", a name of
# letters and digits only. getaddresses reads these as (name, address) exactly as written.
_PLAIN_ADDRESS = re.compile(
    rf"[ \t]*(?:([A-Za-z0-9]+(?: [A-Za-z0-9]+)*)[ \t]*<({_ADDRESS})>|({_ADDRESS}))[ \t]*"
)


def _plain_addresses(values: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """What getaddresses makes of headers holding only plain addresses, or None."""
    found: list[tuple[str, str]] = []
    for value in values:
        for piece in value.split(","):
            m = _PLAIN_ADDRESS.fullmatch(piece)
            if m is None:
                return None
            found.append((m[1], m[2]) if m[2] else ("", m[3]))
    return found


@lru_cache(maxsize=1 << 16)
def _addresses(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    # The same From and To headers recur in every message of a correspondence (the own
    # address in each one): the stdlib's address parser is the slow part of reading a mbox,
    # reading character by character; most headers are plain enough to read with one regex.
    pairs = _plain_addresses(values)
    if pairs is None:
        pairs = getaddresses(list(values))
    return tuple((header_text(n), a) for n, a in pairs if a)


# ------------------------------------------------------------------------- formats
def read_eml(path: Path) -> Iterator[RawMail]:
    if path.stat().st_size > MAX_MESSAGE_BYTES:
        raise ImportRefused("refusal.message_too_big", file=path.name)
    yield parse_bytes(path.read_bytes())


def read_zip(path: Path) -> Iterator[RawMail | None]:
    """Every .eml in a zip, read in memory (nothing is unpacked to disk)."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise ImportRefused("refusal.mail_zip_damaged", file=path.name) from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > MAX_ZIP_ENTRIES:
            raise ImportRefused("refusal.mail_zip_too_many", file=path.name)
        check_members(
            path, infos, how=Said("how.mail_zip_again"),
            max_total=MAX_ZIP_TOTAL, max_ratio=MAX_ZIP_RATIO, min_bytes=1_000_000,
            smaller=Said("how.mail_zip_smaller"),
        )  # fmt: skip
        for info in infos:
            if not info.filename.lower().endswith(".eml"):
                continue
            with zf.open(info) as fh:
                # Never trust the size in the zip's directory: read at most the limit.
                data = fh.read(MAX_MESSAGE_BYTES + 1)
            # Too big to read (it is mostly attachment), but said: None, counted and named
            # in a warning, so that a request sent with a big attachment is never lost unseen.
            yield None if len(data) > MAX_MESSAGE_BYTES else parse_bytes(data)


def mbox_messages(data: bytes | mmap.mmap) -> Iterator[bytes]:
    """The messages of an mbox, divided exactly as `mailbox.mbox` does (every line starting
    with "From " begins one; the empty line before it is not part of the previous one;
    ">From " is left as it is), in one pass over the file: `mailbox.mbox` reads it line by
    line for its table of contents and then seeks and reads again for every message."""
    sep = mailbox.linesep
    size = len(data)
    if data[:5] == b"From ":
        start = 0
    else:  # what comes before the first "From " line is no message
        start = data.find(b"\nFrom ") + 1
        if not start:
            return
    while True:
        eol = data.find(b"\n", start)
        if eol < 0:  # the last line is a "From " line: an empty message
            yield b""
            return
        first = eol + 1  # the message after its "From " line
        nxt = data.find(b"\nFrom ", eol)
        end = size if nxt < 0 else nxt + 1  # where the next "From " line (or the file) starts
        blank = end - len(sep)  # an empty line right before it is left out
        if blank >= first and data[blank:end] == sep and data[blank - 1 : blank] == b"\n":
            stop = blank
        else:
            stop = end
        yield data[first:stop].replace(sep, b"\n")
        if nxt < 0:
            return
        start = nxt + 1


def read_mbox(path: Path) -> Iterator[RawMail | None]:
    with open(path, "rb") as fh:
        if not fh.seek(0, 2):
            return  # an empty file (which mmap refuses): no messages
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            for message in mbox_messages(data):
                yield parse_bytes(message) if len(message) <= MAX_MESSAGE_BYTES else None


def read_msg(path: Path) -> Iterator[RawMail]:
    import extract_msg  # only when an Outlook file is imported

    try:
        msg = extract_msg.openMsg(str(path), delayAttachments=True)
    except Exception:
        raise ImportRefused("refusal.msg_unreadable", file=path.name) from None
    try:
        header = msg.header
        raw = from_message(header, with_body=False) if header is not None else RawMail()
        raw.subject = header_text(msg.subject) or raw.subject
        raw.sender = header_text(msg.sender) or raw.sender
        to = [header_text(v) for v in (msg.to, msg.cc) if v]
        raw.to = to or raw.to
        raw.date = msg.date or raw.date
        raw.message_id = header_text(msg.messageId) or raw.message_id
        raw.in_reply_to = header_text(getattr(msg, "inReplyTo", None)) or raw.in_reply_to
        body = msg.body
        if not body and msg.htmlBody:
            html = msg.htmlBody
            body = html_text(html.decode("utf-8", "replace") if isinstance(html, bytes) else html)
        raw.body = body or ""
        return iter([raw])
    finally:
        msg.close()


# PST: MAPI property ids for messages without transport headers (sent items, drafts).
_PR_SENDER_EMAIL = (0x0C1F, 0x0065, 0x5D01)
_PR_DISPLAY_TO = 0x0E04
_PR_DISPLAY_CC = 0x0E03
_PR_MESSAGE_ID = 0x1035
_PR_IN_REPLY_TO = 0x1042
_PR_REFERENCES = 0x1039


def _pst_properties(message: object) -> dict[int, str]:
    found: dict[int, str] = {}
    for record_set in getattr(message, "record_sets", []) or []:
        for entry in getattr(record_set, "entries", []) or []:
            try:
                value = entry.get_data_as_string()
            except Exception:
                continue
            if value:
                found.setdefault(entry.entry_type, value)
    return found


def _pst_message(message: object) -> RawMail:
    headers_text = getattr(message, "transport_headers", None) or ""
    if headers_text.strip():
        raw = from_message(HeaderParser().parsestr(headers_text), with_body=False)
    else:
        props = _pst_properties(message)
        sender = next((props[p] for p in _PR_SENDER_EMAIL if p in props), "")
        name = getattr(message, "sender_name", None) or ""
        raw = RawMail(
            sender=f"{name} <{sender}>" if sender else name,
            to=[v for v in (props.get(_PR_DISPLAY_TO), props.get(_PR_DISPLAY_CC)) if v],
            message_id=props.get(_PR_MESSAGE_ID),
            in_reply_to=props.get(_PR_IN_REPLY_TO),
            references=props.get(_PR_REFERENCES),
        )
    raw.subject = getattr(message, "subject", None) or raw.subject
    if raw.date is None:
        when = getattr(message, "client_submit_time", None) or getattr(
            message, "delivery_time", None
        )
        raw.date, raw.utc = when, when is not None
    body = getattr(message, "plain_text_body", None)
    if not body:
        html = getattr(message, "html_body", None)
        body = html_text(decode_bytes(html, None)) if html else b""
    raw.body = decode_bytes(body, None) if isinstance(body, bytes) else str(body or "")
    return raw


def _pst_folder(folder: object) -> Iterator[RawMail]:
    for message in getattr(folder, "sub_messages", []) or []:
        yield _pst_message(message)
    for sub in getattr(folder, "sub_folders", []) or []:
        yield from _pst_folder(sub)


def read_pst(path: Path) -> Iterator[RawMail]:
    """Every message in every folder of an Outlook data file (inbox and sent items)."""
    try:
        import pypff  # libpff-python
    except ImportError:  # pragma: no cover - installed with requirements.txt
        raise ImportRefused("refusal.pst_unsupported", file=path.name) from None
    pst = pypff.file()
    try:
        pst.open(str(path))
    except OSError:
        raise ImportRefused("refusal.pst_unreadable", file=path.name) from None
    try:
        yield from _pst_folder(pst.get_root_folder())
    finally:
        pst.close()


# ------------------------------------------------------------------------- message trace
TRACE_COLUMNS = {
    "received": ("received", "date", "datum", "ontvangen", "date (utc)"),
    "sender": ("senderaddress", "sender address", "afzender", "from"),
    "recipient": ("recipientaddress", "recipient address", "ontvanger", "to"),
    "subject": ("subject", "onderwerp"),
    "status": ("status",),
    "message_id": ("messageid", "message id", "message-id", "internet message id"),
}


def _decode_trace(data: bytes) -> str:
    """The trace as text; a character broken in the middle becomes U+FFFD, never an error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data[:200].count(b"\x00") > 20:  # UTF-16LE without a BOM
        return data.decode("utf-16-le", errors="replace")
    return decode_bytes(data.removeprefix(b"\xef\xbb\xbf"), "utf-8")


def _utf16(data: bytes) -> bool:
    return data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 20


def _trace_key(header: str) -> str | None:
    plain = header.strip().strip('"').lower()
    return next((k for k, names in TRACE_COLUMNS.items() if plain in names), None)


def is_message_trace(head: bytes) -> bool:
    """True when the first line names the message trace columns (any encoding)."""
    text = _decode_trace(head[: min(len(head), 4096) // 2 * 2])  # whole UTF-16 characters
    # Only byte order marks (text.strip() keeps them) is no line at all, not an IndexError.
    first = next(iter(text.lstrip("\ufeff").splitlines()), "") if text.strip() else ""
    keys = {_trace_key(h) for h in re.split(r"[,;\t]", first)}
    return {"sender", "recipient", "message_id"} <= keys or {"sender", "recipient", "received",
                                                              "subject"} <= keys  # fmt: skip


def _trace_dates(values: list[str]) -> list[datetime | None]:
    """Message trace times (UTC): ISO, or the admin's locale with / or -; the day-month
    order is decided once for the whole file."""
    slash = [re.match(r"^\s*(\d{1,2})[/-](\d{1,2})[/-](\d{4})", v) for v in values]
    firsts = [int(m.group(1)) for m in slash if m]
    seconds = [int(m.group(2)) for m in slash if m]
    month_first = bool(seconds and max(seconds) > 12) or (
        not (firsts and max(firsts) > 12) and any(re.search(r"[AP]M", v, re.I) for v in values)
    )
    out: list[datetime | None] = []
    for value, m in zip(values, slash, strict=True):
        text = value.strip()
        try:
            if m is None:
                iso = re.sub(r"(\.\d{6})\d+", r"\1", text.replace("Z", "+00:00"))
                when = datetime.fromisoformat(iso)
            else:
                a, b, year = (int(x) for x in m.groups())
                month, day = (a, b) if month_first else (b, a)
                rest = text[m.end() :].strip()
                clock = re.match(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?", rest, re.I)
                hour, minute, sec = (int(clock.group(i) or 0) for i in (1, 2, 3)) if clock else (
                    0, 0, 0)  # fmt: skip
                if clock and clock.group(4):
                    hour = hour % 12 + (12 if clock.group(4).upper() == "PM" else 0)
                when = datetime(year, month, day, hour, minute, sec)
        except ValueError:
            out.append(None)
            continue
        out.append(when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when)
    return out


def read_trace(path: Path) -> Iterator[RawMail]:
    """The Exchange message trace: one row per recipient, grouped into one message per id."""
    data = path.read_bytes()
    if _utf16(data) and len(data) % 2:
        raise ImportRefused("refusal.trace_cut_off", file=path.name)
    text = _decode_trace(data)
    # Only byte order marks (text.strip() keeps them) is no line at all, not an IndexError.
    first = next(iter(text.lstrip("\ufeff").splitlines()), "") if text.strip() else ""
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    header = next(reader, [])
    columns = {_trace_key(h): i for i, h in enumerate(header) if _trace_key(h)}
    rows = [r for r in reader if any(c.strip() for c in r)]

    def cell(row: list[str], key: str) -> str:
        i = columns.get(key)
        return row[i].strip() if i is not None and i < len(row) else ""

    dates = _trace_dates([cell(r, "received") for r in rows])
    grouped: dict[str, RawMail] = {}
    for row, when in zip(rows, dates, strict=True):
        mid = cell(row, "message_id") or f"{cell(row, 'sender')}|{when}|{cell(row, 'subject')}"
        raw = grouped.get(mid)
        if raw is None:
            raw = RawMail(
                subject=header_text(cell(row, "subject")),
                sender=cell(row, "sender"),
                date=when,
                message_id=cell(row, "message_id") or None,
                utc=True,
                body=None,
            )
            grouped[mid] = raw
        if recipient := cell(row, "recipient"):
            raw.to.append(recipient)
    yield from grouped.values()
