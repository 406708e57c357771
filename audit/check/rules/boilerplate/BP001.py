"""BP001 call-to-action: "Follow us on Google News", "Subscribe to our newsletter", share buttons, cookie notices."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.boilerplate._bp import bp_analysis, short
from audit.model import Category, Finding, Severity
from audit.text import Doc

_WHAT = {
    "follow": "follow-us call to action",
    "subscribe": "subscription call to action",
    "share": "share buttons",
    "comment": "comment-form text",
    "cookies": "cookie notice",
    "app": "app download call to action",
    "support": "donation call to action",
    "contact": "contact-us / click-here call to action",
}


@register
class CallToAction(Check):
    """A call to action of the website left in the article text.

    "Ne puteți urmări și pe Google News", "Follow us on Google News", "Subscribe to our
    newsletter", share-button rows ("Share | Tweet | Email"), cookie notices and comment forms
    ("Leave a comment") are page furniture, not journalism. Phrases are per-language regexes in
    ``audit/lexicons/boilerplate/<lang>.toml`` (``[cta]``); a short line holding one, or a
    short sentence starting with one, is flagged. The fix deletes it.

    Severity rule of the boilerplate family: ``warning`` = page furniture that should be removed
    before ingest; ``info`` = a minor observation that does not count against the article (a lone
    photo credit, stray ©℗ symbols, a continuation marker).

    **Anti-pattern**

    A call to action between two paragraphs::

        The council approved the budget on Tuesday after a four-hour debate.

        Follow us on Google News

        The opposition said it would challenge the vote in court.

    **Best practice**

    Only the story::

        The council approved the budget on Tuesday after a four-hour debate.

        The opposition said it would challenge the vote in court.
    """

    code = "BP001"
    name = "call-to-action"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for it in bp_analysis(doc):
            if it.kind != "cta":
                continue
            what = _WHAT.get(it.detail["cta"], "call to action")
            ev = short(doc.text[it.start : it.end])
            yield self.finding(doc, it.start, it.end, f"Website {what} in the article text: \"{ev}\".",
                               replacement="", data=dict(it.detail))
