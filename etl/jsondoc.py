"""Reading the JSON the bookkeeping APIs return, as saved by the owner or a helper script.

How the owner gets such a file: the e-boekhouden.nl REST API (``GET /v1/relation``,
``GET /v1/invoice``) and the SnelStart B2B API v2 (``GET /v2/relaties``,
``GET /v2/verkoopfacturen``) answer with JSON; saving that answer (from a browser, Postman,
``curl -o relaties.json``) gives the file. Lists come bare (``[...]``) or wrapped
(``{"items": [...], "count": n}``); both are accepted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from etl.model import ImportRefused
from etl.tabular import sniff_encoding

MAX_JSON_BYTES = 256 * 1024 * 1024  # a JSON answer is read whole: refuse absurd sizes
WRAPPER_KEYS = ("items", "value", "data", "results", "relaties", "verkoopfacturen", "relations")


# An id, amount or KvK number fits in this many digits (e-boekhouden's and SnelStart's ids
# are 32-bit, TransIP's 64-bit); a longer one is made, not exported, and Python refuses to
# turn more than 4,300 digits into a number at all.
MAX_NUMBER_DIGITS = 40


class _TooLong(ValueError):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _whole_number(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_NUMBER_DIGITS:
        raise _TooLong(digits)
    return int(text)


def load_json(path: Path) -> Any:
    """The parsed document, or a refusal naming the line where the JSON breaks."""
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise ImportRefused("refusal.json_too_big", file=path.name, mb=size // (1024 * 1024))
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportRefused("refusal.unreadable", file=path.name, problem=exc.strerror) from None
    encoding = sniff_encoding(raw[:4096])
    if encoding == "binary":
        raise ImportRefused("refusal.json_not_text", file=path.name)
    try:
        return json.loads(raw.decode(encoding, errors="strict"), parse_int=_whole_number)
    except _TooLong as exc:
        raise ImportRefused(
            "refusal.json_number_too_long", file=path.name, digits=exc.digits,
            most=MAX_NUMBER_DIGITS,
        ) from None  # fmt: skip
    except UnicodeDecodeError:
        raise ImportRefused("refusal.json_not_utf8", file=path.name) from None
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            "refusal.json_invalid", file=path.name, line=exc.lineno, column=exc.colno,
            problem=exc.msg,
        ) from None  # fmt: skip
    except RecursionError:
        raise ImportRefused("refusal.json_too_deep", file=path.name) from None


def records_in(data: Any) -> list[dict[str, Any]] | None:
    """The list of objects in an API answer (bare, wrapped or a single object), else None."""
    if isinstance(data, dict):
        for key in WRAPPER_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            # A single GET answer (one relation) has an id; anything else is not a list.
            return [data] if "id" in data else None
    if isinstance(data, list) and all(isinstance(item, dict) for item in data):
        return data
    return None


def keys_of(records: list[dict[str, Any]], sample: int = 20) -> set[str]:
    """Lower-cased keys of the first records: what detection looks at."""
    return {str(key).lower() for record in records[:sample] for key in record}
