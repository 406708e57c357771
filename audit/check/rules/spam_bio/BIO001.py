"""BIO001 spam-bio: a template author bio ("Proud organizer. Alcohol ninja. Food nerd.") in the text or author fields."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audit.check.base import Check, register
from audit.check.rules.links._text import deletion_span, inline_deletion_span
from audit.check.rules.spam_bio._bio import bio_runs, find_runs
from audit.model import Category, Finding, Severity
from audit.text import Doc

#: article fields that may hold a byline or an author bio (canonical ``author`` and extras)
AUTHOR_FIELDS = ("author", "author_bio", "bio", "author_description", "about_author", "byline")
_DEFAULTS = {"min_fragments": 3, "min_archetypes": 2, "min_archetype_share": 0.5, "max_words": 4}


@register
class SpamBio(Check):
    """A template bio of a fake author in the text or the author field: short "Adjective noun." fragments.

    Content farms give their invented authors generated bios such as "Proud organizer.
    Alcohol ninja. Food nerd. Typical TV enthusiast. Avid reader." (and machine translations
    of them: „Dumny organizator. Alkoholowy ninja. Kujon kulinarny.”). The detector looks for
    the structure -- three or more consecutive fragments of 1-4 words ending in a full stop,
    without a verb, digit or colon -- of which at least two, and at least half, contain a persona
    archetype noun (ninja, guru, nerd, enthusiast, reader…; per language in
    ``audit/lexicons/bio_archetypes/``). Real biographies in full sentences, result lists and
    headlines do not have that shape. The same run is looked for in the ``author`` field and in
    extra fields loaders keep (``author_bio``, ``bio``, ``author_description``, ``about_author``,
    ``byline``); those findings carry the field name. The fix deletes the bio.

    **Anti-pattern**

    A fake author's bio after the story::

        The city council approved the new budget on Tuesday after a four-hour debate.
        Proud organizer. Alcohol ninja. Food nerd. Typical TV enthusiast. Avid reader.

    **Best practice**

    A real biography, in sentences::

        The city council approved the new budget on Tuesday after a four-hour debate.
        Anna Smith covers city politics. She previously worked for the Daily Herald.
    """

    code = "BIO001"
    name = "spam-bio"
    category = Category.SPAM_BIO
    severity = Severity.ERROR
    fixable = True

    # Defaults from the definition of the defect (issue #3): "a run of >= 3 consecutive short
    # fragments (1-4 words, no verb, ending in '.') of which >= 2 contain an archetype noun".
    # min_archetype_share=0.5 keeps lists of short verbless items (cast lists, recipe steps) that
    # mention two archetype words among many other fragments out.
    def __init__(self, *, min_fragments: int = 3, min_archetypes: int = 2,
                 min_archetype_share: float = 0.5, max_words: int = 4, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.params: dict[str, Any] = {"min_fragments": min_fragments, "min_archetypes": min_archetypes,
                                       "min_archetype_share": min_archetype_share, "max_words": max_words}

    def run(self, doc: Doc) -> Iterator[Finding]:
        if self.params == _DEFAULTS:
            runs = bio_runs(doc)
        else:
            runs = find_runs(doc.text, doc.lang, lines=doc.nonblank_lines, **self.params)
        for r in runs:
            if r.whole_lines:
                s, e = deletion_span(doc.text, r.line_start, r.line_end)
            else:
                s, e = inline_deletion_span(doc.text, r.start, r.end)
            shown = ", ".join(dict.fromkeys(w.lower() for w in r.words[:4]))
            yield self.finding(
                doc, s, e,
                f"Template author bio: {r.fragments} verbless \"Adjective noun.\" fragments "
                f"built from persona archetypes ({shown}).",
                replacement="",
                data={"fragments": r.fragments, "archetypes": r.archetypes, "words": r.words},
            )
        for name in AUTHOR_FIELDS:
            value = doc.meta.get(name)
            if not isinstance(value, str) or "." not in value:
                continue
            for r in find_runs(value, doc.lang, with_lead=False, **self.params):
                shown = ", ".join(dict.fromkeys(w.lower() for w in r.words[:4]))
                yield self.field_finding(
                    name, value, r.start, r.end,
                    f"Template author bio in the {name} field: {r.fragments} verbless fragments "
                    f"built from persona archetypes ({shown}).",
                    replacement="",
                    data={"fragments": r.fragments, "archetypes": r.archetypes, "words": r.words},
                )
