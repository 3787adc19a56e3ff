"""FindingList's bulk texts read exactly as each Finding's own message."""

from __future__ import annotations

import numpy as np

from compliance.finding_list import Block, FindingList
from compliance.findings import Finding


def test_bulk_messages_of_blocks_without_and_with_translated_parameters() -> None:
    bare = Block("no_invoices", "medium", np.array([3, 1]))
    named = Block(
        "dormant_client",
        "medium",
        np.array([2]),
        {"name": np.array(["Test BV"], dtype=object),
         "last_invoice": np.array([{"nl": "onbekend", "en": "unknown"}], dtype=object)},
    )  # fmt: skip
    other = [Finding("request_overdue", "high", None, {"id": 4, "type": {"nl": "Inzage",
             "en": "Access"}, "name": "X", "respond_by": "2026-11-20"})]  # fmt: skip
    found = FindingList([bare, named], other)
    for lang in ("nl", "en"):
        assert found.messages(lang) == [f.message(lang) for f in found]
    # A translated parameter is read in the language, never shown as a dict.
    assert any("unknown" in m for m in found.messages("en"))
    assert not any("{" in m for m in found.messages("nl"))
    assert found.heads() == [(f.code, f.subject_id) for f in found]
