"""LNK001 unrelated-link-block: a "Read also" / "More Stories" block whose headlines are not about the article."""

from __future__ import annotations

from typing import Any

from audit.check.base import register
from audit.check.rules.links._check import DEFAULT_MIN_RELATEDNESS, LinkBlockCheck
from audit.model import Category, Severity

__all__ = ["DEFAULT_MIN_RELATEDNESS", "UnrelatedLinkBlock"]



@register
class UnrelatedLinkBlock(LinkBlockCheck):
    """A block of links under a "Read also" / "More Stories" header, about other stories.

    Content farms and careless scrapers keep the site's "latest news" carousel: a header
    ("More Stories", "Czytaj także", "Прочетете още", "Citește și", "Lesen Sie auch"…, kept per
    language in ``audit/lexicons/link_headers/``) followed by headline-like lines. When the
    headlines share almost no vocabulary with the article (relatedness measured against the
    body's own sentences), the block is pasted navigation, not part of the story. Also finds
    one-line links ("Czytaj także: <headline>"); one headline is judged on a handful of words,
    so it is condemned only when it shares no content word with the article (otherwise it is
    a "read also" link, BP008). The fix deletes the block.

    **Anti-pattern**

    A trailing carousel about a hurricane, football and a restaurant::

        The Bank of England held interest rates at 5.25 per cent on Thursday, pausing a run of
        fourteen consecutive increases as inflation eased faster than economists had expected.
        Five members of the Monetary Policy Committee voted to keep rates on hold, while four
        wanted a further rise. Consumer price inflation fell to 6.7 per cent in August.
        Governor Andrew Bailey said the bank would keep interest rates high for as long as needed.
        Markets now expect the bank's next move on interest rates to be a cut next year.

        More Stories
        Hurricane Lee makes landfall in Nova Scotia, knocking out power to thousands
        Manchester United boss defends summer signings after derby defeat
        Celebrity chef opens vegan restaurant in converted Cornish chapel

    **Best practice**

    The article alone (a related "Read also" block is only boilerplate, see BP007)::

        The Bank of England held interest rates at 5.25 per cent on Thursday, pausing a run of
        fourteen consecutive increases as inflation eased faster than economists had expected.
        Markets now expect the bank's next move to be a cut next year.
    """

    code = "LNK001"
    name = "unrelated-link-block"
    category = Category.UNRELATED_LINKS
    severity = Severity.ERROR
    fixable = True

    def reports(self, b: Any) -> bool:
        return b.kind != "trailing" and self.unrelated(b)

    def describe(self, b: Any, header: str) -> tuple[str, dict[str, Any]]:
        what = "link" if len(b.items) == 1 else f"block of {len(b.items)} links"
        return (
            f"\"{header}\" {what} about other stories (relatedness {b.relatedness:.2f} "
            f"< {self.threshold(b):g}): site navigation pasted into the article.",
            {"header": header, "items": len(b.items), "relatedness": round(b.relatedness, 3),
             "item_relatedness": [None if x is None else round(x, 3) for x in b.scores],
             "kind": b.kind},
        )
