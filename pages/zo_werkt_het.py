"""Zo werkt het: the owner's weekly routine in plain words (the guide beside the catalog)."""

import streamlit as st

from compliance import ui
from compliance.i18n import guide

s = ui.setup_page("page.guide")
st.markdown(guide(s.lang))
