"""The mailbox reader's own readings of an mbox, a message and an address header give
exactly what the stdlib's mailbox.mbox, BytesParser(compat32) and getaddresses give."""

from __future__ import annotations

import mailbox
from email import policy as email_policy
from email.parser import BytesParser
from email.utils import getaddresses

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.mail_read import (
    _plain_addresses,
    _plain_message,
    from_message,
    mbox_messages,
    parse_bytes,
)

_PARSER = BytesParser(policy=email_policy.compat32)
_PIECES = [b"From ", b"From a@b Mon\n", b"\n", b"\n\n", b"\r\n", b">From x\n", b"x", b" ",
           b"Subject: y\n", b"X:\t v\n", b" folded\n", b"\tfolded\n", b":v\n", b"A : b\n",
           b"\x0b", b"\r",
           b"\xe9", b"Content-Type: multipart/mixed; boundary=b\n", b"--b\n",
           b"Content-Type: message/rfc822\n", b"Content-Type: TEXT/Plain; charset=utf-8\n",
           b"Content-Type: text\n", b"Content-Type: \xe9/x\n"]  # fmt: skip
_BYTES = st.lists(st.sampled_from(_PIECES), max_size=14).map(b"".join)
_MULTIPART = [b"Content-Type: multipart/alternative; boundary=\"BB\"\n", b"Subject: x\n",
              b"Content-Type: multipart/digest; boundary=BB\n", b"Content-Type: multipart/mixed\n",
              b"Content-Transfer-Encoding: base64\n", b" cont\n"]  # fmt: skip
_PART_LINES = [b"--BB\n", b"--BB--\n", b"--BB--", b"--BB  \n", b"--BBx\n", b"\n", b"text\n",
               b"Content-Type: text/plain\n", b"Content-Type: message/rfc822\n", b" f\n",
               b"Content-Type: multipart/mixed; boundary=CC\n", b"X: y\n", b"\r\n", b"\xe9\n",
               b"From x\n", b"no newline"]  # fmt: skip
_MULTIPART_BYTES = st.tuples(
    st.lists(st.sampled_from(_MULTIPART), min_size=1, max_size=3).map(b"".join),
    st.lists(st.sampled_from(_PART_LINES), max_size=16).map(b"".join),
).map(lambda t: t[0] + b"\n" + t[1])
_ADDRESS_PIECES = ["jan@x.nl", "Jan de Vries ", "<", ">", ",", " ", "\t", ".", "@", '"', "(",
                   ")", "é", ";", ":", "a", "0", "-", "+", "_", "[", "\\"]  # fmt: skip


def _stdlib_division(data: bytes, path) -> list[bytes]:
    path.write_bytes(data)
    box = mailbox.mbox(path, create=False)
    try:
        return [box.get_bytes(key) for key in box.iterkeys()]
    finally:
        box.close()


