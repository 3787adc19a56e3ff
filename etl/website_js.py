"""Just enough JavaScript to read a tag snippet: the calls `gtag(...)`, `ga(...)` and
`fbq(...)` with their literal arguments. Nothing is ever run.

Tag snippets are hand-edited JavaScript, not JSON: keys without quotes, single quotes,
trailing commas, `60 * 60 * 24 * 30` for a number of seconds, and variables
(`user_id: currentUser.id`). A literal becomes its Python value; anything else becomes an
`Expression` holding its source text, so "user_id is set" is still visible.

    >>> calls(\"gtag('config', 'G-AB12CD34', {cookie_expires: 60 * 60 * 24 * 30});\", "gtag")
    [['config', 'G-AB12CD34', {'cookie_expires': 2592000}]]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Expression:
    """A value the snippet computes at run time (a variable, a function call)."""

    source: str


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_PRODUCT = re.compile(r"\s*-?\d+(?:\.\d+)?(?:\s*[*+]\s*-?\d+(?:\.\d+)?)+\s*")
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_MAX_CALLS = 500  # a page is not a program: stop after this many calls of one function


def strip_comments(text: str) -> str:
    """`text` without // and /* */ comments (a // inside a string, as in a URL, stays)."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch in "'\"`":
            end = _string_end(text, i)
            out.append(text[i : end + 1])
            i = end + 1
        elif text.startswith("//", i) and (i == 0 or text[i - 1] != ":"):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def calls(text: str, function: str) -> list[list[Any]]:
    """The argument lists of every call `function(...)` in `text` (not `x.function(...)`)."""
    text = strip_comments(text)
    found: list[list[Any]] = []
    closes: dict[int, int | None] = {}  # bracket position -> its closing one (None: never)
    for match in re.finditer(rf"(?<![\w$.]){re.escape(function)}\s*\(", text):
        start = match.end() - 1
        if start not in closes:
            _close_brackets(text, start, closes)
        end = closes[start]
        if end is None:
            continue
        found.append([value(arg) for arg in split_top_level(text[start + 1 : end])])
        if len(found) >= _MAX_CALLS:
            break
    return found


def _close_brackets(text: str, start: int, closes: dict[int, int | None]) -> None:
    """Where the bracket at text[start] closes, skipping strings and nested brackets, and
    where every bracket opened on the way closes (a scan from one of those would read the
    same characters). Remembering them keeps a page full of unclosed `gtag(` linear: each
    one used to be read to the end of the page (16k characters: 2.3 s)."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    stack: list[tuple[str, int]] = []
    i = start
    while i < len(text):
        ch = text[i]
        if ch in "'\"`":
            i = _string_end(text, i)
        elif ch in pairs:
            stack.append((pairs[ch], i))
        elif ch in ")}]":
            if stack[-1][0] != ch:
                break  # a mismatched bracket: none of the open ones closes
            closes[stack.pop()[1]] = i
            if not stack:
                return
        i += 1
    for _, opened in stack:
        closes[opened] = None


def _string_end(text: str, start: int) -> int:
    quote, i = text[start], start + 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """`text` split at separators outside strings and brackets; empty trailing parts dropped."""
    parts, depth, current, i = [], 0, [], 0
    while i < len(text):
        ch = text[i]
        if ch in "'\"`":
            end = _string_end(text, i)
            current.append(text[i : end + 1])
            i = end + 1
            continue
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def value(source: str) -> Any:
    """A JavaScript literal as Python: str, int/float, bool, None, dict, list or Expression."""
    text = source.strip()
    if not text:
        return Expression("")
    if text[0] in "'\"`" and _string_end(text, 0) == len(text) - 1:
        return _unescape(text[1:-1])
    if text.startswith("{") and text.endswith("}"):
        return _object(text[1:-1])
    if text.startswith("[") and text.endswith("]"):
        return [value(part) for part in split_top_level(text[1:-1])]
    if text in ("true", "!0"):
        return True
    if text in ("false", "!1"):
        return False
    if text in ("null", "undefined"):
        return None
    if _NUMBER.fullmatch(text):
        number = float(text)
        return int(number) if number.is_integer() else number
    if _PRODUCT.fullmatch(text):
        return _arithmetic(text)
    return Expression(text)


def _arithmetic(text: str) -> int | float:
    """`60 * 60 * 24 * 30` or `86400 + 60`: products first, then sums (no brackets)."""
    total: float = 0
    for term in text.split("+"):
        product: float = 1
        for factor in term.split("*"):
            product *= float(factor)
        total += product
    return int(total) if float(total).is_integer() else total


def _object(body: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for member in split_top_level(body):
        key_text, sep, value_text = _split_key(member)
        if not sep:
            continue  # a spread (...x) or shorthand property: nothing literal to read
        key = value(key_text)
        if isinstance(key, Expression):
            key = key.source
        result[str(key)] = value(value_text)
    return result


def _split_key(member: str) -> tuple[str, str, str]:
    parts = split_top_level(member, ":")
    if len(parts) < 2:
        return member, "", ""
    return parts[0], ":", ":".join(parts[1:])


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)
