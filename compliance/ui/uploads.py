"""Uploaded exports: preview without writing, then import each file in its own transaction."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from compliance import importing, store
from compliance.masking import sample_rows
from compliance.ui.cookies import website_preview
from compliance.ui.display import (
    fields_text,
    kind_label,
    md_escape,
    plural,
    source_label,
)
from compliance.ui.frame import (
    Settings,
    error_text,
    now,
)
from etl.model import ImportRefused, ParsedExport, Said

T = TypeVar("T")


def import_kinds_table(s: Settings) -> pd.DataFrame:
    """Every kind of export the importers read, for the upload page."""
    from etl import KINDS  # the registry; imported late, as compliance.importing does

    return pd.DataFrame(
        {
            s.t("col.system"): source_label(s, k.source),
            s.t("col.kind"): kind_label(s, k.kind),
            s.t("col.formats"): ", ".join(k.formats),
            s.t("col.how"): k.description_en if s.lang == "en" else k.description_nl,
        }
        for k in KINDS
    )


def _with_upload(name: str, data: bytes, fn: Callable[[Path], T]) -> T:
    """Run `fn` on the uploaded bytes saved under their own name (importers look at it)."""
    with tempfile.TemporaryDirectory(prefix="avg-upload-") as tmp:
        path = Path(tmp) / (Path(name).name or "upload")
        path.write_bytes(data)
        return fn(path)


@st.cache_data(show_spinner=False, max_entries=32)
def preview_upload(name: str, data: bytes) -> tuple[ParsedExport | None, Said | None]:
    """(parsed file, None) or (None, the refusal); writes nothing to the database. The
    refusal and the warnings are shown in the reader's language (`refusal_text`)."""
    try:
        return _with_upload(name, data, importing.parse), None
    except ImportRefused as exc:
        return None, exc.said


def refusal_text(s: Settings, said: Said) -> str:
    """A refusal or an import warning as the page shows it: in the chosen language, as
    plain text (a file name or a cell holding * or _ is not markdown)."""
    return md_escape(said.text(s.lang))


def preview_summary(s: Settings, parsed: ParsedExport) -> str:
    if parsed.observations:  # website evidence: cookies and settings, not relations
        return website_preview(s, parsed)
    text = s.t(
        "import.preview",
        system=md_escape(source_label(s, parsed.source)),
        kind=md_escape(kind_label(s, parsed.kind)),
        counts=counted(
            s,
            ("rows_read", parsed.rows_read),
            ("relations", len(parsed.subjects)),
            ("records", len(parsed.records)),
            ("invoices", len(parsed.invoices)),
            ("skipped", parsed.skipped),
        ),
    )
    return text + access_sentences(s, len(parsed.access), parsed.secrets_dropped)


def _css_text(text: str) -> str:
    """A catalog text as a CSS string: quotes and backslashes escaped, no markup."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "").replace(">", "")


def uploader_in_our_words(s: Settings, limit_mb: int) -> None:
    """Streamlit writes the uploader's button and limit in English ("Upload", "200MB per
    file") whatever the page's language: the catalog's words are put in their place."""
    button = _css_text(s.t("import.uploader_button"))
    limit = _css_text(s.t("import.uploader_limit", mb=limit_mb))
    st.html(
        "<style>"
        '[data-testid="stFileUploaderDropzone"] button p{font-size:0}'
        f'[data-testid="stFileUploaderDropzone"] button p::after{{content:"{button}";'
        "font-size:0.875rem}"
        '[data-testid="stFileUploaderDropzoneInstructions"] span{font-size:0}'
        f'[data-testid="stFileUploaderDropzoneInstructions"] span::after{{content:"{limit}";'
        "font-size:0.875rem}"
        "</style>"
    )


def counted(s: Settings, *counts: tuple[str, int]) -> str:
    """ "12 rijen gelezen, 1 relatie, 3 gegevens": each count in its singular or plural,
    the first always, the others only when not zero (a CSV of relations has no invoices)."""
    parts = [plural(s, f"count.{name}", n) for i, (name, n) in enumerate(counts) if n or not i]
    return ", ".join(parts)


def access_sentences(
    s: Settings, entries: int, secrets: int, linked: tuple[int, int, int] | None = None
) -> str:
    """TransIP, vault and DSD files: entries read (or linked), secret fields discarded."""
    text = ""
    if linked is not None and any(linked):
        text += " " + s.t(
            "toegang.import.result", linked=linked[0], unlinked=linked[1], gone=linked[2]
        )
    elif linked is None and entries:
        text += " " + s.t("toegang.import.preview", entries=entries)
    if secrets:
        text += " " + s.t("toegang.import.secrets_dropped", n=secrets)
    return text


def preview_columns(s: Settings, parsed: ParsedExport) -> tuple[pd.DataFrame, list[str]]:
    """Which file columns were understood as which field, and which were left alone."""
    mapped = pd.DataFrame(
        {
            s.t("col.file_column"): list(parsed.columns_mapped),
            s.t("col.field"): [fields_text(s, [f]) for f in parsed.columns_mapped.values()],
        }
    )
    return mapped, list(parsed.columns_unmapped)


def sample_table(s: Settings, parsed: ParsedExport) -> pd.DataFrame:
    """A few rows of the file, personal details partly masked (compliance.masking)."""
    rows = sample_rows(parsed)
    table = pd.DataFrame(rows)
    table.columns = [s.t(f"import.sample.{c}") for c in table.columns]
    return table


def import_uploads(
    s: Settings,
    files: list[tuple[str, bytes]],
    progress: Callable[[float, str], None] | None = None,
) -> list[tuple[bool, str]]:
    """Import each file in its own transaction; one (ok, sentence) per file.

    `progress(fraction, file name)` is called before each file, by bytes done so far, so a
    large file moves the bar as much as it takes time.
    """
    lines = []
    actor = importing.current_actor()
    total = sum(len(data) for _, data in files) or 1
    done = 0
    for name, data in files:
        if progress is not None:
            progress(done / total, name)
        done += len(data)
        try:
            r = _with_upload(
                name,
                data,
                lambda path, name=name: importing.import_file(
                    s.db, path, actor=actor, now=now(), display_name=name
                ),
            )
        except ImportRefused as exc:
            lines.append((False, s.t("import.refused", reason=refusal_text(s, exc.said))))
        except (store.StoreBusy, store.StoreError) as exc:
            lines.append((False, f"{name}: {error_text(s, exc)}"))
        else:
            key = "import.already" if r.already_imported else "import.result"
            lines.append(
                (
                    True,
                    s.t(
                        key,
                        file=name,
                        system=source_label(s, r.source),
                        kind=kind_label(s, r.kind),
                        rows=plural(s, "count.rows_read", r.rows_read),
                        new=r.rows_new,
                        changed=r.rows_changed,
                        unchanged=r.rows_unchanged,
                        skipped=r.rows_skipped,
                        subjects=plural(s, "count.new_subjects", r.subjects_new),
                    )
                    + access_sentences(
                        s,
                        0,
                        r.secrets_dropped,
                        (r.access_linked, r.access_unlinked, r.access_gone),
                    ),
                )
            )
    return lines
