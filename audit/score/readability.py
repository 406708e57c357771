"""Readability per article: LIX (Björnsson 1968), the same formula for every language.

``readability`` is LIX = words / sentences + 100 × long words / words, where a long word
has more than six letters; ``readability_formula`` says ``"LIX"``. Higher is harder:
below 30 very easy, 40 ordinary prose/news, 50 hard, above 60 very hard (Björnsson's
scale, used across Scandinavian, German, French and English texts).

Why LIX and not textstat's Flesch Reading Ease: Flesch's constants (206.835, 1.015, 84.6)
were fitted on English; textstat applies them unchanged to Polish, Bulgarian and
Romanian, for which no validated Flesch adaptation exists in textstat, and its German,
Spanish, French and Russian variants are on different scales, so scores would not be
comparable across a multilingual feed. For English, textstat also counts syllables with
NLTK's CMU dictionary and calls ``nltk.download("cmudict")`` when it is missing — a
network access newsaudit must never make (verified in tests/test_readability.py). LIX
needs no syllables, so it is computed here from the shared :class:`~audit.text.Doc`
segmentation (the same words and sentences every other family sees) instead of
importing textstat (0.6 s, and it imports NLTK). ``textstat.lix`` gives the same value
when its sentence splitter agrees with ours; the tests check that, offline.

Words are word tokens with at least one letter (numbers are not words), sentences are
``Doc.sentences`` holding at least one word. ``readability`` is ``null`` for a text with
no words.

>>> from audit.text import Doc
>>> lix(Doc("Ala ma kota. Kot ma Alę."))
3.0
"""

from __future__ import annotations

from typing import Any

from audit.model import Finding
from audit.score import article_scorer
from audit.text import Doc

FORMULA = "LIX"
#: Björnsson (1968): a long word has more than six letters
LONG_WORD_LETTERS = 6


def lix(doc: Doc) -> float | None:
    """LIX of the document, or ``None`` when it has no words."""
    text = doc.text
    n_words = n_long = 0
    for s, e in doc.words:
        letters = sum(ch.isalpha() for ch in text[s:e])
        if letters:
            n_words += 1
            if letters > LONG_WORD_LETTERS:
                n_long += 1
    if not n_words:
        return None
    n_sent = sum(1 for s, e in doc.sentences if doc.words_in(s, e)) or 1
    return round(n_words / n_sent + 100.0 * n_long / n_words, 2)


@article_scorer("readability", requires=("structure",))
def score(doc: Doc, findings: list[Finding]) -> dict[str, Any]:
    return {"readability": doc.memo("readability", lix), "readability_formula": FORMULA}
