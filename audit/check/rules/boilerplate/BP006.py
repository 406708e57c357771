"""BP006 continuation-marker: wire-copy markers such as "(следва)", "(continues)", "(va urma)"."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.boilerplate._bp import bp_analysis
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class ContinuationMarker(Check):
    """A news-agency continuation marker ("(следва)", "(continues)", "(Fortsetzung folgt)") left in the text.

    Agencies split long stories into takes and mark them "(continues)"; a republished text
    keeps the marker although the continuation is already there (or never came). Minor
    (``info``). The fix deletes the marker.

    Severity rule of the boilerplate family: ``warning`` = page furniture that should be removed
    before ingest; ``info`` = a minor observation that does not count against the article (a lone
    photo credit, stray ©℗ symbols, a continuation marker).

    **Anti-pattern**

    A marker at the end of a paragraph::

        The talks will resume in Geneva next week, the ministry said. (continues)

    **Best practice**

    The paragraph alone::

        The talks will resume in Geneva next week, the ministry said.
    """

    code = "BP006"
    name = "continuation-marker"
    category = Category.BOILERPLATE
    severity = Severity.INFO
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for it in bp_analysis(doc):
            if it.kind != "continuation":
                continue
            ev = doc.text[it.start : it.end].strip()
            yield self.finding(doc, it.start, it.end, f"Agency continuation marker \"{ev}\" left in the text.",
                               replacement="")
