"""ENC003 control-characters: C0/C1 control characters (other than tab and line breaks)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.encoding._mojibake import analyse, covered
from audit.model import Category, Finding, Severity
from audit.text import Doc

_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")


def _c1_meaning(ch: str) -> str | None:
    """What a C1 control character meant in Windows-1252 (U+0092 -> ’), if anything."""
    if not "\x80" <= ch <= "\x9f":
        return None
    try:
        return ch.encode("latin-1").decode("windows-1252")
    except UnicodeDecodeError:
        return None


@register
class ControlCharacters(Check):
    """Control characters (C0 or C1) in the text.

    Tab, line feed and carriage return belong in text; the other C0 controls
    (U+0000–U+001F), DEL and the C1 controls (U+0080–U+009F) do not. C1 controls
    usually are Windows-1252 punctuation decoded as Latin-1 (U+0092 for ’): the
    replacement then is that character; other controls are simply removed.

    **Anti-pattern**

    A Windows-1252 apostrophe decoded as Latin-1 and a stray escape character::

        The minister didn\x92t comment.\x1b

    **Best practice**

    Plain text::

        The minister didn’t comment.
    """

    code = "ENC003"
    name = "control-characters"
    category = Category.ENCODING
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        text = doc.text
        if text.isprintable() or not _CONTROL_RE.search(text):
            return
        moji = analyse(doc)
        for m in _CONTROL_RE.finditer(text):
            if covered(moji, m.start(), m.end()):
                continue
            run = m.group()
            meanings = [_c1_meaning(ch) for ch in run]
            names = ", ".join(f"U+{ord(ch):04X}" for ch in run[:5]) + ("…" if len(run) > 5 else "")
            if all(meanings):
                repl = "".join(m_ for m_ in meanings if m_)
                msg = f"Control character(s) {names}: Windows-1252 «{repl}» decoded as Latin-1."
            else:
                repl = ""
                msg = f"Control character(s) {names} in the text; remove them."
            yield self.finding(doc, m.start(), m.end(), msg, replacement=repl,
                               data={"codepoints": [f"U+{ord(ch):04X}" for ch in run]})
