"""The dashboard's page helpers: the only package under compliance/ that imports streamlit.

A page is thin: `s = ui.setup_page(title_key)`, load through the cached loaders, render with
the words and colours of `ui.display`; what only one page needs lives in a module named
after that page (`ui.inventory`, `ui.deletions`, ...).
"""

from compliance.spreadsheet import FORMULA_STARTS, csv_bytes, csv_safe  # noqa: F401
from compliance.ui.display import (  # noqa: F401
    BADGE_COLOURS,
    HISTORY_WIDTHS,
    STATUS_COLOURS,
    badge,
    category_label,
    fields_text,
    finding_group,
    fmt_date,
    history_download,
    imports_table,
    kind_label,
    listed,
    md_escape,
    person_name,
    plural,
    request_type_label,
    requests_table,
    source_label,
    static_table,
    status_label,
    style_status,
)
from compliance.ui.frame import (  # noqa: F401
    AS_OF_KEY,
    LANG_KEY,
    ROWS_PER_PAGE,
    Settings,
    audit_log,
    clear_cache,
    derived,
    error_text,
    guarded,
    imports,
    language,
    link_to,
    now,
    paged,
    paged_range,
    record_groups,
    require_data,
    setup_page,
    snapshot,
    subject_records,
    today,
    warm_snapshot,
)
