"""ENC001 mojibake: text decoded with the wrong code page ("PÃ³Å‚nocnej" for "Północnej")."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.encoding._mojibake import CODEPAGE_NAMES, analyse
from audit.model import Category, Finding, Severity
from audit.text import Doc


def _show(s: str, limit: int = 60) -> str:
    return s if len(s) <= limit else s[: limit - 1] + "…"


@register
class Mojibake(Check):
    """Characters garbled by reading text in the wrong code page (mojibake).

    UTF-8 bytes read as Windows-1252, Windows-1250, Latin-1, Windows-1251 or
    Windows-1253 (and ISO-8859-2 text read as Latin-1) turn letters into runs of
    symbols: "Północnej" becomes "PÃ³Å‚nocnej", "PĂłĹ‚nocnej" or "Pó³nocnej",
    "Президент" becomes "ÐŸÑ€ÐµÐ·Ð¸Ð´ÐµÐ½Ñ‚". Suspicious runs are found with ftfy's
    badness heuristics plus a UTF-8 sequence detector per code page, then decoded back;
    a repair is kept only when it makes the run less weird and yields letters of the
    article's script. The finding carries the repaired text as its replacement.
    Runs ftfy calls bad that nothing repairs are reported without a replacement.

    **Anti-pattern**

    UTF-8 read as Windows-1252::

        Rezolucje ONZ zabraniajÄ… Korei PÃ³Å‚nocnej przeprowadzania testÃ³w.

    **Best practice**

    The same sentence, correctly decoded::

        Rezolucje ONZ zabraniają Korei Północnej przeprowadzania testów „z bronią”.
    """

    code = "ENC001"
    name = "mojibake"
    category = Category.ENCODING
    severity = Severity.ERROR
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        for m in analyse(doc):
            if m.replacement is None:
                yield self.finding(
                    doc, m.start, m.end,
                    "Garbled characters (mojibake) that no code-page confusion explains; "
                    "check how the source was decoded.",
                    severity=Severity.WARNING,
                    data={"repairable": False},
                )
                continue
            page = CODEPAGE_NAMES.get(m.codepage or "", m.codepage or "another code page")
            what = "UTF-8" if m.source == "UTF-8" else f"{m.source} text"
            msg = f"Mojibake: looks like {what} read as {page}; should read «{_show(m.replacement)}»."
            if m.lossy:
                msg += " Some bytes were lost on the way (they stay as �)."
            yield self.finding(
                doc, m.start, m.end, msg, replacement=m.replacement,
                data={"read_as": page, "written_in": m.source, "lossy": m.lossy},
            )
