"""Pairs of steps (ours, baselines), their measurement, and bench/results.json + RESULTS.md.

Every figure is a ratio to the baseline measured in the same run on the same file; where
two plain loads compete for the honest fastest baseline, the faster one counts.
"""

from __future__ import annotations

import json
import os
import platform
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import measure as measure_module
from bench.measure import measure
from bench.prepare import relations_of

HERE = Path(__file__).resolve().parent
JSON = HERE / "results.json"
MARKDOWN = HERE / "RESULTS.md"
Spec = tuple[str, ...]

PAIRS: dict[str, tuple[Spec, list[Spec]]] = {
    "import relaties": (("import_relaties",), [("csv_duckdb_relaties",), ("csv_arrow_relaties",)]),
    "import facturen": (("import_facturen",), [("csv_duckdb_facturen",), ("csv_arrow_facturen",)]),
    "import relaties filled": (
        ("import_relaties_filled",),
        [("csv_duckdb_owner", "relaties changed"), ("csv_arrow_owner", "relaties changed")],
    ),
    "import relaties again": (
        ("import_relaties_again",),
        [
            ("csv_duckdb_owner", "relaties changed again"),
            ("csv_arrow_owner", "relaties changed again"),
        ],
    ),
    "import facturen small": (
        ("import_facturen_small", "200"),
        [("csv_duckdb_owner", "facturen 50")],
    ),
    "import facturen small 2000 vault": (
        ("import_facturen_small", "2000"),
        [("csv_duckdb_owner", "facturen 50")],
    ),
    "report": (("report",), [("group_by",)]),
    "workbook": (("workbook",), [("xlsxwriter_rows",)]),
    "mailbox": (("mailbox_parse",), [("mbox_full",)]),
}
# (what, size the target applies at, test on the step's figures, the target in words)
TARGETS = {
    "import relaties": (
        "≤ 1.5× and ≤ 1 GB at L",
        lambda s: s["ratio"] <= 1.5 and s["ours"]["peak_rss_mb"] <= 1024,
    ),
    "import facturen": ("≤ 1.5× at L", lambda s: s["ratio"] <= 1.5),
    "import relaties filled": (
        "≤ 1.5× and ≤ 1 GB at L, as fresh",
        lambda s: s["ratio"] <= 1.5 and s["ours"]["peak_rss_mb"] <= 1024,
    ),
    "import relaties again": (
        "≤ 1.5× and ≤ 1 GB at L, as fresh",
        lambda s: s["ratio"] <= 1.5 and s["ours"]["peak_rss_mb"] <= 1024,
    ),
    "import facturen small": ("≤ 2 s at every size", lambda s: s["ours"]["seconds"] <= 2),
    "import facturen small 2000 vault": (
        "≤ 2 s at every size, as with 200",
        lambda s: s["ours"]["seconds"] <= 2,
    ),
    "report": ("≤ 3× and < 1 s at L", lambda s: s["ratio"] <= 3 and s["ours"]["seconds"] < 1),
    "workbook": ("≤ 1.5×", lambda s: s["ratio"] <= 1.5),
    "mailbox": ("≤ 2.5× the full stdlib parse at L", lambda s: s["ratio"] <= 2.5),
}
# Steps whose database is the same at every size: met when each size measured meets it.
EVERY_SIZE = ("import facturen small", "import facturen small 2000 vault")
MODES = {
    "fresh": "a new interpreter per measurement",
    "fork": "children forked from one preloaded process: memory includes its modules",
}
PAGE_TARGET = ("warm ≤ 300 ms at L", lambda s: s["ours"]["warm"] <= 0.3)


def _load() -> dict[str, Any]:
    if JSON.exists():
        return json.loads(JSON.read_text())
    return {"sizes": {}}


def _machine() -> dict[str, Any]:
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    import duckdb
    import openpyxl
    import pandas

    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(pages / 2**30, 1),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "pandas": pandas.__version__,
        "openpyxl": openpyxl.__version__,
        "platform": platform.platform(),
    }


