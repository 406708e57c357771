"""MT002 mt-fused-duplicate: two translations of one phrase glued together."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audit.check.base import Check, register
from audit.check.rules.mt._common import DetectorMixin, Signal, cue_set, in_spans, is_capitalised, quote_spans
from audit.lexicons import SUPPORTED_LANGUAGES
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class FusedDuplicate(DetectorMixin, Check):
    """The same capitalised phrase repeats after one or two words, with no punctuation between.

    When a content farm's pipeline translates a headline and its body sentence, or keeps two
    candidate translations, the subject is repeated with a second verb:
    "Korea Północna wystartowała Korea Północna wystrzeliła" ("North Korea launched North
    Korea fired"). The check looks, inside each sentence, for a sequence of two or more
    words starting with a capital that recurs verbatim after one or two intervening words,
    with only spaces in between. A conjunction or "vs" in the gap ("Legia Warszawa i
    Legia Warszawa II") is not flagged (listed per language in ``mt_cues``).

    **Anti-pattern**

    The subject translated twice, once per candidate verb::

        Bank Centralny podniósł Bank Centralny zwiększył w czwartek stopy procentowe o pół punktu procentowego, aby ograniczyć inflację.

    **Best practice**

    The same team name twice, separated by punctuation in a results line::

        W finale pucharu Wisła Kraków pokonała po dogrywce zespół Wisła Płock, a kibice świętowali do rana.
    """

    code = "MT002"
    name = "mt-fused-duplicate"
    category = Category.MACHINE_TRANSLATION
    severity = Severity.WARNING
    languages = SUPPORTED_LANGUAGES
    kind = "fused"

    # min_len=2: a single repeated word ("Smith and Smith", "bardzo bardzo") is common in
    # clean text; two identical capitalised words repeated within two words never occurred
    # in the clean seed articles nor in the hard negatives of tests/test_mt_checks.py.
    # max_gap=2: the fused clauses seen in content-farm copy have one verb in between;
    # two allows for a verb plus an adverb.
    def __init__(self, *, min_len: int = 2, max_gap: int = 2, **kw: Any) -> None:
        super().__init__(**kw)
        self.min_len = min_len
        self.max_gap = max_gap

    def detect(self, doc: Doc, *, min_len: int, max_gap: int) -> list[Signal]:
        text = doc.text
        skip_gap = cue_set(doc.lang or "", "fused", "skip_gap")
        quotes = quote_spans(doc)
        out: list[Signal] = []
        for ss, se in doc.sentences:
            words = doc.words_in(ss, se)
            toks = [text[s:e] for s, e in words]
            n = len(toks)
            i = 0
            while i < n:
                hit = None
                if is_capitalised(toks[i]) or toks[i].isupper():
                    for g in range(1, max_gap + 1):
                        length = _repeat_len(toks, i, g, min_len)
                        if length:
                            hit = (length, g)
                            break
                if hit is None:
                    i += 1
                    continue
                length, g = hit
                j = i + length + g  # start of the repetition
                gap_words = [t.lower() for t in toks[i + length: j]]
                start, end = words[i][0], words[j + length - 1][1]
                if j + length < n:
                    end = words[j + length][1]  # include the second verb
                if (
                    any(w in skip_gap for w in gap_words)
                    or not _only_spaces_between(text, words, i, j + length)
                    or in_spans(quotes, start, end)
                ):
                    i += 1
                    continue
                phrase = " ".join(toks[i:i + length])
                out.append(Signal("fused", start, end, strength=0.9,
                                  data={"phrase": phrase, "gap": " ".join(toks[i + length: j])}))
                i = j + length
        return out

    def run(self, doc: Doc) -> Iterator[Finding]:
        for sig in self.signals(doc):
            yield self.finding(
                doc, sig.start, sig.end,
                f"{sig.data['phrase']!r} repeats right after {sig.data['gap']!r}: two translations "
                "of the same phrase fused together.",
                data=dict(sig.data),
            )


def _repeat_len(toks: list[str], i: int, gap: int, min_len: int, max_len: int = 6) -> int:
    """Length ``L`` (longest first) such that ``toks[i:i+L]`` recurs right after ``gap`` words."""
    for length in range(max_len, min_len - 1, -1):
        j = i + length + gap
        if j + length <= len(toks) and toks[i:i + length] == toks[j:j + length]:
            return length
    return 0


def _only_spaces_between(text: str, words: list[tuple[int, int]], i: int, k: int) -> bool:
    for w in range(i, k - 1):
        if text[words[w][1]:words[w + 1][0]].strip():
            return False
    return True
