"""The bench's owner's case at a toy size: the changed exports, the databases they are
imported into, and that each step really imports something (bench/)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from bench import generate, prepare, results, steps


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench-out")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(generate, "OUT", out)
        return prepare.prepare("n200")


def test_the_changed_exports_are_the_owners_next_exports(folder: Path) -> None:
    files, owner = generate.paths(folder), generate.owner_paths(folder)
    before = files["relaties"].read_bytes().splitlines()
    after = owner["relaties changed"].read_bytes().splitlines()
    assert after[0] == before[0]  # the same header and delimiter
    assert "Chloë" in owner["relaties changed"].read_text(encoding="cp1252")  # still cp1252
    assert len(after) == len(before) + 300  # 300 new relations at the end
    changed = [k for k, (a, b) in enumerate(zip(before, after, strict=False)) if a != b]
    assert changed == [k for k in range(1, 201) if (k - 1) % 100 == 0]  # 1% of the rows
    again = owner["relaties changed again"].read_bytes().splitlines()
    assert sum(a != b for a, b in zip(after, again, strict=True)) == 1  # 0.1% of 500
    invoices = owner["facturen 50"].read_text(encoding="cp1252").splitlines()
    assert invoices[0] == generate.HEADER_INVOICES and len(invoices) == 51
    assert all(line.startswith("NF") for line in invoices[1:])  # numbers not seen before


def test_the_vault_items_name_nobody(folder: Path) -> None:
    dbs = prepare.owner_databases(folder)
    for items in (200, 2000):
        conn = duckdb.connect(str(dbs[f"vault {items}"]), read_only=True)
        entries, linked = conn.execute(
            "SELECT count(*), count(subject_id) FROM access_entries"
        ).fetchall()[0]
        subjects = conn.execute("SELECT count(*) FROM source_subjects").fetchall()[0][0]
        conn.close()
        assert (entries, linked, subjects) == (items, 0, 2000)
    with generate.owner_paths(folder)["vault 200"].open(encoding="utf-8", newline="") as fh:
        items = list(csv.DictReader(fh))
    assert len(items) == 200 and {i["type"] for i in items} == {"login"}
    assert not any(i[k] for i in items for k in ("login_password", "login_totp", "notes"))


@pytest.mark.parametrize(
    ("step", "args"),
    [
        ("import_relaties_filled", ()),
        ("import_relaties_again", ()),
        ("import_facturen_small", ("200",)),
        ("import_facturen_small", ("2000",)),
    ],
)
def test_each_step_imports_into_a_copy(folder: Path, step: str, args: tuple[str, ...]) -> None:
    built = {
        p: p.stat().st_mtime_ns
        for p in [folder / "bench.duckdb", *prepare.owner_databases(folder).values()]
    }
    result = getattr(steps, step)(folder, generate.paths(folder), *args)()
    assert not result.already_imported and result.rows_read > 0
    if step != "import_relaties_again":
        assert result.rows_new > 0
    assert {p: p.stat().st_mtime_ns for p in built} == built  # the prepared files stay as built


def test_the_pairs_run_alone_and_their_baselines_exist(folder: Path) -> None:
    for name, (ours, bases) in results.PAIRS.items():
        assert "," not in name  # `--steps` is split on commas
        assert all(hasattr(steps, spec[0]) for spec in (ours, *bases)), name
        assert name in results.TARGETS
    steps.csv_duckdb_owner(folder, generate.paths(folder), "facturen 50")()
    steps.csv_arrow_owner(folder, generate.paths(folder), "relaties changed")()
