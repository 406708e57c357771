"""BP007 read-more-teaser: "Read more", "Czytaj więcej", "Citește mai mult" teaser links."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.boilerplate._bp import bp_analysis
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class ReadMoreTeaser(Check):
    """A "Read more" teaser link: a line of its own, or the end of a truncated paragraph ("… Read more »").

    Teasers mean the scraper picked up a listing or a truncated preview, or the link text of
    a "continue reading" button. Phrases are per language in
    ``audit/lexicons/boilerplate/<lang>.toml`` (``read_more``). The fix deletes the teaser.

    Severity rule of the boilerplate family: ``warning`` = page furniture that should be removed
    before ingest; ``info`` = a minor observation that does not count against the article (a lone
    photo credit, stray ©℗ symbols, a continuation marker).

    **Anti-pattern**

    A truncated preview with its teaser::

        The museum will reopen in May after a three-year renovation of its east wing… Read more »

    **Best practice**

    The full paragraph::

        The museum will reopen in May after a three-year renovation of its east wing.
    """

    code = "BP007"
    name = "read-more-teaser"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for it in bp_analysis(doc):
            if it.kind != "read_more":
                continue
            ev = doc.text[it.start : it.end].strip()
            yield self.finding(doc, it.start, it.end, f"\"{ev}\" teaser link left in the text.", replacement="")
