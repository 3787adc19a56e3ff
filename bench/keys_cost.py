"""What the unique keys of the four large tables cost an import (not a target; evidence).

    python -m bench.keys_cost L     # after `make bench SIZE=L` prepared bench/out/L

Copies subjects, subject_identifiers, source_subjects and records of the size's bench
database into a new file, in one transaction as an import writes them, three ways, each in
a fresh process: with the schema's PRIMARY KEY / UNIQUE constraints; without them; without
them and a `CREATE UNIQUE INDEX` per table afterwards. Prints seconds and peak memory.

Why it matters (issue 8): at L the import's DuckDB statements take about 20 s and 3 GB,
and this shows how much of that is DuckDB keeping those indexes up to date row by row
inside one open transaction.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from compliance import schema

TABLES = {
    "subjects": "id",
    "subject_identifiers": "kind, value",
    "source_subjects": "source, ref",
    "records": "source, category, ref",
}
WAYS = ("keys", "no keys", "no keys, then CREATE UNIQUE INDEX")


def _ddl(table: str, keys: bool) -> str:
    body = re.search(rf"CREATE TABLE {table} \((.*?)\n\s*\);", schema.MIGRATIONS[0][2], re.S)
    assert body is not None, table
    text = body.group(1)
    if not keys:
        text = re.sub(r",\s*(?:PRIMARY KEY|UNIQUE) \([^)]*\)", "", text)
        text = text.replace(" PRIMARY KEY", "")
    return f"CREATE TABLE {table} ({text})"


def _one(way: str, folder: Path, work: Path) -> None:
    """Measured in this (fresh) process: prints seconds and peak RSS in MB."""
    target = work / "copy.duckdb"
    conn = duckdb.connect(str(target))
    for table in TABLES:
        conn.execute(_ddl(table, way == "keys"))
    conn.execute(f"ATTACH '{folder / 'bench.duckdb'}' AS src (READ_ONLY)")
    started = time.perf_counter()
    conn.execute("BEGIN")
    for table in TABLES:
        conn.execute(f"INSERT INTO {table} SELECT * FROM src.{table}")
    if way.endswith("INDEX"):
        for table, columns in TABLES.items():
            conn.execute(f"CREATE UNIQUE INDEX u_{table} ON {table} ({columns})")
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.2f} {peak:.0f}")


def main(size: str) -> None:
    folder = Path(__file__).parent / "out" / size
    if not (folder / "bench.duckdb").exists():
        raise SystemExit(f"no bench/out/{size}/bench.duckdb yet: run make bench SIZE={size}")
    for way in WAYS:
        with tempfile.TemporaryDirectory(dir=folder) as work:
            out = subprocess.run(
                [sys.executable, "-m", "bench.keys_cost", "--one", way, size, work],
                capture_output=True, text=True, check=True,
            ).stdout.split()  # fmt: skip
        print(f"{way:40} {float(out[0]):6.2f} s  {float(out[1]):6.0f} MB peak")


if __name__ == "__main__":
    if sys.argv[1] == "--one":
        _one(sys.argv[2], Path(__file__).parent / "out" / sys.argv[3], Path(sys.argv[4]))
    else:
        main(sys.argv[1].upper())
