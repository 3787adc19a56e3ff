"""Importeren: upload exports, see what each file is before anything is written, then import."""

import streamlit as st

from compliance import ui
from compliance.ui.uploads import (
    import_kinds_table,
    import_uploads,
    preview_columns,
    preview_summary,
    preview_upload,
    refusal_text,
    sample_table,
    uploader_in_our_words,
)

s = ui.setup_page("page.importeren")
# The outcome of the import just done comes first, with the next step; the files it came
# from are cleared (a new uploader), so their previews no longer push it down the page.
if results := st.session_state.pop("_import_results", None):
    for ok, line in results:
        if ok:
            st.success(line, icon=":material/check_circle:")
        else:
            st.error(line, icon=":material/block:")
    ui.link_to("pages/overzicht.py", s.t("import.to_overview"), ":material/arrow_forward:")
    st.divider()
st.caption(s.t("import.intro"))
with st.expander(s.t("import.kinds_title"), icon=":material/help:"):
    ui.static_table(import_kinds_table(s), s)

uploader_in_our_words(s, st.get_option("server.maxUploadSize"))
files = (
    st.file_uploader(
        s.t("import.uploader"),
        accept_multiple_files=True,
        key=f"upload_files_{st.session_state.get('_upload_round', 0)}",
        help=s.t("import.size_limit", mb=st.get_option("server.maxUploadSize")),
    )
    or []
)

ready = []
for file in files:
    data = file.getvalue()
    parsed, refusal = preview_upload(file.name, data)
    with st.container(border=True):
        st.markdown(f"**{ui.md_escape(file.name)}**")
        if refusal:
            st.error(refusal_text(s, refusal), icon=":material/block:")
            continue
        ready.append((file.name, data))
        st.markdown(preview_summary(s, parsed))
        for warning in parsed.warnings:
            st.warning(refusal_text(s, warning))
        sample = sample_table(s, parsed)
        if not sample.empty:
            with st.expander(ui.plural(s, "import.sample_title", len(sample))):
                ui.static_table(sample, s)
        mapped, unmapped = preview_columns(s, parsed)
        if mapped.empty and not unmapped:  # a HAR, a page, JSON: no columns to show
            continue
        with st.expander(s.t("import.columns", mapped=len(mapped), unmapped=len(unmapped))):
            if not mapped.empty:
                ui.static_table(mapped, s)
            if unmapped:
                st.caption(s.t("import.unmapped", columns=", ".join(unmapped)))

if files:
    st.caption(s.t("import.ready", n=len(ready), total=len(files)))
    if st.button(
        s.t("import.button"), type="primary", disabled=not ready, icon=":material/upload:"
    ):
        bar = st.progress(0.0, text=s.t("import.busy"))
        st.session_state["_import_results"] = import_uploads(
            s, ready, lambda done, name: bar.progress(done, text=s.t("import.busy_file", file=name))
        )
        ui.clear_cache()
        bar.progress(1.0, text=s.t("import.busy_overview"))
        ui.warm_snapshot(s)
        bar.progress(1.0, text=s.t("import.busy_done"))
        st.session_state["_upload_round"] = st.session_state.get("_upload_round", 0) + 1
        st.rerun()

st.subheader(s.t("import.history"))
history = ui.imports(s) if s.change else None
if history is None or history.empty:
    st.caption(s.t("import.no_history"))
else:
    # Widths that fit the page; the download has every column.
    widths = {s.t(k): w for k, w in ui.HISTORY_WIDTHS.items()}
    st.dataframe(
        ui.imports_table(s, history, full=True),
        hide_index=True,
        column_config={
            **{name: st.column_config.Column(width=w) for name, w in widths.items()},
            s.t("col.imported_at"): st.column_config.DatetimeColumn(
                format="YYYY-MM-DD HH:mm", width=widths[s.t("col.imported_at")]
            ),
        },
    )
    st.download_button(
        s.t("import.history_download"),
        data=ui.csv_bytes(ui.history_download(s, history)),
        file_name=f"{s.t('import.history_file')}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
