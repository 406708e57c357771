"""BP002 photo-credit: a photo or image credit line ("Foto: PAP", "Снимки: БТА/АП") in the text."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.boilerplate._bp import bp_analysis, short
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class PhotoCredit(Check):
    """A photo credit left in the text: a line, or the end of a paragraph, naming the picture's source.

    "Fot. PAP/Leszek Szymański", "Photo: Reuters", "Снимки: БТА/АП", "Sursa foto: Dreamstime":
    the credit belonged under a picture the scraper dropped. Minor (``info``): it does not
    mislead, but it is not article text. Credit prefixes are per language in
    ``audit/lexicons/boilerplate/<lang>.toml`` (``credit_prefixes``; "Foto © X" and "Foto – X" are
    the same prefix). Credits without a prefix are recognised by shape: "Name/AGENCY" or
    "AGENCY/Name" with a photo agency, or a stock library alone ("Getty Images"; ``any.toml``).
    A credit following caption
    text is an image caption (BP003). The fix deletes the credit.

    Severity rule of the boilerplate family: ``warning`` = page furniture that should be removed
    before ingest; ``info`` = a minor observation that does not count against the article (a lone
    photo credit, stray ©℗ symbols, a continuation marker).

    **Anti-pattern**

    A bare credit line::

        The new stadium will seat 40,000 spectators, the city said.
        Photo: Reuters
        Construction is due to start in the spring.

    **Best practice**

    No credit in the body::

        The new stadium will seat 40,000 spectators, the city said.
        Construction is due to start in the spring.
    """

    code = "BP002"
    name = "photo-credit"
    category = Category.BOILERPLATE
    severity = Severity.INFO
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for it in bp_analysis(doc):
            if it.kind != "credit":
                continue
            yield self.finding(doc, it.start, it.end,
                               f"Photo credit left in the text: \"{short(it.detail['credit'])}\".",
                               replacement="", data=dict(it.detail))