@settings(max_examples=400, deadline=None)
@given(data=_BYTES)
def test_an_mbox_is_divided_as_mailbox_mbox_divides_it(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("mbox") / "box.mbox"
    assert list(mbox_messages(data)) == _stdlib_division(data, path)


def _state(msg):
    defects = [type(d) for d in msg.defects]
    payload = msg._payload
    if isinstance(payload, list):
        payload = [_state(part) for part in payload]
    return (msg._headers, payload, msg._unixfrom, msg._default_type, msg.preamble,
            msg.epilogue, msg._charset, defects, msg.policy, type(msg))  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(data=_BYTES | _MULTIPART_BYTES)
def test_a_plain_message_is_read_as_the_parser_reads_it(data):
    msg = _plain_message(data)
    if msg is not None:
        assert _state(msg) == _state(_PARSER.parsebytes(data))


# Realistic header lines and bodies: quoted-printable and base64 text, HTML only, an
# attachment, RFC 2047 words, folded and repeated headers, UTF-8 bodies.
_REAL_HEADERS = [b"From: Jan Nep <jan@voorbeeld.nl>\n", b"To: info@ictroermond.nl\n",
                 b"Cc: a@b.nl, \"Piet, P.\" <p@c.nl>\n", b"Subject: =?utf-8?q?Inzage_verzoek?=\n",
                 b"Subject: Opzegging\n  contract\n", b"Date: Mon, 2 Mar 2026 10:00:00 +0100\n",
                 b"Message-ID: <x1@voorbeeld.nl>\n", b"In-Reply-To: <y@z>\n",
                 b"References: <a@b>\n\t<c@d>\n", b"MIME-Version: 1.0\n",
                 b"Content-Type: text/plain; charset=utf-8\n",
                 b"Content-Type: text/html; charset=iso-8859-1\n",
                 b"Content-Transfer-Encoding: quoted-printable\n",
                 b"Content-Transfer-Encoding: base64\n",
                 b"Content-Disposition: attachment; filename=a.txt\n",
                 b"X-Note: caf\xc3\xa9\n", b"Received: from x\n by y\n"]  # fmt: skip
_REAL_BODIES = [
    b"Graag inzage in mijn gegevens.\n",
    b"caf=C3=A9 =\nverder\n",
    b"R3JhYWcgaW56YWdl\n",
    b"<p>Ik zeg <b>op</b></p>\n",
    b"caf\xc3\xa9\n",
    b"",
]
_REAL = st.tuples(
    st.lists(st.sampled_from(_REAL_HEADERS), max_size=9).map(b"".join),
    st.sampled_from(_REAL_BODIES),
).map(lambda t: t[0] + b"\n" + t[1])


def _read(raw) -> tuple:
    return (raw.subject, raw.sender, raw.to, raw.date, raw.message_id, raw.in_reply_to,
            raw.references, raw.headers, raw.text())  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(data=_BYTES | _MULTIPART_BYTES | _REAL)
def test_a_message_reads_as_from_the_parsers_message(data):
    """parse_bytes (its own plain reading where it can, else the parser) gives the same
    fields, headers and text as the parser's message gives."""
    assert _read(parse_bytes(data)) == _read(from_message(_PARSER.parsebytes(data)))


def test_the_plain_reading_is_used_for_ordinary_mail_only():
    plain = b"From: a@b.nl\nSubject: x\n  y\nContent-Type: text/plain\n\nbody\n"
    assert _plain_message(plain) is not None
    for other in (b"Content-Type: message/rfc822\n\nSubject: x\n\nbody\n",
                  b"From x\nSubject: y\n\nbody\n", b"Subject: y\r\n\r\nbody\r\n",
                  b"Subject: y\n", b"\nbody\n"):  # fmt: skip
        assert _plain_message(other) is None


def test_a_message_of_plain_parts_is_read_as_the_parser_reads_it():
    data = (b"Content-Type: multipart/alternative; boundary=b1\n\npreamble\n--b1\n"
            b"Content-Type: text/plain; charset=utf-8\n\nHallo\n\n--b1\n"
            b"Content-Type: text/html\n\n<p>Hallo</p>\n--b1--\nepilogue\n")  # fmt: skip
    msg = _plain_message(data)
    assert msg is not None and len(msg.get_payload()) == 2
    assert _state(msg) == _state(_PARSER.parsebytes(data))
    nested = data.replace(b"Content-Type: text/html", b"Content-Type: multipart/mixed; boundary=c")
    assert _plain_message(nested) is None


@settings(max_examples=1000, deadline=None)
@given(values=st.lists(st.lists(st.sampled_from(_ADDRESS_PIECES), max_size=10).map("".join),
                       min_size=1, max_size=3))  # fmt: skip
def test_plain_addresses_are_read_as_getaddresses_reads_them(values):
    found = _plain_addresses(tuple(values))
    if found is not None:
        assert found == getaddresses(values)


def test_plain_addresses_take_names_and_lists():
    values = ("Jan de Vries <jan@x.nl>", "b@y.nl, Piet <p.q@z.example.org>")
    assert _plain_addresses(values) == getaddresses(list(values))
    assert _plain_addresses(('"Vries, Jan" <jan@x.nl>',)) is None
