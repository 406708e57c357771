"""Segmentation shared by every check: lines, paragraphs, sentences and words, with spans.

A :class:`Doc` is built once per article and handed to every check, so the text is
split and tokenised once, not once per check. Everything is computed lazily and cached.
All spans are ``(start, end)`` character offsets into ``Doc.text``.

>>> d = Doc("Ala ma kota. Kot ma Alę.\\n\\nNowy akapit")
>>> [d.text[s:e] for s, e in d.sentences]
['Ala ma kota.', 'Kot ma Alę.', 'Nowy akapit']
>>> [d.text[s:e] for s, e in d.paragraphs]
['Ala ma kota. Kot ma Alę.', 'Nowy akapit']
>>> d.line_col(14)
(1, 15)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any

Span = tuple[int, int]

#: A word: letters/digits/marks, with inner apostrophes or hyphens ("Mike’a", "nord-coreean").
WORD_RE = re.compile(r"[^\W_](?:[\w\u0300-\u036f]|['’\-‐](?=[^\W_]))*", re.UNICODE)
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# (?<!…): start only where a run of blanks starts (same matches: a leftmost match never starts
# after a blank); without it a long run of spaces is rescanned from every position (quadratic)
_BLANK_RUN_RE = re.compile(r"(?<![ \t\u00a0])(?:[ \t\u00a0]*(?:\r\n|\r|\n)){2,}")
# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets),
# then whitespace. Abbreviation handling is done in `_sentence_spans`.
# (?<!…): a match starts where a run of terminal marks starts (the same matches), so a
# line of ten thousand dots is not rescanned from each of them (quadratic)
_SENT_END_RE = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’»“)\]]*(?=\s)")
_CLOSERS = "\"'”’»“)]"


def _line_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _LINE_RE.match(text, pos)
        assert m is not None
        raw_end = m.end()
        end = raw_end
        while end > pos and text[end - 1] in "\r\n":
            end -= 1
        spans.append((pos, end))
        if raw_end == pos:  # pragma: no cover - defensive, regex always advances
            break
        pos = raw_end
    return spans


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(token: str, abbreviations: frozenset[str]) -> bool:
    if not token:
        return False
    if len(token) == 1 and token.isalpha():  # initials: "J. Smith"
        return True
    return token.lower() in abbreviations


class Doc:
    """A segmented article text. ``lang`` tunes abbreviation handling only."""

    def __init__(
        self,
        text: str,
        lang: str | None = None,
        *,
        abbreviations: frozenset[str] = frozenset(),
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.text = text
        self.lang = lang
        self.abbreviations = abbreviations
        #: the article's other fields (title, author, source, url…) for checks that need them
        self.meta: dict[str, Any] = dict(meta or {})
        self._memo: dict[str, Any] = {}

    # -- shared per-article analyses -------------------------------------------------
    def memo(self, key: str, compute: Callable[[Doc], Any]) -> Any:
        """Compute a per-article analysis once and share it between checks and scorers."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    # -- segmentation ----------------------------------------------------------------
    @cached_property
    def lines(self) -> list[Span]:
        """Every line (without its line break), blank ones included."""
        return _line_spans(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [s for s, _ in self.lines] or [0]

    @cached_property
    def nonblank_lines(self) -> list[Span]:
        return [_strip_span(self.text, s, e) for s, e in self.lines if self.text[s:e].strip()]

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks separated by blank lines; a text with no blank line has one paragraph per line."""
        text = self.text
        if not _BLANK_RUN_RE.search(text):
            return list(self.nonblank_lines)
        spans: list[Span] = []
        pos = 0
        for m in _BLANK_RUN_RE.finditer(text):
            s, e = _strip_span(text, pos, m.start())
            if s < e:
                spans.append((s, e))
            pos = m.end()
        s, e = _strip_span(text, pos, len(text))
        if s < e:
            spans.append((s, e))
        return spans

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences: split at terminal punctuation + space (not after abbreviations or
        initials, not before a lowercase letter) and always at line breaks."""
        out: list[Span] = []
        for ls, le in self.nonblank_lines:
            out.extend(self._sentence_spans(ls, le))
        return out

    def _sentence_spans(self, start: int, end: int) -> Iterator[Span]:
        text = self.text
        seg_start = start
        for m in _SENT_END_RE.finditer(text, start, end):
            cut = m.end()
            nxt = cut
            while nxt < end and text[nxt].isspace():
                nxt += 1
            if nxt >= end:
                break
            nch = text[nxt]
            if nch.islower():
                continue
            if text[m.start()] == "." and m.group().rstrip(_CLOSERS) == ".":
                # the token right before the full stop
                ws = m.start()
                while ws > seg_start and (text[ws - 1].isalnum() or text[ws - 1] in ".-"):
                    ws -= 1
                token = text[ws : m.start()]
                if _is_abbreviation(token, self.abbreviations):
                    continue
                if token.isdigit() and nch.isdigit():
                    continue
            s, e = _strip_span(text, seg_start, cut)
            if s < e:
                yield (s, e)
            seg_start = cut
        s, e = _strip_span(text, seg_start, end)
        if s < e:
            yield (s, e)

    @cached_property
    def words(self) -> list[Span]:
        """Word tokens of the whole text."""
        return [m.span() for m in WORD_RE.finditer(self.text)]

    @cached_property
    def _word_starts(self) -> list[int]:
        return [s for s, _ in self.words]

    def words_in(self, start: int, end: int) -> list[Span]:
        """The word tokens lying inside ``[start, end)``."""
        starts = self._word_starts
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)  # not ``words[i:]``: that copies the tail (quadratic)
        return [(s, e) for s, e in self.words[i:j] if e <= end]

    @cached_property
    def lower_words(self) -> list[str]:
        return [self.text[s:e].lower() for s, e in self.words]

    # -- positions -------------------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        i = max(i, 0)
        return i + 1, offset - self._line_starts[i] + 1

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]
