"""The string catalog, one module per area; `compliance.i18n` merges them and refuses a key
defined twice. Every module defines `STRINGS: dict[str, tuple[str, str]]` (Dutch, English).
"""
