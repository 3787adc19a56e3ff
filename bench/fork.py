"""Quick-look measurements: each one a child forked from a process that imported the heavy
modules once (`python -m bench --mode fork`, the default for `make bench SIZE=S`).

Starting Python with pandas, DuckDB and Streamlit costs 1.5 to 3 s; at S that is most of a
run. A forked child is still a fresh process for the step (no database connection, empty
Streamlit caches, nothing computed), but its peak RSS includes the modules it inherited,
for ours and the baseline alike. The committed results use fresh interpreters
(`--mode fresh`, the default for M and L), whose memory is the honest absolute figure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import traceback
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent


class Forker:
    """A preloaded process that forks one child per measurement and reports its figures."""

    def __init__(self, log: IO[bytes]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.fork"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )

    def once(self, step: str, size: str, *args: str) -> tuple[dict[str, float], float]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps([step, size, *args]) + "\n")
        self.proc.stdin.flush()
        reply: dict[str, Any] = json.loads(self.proc.stdout.readline() or '{"error": "gone"}')
        if "error" in reply:
            raise RuntimeError(f"bench step {step} {size} {' '.join(args)} failed: {reply}")
        return reply["seconds"], reply["peak_rss_mb"]

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait()


def _serve() -> None:
    # Everything a step imports, once; no thread pool or connection is started here.
    import duckdb  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow.csv  # noqa: F401
    import streamlit.testing.v1  # noqa: F401
    import xlsxwriter  # noqa: F401

    import compliance.audit
    import compliance.importing
    import compliance.ui
    import etl  # noqa: F401
    from bench.run import measure_step

    del compliance  # imported for their side effect: the modules are loaded
    for line in sys.stdin:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: measure, write the seconds, leave without cleanup
            os.close(read)
            os.dup2(2, 1)  # anything a step prints must not reach the parent's protocol
            code = 0
            try:
                payload = json.dumps(measure_step(json.loads(line)))
            except BaseException:
                traceback.print_exc()
                payload, code = "", 1
            with os.fdopen(write, "w") as out:
                out.write(payload)
            sys.stderr.flush()
            os._exit(code)
        os.close(write)
        with os.fdopen(read) as got:
            payload = got.read()
        _, status, usage = os.wait4(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not payload:
            print(json.dumps({"error": f"exit {status}"}), flush=True)
            continue
        reply = {"seconds": json.loads(payload), "peak_rss_mb": usage.ru_maxrss / 1024}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    _serve()
