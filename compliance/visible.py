"""Text from outside (a file's name, a cell) made safe to echo in one sentence.

A file name may hold a line break that forges a second output line ("refused: …"), ANSI
escapes that recolour the terminal, or a right-to-left override that shows what follows
backwards. Every control, format or line-separator character is shown as its escape (as
JSON writes it), so what the owner reads is what the name really is.

    >>> visible("factuur\\nrefused: alles.csv")
    'factuur\\\\nrefused: alles.csv'
    >>> visible("\\x1b[31mrood\\x1b[0m"), visible("rapport\\u202efdp.exe")
    ('\\\\u001b[31mrood\\\\u001b[0m', 'rapport\\\\u202efdp.exe')
    >>> visible("Relaties 2026 (kopie).csv")
    'Relaties 2026 (kopie).csv'
"""

from __future__ import annotations

import unicodedata

# Cc: controls (line breaks, ESC); Cf: format (bidi overrides, zero-width); Zl/Zp: line
# and paragraph separators; Cs/Co/Cn: surrogates, private use, unassigned.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """`text` with every character that would not show as itself escaped."""
    if text.isprintable():  # nearly every name: nothing to do
        return text
    return "".join(_shown(ch) for ch in text)


def _shown(ch: str) -> str:
    if unicodedata.category(ch) not in _HIDDEN:
        return ch  # a printable character, or a space other than " " (NBSP)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    # Beyond the first plane as its UTF-16 pair: the escapes JSON reads, so a JSON line
    # made visible stays valid JSON.
    high, low = divmod(code - 0x10000, 0x400)
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"
