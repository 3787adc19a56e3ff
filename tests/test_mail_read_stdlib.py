"""The mailbox reader's own readings of an mbox, a message and an address header give
exactly what the stdlib's mailbox.mbox, BytesParser(compat32) and getaddresses give."""

from __future__ import annotations

import mailbox
from email import policy as email_policy
from email.parser import BytesParser
from email.utils import getaddresses

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.mail_read import _plain_addresses, _plain_message, mbox_messages

_PARSER = BytesParser(policy=email_policy.compat32)
_PIECES = [b"From ", b"From a@b Mon\n", b"\n", b"\n\n", b"\r\n", b">From x\n", b"x", b" ",
           b"Subject: y\n", b" folded\n", b"\tfolded\n", b":v\n", b"A : b\n", b"\x0b", b"\r",
           b"\xe9", b"Content-Type: multipart/mixed; boundary=b\n", b"--b\n",
           b"Content-Type: message/rfc822\n", b"Content-Type: TEXT/Plain; charset=utf-8\n",
           b"Content-Type: text\n", b"Content-Type: \xe9/x\n"]  # fmt: skip
_BYTES = st.lists(st.sampled_from(_PIECES), max_size=14).map(b"".join)
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
    return (msg._headers, msg._payload, msg._unixfrom, msg._default_type, msg.preamble,
            msg.epilogue, msg._charset, defects, msg.policy, type(msg))  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(data=_BYTES)
def test_a_plain_message_is_read_as_the_parser_reads_it(data):
    msg = _plain_message(data)
    if msg is not None:
        assert _state(msg) == _state(_PARSER.parsebytes(data))


def test_the_plain_reading_is_used_for_ordinary_mail_only():
    plain = b"From: a@b.nl\nSubject: x\n  y\nContent-Type: text/plain\n\nbody\n"
    assert _plain_message(plain) is not None
    for other in (b"Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\n",
                  b"From x\nSubject: y\n\nbody\n", b"Subject: y\r\n\r\nbody\r\n",
                  b"Subject: y\n", b"\nbody\n"):  # fmt: skip
        assert _plain_message(other) is None


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
