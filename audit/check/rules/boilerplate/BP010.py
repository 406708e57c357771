"""BP010 tags-line: a keyword line of the website ("Tags: economy, inflation", "Etichete: ...", "#hashtags")."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.boilerplate._bp import bp_analysis
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class TagsLine(Check):
    """The site's keyword line ("Tags: a, b, c", "Tagi:", "Теги:", "Schlagwörter:") or a line of hashtags.

    A label from ``tag_labels`` (per language in ``[furniture]`` of
    ``audit/lexicons/boilerplate/<lang>.toml``), a colon, then a list of short items (at most 5
    words each) separated by commas, semicolons, bars or ``#``, with no full stop at the end;
    or a line made only of two or more hashtags. Navigation, not text: ``warning`` (boilerplate
    to remove before ingest). The fix deletes the line.

    Severity rule of the boilerplate family: ``warning`` = page furniture that should be removed
    before ingest; ``info`` = a minor observation that does not count against the article (a lone
    photo credit, stray ©℗ symbols, a continuation marker).

    **Anti-pattern**

    A tags line after the story::

        The central bank kept its main rate at 5.75 per cent, citing persistent inflation.
        Tags: economy, inflation, central bank, interest rates

    **Best practice**

    A sentence that happens to name topics::

        The central bank kept its main rate at 5.75 per cent, citing persistent inflation.
        Topics discussed at the meeting included inflation and the budget deficit.
    """

    code = "BP010"
    name = "tags-line"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for it in bp_analysis(doc):
            if it.kind != "tags":
                continue
            items = it.detail["cues"]
            shown = ", ".join(items[:4]) + ("…" if len(items) > 4 else "")
            yield self.finding(doc, it.start, it.end, f"Website tags line in the text ({len(items)} tags: {shown}).",
                               replacement="", data={"tags": items})
