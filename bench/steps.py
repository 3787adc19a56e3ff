"""The measured steps, ours and their baselines, each prepared outside the timed part.

A step is a function `(size folder, files) -> timed callable`: everything before the
return (imports, reading a pickled snapshot, building the rows a baseline writes) is not
timed; the callable is. `bench.run` times it in a fresh process per measurement.

Baselines are the honest fastest plain version of the same work on the same file:

* ``csv_duckdb``: the CSV re-encoded from Windows-1252 to UTF-8 (a streaming decode, or
  pyarrow's transcoding reader, whichever is faster) and `CREATE TABLE AS` over
  `read_csv` (or over the Arrow table) in a fresh DuckDB file, no validation;
* ``group_by``: one `GROUP BY subject, category, source` over records, fetched as Arrow;
* ``xlsxwriter``: the rows our workbook writes, written by xlsxwriter in constant_memory
  mode with the same formats (the rows are built before the clock starts);
* ``mbox_full``: the stdlib `mailbox.mbox` loop parsing each whole message with the modern
  `email` policy and decoding its text (what any reader that looks at the text must do): the
  baseline of the mailbox step, which also reads, splits and classifies that text.

The owner's case imports into a copy of a database that already holds data (bench.prepare
builds them; the copy is made before the clock starts), against ``csv_duckdb`` of the same
file: the relaties export again with 1% of its rows changed and 300 new relations, into the
size's full database ("import relaties filled"); that one once more with 0.1% changed since
("import relaties again"); and 50 new invoice lines into 2,000 relations and 200 or 2,000
vault items that name nobody ("import facturen small"). Loading 50 lines is mostly opening
a DuckDB file, so that step is held to its seconds (≤ 2 s), not to its ratio.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench.generate import owner_paths

AS_OF = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 9, 0)
Timed = Callable[[], Any]


def _fresh_db(folder: Path) -> Path:
    target = folder / "tmp-import.duckdb"
    for p in (target, target.with_suffix(".duckdb.wal")):
        p.unlink(missing_ok=True)
    shutil.rmtree(folder / "backups", ignore_errors=True)
    return target


# ------------------------------------------------------------------------- import
def _import(folder: Path, path: Path) -> Timed:
    from compliance.importing import import_file

    db = _fresh_db(folder)
    from compliance import store

    store.ensure_database(db)  # an empty, migrated file: the first import of a new owner
    return lambda: import_file(db, path, actor="bench", now=NOW)


def import_relaties(folder: Path, files: dict[str, Path]) -> Timed:
    return _import(folder, files["relaties"])


def import_facturen(folder: Path, files: dict[str, Path]) -> Timed:
    return _import(folder, files["facturen"])


def _csv_duckdb(folder: Path, path: Path, via: str) -> Timed:
    import duckdb
    import pyarrow.csv as pacsv

    db = _fresh_db(folder)

    def load() -> None:
        conn = duckdb.connect(str(db))
        if via == "arrow":  # pyarrow transcodes cp1252 while it reads, on every core
            table = pacsv.read_csv(
                path,
                read_options=pacsv.ReadOptions(encoding="cp1252"),
                parse_options=pacsv.ParseOptions(delimiter=";"),
            )
            conn.register("t_arrow", table)
            conn.execute("CREATE TABLE t AS SELECT * FROM t_arrow")
        else:  # re-encode in 16 MB chunks to a UTF-8 file, then DuckDB's own reader
            with tempfile.NamedTemporaryFile("wb", suffix=".csv", dir=folder) as utf8:
                with path.open("r", encoding="cp1252", newline="") as src:
                    while chunk := src.read(1 << 24):
                        utf8.write(chunk.encode())
                utf8.flush()
                conn.execute(
                    f"CREATE TABLE t AS SELECT * FROM read_csv('{utf8.name}', delim=';', "
                    "header=true)"
                )
        conn.close()

    return load


def csv_duckdb_relaties(folder: Path, files: dict[str, Path], via: str = "duckdb") -> Timed:
    return _csv_duckdb(folder, files["relaties"], via)


def csv_duckdb_facturen(folder: Path, files: dict[str, Path], via: str = "duckdb") -> Timed:
    return _csv_duckdb(folder, files["facturen"], via)


def csv_arrow_relaties(folder: Path, files: dict[str, Path]) -> Timed:
    return _csv_duckdb(folder, files["relaties"], "arrow")


def csv_arrow_facturen(folder: Path, files: dict[str, Path]) -> Timed:
    return _csv_duckdb(folder, files["facturen"], "arrow")


# ------------------------------------------------------------------------- the owner's case
# Imports into a database that already holds data, as the owner's next import is: into a
# copy of one bench.prepare built, made before the clock starts (each run changes its copy).
def _import_into(folder: Path, prepared: Path, export: str) -> Timed:
    from bench.prepare import copy_database
    from compliance.importing import import_file

    db, path = copy_database(prepared, _fresh_db(folder)), owner_paths(folder)[export]
    return lambda: import_file(db, path, actor="bench", now=NOW)


def import_relaties_filled(folder: Path, files: dict[str, Path]) -> Timed:
    # The relaties export again, a while later (1% of its rows changed, 300 new relations),
    # into the database holding all of this size's data.
    return _import_into(folder, folder / "bench.duckdb", "relaties changed")


def import_relaties_again(folder: Path, files: dict[str, Path]) -> Timed:
    # Then once more, 0.1% of the rows changed since, into the database the first one made.
    from bench.prepare import owner_databases

    return _import_into(folder, owner_databases(folder)["filled"], "relaties changed again")


def import_facturen_small(folder: Path, files: dict[str, Path], vault: str = "200") -> Timed:
    # 50 new invoice lines into 2,000 relations and `vault` vault items that name nobody.
    from bench.prepare import owner_databases

    return _import_into(folder, owner_databases(folder)[f"vault {vault}"], "facturen 50")


def csv_duckdb_owner(folder: Path, files: dict[str, Path], export: str) -> Timed:
    return _csv_duckdb(folder, owner_paths(folder)[export], "duckdb")


def csv_arrow_owner(folder: Path, files: dict[str, Path], export: str) -> Timed:
    return _csv_duckdb(folder, owner_paths(folder)[export], "arrow")


# ------------------------------------------------------------------------- report
def report(folder: Path, files: dict[str, Path]) -> Timed:
    from compliance.policy import load_policy
    from compliance.report import build_snapshot

    policy = load_policy()
    return lambda: build_snapshot(folder / "bench.duckdb", policy, AS_OF)


def group_by(folder: Path, files: dict[str, Path]) -> Timed:
    import duckdb

    def query() -> Any:
        conn = duckdb.connect(str(folder / "bench.duckdb"), read_only=True)
        table = conn.execute(
            "SELECT subject_id, category, source, count(*) AS records, "
            "count(*) FILTER (WHERE deleted_on IS NULL) AS present, min(clock_start), "
            "max(coalesce(source_date, first_seen)) FROM records GROUP BY ALL"
        ).to_arrow_table()
        conn.close()
        return table

    return query


# ------------------------------------------------------------------------- workbook
def _workbook_snapshot(folder: Path) -> Any:
    with (folder / "workbook-snapshot.pkl").open("rb") as fh:
        return pickle.load(fh)


def workbook(folder: Path, files: dict[str, Path]) -> Timed:
    from compliance.audit import build_workbook
    from compliance.policy import load_policy

    policy, snap = load_policy(), _workbook_snapshot(folder)
    out = folder / "audit-ours.xlsx"
    db = folder / "bench.duckdb"
    return lambda: build_workbook(db, policy, AS_OF, "nl", NOW, snap=snap).save(out)


def xlsxwriter_rows(folder: Path, files: dict[str, Path]) -> Timed:
    from bench.xlsx_baseline import recorded_sheets, write_with_xlsxwriter

    sheets = recorded_sheets(folder / "bench.duckdb", _workbook_snapshot(folder), AS_OF, NOW)
    out = folder / "audit-xlsxwriter.xlsx"
    return lambda: write_with_xlsxwriter(sheets, out)


# ------------------------------------------------------------------------- mailbox
def mailbox_parse(folder: Path, files: dict[str, Path]) -> Timed:
    # As an import or the upload preview parses it: sniffed, read, classified and checked,
    # with the collector setting every import runs under (importing.fewer_collections).
    import etl  # noqa: F401  (the readers, loaded before the clock starts, as a server has them)
    from compliance.importing import parse

    return lambda: parse(files["mbox"], "mailbox")


def mbox_full(folder: Path, files: dict[str, Path]) -> Timed:
    import mailbox
    from email import policy as email_policy
    from email.parser import BytesParser

    def loop() -> int:
        parser = BytesParser(policy=email_policy.default)
        box = mailbox.mbox(files["mbox"], create=False)
        chars = 0
        for key in box.iterkeys():
            msg = parser.parsebytes(box.get_bytes(key))
            _ = (msg["From"], msg["Date"], msg["Subject"], msg["Message-ID"], msg["To"])
            body = msg.get_body(preferencelist=("plain", "html"))
            if body is not None:
                chars += len(body.get_content())
        box.close()
        return chars

    return loop


# ------------------------------------------------------------------------- pages
PAGES = (
    "overzicht",
    "verzoeken",
    "inventaris",
    "toegang",
    "cookies",
    "verwijderingen",
    "beleid",
    "importeren",
)


def _quiet_auth() -> None:
    # The developer's own dashboard password must not stop the bench at a login form.
    from compliance import auth

    auth.SECRETS_PATH = Path(tempfile.gettempdir()) / "bench-no-secrets.toml"
    os.environ.pop(auth.HASH_ENV, None)


def page(folder: Path, files: dict[str, Path], name: str) -> Timed:
    """A page rendered twice in one session: cold (empty caches), then warm."""
    from streamlit.testing.v1 import AppTest

    _quiet_auth()
    os.environ["COMPLIANCE_DB"] = str(folder / "bench.duckdb")
    script = Path(__file__).resolve().parent.parent / "pages" / f"{name}.py"

    # The warm render is a second run of the same session, as the browser's next click or
    # visit is. A new AppTest would also scan every installed package for Streamlit
    # components again (~0.2 s), which the server does once when it starts.
    session: list[AppTest] = []

    def render() -> AppTest:
        if not session:
            at = AppTest.from_file(str(script), default_timeout=900)
            at.session_state["as_of"] = AS_OF
            at.session_state["lang"] = "nl"
            session.append(at)
        at = session[0]
        at.run()
        if at.exception:
            raise RuntimeError(f"{name}: {at.exception[0].message}")
        return at

    return render


def page_query(folder: Path, files: dict[str, Path], name: str) -> Timed:
    """The store and report calls a page's data comes from, straight, without Streamlit."""
    from compliance import store
    from compliance.policy import load_policy
    from compliance.report import build_snapshot

    db = folder / "bench.duckdb"

    def query() -> None:
        policy = load_policy()
        if name == "beleid":
            return
        if name in ("importeren", "overzicht"):
            store.imports(db)
        if name == "cookies":
            store.website_observations(db)
            return
        if name == "importeren":
            return
        build_snapshot(db, policy, AS_OF)
        if name == "verzoeken":
            store.messages(db)
        if name == "toegang":
            store.access_entries(db)

    return query
