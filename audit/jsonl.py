"""JSON Lines output that every reader can split and every UTF-8 writer can store.

>>> dumps_line({"t": "a\\u2028b \\ud83d"})
'{"t": "a\\\\u2028b \\\\ud83d"}\\n'
"""

from __future__ import annotations

import json
import re
from typing import Any

# lone surrogates (JSON "\ud800" in the input) cannot be encoded as UTF-8: keep them as JSON
# escapes, which read back to the same string
_SURROGATES = {chr(c): f"\\u{c:04x}" for c in range(0xD800, 0xE000)}
_LINE_BREAKERS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029", **_SURROGATES})
_SURROGATE_ESCAPES = str.maketrans(_SURROGATES)
_HAS_SURROGATE = re.compile("[\ud800-\udfff]")


def escape_surrogates(s: str) -> str:
    r"""``s`` with each surrogate code point written as its escape (``\ud83d``): printable,
    storable as UTF-8, and inside a JSON string the same string when read back.

    >>> escape_surrogates("cut \ud83d")
    'cut \\ud83d'
    """
    return s.translate(_SURROGATE_ESCAPES) if _HAS_SURROGATE.search(s) else s


_NEEDS_ESCAPE = re.compile("[\u0085\u2028\u2029\ud800-\udfff]")


def dumps(obj: Any, **kw: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False)`` with the Unicode line breaks NEL, LS and PS and
    lone surrogates written as escapes (the same string when read back)."""
    s = json.dumps(obj, ensure_ascii=False, default=str, **kw)
    if _NEEDS_ESCAPE.search(s):  # rare: one C-speed scan instead of translate() on every record
        s = s.translate(_LINE_BREAKERS)
    return s


def dumps_line(obj: Any) -> str:
    """One JSON Lines record. Besides ``\\n`` (always escaped by json), the Unicode line
    breaks NEL, LS and PS are escaped too, so that no line-splitting reader (Python's
    ``str.splitlines``, JavaScript) cuts a record in two; lone surrogates stay escapes."""
    return dumps(obj) + "\n"
