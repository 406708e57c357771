"""DUP002 repeated-paragraph: a paragraph that repeats an earlier paragraph of the same article."""

from __future__ import annotations

from audit.check.base import register
from audit.check.rules.duplication._repeat import RepeatedUnit
from audit.model import Category, Severity


@register
class RepeatedParagraph(RepeatedUnit):
    """A paragraph repeats, word for word, an earlier paragraph of the same article.

    Typical of scraped pages whose body was extracted twice (AMP and canonical copy) or
    of content farms padding a text. Case, punctuation and spacing are ignored; the later
    copy is flagged and points at the first (``data.first_start``).

    **Anti-pattern**

    The first paragraph comes back at the end::

        Heavy rain flooded the old town on Sunday and closed two bridges.

        Firefighters pumped water from cellars until late at night.

        Heavy rain flooded the old town on Sunday and closed two bridges.

    **Best practice**

    Every paragraph appears once::

        Heavy rain flooded the old town on Sunday and closed two bridges.

        Firefighters pumped water from cellars until late at night.
    """

    code = "DUP002"
    name = "repeated-paragraph"
    category = Category.DUPLICATION
    severity = Severity.WARNING
    groups = ("repetition",)

    unit = "paragraph"
