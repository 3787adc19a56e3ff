"""One measurement in a fresh process: `python -m bench.run STEP SIZE [ARG]`.

Prints one JSON line: the seconds the step's timed part took (pages: cold and warm). The
parent reads this process's peak RSS from `os.wait4`, so setup counts toward memory
exactly as it does for the baseline measured the same way.
"""

from __future__ import annotations

import json
import sys
import time

from bench import generate, steps
from bench.prepare import folder_of


def main(argv: list[str]) -> None:
    print(json.dumps(measure_step(argv)), flush=True)


def measure_step(argv: list[str]) -> dict[str, float]:
    """Prepare STEP for SIZE, run its timed part (a page twice), return the seconds."""
    step, size, *rest = argv
    folder = folder_of(size)
    files = generate.paths(folder)
    make = getattr(steps, step)
    timed = make(folder, files, *rest)
    start = time.perf_counter()
    timed()
    first = time.perf_counter() - start
    result = {"seconds": first}
    if step == "page":  # the same page again in the same process: warm caches
        start = time.perf_counter()
        timed()
        result = {"cold": first, "warm": time.perf_counter() - start}
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
