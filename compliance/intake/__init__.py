"""Mail intake: what an incoming e-mail asks of the company, and the evidence for it.

Pure functions over one message (sender, subject, headers, text) and the policy's [mail]
rules: the sender's own words (`own_words`), their language and lemmas (`language`), the
rules as data (`rules`), where a rule holds in a sentence (`matching`), whether the sender
is who they say (`authenticity`) and the verdict (`verdict`). Imports the policy and the
language libraries; never the store or streamlit.
"""
