"""Findings in their report order, made into `Finding` objects only when read.

At a million subjects a third may be dormant clients: building and sorting that many
`Finding` objects took longer than the rest of the report. A `FindingList` keeps the
per-subject findings as columns (`Block`), sorts everything once with numpy, and creates a
`Finding` when an item is read, so counting them or showing one page costs almost nothing.
It is a plain `Sequence[Finding]`: iterating it gives exactly what
`findings.sort_findings(subject_findings(...) + others)` gave.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

import numpy as np
import pandas as pd

from compliance.findings import SEVERITIES, Finding
from compliance.i18n import template


@dataclass(frozen=True)
class Block:
    """Findings of one code and severity, one per row: subject ids and parameter columns."""

    code: str
    severity: str
    subject_ids: np.ndarray
    params: dict[str, np.ndarray] = field(default_factory=dict)

    def messages(self, lang: str) -> list[str]:
        """Every row's `Finding.message(lang)`, the template looked up once."""
        text, names = template(f"finding.{self.code}", lang), list(self.params)
        if not names:
            return [text] * len(self.subject_ids)
        # A parameter may itself be translated, as Finding.message reads it.
        columns = [
            [v[lang] if isinstance(v, Mapping) else v for v in self.params[n]] for n in names
        ]
        return [
            text.format(**dict(zip(names, row, strict=True))) for row in zip(*columns, strict=True)
        ]

    def finding(self, i: int) -> Finding:
        sid = self.subject_ids[i]
        return Finding(
            self.code,
            self.severity,
            None if sid is None else int(sid),
            {k: v[i] for k, v in self.params.items()},
        )


def subject_blocks(subjects: pd.DataFrame) -> list[Block]:
    """`findings.subject_findings` over the snapshot's subject table, as blocks."""
    status = subjects["status"].to_numpy()
    client, prospect = status == "client", status == "prospect"
    dormant = client & subjects["dormant"].to_numpy(dtype=bool)
    inactive = client & subjects["inactive"].to_numpy(dtype=bool)
    no_contact = prospect & subjects["last_contact"].isna().to_numpy()
    ids = subjects["id"].to_numpy()
    all_names = subjects["name"].array
    names = {
        k: np.asarray(all_names[m], dtype=object)  # only the rows with a finding
        for k, m in (("dormant", dormant), ("inactive", inactive), ("none", no_contact))
    }
    last = subjects["last_invoice"].to_numpy(dtype=object)
    return [
        Block("dormant_client", "medium", ids[dormant], {
            "name": names["dormant"], "last_invoice": _iso_or_unknown(last[dormant]),
        }),
        Block("inactive_without_termination", "low", ids[inactive], {"name": names["inactive"]}),
        Block("prospect_without_contact_date", "medium", ids[no_contact],
              {"name": names["none"]}),
    ]  # fmt: skip


def _ids(subject_ids: np.ndarray) -> np.ndarray:
    """Subject ids as int64 for sorting, None as 0."""
    if subject_ids.dtype != object:
        return subject_ids.astype(np.int64)
    return np.array([0 if s is None else int(s) for s in subject_ids], dtype=np.int64)


def _iso_or_unknown(days: np.ndarray) -> np.ndarray:
    """`findings._iso` per date (None: '?'), one isoformat per distinct day."""
    codes, distinct = pd.factorize(days)  # None: -1, the last slot
    return np.array([d.isoformat() for d in distinct] + ["?"], dtype=object)[codes]


class FindingList(Sequence[Finding]):
    """Blocks first, then other findings, sorted as `sort_findings` sorts (stable)."""

    def __init__(self, blocks: Sequence[Block], others: Sequence[Finding]) -> None:
        self._blocks = [b for b in blocks if len(b.subject_ids)]
        self._others = list(others)
        parts = [(b.severity, b.code, b.subject_ids) for b in self._blocks]
        parts += [(f.severity, f.code, np.array([f.subject_id], dtype=object)) for f in others]
        sizes = [len(p[2]) for p in parts]
        source = np.repeat(np.arange(len(parts)), sizes)
        row = np.concatenate([np.arange(n) for n in sizes]) if parts else np.array([], int)
        rank = np.repeat([SEVERITIES.index(p[0]) for p in parts], sizes)
        codes = np.repeat(np.array([p[1] for p in parts], dtype=object), sizes)
        # Blocks hold integer ids; only the few other findings may have None (sorts as 0).
        sid = np.concatenate(
            [_ids(b.subject_ids) for b in self._blocks]
            + [_ids(np.array([f.subject_id for f in self._others], dtype=object))]
        )
        # Blocks come first in the input, in this order, and sorted() is stable: the last
        # key (the position in the input) keeps ties in that order.
        code_rank = pd.factorize(codes, sort=True)[0]
        order = np.lexsort((np.arange(len(sid)), sid, code_rank, rank))
        self._source, self._row = source[order], row[order]
        self._codes = codes[order]
        self._ranks = rank[order]

    def heads(self) -> list[tuple[str, int | None]]:
        """(code, subject id) of every finding in list order, without making the findings."""
        ids = [b.subject_ids for b in self._blocks] + [[f.subject_id] for f in self._others]
        return [
            (code, None if (sid := ids[s][r]) is None else int(sid))
            for code, s, r in zip(
                self._codes, self._source.tolist(), self._row.tolist(), strict=True
            )
        ]

    def ranks(self) -> np.ndarray:
        """Every finding's severity as its index in SEVERITIES, in list order."""
        return self._ranks

    def messages(self, lang: str) -> list[str]:
        """Every finding's message in `lang`, in list order (`[f.message(lang) for f in
        self]`, at a tenth of the cost: the weekly review needs them all)."""
        texts = [b.messages(lang) for b in self._blocks]
        texts += [[f.message(lang)] for f in self._others]
        return [texts[s][r] for s, r in zip(self._source.tolist(), self._row.tolist(), strict=True)]

    def __len__(self) -> int:
        return len(self._source)

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> list[Finding]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("finding index out of range")
        return self._make(index)

    def __iter__(self) -> Iterator[Finding]:
        for i in range(len(self)):
            yield self._make(i)

    def _make(self, i: int) -> Finding:
        source, row = int(self._source[i]), int(self._row[i])
        if source < len(self._blocks):
            return self._blocks[source].finding(row)
        return self._others[source - len(self._blocks)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"FindingList({len(self)} findings)"
