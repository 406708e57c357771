"""BP004 repeated-title: the title repeated as the first paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.boilerplate._bp import bp_analysis
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class RepeatedTitle(Check):
    """The headline is repeated as the first paragraph of the text (sometimes with a photo credit).

    When the article has a ``title`` field, a first paragraph equal to it (ignoring case and
    punctuation) duplicates it. Without a title field, the first line is taken as the title
    and a second paragraph repeating it -- often the title of the lead picture, followed by its
    credit ("… Sursa: Arhiva EVZ") -- is flagged. The fix deletes the repetition.

    Severity rule of the boilerplate family: ``warning`` = page furniture that should be removed
    before ingest; ``info`` = a minor observation that does not count against the article (a lone
    photo credit, stray ©℗ symbols, a continuation marker).

    **Anti-pattern**

    The headline, then the headline again as the picture caption::

        Parliament approves pension reform after marathon session

        Parliament approves pension reform after marathon session Photo: PAP

        Members of parliament voted 240 to 190 in favour of the reform on Friday night.

    **Best practice**

    The headline once::

        Parliament approves pension reform after marathon session

        Members of parliament voted 240 to 190 in favour of the reform on Friday night.
    """

    code = "BP004"
    name = "repeated-title"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for it in bp_analysis(doc):
            if it.kind != "title":
                continue
            ref = "the title" if it.detail["reference"] == "title" else "the first line (the title)"
            extra = f", followed by the photo credit \"{it.detail['credit']}\"" if it.detail.get("credit") else ""
            yield self.finding(doc, it.start, it.end, f"Paragraph repeats {ref}{extra}.",
                               replacement="", data=dict(it.detail))
