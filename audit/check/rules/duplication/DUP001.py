"""DUP001 repeated-sentence: a sentence that repeats an earlier sentence of the same article."""

from __future__ import annotations

from audit.check.base import register
from audit.check.rules.duplication._repeat import RepeatedUnit
from audit.model import Category, Severity


@register
class RepeatedSentence(RepeatedUnit):
    """A sentence repeats, word for word, an earlier sentence of the same article.

    Scrapers that join page fragments, templates that print a lead twice and spun
    copies all leave the same sentence twice in a body. Case, punctuation and spacing
    are ignored; the later copy is flagged and points at the first (``data.first_start``).
    Sentences inside a repeated paragraph are left to DUP002.

    **Anti-pattern**

    The first sentence of the paragraph is printed again (sentences never cross lines)::

        The budget passed on Tuesday after a long debate. No one walked out. The budget passed on Tuesday after a long debate.

    **Best practice**

    Each sentence appears once::

        The budget passed on Tuesday after a long debate. No one walked out.
    """

    code = "DUP001"
    name = "repeated-sentence"
    category = Category.DUPLICATION
    severity = Severity.WARNING
    groups = ("repetition",)

    unit = "sentence"
