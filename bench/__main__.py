"""`make bench [SIZE=S|M|L|S,M]`: measure every step at each size, write the results.

    python -m bench                 # S, M and L (L takes a long while: see RESULTS.md)
    python -m bench --size S        # a quick look, under a minute
    python -m bench --size M --steps report,pages
    python -m bench --size S --mode fresh   # S measured like M and L (slower)

Results go to bench/results.json and bench/RESULTS.md (the sizes measured this time
replace earlier figures of the same size; other sizes are kept).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from bench import measure
from bench.fork import Forker
from bench.prepare import prepare
from bench.results import PAIRS, record, write
from bench.steps import PAGES


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--size",
        default=os.environ.get("SIZE") or "S,M,L",
        help="sizes to run, comma separated (S, M, L; default all)",
    )
    parser.add_argument("--runs", type=int, default=int(os.environ.get("RUNS") or 3))
    parser.add_argument(
        "--steps",
        default=os.environ.get("STEPS") or "",
        help=f"only these steps: {', '.join(PAIRS)}, pages, mail quality",
    )
    parser.add_argument(
        "--mode",
        choices=("fresh", "fork"),
        default=os.environ.get("MODE") or "",
        help="fresh: a new interpreter per measurement (default when M or L is run); "
        "fork: children of one preloaded process (default for S alone: under a minute)",
    )
    args = parser.parse_args(argv)
    wanted = {s for s in args.steps.split(",") if s}
    sizes = [s.strip().upper() for s in args.size.split(",") if s.strip()]
    if (args.mode or ("fork" if sizes == ["S"] else "fresh")) == "fork":
        measure.FORKER = Forker(measure.log_file().open("ab"))
    try:
        _run(sizes, wanted, args.runs)
    finally:
        if measure.FORKER is not None:
            measure.FORKER.close()
    write()
    if not wanted or "mail quality" in wanted:
        # How well the intake reads mail nobody tuned it on: the labelled corpus, both parts.
        from bench import mail_quality

        mail_quality.main([])


def _run(sizes: list[str], wanted: set[str], runs: int) -> None:
    for size in sizes:
        began = time.monotonic()
        print(f"[{size}] preparing the exports and the database ...", flush=True)
        prepare(size)
        for name, (ours, bases) in PAIRS.items():
            if wanted and name not in wanted:
                continue
            record(size, name, ours, bases, runs)
        for page in PAGES:
            if not wanted or "pages" in wanted or f"page {page}" in wanted:
                record(size, f"page {page}", ("page", page), [("page_query", page)], runs)
        print(f"[{size}] done in {time.monotonic() - began:.0f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
