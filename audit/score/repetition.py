"""Repetition inside one article: repeated sentences and paragraphs, and Gopher's measures.

One analysis per article (``doc.memo("repetition", analyse)``) shared by the DUP checks
and the ``repetition_*`` scores.

*Repeated units* — a sentence or paragraph whose normalised text (case-folded words,
punctuation and spacing ignored) already appeared earlier in the article. The later
copies are reported, each pointing at the first one.

*Gopher repetition measures* — Rae et al. 2021, "Scaling Language Models: Methods,
Analysis & Insights from Training Gopher", Appendix A, Table A1, computed as the
reference implementation in datatrove's ``GopherRepetitionFilter`` does:

=============================  =========  ============================================
score                          threshold  meaning
=============================  =========  ============================================
``repetition_dup_line_frac``       0.30   share of lines that repeat an earlier line
``repetition_dup_para_frac``       0.30   share of paragraphs that repeat an earlier one
``repetition_dup_line_char_frac``  0.20   characters in repeated lines / all characters
``repetition_dup_para_char_frac``  0.20   characters in repeated paragraphs / all chars
``repetition_top_2gram``           0.20   characters covered by the most frequent
``repetition_top_3gram``           0.18   2-, 3-, 4-gram (its length × its count)
``repetition_top_4gram``           0.16   / all characters
``repetition_dup_5gram`` …         0.15 … characters in word n-grams (n = 5…10) that
``repetition_dup_10gram``          0.10   repeat an earlier n-gram / all characters
=============================  =========  ============================================

Lines are the non-blank lines of :class:`audit.text.Doc`, paragraphs its blank-line
separated blocks, words its word tokens (n-grams are joined with a space for the top
n-gram measures and without one for the duplicate n-gram ones, as in datatrove).

>>> from audit.text import Doc
>>> r = analyse(Doc("One two three four five six.\\n\\nOne two three four five six."))
>>> r.scores["repetition_dup_para_frac"], [(u.kind, u.first) for u in r.repeats]
(0.5, [('paragraph', (0, 28))])
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from audit.model import Finding
from audit.score import article_scorer
from audit.text import Doc

Span = tuple[int, int]

#: Gopher Table A1 thresholds: score key -> maximum allowed value.
GOPHER_THRESHOLDS: dict[str, float] = {
    "repetition_dup_line_frac": 0.30,
    "repetition_dup_para_frac": 0.30,
    "repetition_dup_line_char_frac": 0.20,
    "repetition_dup_para_char_frac": 0.20,
    "repetition_top_2gram": 0.20,
    "repetition_top_3gram": 0.18,
    "repetition_top_4gram": 0.16,
    "repetition_dup_5gram": 0.15,
    "repetition_dup_6gram": 0.14,
    "repetition_dup_7gram": 0.13,
    "repetition_dup_8gram": 0.12,
    "repetition_dup_9gram": 0.11,
    "repetition_dup_10gram": 0.10,
}
LINE_KEYS = tuple(k for k in GOPHER_THRESHOLDS if "line" in k or "para" in k)
NGRAM_KEYS = tuple(k for k in GOPHER_THRESHOLDS if "gram" in k)


@dataclass(frozen=True, slots=True)
class Repeat:
    """A later copy (``span``) of an earlier sentence or paragraph (``first``)."""

    kind: str  # sentence | paragraph
    span: Span
    first: Span
    words: int


@dataclass
class RepetitionAnalysis:
    scores: dict[str, float] = field(default_factory=dict)
    repeats: list[Repeat] = field(default_factory=list)
    #: for each Gopher measure, a span showing it (a repeated line, the top n-gram's 2nd copy…)
    examples: dict[str, Span] = field(default_factory=dict)
    words: int = 0


def _norm(doc: Doc, s: int, e: int) -> tuple[str, int]:
    ws = doc.words_in(s, e)
    return " ".join(doc.text[a:b].lower() for a, b in ws), len(ws)


def _dups(doc: Doc, spans: list[Span]) -> tuple[int, int, Span | None]:
    """(repeated elements, characters in them, span of the first repeat) — exact text."""
    seen: set[str] = set()
    n = chars = 0
    first: Span | None = None
    for s, e in spans:
        t = doc.text[s:e]
        if t in seen:
            n += 1
            chars += len(t)
            first = first or (s, e)
        else:
            seen.add(t)
    return n, chars, first


def analyse(doc: Doc) -> RepetitionAnalysis:
    text = doc.text
    total = len(text)
    out = RepetitionAnalysis(words=len(doc.words))
    sc = out.scores

    # repeated sentences and paragraphs (normalised)
    para_first: dict[str, Span] = {}
    para_repeats: list[Span] = []
    for s, e in doc.paragraphs:
        key, nw = _norm(doc, s, e)
        if not key:
            continue
        if key in para_first:
            out.repeats.append(Repeat("paragraph", (s, e), para_first[key], nw))
            para_repeats.append((s, e))
        else:
            para_first[key] = (s, e)
    sent_first: dict[str, Span] = {}
    rep_starts = [ps for ps, _ in para_repeats]  # paragraphs are disjoint and in order: bisect, not any()
    for s, e in doc.sentences:
        key, nw = _norm(doc, s, e)
        if not key:
            continue
        if key in sent_first:
            k = bisect.bisect_right(rep_starts, s) - 1
            if not (k >= 0 and e <= para_repeats[k][1]):
                out.repeats.append(Repeat("sentence", (s, e), sent_first[key], nw))
        else:
            sent_first[key] = (s, e)
    out.repeats.sort(key=lambda r: r.span)

    # Gopher line / paragraph measures
    for name, spans in (("line", doc.nonblank_lines), ("para", doc.paragraphs)):
        n, chars, ex = _dups(doc, spans)
        sc[f"repetition_dup_{name}_frac"] = n / len(spans) if spans else 0.0
        sc[f"repetition_dup_{name}_char_frac"] = chars / total if total else 0.0
        if ex:
            out.examples[f"repetition_dup_{name}_frac"] = ex
            out.examples[f"repetition_dup_{name}_char_frac"] = ex

    # Gopher n-gram measures over word tokens (words as small ints: tuples hash fast)
    wspans = doc.words
    words = [text[s:e] for s, e in wspans]
    ids_of: dict[str, int] = {}
    ids = [ids_of.setdefault(w, len(ids_of)) for w in words]
    lens = [len(w) for w in words]
    nw = len(words)
    for n in (2, 3, 4):
        key = f"repetition_top_{n}gram"
        sc[key] = 0.0
        if nw < n:
            continue
        grams = list(zip(*(ids[k:] for k in range(n)), strict=False))
        (top, count), = Counter(grams).most_common(1)
        if count < 2:
            continue
        # occurrences that do not overlap ("a b a b a" holds "a b a" once, not twice): the
        # characters they cover are disjoint, so the fraction stays within 0-1
        kept: list[int] = []
        for i, g in enumerate(grams):
            if g == top and (not kept or i >= kept[-1] + n):
                kept.append(i)
        if len(kept) > 1:
            first, second = kept[0], kept[1]
            chars = sum(lens[first : first + n]) + n - 1  # the n-gram joined with spaces
            sc[key] = chars * len(kept) / total if total else 0.0
            out.examples[key] = (wspans[second][0], wspans[second + n - 1][1])
    for n in range(5, 11):
        key = f"repetition_dup_{n}gram"
        grams = list(zip(*(ids[k:] for k in range(n)), strict=False))
        seen: set[tuple[int, ...]] = set()
        rep_chars = 0
        i = 0
        last = len(grams)
        while i < last:
            g = grams[i]
            if g in seen:
                rep_chars += sum(lens[i : i + n])
                if key not in out.examples:
                    out.examples[key] = (wspans[i][0], wspans[i + n - 1][1])
                i += n
            else:
                seen.add(g)
                i += 1
        sc[key] = rep_chars / total if total else 0.0
    for name in list(sc):
        sc[name] = round(sc[name], 4)
    return out


def get(doc: Doc) -> RepetitionAnalysis:
    """The shared analysis of ``doc`` (computed once per article)."""
    return doc.memo("repetition", analyse)


@article_scorer("repetition", requires=("duplication",))
def score(doc: Doc, findings: list[Finding]) -> dict[str, Any]:
    return dict(get(doc).scores)
