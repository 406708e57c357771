"""Language identification shared by the LNG checks (one classification per text/paragraph)."""

from __future__ import annotations

import re

from audit.text import Doc

# a quote runs to its closing mark without crossing another opening mark of its kind: without
# that, a line of openers and no closer is rescanned from every opener (quadratic)
_QUOTED_RE = re.compile(r"„[^„“”\n]*[“”]|«[^«»\n]*»|“[^”\n]*”|\"[^\"\n]*\"|‚[^‚‘’\n]*[‘’]")


def letters(s: str) -> int:
    return sum(ch.isalpha() for ch in s)


def unquoted(s: str) -> str:
    """The text with quoted passages blanked: quotes may legitimately be in another language."""
    return _QUOTED_RE.sub(" ", s)


def ranked(doc: Doc) -> dict[str, float]:
    """The whole text's probability per supported language."""
    from audit.check.langid import rank

    return doc.memo("language.rank", lambda d: dict(rank(d.text)))
