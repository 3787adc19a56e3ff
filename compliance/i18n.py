"""The one string catalog: every text the owner sees, in Dutch (default) and English.

The texts live in `compliance/catalog/<area>.py`; this module merges them (a key defined in
two areas is an error) and looks them up.

>>> t("status.overdue", "nl")
'te laat'
>>> t("status.former_client", "en")
'former client'
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path

import compliance.catalog

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(compliance.catalog.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"compliance.catalog.{info.name}")
        for key, texts in module.STRINGS.items():
            if key in merged:
                raise ValueError(f"string key {key!r} is defined twice (in {info.name})")
            merged[key] = texts
    return merged


# key: (Dutch, English). Placeholders use str.format names.
STRINGS: dict[str, tuple[str, str]] = _merge()


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for `key` in `lang`, with placeholders filled in."""
    nl, en = STRINGS[key]
    text = en if lang == "en" else nl
    return text.format(**params) if params else text


def plural(key: str, lang: str, n: int, **params: object) -> str:
    """`key.one` for exactly one, else `key.many`: Dutch and English agree on that."""
    return t(f"{key}.{'one' if n == 1 else 'many'}", lang, n=n, **params)


def template(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The text for `key` in `lang` with its placeholders unfilled: to fill many times."""
    nl, en = STRINGS[key]
    return en if lang == "en" else nl


def label(obj: object, field: str, lang: str) -> str:
    """A policy object's `<field>_nl` / `<field>_en` attribute in the chosen language."""
    return getattr(obj, f"{field}_{'en' if lang == 'en' else 'nl'}")


GUIDE = Path(compliance.catalog.__file__).parent / "guide"


@cache
def guide(lang: str = DEFAULT_LANGUAGE) -> str:
    """The owner's guide ("Zo werkt het"): Markdown beside the catalog, one file per
    language (catalog/guide/nl.md, en.md), too long for a catalog string."""
    return (GUIDE / f"{lang if lang in LANGUAGES else DEFAULT_LANGUAGE}.md").read_text("utf-8")
