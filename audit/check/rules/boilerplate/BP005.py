"""BP005 copyright-debris: copyright notices and stray ©/℗ symbols in the text."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.boilerplate._bp import bp_analysis, short
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class CopyrightDebris(Check):
    """A copyright notice ("© 2023 All rights reserved", "Wszelkie prawa zastrzeżone") or stray "©℗" symbols.

    Page footers and scraping artefacts, not article text. A notice with words is a
    ``warning``; stray symbols alone ("©℗" at the end of a paragraph) are minor (``info``).
    Patterns are per language in ``audit/lexicons/boilerplate/<lang>.toml`` (``copyright``).
    The fix deletes the notice (a whole short line, or the tail of a paragraph).

    Severity rule of the boilerplate family: ``warning`` = page furniture that should be removed
    before ingest; ``info`` = a minor observation that does not count against the article (a lone
    photo credit, stray ©℗ symbols, a continuation marker).

    **Anti-pattern**

    A footer line::

        The festival will return next summer with a new jazz stage.
        © 2023 Daily Courier. All rights reserved.

    **Best practice**

    No footer::

        The festival will return next summer with a new jazz stage.
    """

    code = "BP005"
    name = "copyright-debris"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for it in bp_analysis(doc):
            if it.kind != "copyright":
                continue
            ev = short(doc.text[it.start : it.end])
            symbols = it.detail.get("symbols_only")
            what = "Stray copyright symbols" if symbols else "Copyright notice"
            # stray symbols are minor unless the user configured a severity for the check
            sev = Severity.INFO if symbols and self.effective_severity == self.severity else None
            yield self.finding(doc, it.start, it.end, f"{what} left in the text: \"{ev}\".",
                               severity=sev, replacement="", data=dict(it.detail))
