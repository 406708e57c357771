"""BP011 author-contact: an author contact line ("Contact the author: a.smith@paper.com", "Twitter: @asmith")."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.boilerplate._bp import bp_analysis
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class AuthorContact(Check):
    """An author or newsroom contact line: an e-mail address or a social handle on a short line of its own.

    Bylines on the web page often carry "Contact the author: …", "E-mail: …" or "Follow on X:
    @handle"; pasted into the text they are page furniture. A line of at most 20 words holding
    an e-mail address or an ``@handle`` is flagged when it opens with a contact label
    (``contact_labels`` per language in ``[furniture]`` of
    ``audit/lexicons/boilerplate/<lang>.toml``), with an imperative, or has at most 6 other
    words; a sentence that reports speech ("…, she said") never is. ``warning``: boilerplate
    to remove before ingest. The fix deletes the line.

    Severity rule of the boilerplate family: ``warning`` = page furniture that should be removed
    before ingest; ``info`` = a minor observation that does not count against the article (a lone
    photo credit, stray ©℗ symbols, a continuation marker).

    **Anti-pattern**

    A contact line after the story::

        The festival will return next summer with a new jazz stage.
        Contact the author: anna.smith@dailycourier.example

    **Best practice**

    The story alone::

        The festival will return next summer with a new jazz stage.
    """

    code = "BP011"
    name = "author-contact"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for it in bp_analysis(doc):
            if it.kind != "contact":
                continue
            yield self.finding(doc, it.start, it.end,
                               f"Author contact line left in the text ({it.detail['cues'][0]}).",
                               replacement="", data={"contact": it.detail["cues"][0]})
