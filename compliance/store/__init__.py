"""The store: everything that reads or writes the DuckDB file.

`compliance/store/connection.py` is the only module that imports DuckDB; the others receive
its connections. Callers use `from compliance import store` and the names below.

    >>> result = store.load_export("data/compliance.duckdb", parsed, "relaties.csv", sha,
    ...                            "owner", now)
"""

from compliance.store.access_links import (
    access_entries,
    access_rows,
    forget_access_link,
    link_access,
)
from compliance.store.actions import (
    add_request,
    log_event,
    mark_deleted,
    mark_request_answered,
)
from compliance.store.backup import backup, restore
from compliance.store.connection import (
    StoreBusy,
    StoreError,
    applied_migrations,
    ensure_database,
    has_data,
    is_imported,
    pending_migrations,
    reading,
    sharing,
    writing,
)
from compliance.store.due_dates import clock_range, deletion_rows, deletion_rows_of
from compliance.store.loading import ImportResult, import_warnings, load_export
from compliance.store.messages import message_evidence, messages, overrule_message
from compliance.store.queries import (
    audit_log,
    imports,
    inventory,
    invoice_count,
    last_change_id,
    reappearances,
    record_groups,
    requests,
    subject_activity,
    subject_invoices,
    subject_records,
    subjects,
)
from compliance.store.request_outcomes import (
    record_extension,
    record_outcome,
    request_outcomes,
)
from compliance.store.website import (
    record_ga_settings,
    website_evidence,
    website_observations,
)

__all__ = [
    "ImportResult",
    "StoreBusy",
    "StoreError",
    "access_entries",
    "access_rows",
    "add_request",
    "applied_migrations",
    "audit_log",
    "backup",
    "clock_range",
    "deletion_rows",
    "deletion_rows_of",
    "ensure_database",
    "forget_access_link",
    "has_data",
    "import_warnings",
    "imports",
    "inventory",
    "invoice_count",
    "is_imported",
    "last_change_id",
    "link_access",
    "load_export",
    "log_event",
    "mark_deleted",
    "mark_request_answered",
    "message_evidence",
    "messages",
    "overrule_message",
    "pending_migrations",
    "reading",
    "reappearances",
    "record_extension",
    "record_ga_settings",
    "record_groups",
    "record_outcome",
    "request_outcomes",
    "requests",
    "restore",
    "sharing",
    "subject_activity",
    "subject_invoices",
    "subject_records",
    "subjects",
    "website_evidence",
    "website_observations",
    "writing",
]
