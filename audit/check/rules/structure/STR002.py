"""STR002 truncated-text: the text stops mid-sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.text import Doc

_TERMINAL = ".!?…;:\"'”’»“)]}»›*©℗®™"
_LIST_RE = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,3}[.)])\s")
_SENT_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*(?:\s|$)")
_CONTINUES = ",-–—/&+("


@register
class TruncatedText(Check):
    """The text is cut off mid-sentence.

    The last paragraph ends without terminal punctuation, on a lowercase word, a
    comma or a dash: the scraper stopped at a character limit, a "read more" wall or a
    paywall. Endings that legitimately lack a full stop are left alone: headings and
    short lines (bylines, photo credits such as "Снимки: БТА/АП", "(следва)"), list
    items, a last line inside a block of unpunctuated lines (related-story headlines),
    endings on a capitalised word or a number, and texts that use no sentence
    punctuation at all.

    **Anti-pattern**

    A report that stops in the middle of a clause::

        Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen. Die Opposition kritisierte die Kürzungen.

        Nach Angaben des Bürgermeisters sollen die Mittel vor allem in Schulen und

    **Best practice**

    A complete report followed by a photo credit::

        Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen. Die Opposition kritisierte die Kürzungen.

        Nach Angaben des Bürgermeisters sollen die Mittel vor allem in Schulen fließen.

        Foto: dpa
    """

    code = "STR002"
    name = "truncated-text"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    # min_words=6: headings, bylines and credits are shorter than six words in the
    # seeds and in the fixtures of tests/test_structure.py; a clause cut off by a
    # character limit is usually longer. min_sentences=2: a text with fewer finished
    # sentences does not use sentence punctuation reliably (notes, lists, captions).
    def __init__(self, *, min_words: int = 6, min_sentences: int = 2, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.min_words = min_words
        self.min_sentences = min_sentences

    def run(self, doc: Doc) -> Iterator[Finding]:
        lines = doc.nonblank_lines
        if not lines:
            return
        text = doc.text
        ls, le = lines[-1]
        last = text[ls:le]
        stripped = last.rstrip()
        if not stripped or stripped[-1] in _TERMINAL or _LIST_RE.match(last):
            return
        words = doc.words_in(ls, le)
        if len(words) < self.min_words:
            return
        ending = stripped[-1]
        last_word = text[words[-1][0] : words[-1][1]]
        if ending in _CONTINUES:
            why = f"ends with «{ending}»"
        elif last_word[:1].islower() and words[-1][1] >= ls + len(stripped) - 1:
            why = f"ends on the lowercase word «{last_word}»"
        else:
            return
        if len(_SENT_END_RE.findall(text, 0, ls)) + len(_SENT_END_RE.findall(last)) < self.min_sentences:
            return
        if len(lines) > 1 and not _SENT_END_RE.search(last):
            ps, pe = lines[-2]
            prev = text[ps:pe].rstrip()
            if prev and prev[-1] not in _TERMINAL:
                return  # a block of unpunctuated lines: headlines of related stories, a list
        # the unfinished sentence: from the last sentence start on the line
        start = ls
        for s, _e in doc.sentences:
            if ls <= s < le:
                start = s
        yield self.finding(
            doc, start, ls + len(stripped),
            f"The text seems cut off mid-sentence: its last paragraph {why} without closing punctuation.",
            data={"last_word": last_word},
        )