def record(size: str, name: str, ours: Spec, bases: list[Spec], runs: int) -> dict[str, Any]:
    """Measure one pair at one size and store it (results.json is written as we go)."""
    print(f"[{size}] {name} ...", end=" ", flush=True)
    measured = [measure(*spec[:1], size, *spec[1:], runs=runs) for spec in bases]
    best = min(range(len(bases)), key=lambda i: measured[i]["seconds"])
    base = {**measured[best], "step": " ".join(bases[best])}
    base["alternatives"] = {" ".join(s): m["seconds"] for s, m in zip(bases, measured, strict=True)}
    mine = {**measure(*ours[:1], size, *ours[1:], runs=runs), "step": " ".join(ours)}
    entry: dict[str, Any] = {"ours": mine, "baseline": base}
    if "cold" in mine:
        entry["ratio"] = mine["cold"] / base["seconds"]
        entry["warm_ratio"] = mine["warm"] / base["seconds"]
        print(
            f"cold {mine['cold']:.2f} s, warm {mine['warm']:.3f} s, query {base['seconds']:.2f} s",
            flush=True,
        )
    else:
        entry["ratio"] = mine["seconds"] / base["seconds"]
        print(
            f"{mine['seconds']:.2f} s vs {base['seconds']:.2f} s = {entry['ratio']:.2f}×, "
            f"{mine['peak_rss_mb']:.0f} MB vs {base['peak_rss_mb']:.0f} MB",
            flush=True,
        )
    entry["rss_ratio"] = mine["peak_rss_mb"] / base["peak_rss_mb"]
    entry["measured_at"] = datetime.now().isoformat(timespec="seconds")
    data = _load()
    sized = data["sizes"].setdefault(size, {"relations": relations_of(size), "steps": {}})
    for other in sized["steps"].values():  # measured before steps kept their own time
        other.setdefault("measured_at", sized.get("measured_at", "?"))
    sized["steps"][name] = entry
    sized["measured_at"] = datetime.now().isoformat(timespec="seconds")
    sized["mode"] = "fork" if measure_module.FORKER is not None else "fresh"
    data["machine"] = _machine()
    data["runs"] = runs
    JSON.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return entry


def _cell(step: dict[str, Any] | None) -> str:
    if step is None:
        return "–"
    ours, base = step["ours"], step["baseline"]
    if "cold" in ours:
        return (
            f"warm **{ours['warm'] * 1000:.0f} ms** ({step['warm_ratio']:.2f}×), cold "
            f"{ours['cold']:.2f} s ({step['ratio']:.1f}×) vs query {base['seconds']:.2f} s; "
            f"{ours['peak_rss_mb']:.0f} MB"
        )
    return (
        f"**{step['ratio']:.2f}×** ({ours['seconds']:.2f} s vs {base['seconds']:.2f} s); "
        f"{ours['peak_rss_mb']:.0f} MB vs {base['peak_rss_mb']:.0f} MB "
        f"({step['rss_ratio']:.1f}×)"
    )


def _when(sized: dict[str, Any]) -> str:
    """When a size's figures were measured: one time, or the range when steps were re-run."""
    times = sorted({e.get("measured_at", sized.get("measured_at", "?"))
                    for e in sized["steps"].values()})  # fmt: skip
    return times[0] if len(times) == 1 else f"{times[0]} to {times[-1]}"


def write() -> None:
    data = _load()
    if not data["sizes"]:
        return
    m = data.get("machine", {})
    sizes = [s for s in ("S", "M", "L") if s in data["sizes"]]
    sizes += [s for s in data["sizes"] if s not in sizes]
    names = list(PAIRS) + sorted(
        {n for s in sizes for n in data["sizes"][s]["steps"] if n.startswith("page ")}
    )
    lines = [
        "# Benchmark results (`make bench`)",
        "",
        f"Machine: {m.get('cpus')} CPUs, {m.get('memory_gib')} GiB memory; Python "
        f"{m.get('python')}, DuckDB {m.get('duckdb')}, pandas {m.get('pandas')}, openpyxl "
        f"{m.get('openpyxl')}. Median of {data.get('runs')} runs, each in a fresh process; "
        "memory is the process's peak RSS. Every ratio is ours ÷ the baseline measured in the "
        "same run on the same file (see bench/steps.py for each baseline). A page is "
        "rendered with streamlit.testing's AppTest: cold is its first run with empty caches, "
        "warm a second run of the same session (the owner's next click), both against the "
        "page's store and report calls made directly.",
        "",
        "Sizes: "
        + ", ".join(
            f"{s} = {data['sizes'][s]['relations']:,} relations "
            f"(measured {_when(data['sizes'][s])}, "
            f"{MODES[data['sizes'][s].get('mode', 'fresh')]})"
            for s in sizes
        )
        + ". A step re-measured alone keeps the other steps' earlier figures of its size.",
        "",
        "| step | target | " + " | ".join(sizes) + " | met |",
        "|---|---|" + "---|" * len(sizes) + "---|",
    ]
    for name in names:
        target, test = TARGETS.get(name, PAGE_TARGET)
        cells = [_cell(data["sizes"][s]["steps"].get(name)) for s in sizes]
        at = data["sizes"].get("L", {}).get("steps", {}).get(name)
        met = ("yes" if test(at) else "**no**") if at else "(no L run)"
        if name in EVERY_SIZE:
            done = [d for s in sizes if (d := data["sizes"][s]["steps"].get(name))]
            met = ("yes" if all(map(test, done)) else "**no**") if done else "–"
        lines.append(f"| {name} | {target} | " + " | ".join(cells) + f" | {met} |")
    MARKDOWN.write_text("\n".join(lines) + "\n")
