"""Wall time and peak memory of one step, each measurement in a fresh process.

The child (`bench.run`) reports the seconds of the step's timed part; the peak resident
set size comes from `os.wait4` (ru_maxrss, KiB on Linux), so ours and the baseline are
measured by the same means. The median of the runs is reported, and the largest peak.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def log_file() -> Path:
    """Where the children's stderr goes (Streamlit's bare-mode chatter, tracebacks)."""
    folder = ROOT / "bench" / "out"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "stderr.log"


def once(step: str, size: str, *args: str) -> tuple[dict[str, float], float]:
    """(seconds reported by the child, peak RSS in MiB) of one fresh process."""
    log = log_file()
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.run", step, size, *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=err,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"bench step {step} {size} {' '.join(args)} failed:\n{tail}")
    return json.loads(out.decode().strip().splitlines()[-1]), usage.ru_maxrss / 1024


# Set by `python -m bench --mode fork`: measurements forked from a preloaded process.
FORKER: Any = None


def measure(step: str, size: str, *args: str, runs: int = 3) -> dict[str, Any]:
    """Median seconds per reported figure over `runs` fresh processes, and peak RSS."""
    figures: dict[str, list[float]] = {}
    peaks = []
    for _ in range(runs):
        seconds, peak = (FORKER.once if FORKER else once)(step, size, *args)
        for key, value in seconds.items():
            figures.setdefault(key, []).append(value)
        peaks.append(peak)
    result: dict[str, Any] = {k: statistics.median(v) for k, v in figures.items()}
    result["runs"] = figures
    result["peak_rss_mb"] = max(peaks)
    return result
