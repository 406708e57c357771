"""ENC002 replacement-character: U+FFFD � where bytes could not be decoded."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.encoding._mojibake import analyse, covered
from audit.model import Category, Finding, Severity
from audit.text import Doc

_FFFD_RE = re.compile("\ufffd+")


@register
class ReplacementCharacter(Check):
    """The text holds the replacement character �: bytes were lost when it was decoded.

    A decoder puts U+FFFD where it met bytes that are invalid in the encoding it
    assumed. The original characters are gone: they cannot be repaired from the text,
    only re-scraped. Runs inside a mojibake span are left to ENC001.

    **Anti-pattern**

    Polish letters lost by a decoder::

        Prezydent spotka� si� z premierem w �rod�.

    **Best practice**

    The characters intact::

        Prezydent spotkał się z premierem w środę.
    """

    code = "ENC002"
    name = "replacement-character"
    category = Category.ENCODING
    severity = Severity.ERROR

    def run(self, doc: Doc) -> Iterator[Finding]:
        if "\ufffd" not in doc.text:
            return
        moji = analyse(doc)
        for m in _FFFD_RE.finditer(doc.text):
            if covered(moji, m.start(), m.end()):
                continue
            n = m.end() - m.start()
            yield self.finding(
                doc, m.start(), m.end(),
                f"{n} replacement character(s) �: bytes were lost when the text was decoded "
                "and cannot be recovered from it.",
                data={"count": n},
            )
