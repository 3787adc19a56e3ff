"""The inventory per category and system, and everything held about one person (which is
also what an access request needs).
"""

from __future__ import annotations

import pandas as pd

from compliance.i18n import label as policy_label
from compliance.report import Snapshot
from compliance.ui.display import (
    category_label,
    fields_text,
    fmt_date,
    listed,
    plural,
    requests_table,
    source_label,
    status_label,
)
from compliance.ui.frame import (
    Settings,
    record_groups,
    subject_records,
)


def inventory_by_status(s: Settings, snap: Snapshot, statuses: list[str]) -> pd.DataFrame:
    """Present records per category × system for subjects with one of `statuses`, and
    (source "") per category the people over all systems: one person in two systems is
    one person, so the category's count is not the sum of its systems'."""
    groups = record_groups(s)
    status = snap.subjects.set_index("id")["status"]
    groups = groups[groups["subject_id"].map(status).isin(statuses) & (groups["present"] > 0)]
    out = groups.groupby(["category", "source"], as_index=False).agg(
        subjects=("subject_id", "nunique"), records=("present", "sum")
    )
    people = groups.groupby("category", as_index=False).agg(
        subjects=("subject_id", "nunique"), records=("present", "sum")
    )
    both = pd.concat([out, people.assign(source=ALL_SYSTEMS)], ignore_index=True)
    return both.astype({"subjects": int, "records": int})


ALL_SYSTEMS = ""  # inventory_by_status's row per category over every system


def inventory_table(s: Settings, inventory: pd.DataFrame) -> pd.DataFrame:
    """One row per category: how many people (each once) and records, where, why, and for
    how long."""
    rows = []
    everywhere = inventory[inventory["source"] == ALL_SYSTEMS].set_index("category")
    per_source = inventory[inventory["source"] != ALL_SYSTEMS]
    for cid, cat in s.policy.categories.items():
        part = per_source[per_source["category"] == cid]
        if part.empty:
            continue
        where = ", ".join(
            f"{source_label(s, r.source)} ({r.records})" for r in part.itertuples(index=False)
        )
        rows.append(
            {
                s.t("col.category"): policy_label(cat, "label", s.lang),
                s.t("col.subjects"): int(everywhere.at[cid, "subjects"]),
                s.t("col.records"): int(part["records"].sum()),
                s.t("col.systems"): where,
                s.t("col.purpose"): policy_label(cat, "purpose", s.lang),
                s.t("col.retention"): policy_label(cat, "retention", s.lang),
            }
        )
    return pd.DataFrame(rows)


def subject_choices(s: Settings, snap: Snapshot) -> tuple[list[int], dict[int, str]]:
    """Subject ids by name, and the label each is shown with in the picker."""
    subjects = snap.subjects[["id", "name", "kvk", "emails"]]
    subjects = subjects.sort_values("name", key=lambda c: c.str.lower(), kind="stable")
    labels = subject_choice_labels(s, subjects)
    ids = subjects["id"].tolist()
    return ids, dict(zip(ids, labels, strict=True))


def subject_choice_labels(s: Settings, subjects: pd.DataFrame) -> list[str]:
    """'Name · KvK 90000001 · a@b.example': typing any of them finds the person.

    Over three plain columns, not a dict per row: at a million subjects a row dict of the
    whole subject table took seconds."""
    labels = []
    for name, kvk, emails in zip(
        subjects["name"].tolist(), subjects["kvk"].tolist(), subjects["emails"].tolist(),
        strict=True,
    ):  # fmt: skip
        parts = [str(name)]
        if kvk:
            parts.append(f"KvK {kvk}")
        if emails is not None:
            parts.extend(str(e) for e in emails[:2])
        labels.append(" · ".join(parts))
    return labels


