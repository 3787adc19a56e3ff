"""The benchmark cannot rot: its generator and a few steps run at a toy size (bench/)."""

from __future__ import annotations

import csv
from pathlib import Path

from bench import generate, measure, steps
from bench.prepare import folder_of
from compliance.importing import parse


def test_generated_exports_are_read_by_the_importers(tmp_path: Path) -> None:
    files = generate.ensure(tmp_path, 200)
    assert generate.ensure(tmp_path, 200) == files  # written once, then reused
    relations = parse(files["relaties"])
    assert (relations.source, relations.kind) == ("eboekhouden", "relations")
    assert relations.rows_read == 200
    assert parse(files["facturen"]).rows_read == 600
    assert parse(files["snelstart"]).source == "snelstart"
    assert parse(files["xaf"]).kind == "auditfile"
    assert len(parse(files["mbox"]).messages) == 20
    with files["relaties"].open(encoding="cp1252", newline="") as fh:
        header = next(csv.reader(fh, delimiter=";"))
    assert header[:4] == ["ID", "AddDatum", "Code", "Bedrijf"]


def test_a_step_and_its_baseline_run(tmp_path: Path) -> None:
    files = generate.ensure(tmp_path, 200)
    steps.import_relaties(tmp_path, files)()
    steps.csv_duckdb_relaties(tmp_path, files)()
    assert steps.mbox_full(tmp_path, files)() > 0  # the text of 20 messages, decoded
    # One measurement as `make bench` takes it: a fresh process, its time and peak memory.
    generate.ensure(folder_of("n200"), 200)
    seconds, peak = measure.once("mbox_full", "n200")
    assert seconds["seconds"] > 0 and peak > 10
