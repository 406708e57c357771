"""ENC007 lone-surrogate: half of a UTF-16 surrogate pair (U+D800–U+DFFF) in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.text import Doc

_SURROGATES_RE = re.compile("[\ud800-\udfff]+")


def _is_high(ch: str) -> bool:
    return "\ud800" <= ch <= "\udbff"


def _is_low(ch: str) -> bool:
    return "\udc00" <= ch <= "\udfff"


def join_surrogates(run: str) -> str:
    """The text a run of surrogate code points stands for: each high+low pair becomes the
    character it encodes, each unpaired half becomes U+FFFD.

    >>> join_surrogates("\\ud83d\\ude00")
    '😀'
    >>> join_surrogates("\\ud83d")
    '\\ufffd'
    >>> join_surrogates("\\udc80\\ud83d\\ude00\\ud83d")
    '\\ufffd😀\\ufffd'
    """
    out: list[str] = []
    i = 0
    while i < len(run):
        ch = run[i]
        if _is_high(ch) and i + 1 < len(run) and _is_low(run[i + 1]):
            out.append(chr(0x10000 + ((ord(ch) - 0xD800) << 10) + (ord(run[i + 1]) - 0xDC00)))
            i += 2
            continue
        out.append("\ufffd")
        i += 1
    return "".join(out)


@register
class LoneSurrogate(Check):
    r"""The text holds surrogate code points, which no UTF-8 file can store.

    Characters outside the Basic Multilingual Plane (emoji, some CJK, math letters) are
    written in JSON and JavaScript as two ``\uXXXX`` escapes, a *surrogate pair*. A scraper
    that cuts a string between the two halves (truncating a teaser, splitting a buffer)
    leaves one half alone; a decoder that used Python's ``surrogateescape`` leaves raw bytes
    as U+DC80–U+DCFF. Either way the text cannot be encoded as UTF-8: a downstream writer
    either crashes or silently drops the record. A correctly ordered pair that arrived as two
    code points is joined back into its character by the fix; every unpaired half becomes
    U+FFFD (the character it belonged to is lost).

    **Anti-pattern**

    An emoji cut in half at the end of a teaser (JSON ``"\ud83d"``; the examples of this
    check spell surrogates as escapes, no file can hold them)::

        Kibice świętowali do rana. \ud83d

    **Best practice**

    The emoji whole, or no emoji::

        Kibice świętowali do rana. 🎉
    """

    code = "ENC007"
    name = "lone-surrogate"
    category = Category.ENCODING
    severity = Severity.ERROR
    fixable = True
    example_escapes = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        text = doc.text
        if text.isascii() or not _SURROGATES_RE.search(text):
            return
        for m in _SURROGATES_RE.finditer(text):
            run = m.group()
            repl = join_surrogates(run)
            lone = repl.count("\ufffd")
            names = ", ".join(f"U+{ord(ch):04X}" for ch in run[:4]) + ("…" if len(run) > 4 else "")
            if lone:
                msg = (f"{lone} broken character(s) ({names}): half of an emoji or special character "
                       "was cut off, so the text cannot be saved as UTF-8.")
            else:
                msg = (f"A character stored as two halves ({names}): valid only once joined into "
                       f"«{repl}»; as it is, the text cannot be saved as UTF-8.")
            yield self.finding(doc, m.start(), m.end(), msg, replacement=repl,
                               data={"codepoints": [f"U+{ord(ch):04X}" for ch in run], "unpaired": lone})