def subject_explanation(s: Settings, person: pd.Series) -> str:
    """Why this person has this status, in one or two sentences."""
    status = person["status"]
    if status == "former_client":
        text = s.t("subject.why_former", date=fmt_date(person["end_of_cooperation"]))
    elif status == "client":
        text = plural(
            s, "subject.why_client", int(person["invoices"]), last=fmt_date(person["last_invoice"])
        )
        if person["status_assumed"]:
            text = s.t("subject.why_assumed")
        if person["dormant"]:
            text += " " + s.t(
                "subject.dormant",
                months=s.policy.subject_states.dormant_after_months,
            )
    elif person["last_contact"] is None or pd.isna(person["last_contact"]):
        text = s.t("subject.why_prospect_unknown")
    else:
        text = s.t(
            "subject.why_prospect",
            date=fmt_date(person["last_contact"]),
            months=s.policy.subject_states.prospect_retention_months,
        )
    return text


def subject_records_view(s: Settings, subject_id: int, snap: Snapshot) -> pd.DataFrame:
    """Every record about one subject, with its deletion state on the as-of date."""
    records = subject_records(s, subject_id)
    dels = snap.deletions[snap.deletions["subject_id"] == subject_id]
    due = {(r["category"], r["source"]): r for r in dels.to_dict("records")}
    states, due_dates = [], []
    for r in records.to_dict("records"):
        d = due.get((r["category"], r["source"]))
        if r["deleted_on"] is not None and not pd.isna(r["deleted_on"]):
            states.append("deleted")
            due_dates.append(r["deleted_on"])
        elif d is not None:
            states.append(d["status"] if d["status"] != "deleted" else "overdue")
            due_dates.append(d["due"])
        else:
            states.append("kept")
            due_dates.append(None)
    return pd.DataFrame(
        {
            s.t("col.category"): [category_label(s, c) for c in records["category"]],
            s.t("col.system"): [source_label(s, v) for v in records["source"]],
            s.t("col.fields"): [fields_text(s, f) for f in records["fields"]],
            s.t("col.detail"): records["detail"],
            # The date the export itself gives (its latest: last contact, last change),
            # and when the dashboard first and last read it: named for what they are.
            s.t("col.source_date"): [fmt_date(v, "") for v in records["source_date"]],
            s.t("col.first_seen"): [fmt_date(v) for v in records["first_seen"]],
            s.t("col.last_seen"): [fmt_date(v) for v in records["last_seen"]],
            s.t("col.status"): [status_label(s, v) for v in states],
            s.t("col.due_or_deleted"): [fmt_date(v, "") for v in due_dates],
        }
    )


def subject_overview(
    s: Settings,
    person: pd.Series,
    records: pd.DataFrame,
    requests: pd.DataFrame,
) -> pd.DataFrame:
    """One table with everything about one person: what an access request must get."""
    part, what, value = s.t("col.part"), s.t("col.what"), s.t("col.value")
    rows = [
        {part: s.t("csv.person"), what: s.t("col.name"), value: person["name"]},
        {part: s.t("csv.person"), what: "KvK", value: person["kvk"] or ""},
        {
            part: s.t("csv.person"),
            what: s.t("field.email"),
            value: ", ".join(listed(person["emails"])),
        },
        {
            part: s.t("csv.person"),
            what: s.t("col.status"),
            value: status_label(s, person["status"]),
        },
        {part: s.t("csv.person"), what: s.t("col.as_of"), value: s.as_of.isoformat()},
    ]
    for r in records.to_dict("records"):
        rows.append(
            {part: s.t("csv.record")}
            | {k: fmt_date(v) if k != s.t("col.detail") else v for k, v in r.items()}
        )
    rows.append(
        {
            part: s.t("csv.invoices"),
            what: plural(s, "csv.invoice_summary", int(person["invoices"])),
            value: f"{fmt_date(person['first_invoice'])} – {fmt_date(person['last_invoice'])}",
        }
    )
    for r in requests_table(s, requests).to_dict("records"):
        rows.append({part: s.t("csv.request")} | {k: fmt_date(v) for k, v in r.items()})
    return pd.DataFrame(rows).fillna("")


def overview_file_name(s: Settings, name: str) -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")
    return f"{s.t('csv.file_prefix')}-{slug or 'betrokkene'}-{s.as_of.isoformat()}.csv"
