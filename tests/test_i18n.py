"""The string catalog: complete in both languages, and the only source of UI text.

The scan for hard-coded text is a heuristic, on purpose simple: a call like
`st.title("Overzicht")` or `st.button(f"Laad {n}")` fails; format-only strings
(`f"**{name}**"`, `"### "`, a Material icon, an emoji, a file path for st.page_link) pass.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from compliance.findings import SEVERITIES
from compliance.i18n import LANGUAGES, STRINGS, t
from compliance.lifecycle import STATUSES
from compliance.policy import AGREEMENT_STATES
from compliance.requests import REQUEST_STATUSES
from compliance.retention import DELETION_STATUSES
from etl import KINDS
from etl.model import FIELD_IDS

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = sorted(
    p
    for p in [ROOT / "dashboard.py", *ROOT.glob("pages/*.py"), *ROOT.glob("compliance/ui/*.py")]
    if p.exists()
)

# Streamlit calls that put text on the screen, and the arguments that carry it.
TEXT_CALLS = {
    "title", "header", "subheader", "markdown", "caption", "text", "write", "button",
    "metric", "info", "warning", "error", "success", "toast", "expander", "badge", "spinner",
    "selectbox", "multiselect", "radio", "pills", "segmented_control", "text_input",
    "text_area", "date_input", "checkbox", "toggle", "file_uploader", "download_button",
    "form_submit_button", "number_input", "slider", "tabs", "popover", "status",
}  # fmt: skip
TEXT_KEYWORDS = {"label", "body", "help", "placeholder", "text", "page_title", "value"}
# Arguments that are not text for the reader.
NOT_TEXT_POSITIONAL = {"page_link": 0}
ICON = re.compile(r":material/[a-z_]+:|:[a-z]+-badge\[|\{[^}]*\}")


def _has_words(text: str) -> bool:
    """True when a literal still holds words after icons and placeholders are removed."""
    return re.search(r"[A-Za-zÀ-ÿ]{2,}", ICON.sub("", text)) is not None


def _literal_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    return None


def hard_coded_texts(source: str) -> list[tuple[int, str]]:
    """(line, text) of every literal UI text passed straight to a Streamlit call."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name = node.func.attr
        if name not in TEXT_CALLS and name not in ("page_link", "set_page_config", "Page"):
            continue
        args = [a for i, a in enumerate(node.args) if NOT_TEXT_POSITIONAL.get(name) != i] + [
            k.value for k in node.keywords if k.arg in TEXT_KEYWORDS or k.arg == "title"
        ]
        if name in ("page_link", "set_page_config", "Page"):
            args = [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS or k.arg == "title"]
        for arg in args:
            text = _literal_text(arg)
            if text is not None and _has_words(text):
                found.append((node.lineno, text))
    return found


# ------------------------------------------------------------------------- the catalog
@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    nl, en = STRINGS[key]
    assert nl.strip() and en.strip(), key

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}

    assert fields(nl) == fields(en), key


def test_plural_keys_come_in_pairs() -> None:
    for key in STRINGS:
        stem, _, form = key.rpartition(".")
        if form in ("one", "many"):
            assert f"{stem}.one" in STRINGS and f"{stem}.many" in STRINGS, key


@pytest.mark.parametrize(
    ("prefix", "ids"),
    [
        ("status", (*STATUSES, *DELETION_STATUSES, *REQUEST_STATUSES, "kept")),
        ("severity", SEVERITIES),
        ("field", FIELD_IDS),
        ("agreement", AGREEMENT_STATES),
        ("language", LANGUAGES),
        ("weekday", tuple(str(d) for d in range(7))),
        ("kind", tuple(sorted({k.kind for k in KINDS}))),
    ],
)
def test_every_id_the_ui_shows_has_words(prefix: str, ids: tuple[str, ...]) -> None:
    missing = [i for i in ids if f"{prefix}.{i}" not in STRINGS]
    assert not missing, f"no {prefix}.* text for {missing}"


def test_t_fills_placeholders_per_language() -> None:
    assert t("deletions.days", "nl", n=3) == "3 dagen"
    assert t("deletions.days", "en", n=3) == "3 days"


# ------------------------------------------------------------------------- the UI code
@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_hard_coded_ui_text(path: Path) -> None:
    found = hard_coded_texts(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name}: use the catalog (compliance/i18n.py) for {found}"


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_key_the_ui_uses_exists(path: Path) -> None:
    """Literal keys must exist; an f-string key must at least match a family of keys."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in ("t", "plural"):
            continue
        key_arg = node.args[0] if name == "t" else node.args[1]
        if isinstance(key_arg, ast.Constant) and isinstance(key_arg.value, str):
            keys = [key_arg.value] if name == "t" else [f"{key_arg.value}.one"]
            for key in keys:
                assert key in STRINGS, f"{path.name}:{node.lineno}: unknown key {key}"
        elif isinstance(key_arg, ast.JoinedStr):
            prefix = _literal_text(key_arg.values[0]) if key_arg.values else ""
            assert any(k.startswith(prefix or "") for k in STRINGS), (path.name, node.lineno)


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ('st.title("Overzicht")', True),
        ('st.button(f"Laad {n} bestanden")', True),
        ('st.metric(label="Te laat", value=n)', True),
        ('col.caption("Alles op orde")', True),
        ('st.title(s.t("page.overzicht"))', False),
        ('st.markdown(f"### {name} {badge}")', False),
        ('st.markdown("")', False),
        ('st.button("🗑️")', False),
        ('st.page_link("pages/beleid.py", label=s.t("page.beleid"))', False),
        ('st.page_link("pages/beleid.py", label="Beleid")', True),
        ('st.info(text, icon=":material/lightbulb:")', False),
        ('st.form("mark_deleted")', False),
    ],
)
def test_the_scan_itself(source: str, flagged: bool) -> None:
    assert bool(hard_coded_texts(source)) is flagged
