"""ENC004 invisible-characters: zero-width, bidi-control, stray BOM and soft-hyphen runs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.text import Doc

_NAMES = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u2060": "word joiner",
    "\u2061": "invisible function application",
    "\u2062": "invisible times",
    "\u2063": "invisible separator",
    "\u2064": "invisible plus",
    "\ufeff": "byte-order mark",
    "\u180e": "Mongolian vowel separator",
    "\u00ad": "soft hyphen",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
_INVISIBLE_RE = re.compile("[" + "".join(_NAMES) + "]+")
# Scripts whose orthography uses ZWNJ/ZWJ (Persian, Indic, Sinhala...); and emoji,
# where ZWJ glues sequences such as 👩‍💻.
_JOINER_SCRIPTS = ("ARABIC", "SYRIAC", "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA",
                   "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "SINHALA", "MONGOLIAN", "HEBREW",
                   "KHMER", "MYANMAR", "TIBETAN")
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def _needs_joiner(ch: str) -> bool:
    if not ch:
        return False
    if ord(ch) >= 0x1F000 or 0x2600 <= ord(ch) <= 0x27BF or ch == "\ufe0f":
        return True  # emoji sequences
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return False
    return name.startswith(_JOINER_SCRIPTS)


@register
class InvisibleCharacters(Check):
    """Invisible characters: zero-width spaces, bidi controls, a BOM mid-text, soft-hyphen runs.

    Scraped HTML leaves invisible characters behind: zero-width spaces and joiners,
    byte-order marks from concatenated files, bidi overrides, runs of soft hyphens.
    They break search, deduplication and word counts. Joiners next to scripts that
    need them (Arabic, Indic…) or inside emoji sequences are left alone, as are bidi
    marks in texts holding right-to-left script, and a single soft hyphen inside a word
    (a hyphenation hint). The replacement removes them.

    **Anti-pattern**

    Zero-width spaces and a byte-order mark inside a sentence::

        Premierul a anunțat\u200b\u200b noile măsuri\ufeff miercuri.

    **Best practice**

    The same sentence without them::

        Premierul a anunțat noile măsuri miercuri.
    """

    code = "ENC004"
    name = "invisible-characters"
    category = Category.ENCODING
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        text = doc.text
        if text.isascii():
            return
        rtl = None
        for m in _INVISIBLE_RE.finditer(text):
            s, e = m.span()
            run = m.group()
            before = text[s - 1] if s > 0 else ""
            after = text[e] if e < len(text) else ""
            kinds = set(run)
            if kinds <= {"\u200c", "\u200d"} and (_needs_joiner(before) or _needs_joiner(after)):
                continue
            if kinds <= {"\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069"}:
                if rtl is None:
                    rtl = bool(_RTL_RE.search(text))
                if rtl:
                    continue
            if kinds == {"\u00ad"} and len(run) == 1 and before.isalpha() and after.isalpha():
                continue  # a hyphenation hint inside a word
            names = sorted({_NAMES[ch] for ch in run})
            severity = Severity.INFO if run == "\ufeff" and s == 0 else None
            yield self.finding(
                doc, s, e,
                f"Invisible character(s) in the text: {', '.join(names)} ({len(run)}); remove them.",
                replacement="", severity=severity,
                data={"codepoints": [f"U+{ord(ch):04X}" for ch in run]},
            )
