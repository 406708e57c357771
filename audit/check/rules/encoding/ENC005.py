"""ENC005 html-entity: HTML character references left in the text (&amp; &nbsp; &#8217;)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.text import Doc

# "&" + any number of "amp;" (double escaping) + one reference. Numeric references are
# bounded in length; named ones are checked against the HTML5 table below.
_ENTITY_RE = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_VISIBLE = {"\u00a0": "a no-break space", "\u2009": "a thin space", "\u200b": "a zero-width space",
            "\u00ad": "a soft hyphen", " ": "a space"}


def _unescape(s: str) -> str:
    for _ in range(4):
        u = html.unescape(s)
        if u == s:
            break
        s = u
    return s


@register
class HtmlEntity(Check):
    """HTML character references (entities) left in the text.

    "&amp;", "&nbsp;", "&#8217;" or the double-escaped "&amp;quot;" mean the scraper
    did not unescape the HTML (or did it twice). Only references HTML defines are
    reported, so "AT&T" or "R&D" in prose are not. The replacement is the character.

    **Anti-pattern**

    Escaped quotes, an apostrophe and a no-break space::

        Le ministre a d&eacute;clar&eacute; &amp;quot;nous sommes pr&ecirc;ts&amp;quot; l&#8217;an&nbsp;dernier.

    **Best practice**

    Unescaped text, with an ampersand that is prose::

        Le ministre a déclaré « nous sommes prêts » l’an dernier, selon AT&T et R&D Corp.
    """

    code = "ENC005"
    name = "html-entity"
    category = Category.ENCODING
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        text = doc.text
        if "&" not in text:
            return
        for m in _ENTITY_RE.finditer(text):
            ref = m.group()
            char = _unescape(ref)
            if char == ref or ("&" in char and char.endswith(";")):
                continue  # not an HTML reference ("&foo;"), or it stays escaped
            double = ref.lower().startswith("&amp;") and len(ref) > 5
            shown = _VISIBLE.get(char, f"«{char}»")
            if double:
                msg = f"Double-escaped HTML entity {ref}: should be {shown}."
            else:
                msg = f"Leftover HTML entity {ref}: should be {shown}."
            yield self.finding(doc, m.start(), m.end(), msg, replacement=char,
                               data={"double_escaped": double})
