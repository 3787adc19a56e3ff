"""Google Analytics 4 settings as the Admin API returns them.

How the owner (or whoever looks after the site) gets the file: call the Google Analytics
Admin API (`properties.getDataRetentionSettings`, `accounts.getDataSharingSettings`,
`properties.getGoogleSignalsSettings`, for example in the API Explorer on
developers.google.com/analytics/devguides/config/admin) and save each answer as a .json
file; one answer per file, a list of them, or one object holding them under their names
(`{"dataRetentionSettings": {...}, "dataSharingSettings": {...}}`) are all read. Most owners
use the form on the Cookies & analytics page instead.

The API writes JSON the protobuf way: a boolean that is false is left out, so a
`dataSharingSettings` answer without `sharingWithGoogleProductsEnabled` means "off".

    >>> parse_ga_settings(Path("data-sharing.json")).observations[0]
    WebObservation(kind='setting', name='ga.sharing_products', ..., value='off', ...)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from etl.jsondoc import load_json
from etl.model import ImportRefused, ParsedExport, Said, WebObservation

HOW = Said("how.ga_settings")
RESOURCES = ("dataRetentionSettings", "dataSharingSettings", "googleSignalsSettings")
_NAME = re.compile(r"^(properties|accounts)/(\d+)/(" + "|".join(RESOURCES) + r")$")
# dataSharingSettings field -> setting id (the two sales fields are one choice on screen).
SHARING_FIELDS = {
    "sharingWithGoogleProductsEnabled": "ga.sharing_products",
    "sharingWithOthersEnabled": "ga.sharing_benchmarking",
    "sharingWithGoogleSupportEnabled": "ga.sharing_support",
    "sharingWithGoogleAssignedSalesEnabled": "ga.sharing_sales",
    "sharingWithGoogleAnySalesEnabled": "ga.sharing_sales",
}
RETENTION_VALUES = (
    "TWO_MONTHS",
    "FOURTEEN_MONTHS",
    "TWENTY_SIX_MONTHS",
    "THIRTY_EIGHT_MONTHS",
    "FIFTY_MONTHS",
)
_KEYS = {
    "dataRetentionSettings": {"eventDataRetention", "userDataRetention"},
    "dataSharingSettings": set(SHARING_FIELDS),
    "googleSignalsSettings": {"state", "consent"},
}


def resource_of(obj: Any) -> str | None:
    """Which settings resource an object is, by its `name` or else by its keys."""
    if not isinstance(obj, dict):
        return None
    match = _NAME.match(str(obj.get("name") or ""))
    if match:
        return match.group(3)
    if "eventDataRetention" in obj:
        return "dataRetentionSettings"
    if any(key in obj for key in SHARING_FIELDS):
        return "dataSharingSettings"
    if str(obj.get("state", "")).startswith("GOOGLE_SIGNALS_"):
        return "googleSignalsSettings"
    return None


def settings_objects(doc: Any) -> list[tuple[str, dict[str, Any]]]:
    """(resource, object) for every settings answer in a document (bare, listed, keyed)."""
    if isinstance(doc, dict) and resource_of(doc) is None:
        return [(key, doc[key]) for key in RESOURCES if isinstance(doc.get(key), dict)]
    items = doc if isinstance(doc, list) else [doc]
    return [(resource, item) for item in items if (resource := resource_of(item)) is not None]


def looks_like_ga_settings(doc: Any) -> bool:
    return bool(settings_objects(doc)) or (
        isinstance(doc, dict) and "error" in doc and "googleapis" in str(doc).lower()
    )


def _on_off(value: Any) -> str:
    return "on" if value is True else "off"


def parse_ga_settings(path: Path, doc: Any | None = None) -> ParsedExport:
    doc = load_json(path) if doc is None else doc
    if isinstance(doc, dict) and isinstance(doc.get("error"), dict):
        error = doc["error"]
        raise ImportRefused(
            "refusal.ga_error_answer", file=path.name, code=str(error.get("code", "?")),
            status=str(error.get("status", "")), message=str(error.get("message", ""))[:120],
            how=HOW,
        )  # fmt: skip
    found = settings_objects(doc)
    if not found:
        raise ImportRefused("refusal.ga_no_settings", file=path.name, how=HOW)
    observations: dict[str, WebObservation] = {}
    warnings: list[Said] = []
    for resource, obj in found:
        where = str(obj.get("name") or resource)
        if resource == "dataRetentionSettings":
            for key, setting in (
                ("eventDataRetention", "ga.data_retention"),
                ("userDataRetention", "ga.user_data_retention"),
            ):
                value = str(obj.get(key) or "")
                if value in RETENTION_VALUES:
                    observations[setting] = WebObservation(
                        "setting", setting, value=value, detail=where
                    )
                elif value:
                    warnings.append(
                        Said("warning.ga_unknown_retention", key=key, value=repr(value))
                    )
        elif resource == "dataSharingSettings":
            for key, setting in SHARING_FIELDS.items():
                value = _on_off(obj.get(key))
                known = observations.get(setting)
                if known is None or value == "on":  # either sales field on: sales sharing on
                    observations[setting] = WebObservation(
                        "setting", setting, value=value, detail=where
                    )
        else:
            state = str(obj.get("state") or "")
            if state in ("GOOGLE_SIGNALS_ENABLED", "GOOGLE_SIGNALS_DISABLED"):
                value = "on" if state == "GOOGLE_SIGNALS_ENABLED" else "off"
                observations["ga.google_signals"] = WebObservation(
                    "setting", "ga.google_signals", value=value, detail=where
                )
            else:
                warnings.append(Said("warning.ga_signals_unset"))
    if not observations:
        raise ImportRefused("refusal.ga_nothing_read", file=path.name, how=HOW)
    return ParsedExport(
        "website",
        "ga_settings",
        rows_read=len(found),
        warnings=tuple(warnings),
        observations=tuple(observations.values()),
    )
