"""AVG-toezicht: the entry of the dashboard. `streamlit run dashboard.py` (or `make run`).

The pages are listed here explicitly (st.navigation); each page draws its own sidebar
through compliance.ui.setup_page, so it also runs on its own (AppTest, one page at a time).
"""

import streamlit as st

from compliance import ui
from compliance.i18n import t

PAGES = {
    "nav.status": [
        ("pages/overzicht.py", "page.overzicht", ":material/dashboard:", True),
        ("pages/verzoeken.py", "page.verzoeken", ":material/mark_email_unread:", False),
        ("pages/verwijderingen.py", "page.verwijderingen", ":material/delete_sweep:", False),
        ("pages/inventaris.py", "page.inventaris", ":material/inventory_2:", False),
        ("pages/toegang.py", "page.toegang", ":material/key:", False),
        ("pages/cookies.py", "page.cookies", ":material/cookie:", False),
    ],
    "nav.rules": [
        ("pages/beleid.py", "page.beleid", ":material/gavel:", False),
    ],
    "nav.data": [
        ("pages/importeren.py", "page.importeren", ":material/upload_file:", False),
    ],
    "nav.help": [
        ("pages/zo_werkt_het.py", "page.guide", ":material/help:", False),
    ],
}

st.set_page_config(page_title=t("app.title"), page_icon=":material/shield:", layout="wide")
lang = ui.language()
navigation = st.navigation(
    {
        t(section, lang): [
            st.Page(path, title=t(title, lang), icon=icon, default=default)
            for path, title, icon, default in pages
        ]
        for section, pages in PAGES.items()
    }
)
navigation.run()
