"""BP009 page-furniture: website interface text ("Advertisement", share rows, "Enter your email", paywall notes)."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.boilerplate._bp import bp_analysis, short
from audit.model import Category, Finding, Severity
from audit.text import Doc

_WHAT = {"label": "interface label", "row": "row of share/platform buttons", "ui": "interface text",
         "meta": "page metadata line (update time, reading time, audio player)",
         "note": "page note (update, correction, developing story, ad marking)",
         "breadcrumb": "breadcrumb trail"}


@register
class PageFurniture(Check):
    """Website interface text left in the article, recognised by its shape rather than by a phrase list.

    Advertisement markers ("Advertisement", "Reklama", "Anzeige"), rows of share buttons
    ("Facebook | X | WhatsApp | E-mail"), newsletter forms ("Enter your email address"), app
    prompts, comment prompts ("What do you think? Let us know in the comments"), cookie-banner
    leftovers ("Accept all", "Cookie settings"), paywall notes ("This article is for
    subscribers only") and page metadata ("Updated: 12 March 2024, 14:05", "Lesezeit: 4 Minuten")
    are page furniture. A line qualifies when it is short (at most 30 words),
    reports nobody's speech, and either is a known UI label on its own line, is made only of
    platform/UI words, is a metadata label with only numbers and date/unit words
    (``meta_labels``, ``meta_words``), opens with an editorial note about the page
    (``note_openers``: "This article was updated at…", "Korrektur: In einer früheren Version…"),
    is a breadcrumb trail (``breadcrumb_roots``: "Startseite › Sachsen › Bildung"), or speaks to the reader (an imperative, "you", "this article") while
    carrying interface vocabulary (platforms, app, newsletter, cookies, subscribers, comments…).
    The vocabulary is per language in ``[furniture]`` of ``audit/lexicons/boilerplate/<lang>.toml``
    (platforms in ``any.toml``). Severity rule of the boilerplate family: ``warning`` is
    boilerplate that should be removed before ingest (this check); ``info`` is a minor
    observation (a lone photo credit, a stray ©). The fix deletes the line.

    **Anti-pattern**

    An ad marker and a newsletter form between paragraphs::

        The council approved the budget on Tuesday after a four-hour debate.

        Advertisement

        Enter your email address to get our morning newsletter

        The opposition said it would challenge the vote in court.

    **Best practice**

    Only the story; a sentence that mentions an app or a platform is reporting::

        The council approved the budget on Tuesday after a four-hour debate.

        Facebook did not respond to a request for comment.

        The opposition said it would challenge the vote in court.
    """

    code = "BP009"
    name = "page-furniture"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for it in bp_analysis(doc):
            if it.kind != "furniture":
                continue
            what = _WHAT[it.detail["furniture"]]
            cues = ", ".join(it.detail["cues"][:5])
            yield self.finding(doc, it.start, it.end,
                               f"Website {what} in the article text: \"{short(doc.text[it.start:it.end])}\" ({cues}).",
                               replacement="", data=dict(it.detail))
