"""BP008 related-link-block: a "Read also" block whose links are about the same story."""

from __future__ import annotations

from typing import Any

from audit.check.base import register
from audit.check.rules.links._check import LinkBlockCheck
from audit.model import Category, Severity


@register
class RelatedLinkBlock(LinkBlockCheck):
    """A "Read also" / "Related" block whose headlines are about the article's own topic.

    Related links are legitimate on the web page, but in the article text they are navigation:
    boilerplate (``warning``), not an error. Blocks of *unrelated* links are LNK001. Blocks
    after a body too short to measure are reported here too. The fix deletes the block.

    Severity rule of the boilerplate family: ``warning`` = page furniture that should be removed
    before ingest; ``info`` = a minor observation that does not count against the article (a lone
    photo credit, stray ©℗ symbols, a continuation marker).

    **Anti-pattern**

    A related "Read also" line inside the article::

        Poland's volleyball team won the European Championship in Rome, beating Italy 3:0 in the final.
        Czytaj także: Polish volleyball team beat Slovenia to reach the European Championship final
        Kamil Semeniuk was named the best volleyball player of the championship.
        The team's next goal is Olympic qualification in China next month.

    **Best practice**

    Only the article::

        Poland's volleyball team won the European Championship in Rome, beating Italy 3:0 in the final.
        Kamil Semeniuk was named the best player of the championship.
    """

    code = "BP008"
    name = "related-link-block"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = True

    # the LNK001 thresholds (tests/test_links_measure.py; one headline: the one-link one): at or
    # above it a block is related
    def reports(self, b: Any) -> bool:
        return b.kind != "trailing" and not self.unrelated(b)

    def describe(self, b: Any, header: str) -> tuple[str, dict[str, Any]]:
        what = "link" if len(b.items) == 1 else f"block of {len(b.items)} links"
        how = ("about the same story" if b.relatedness is not None
               else "(article too short to measure relatedness)")
        return (f"\"{header}\" {what} {how}: site navigation in the text.",
                {"header": header, "items": len(b.items), "kind": b.kind,
                 "relatedness": None if b.relatedness is None else round(b.relatedness, 3)})
