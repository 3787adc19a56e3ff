"""Every sentence an importer or the store says to the owner comes from the string catalog.

A refusal (`ImportRefused`), an import warning and a database error (`StoreError`,
`StoreBusy`) are a `Said`: a catalog key and its values, shown in the reader's language. The
scan below walks the importers and the store with `ast` and fails on any such sentence
written in the code itself (an f-string or a literal sentence instead of a catalog key);
every key it finds must have a Dutch text of its own with the same placeholders.
"""

from __future__ import annotations

import ast
import json
import pickle
import re
import string
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from compliance import store
from compliance.i18n import STRINGS
from compliance.importing import import_file, parse
from compliance.store.loading import warning_of
from compliance.ui.frame import error_text
from etl.model import ImportRefused, Joined, Said, texts

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
RELATIES = FIXTURES / "eboekhouden" / "relaties-cp1252.csv"
# The importers, the import step, the store and the CLI; not etl/model.py, which defines
# `Said` and builds one again from a key it was given (JSON, `replace`).
SOURCES = sorted(
    p
    for p in [
        *ROOT.glob("etl/*.py"),
        ROOT / "compliance" / "importing.py",
        *ROOT.glob("compliance/store/*.py"),
        ROOT / "compliance" / "cli.py",
    ]
    if p.name != "model.py"
)
# Functions that take a key or a `Said` made by their caller (whose call is scanned).
PASSING_ON = {"warn", "add_warning"}
# Calls whose first argument is what the owner reads: a catalog key, never the sentence.
SAYING = {"ImportRefused", "StoreError", "StoreBusy", "Said"}
KEY = re.compile(r"^(refusal|warning|store|where|what|how|list|problem|cli)\.[a-z0-9_]+$")


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _key(node: ast.AST | None) -> str | None:
    """The catalog key a node is, when it is a literal one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value):
        return node.value
    return None


def scan(source: str) -> tuple[list[tuple[int, str]], set[str]]:
    """(line, problem) of every sentence not taken from the catalog, and the keys used."""
    problems: list[tuple[int, str]] = []
    keys: set[str] = set()
    tree = ast.parse(source)
    passed_on = {
        id(inner)
        for fn in ast.walk(tree)
        if isinstance(fn, ast.FunctionDef) and fn.name in PASSING_ON
        for inner in ast.walk(fn)
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in passed_on:
            continue
        name = _name(node.func)
        said: ast.AST | None = None  # the argument that must be a catalog key
        if name in SAYING or (isinstance(node.func, ast.Attribute) and name == "warn"):
            said = node.args[0] if node.args else None
            what = f"{name}(...)"
        elif name == "Joined":
            said = node.args[1] if len(node.args) > 1 else None
            what = "Joined(...)"
        elif name in ("append", "insert") and _name(node.func.value) == "warnings":
            added = node.args[-1] if node.args else None
            if not (isinstance(added, ast.Call) and _name(added.func) == "Said"):
                problems.append((node.lineno, f"warnings.{name}(...) of something not a Said"))
            continue
        else:
            continue
        key = _key(said)
        if key is None:
            problems.append((node.lineno, f"{what} without a catalog key as first argument"))
        else:
            keys.add(key)
    for node in ast.walk(tree):  # keys kept in constants (HOW = Said(...), ...)
        if (key := _key(node)) is not None:
            keys.add(key)
    return problems, keys


def used_keys() -> set[str]:
    return {key for path in SOURCES for key in scan(path.read_text(encoding="utf-8"))[1]}


def fields(text: str) -> set[str]:
    return {f.split(".")[0] for _, f, _, _ in string.Formatter().parse(text) if f}


# ------------------------------------------------------------------------- the scan
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sentence_for_the_owner_is_written_in_the_code(path: Path) -> None:
    problems, _ = scan(path.read_text(encoding="utf-8"))
    assert not problems, f"{path.name}: say it with a key of the string catalog: {problems}"


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ('raise ImportRefused(f"{path.name}: this is not a text or Excel file.")', True),
        ('raise ImportRefused("the file is empty")', True),
        ('raise StoreError(f"There is no request number {n}.")', True),
        ('raise store.StoreBusy("Another import is using the database.")', True),
        ('log.warn(f"{where}: the relation has no code and was skipped.")', True),
        ('warnings.append(f"{n} messages were skipped.")', True),
        ('self.warnings.insert(0, "no cookies at all")', True),
        ("raise ImportRefused(key, file=name)", True),
        ('Said(f"warning.{kind}")', True),
        ('raise ImportRefused("refusal.empty", file=path.name)', False),
        ('raise StoreError("store.no_such_request", n=request_id)', False),
        ('log.warn("warning.relation_no_code", where=where)', False),
        ('warnings.append(Said("warning.mail_undated", n=undated))', False),
        ('Joined(("A", "B"), "list.and")', False),
        ("raise ImportRefused.of(exc.said.replace(file=name))", False),  # passed on, not said
        ('names.append("Relatiecode")', False),  # not a warning
    ],
)
def test_the_scan_itself(source: str, flagged: bool) -> None:
    assert bool(scan(source)[0]) is flagged


# ------------------------------------------------------------------------- the catalog
def test_the_scan_finds_every_kind_of_sentence() -> None:
    keys = used_keys()
    prefixes = {key.split(".")[0] for key in keys}
    assert {"refusal", "warning", "store", "where", "what", "how"} <= prefixes
    assert len([k for k in keys if k.startswith("refusal.")]) >= 90
    assert len([k for k in keys if k.startswith("warning.")]) >= 35
    assert len([k for k in keys if k.startswith("store.")]) >= 25


@pytest.mark.parametrize("key", sorted(used_keys()))
def test_every_key_has_its_own_dutch_with_the_same_placeholders(key: str) -> None:
    assert key in STRINGS, f"{key} is not in the string catalog (compliance/catalog/)"
    nl, en = STRINGS[key]
    assert nl.strip() and en.strip(), key
    assert fields(nl) == fields(en), key
    assert nl != en, f"{key}: the Dutch is the English"


def test_every_key_of_the_new_areas_is_used() -> None:
    """No sentence left in the catalog that nothing says any more."""
    from compliance.catalog import import_warnings, refusals, store_errors

    defined = {*refusals.STRINGS, *import_warnings.STRINGS, *store_errors.STRINGS}
    assert defined - used_keys() == set()


# ------------------------------------------------------------------------- Said
def test_a_said_is_shown_in_either_language_with_its_fragments() -> None:
    where = Said("where.row", n=5)
    said = Said("warning.not_a_date", where=where, what=Said("what.mandate_date"), text="'x'")
    assert str(said) == said.text("en") == "row 5: mandate date 'x' is not a date and was ignored."
    assert said.text("nl") == "rij 5: machtigingsdatum 'x' is geen datum en is genegeerd."
    alternatives = Said("list.column_or", column="A", others=Joined(("B", "C"), "list.or", None))
    named = Joined(("Code", alternatives), "list.and")
    assert named.text("en") == "Code and A (or B or C)"
    assert named.text("nl") == "Code en A (of B of C)"
    assert Joined(("A", "B", "C"), "list.and").text("en") == "A, B and C"


def test_a_dutch_number_has_a_dot_between_thousands() -> None:
    said = Said("refusal.too_big_zip", file="mail.zip", mb=2048)
    assert "more than 2,048 MB" in said.text("en")
    assert "meer dan 2.048 MB" in said.text("nl")
    assert Said("where.row", n=1048576).text("nl") == "rij 1048576"  # no separator asked for


def test_a_said_survives_json_and_pickle() -> None:
    said = Said(
        "refusal.missing_columns", file="x.csv", what=Said("what.relations"),
        named=Joined(("Code", "Bedrijf"), "list.and"), found=Said("list.none"),
        how=Said("how.eboekhouden_relations"),
    )  # fmt: skip
    assert Said.from_dict(json.loads(json.dumps(said.as_dict()))) == said
    assert pickle.loads(pickle.dumps(said)) == said
    refused = ImportRefused.of(said)
    again = pickle.loads(pickle.dumps(refused))
    assert isinstance(again, ImportRefused) and again.said == said
    assert str(again) == said.text("en") and again.text("nl") == said.text("nl")


def test_a_refusal_passed_on_keeps_its_key() -> None:
    exc = ImportRefused("refusal.vps_list_empty", file="bundle.zip", how=Said("how.transip"))
    passed = ImportRefused.of(exc.said.replace(file="bundle.zip: transip_vps.json"))
    assert str(passed).startswith("bundle.zip: transip_vps.json: the VPS list holds no VPS")
    assert passed.text("nl").startswith("bundle.zip: transip_vps.json: de VPS-lijst bevat")


# ------------------------------------------------------------------------- the store
def test_warnings_are_kept_as_key_and_values_and_read_back(tmp_path: Path) -> None:
    db = tmp_path / "said.duckdb"
    parsed = parse(RELATIES)
    result = import_file(db, RELATIES, actor="test", now=datetime(2026, 11, 25, 9))
    assert result.warnings == parsed.warnings and len(parsed.warnings) == 3
    with duckdb.connect(str(db), read_only=True) as conn:
        kept = conn.execute("SELECT warnings FROM imports").fetchall()[0][0]
    assert [json.loads(w)["key"] for w in kept] == [w.key for w in parsed.warnings]
    assert not any("is not" in w or "niet" in w for w in kept)  # no sentence, either language
    assert store.import_warnings(db, result.import_id) == parsed.warnings
    assert texts(store.import_warnings(db, result.import_id), "nl")[0] == (
        "rij 5: KvK-nummer '12345' heeft geen 8 cijfers en is genegeerd."
    )


def test_a_warning_kept_as_a_sentence_before_is_shown_as_it_was() -> None:
    old = warning_of("row 5: KvK number '12345' is not 8 digits and was ignored.")
    assert str(old) == "row 5: KvK number '12345' is not 8 digits and was ignored."
    assert old.text("nl").startswith("(in het Engels bewaard) row 5:")


def test_a_store_error_reaches_the_page_in_its_language(tmp_path: Path) -> None:
    db = tmp_path / "said.duckdb"
    import_file(db, RELATIES, actor="test", now=datetime(2026, 11, 25, 9))
    with pytest.raises(store.StoreError) as caught:
        store.record_outcome(
            db, 999, "answered", datetime(2026, 11, 25).date(), "", "test", datetime.now()
        )
    assert str(caught.value) == "There is no request number 999."
    assert error_text("nl", caught.value) == (
        "De database kan niet worden gebruikt. Er is geen verzoek met nummer 999."
    )
    assert error_text("en", caught.value) == (
        "The database cannot be used. There is no request number 999."
    )


def test_a_damaged_database_is_said_in_dutch(tmp_path: Path) -> None:
    db = tmp_path / "kapot.duckdb"
    db.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(store.StoreError) as caught:
        store.subjects(db)
    assert caught.value.text("nl").startswith("kapot.duckdb kan niet als database worden geopend")
