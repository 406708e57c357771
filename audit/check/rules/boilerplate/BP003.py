"""BP003 image-caption: an image caption with its credit ("Rusia-Coreea de Nord. Sursa foto: Dreamstime")."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.boilerplate._bp import bp_analysis, short
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class ImageCaption(Check):
    """An image caption (caption text followed by a photo credit) pasted into the text as a paragraph.

    Scrapers flatten ``<figure>`` elements into the body: "Rusia-Coreea de Nord. Sursa foto:
    Dreamstime" or "Prime Minister at the summit in Brussels. Photo: AFP" then sits between two
    paragraphs and breaks the story. A line whose text before the credit has at most 20 words
    is a caption; so is a credit followed by the caption after a separator ("Foto: Jan Nowak/KT |
    Kurtyna wodna na Rynku", "Photo: A. Smith / Bute Park, Tuesday"). The fix deletes the line.

    Severity rule of the boilerplate family: ``warning`` = page furniture that should be removed
    before ingest; ``info`` = a minor observation that does not count against the article (a lone
    photo credit, stray ©℗ symbols, a continuation marker).

    **Anti-pattern**

    A caption between paragraphs::

        The finance minister presented the draft budget to parliament on Monday.
        The finance minister in parliament. Photo: Reuters/John Smith
        The deficit is expected to fall to 3 per cent of GDP next year.

    **Best practice**

    Only the paragraphs::

        The finance minister presented the draft budget to parliament on Monday.
        The deficit is expected to fall to 3 per cent of GDP next year.
    """

    code = "BP003"
    name = "image-caption"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for it in bp_analysis(doc):
            if it.kind != "caption":
                continue
            yield self.finding(doc, it.start, it.end,
                               f"Image caption in the text: \"{short(it.detail['caption'], 40)}\" "
                               f"with credit \"{short(it.detail['credit'], 40)}\".",
                               replacement="", data=dict(it.detail))
