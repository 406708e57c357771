"""JSON Lines output that every reader can split and every UTF-8 writer can store.

>>> dumps_line({"t": "a\\u2028b \\ud83d"})
'{"t": "a\\\\u2028b \\\\ud83d"}\\n'
"""

from __future__ import annotations

import json
import re
from typing import Any

_LINE_BREAKERS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029",
                                # lone surrogates (JSON "\ud800" in the input) cannot be encoded as
                                # UTF-8: keep them as JSON escapes, which read back to the same string
                                **{chr(c): f"\\u{c:04x}" for c in range(0xD800, 0xE000)}})
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
