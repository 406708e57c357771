"""ATT001 attribution: one observation per attribution span (verb, "according to", agency, quote)."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.score.attribution import get
from audit.text import Doc

_KIND_TEXT = {
    "reporting_verb": "a reporting verb",
    "according_to": "an 'according to' form",
    "agency": "a news agency credit",
    "quote": "a direct quote",
    "anonymous": "an unnamed source",
}
_TYPE_TEXT = {
    "agency": "news agency",
    "outlet": "news outlet",
    "named": "named source",
    "anonymous": "unnamed source",
    "reference": "source referred to generically",
    "unknown": "speaker not identified",
}


@register
class Attribution(Check):
    """A statement attributed to a source: a reporting verb, an "according to" form, an agency or a quote.

    Every attribution the article makes is reported as an ``info`` finding, with its
    kind (``reporting_verb``, ``according_to``, ``agency``, ``quote``, ``anonymous``) and
    its speaker when it can be told, in ``data``. Unnamed sources ("officials said",
    "surse din cadrul ministerului", "источники") are kept apart from named ones.
    The same analysis feeds the ``attribution_density``, ``named_sources``,
    ``anonymous_share`` and ``quote_count`` scores. Cues live in
    ``audit/lexicons/attribution/<lang>.toml`` and ``audit/lexicons/agencies/any.toml``.

    **Anti-pattern**

    An attribution (reported, as information)::

        "We will not raise taxes this year," Finance Minister Anna Novak said on Monday.

    **Best practice**

    Reporting that cites its sources produces these observations; a text with no
    attribution produces none::

        The bridge was closed for repairs. Traffic moved slowly through the centre.
    """

    code = "ATT001"
    name = "attribution"
    category = Category.ATTRIBUTION
    severity = Severity.INFO
    groups = ("sourcing",)

    def run(self, doc: Doc) -> Iterator[Finding]:
        for a in get(doc).attributions:
            who = a.speaker or "an unidentified speaker"
            msg = f"Attributed to {who} ({_TYPE_TEXT.get(a.speaker_type, a.speaker_type)}) through {_KIND_TEXT[a.kind]}."
            yield self.finding(doc, a.start, a.end, msg, data=a.to_data())
