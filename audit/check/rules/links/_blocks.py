"""Find link blocks ("More Stories", "Czytaj także: …", trailing headline runs) and measure how
related their headlines are to the article body. Shared by LNK001, LNK002 and BP007 through
``doc.memo("links", analyse)``.

Relatedness of one headline: each of its content stems (first 5 letters of each non-stopword,
see :func:`audit.check.rules.links._text.stems`) is weighted by the share of body sentences that
contain it (the article's topic words -- names, the event -- recur in many sentences; an
incidental shared word occurs in one). The headline's mean weight is divided by the body's own
*baseline*: the median of the same quantity for each body sentence against the other sentences
(leave-one-out). ≈1 means "shares the article's vocabulary as much as its own sentences do",
≈0 "not at all". A block's relatedness is the median over its headlines, so one related story
in a carousel of unrelated ones does not redeem the block.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from statistics import median

from audit.check.rules.links._text import cta_kind, headline_like, is_date_only, stems, strip_bullet, union
from audit.text import Doc


def furniture(doc: Doc, start: int, end: int) -> bool:
    """The line is page furniture (BP009-BP011): it ends a link block and is never a headline."""
    from audit.check.rules.boilerplate._furniture import classify  # the boilerplate family imports this one

    return classify(doc, start, end) is not None

_SEP = r"\s*(?::|»|›|>|→|–|—|-|\|)"


@cache
def _header_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    headers = sorted(union("link_headers", "headers"), key=len, reverse=True)
    alt = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in headers)
    deco = r"[\s" + re.escape("#*■▶►▪•·|[(") + r"]*"
    closing = r"[\s" + re.escape("*:»›>→–—-|])!.…") + r"]*"
    # a known header may go on for up to three words when a colon closes the line ("Вижте още
    # от блога:", "More from our partners:", "Nu rata nici:"): sites extend their headers
    # (only a header of two words or more: "Latest figures:" opens a data list, not links)
    multi = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in headers if len(h.split()) >= 2)
    extended = rf"|(?:{multi})(?:[ \t]+[^\W\d][\w'’.-]*){{1,3}}[ \t]*:" if multi else ""
    whole = re.compile(rf"{deco}(?:{alt}{extended}){closing}$", re.IGNORECASE)
    inline = re.compile(rf"{deco}(?:{alt}){_SEP}\s*(?=\S)", re.IGNORECASE)
    return whole, inline


@cache
def _header_words_re() -> re.Pattern[str]:
    """A reading / popularity / recommendation word (``header_words`` of every language's
    ``link_headers`` lexicon) at a word start: it makes an unlisted line ending in ":" the
    header of the headline run under it ("Вам также может понравиться:", "Popular right now:"),
    where "Other results:" or "Programme:" introduce content."""
    words = sorted(union("link_headers", "header_words"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)


@dataclass
class LinkBlock:
    """A block of links: its header line (if any) and its headline items, as spans."""

    start: int
    end: int
    header: tuple[int, int] | None
    items: list[tuple[int, int]]
    kind: str  # "header" (header line + items), "inline" (header: headline), "trailing" (no header)
    scores: list[float | None] = field(default_factory=list)
    relatedness: float | None = None  # mean normalised item relatedness; None when unmeasurable

    def header_text(self, text: str) -> str:
        if self.header is None:
            return ""
        return text[self.header[0] : self.header[1]].strip(" :»›>→–—-|#*")


@dataclass
class LinkAnalysis:
    blocks: list[LinkBlock]
    baseline: float | None
    body_stems: int


def _header_like(line: str, nwords: int, max_words: int) -> bool:
    """A short line that can head a list of links: a few words, no sentence ending."""
    core = line.strip().rstrip(" :»›>→–—-|")
    return 1 <= nwords <= max_words and bool(core) and core[-1] not in ".!?;,…" and not core[-1].isdigit()


def _blank_between(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") >= 2


# a programme or a live blog ("10:00 Opening…", "14.30 –") is content, not a run of headlines
_CLOCK_RE = re.compile(r"\d{1,2}[:.h]\d{2}\b")


def analyse(doc: Doc, *, stem_len: int = 5, item_min_words: int = 3, item_max_words: int = 30,
            trailing_min_words: int = 4, trailing_min_lines: int = 3, min_body_stems: int = 30,
            header_max_words: int = 5) -> LinkAnalysis:
    """Find the link blocks of ``doc`` and score their relatedness to the rest of the text."""
    text = doc.text
    whole_re, inline_re = _header_res()
    lines = doc.nonblank_lines
    blocks: list[LinkBlock] = []
    i = 0
    n = len(lines)
    while i < n:
        s, e = lines[i]
        if whole_re.match(text, s, e):
            items: list[tuple[int, int]] = []
            j = i + 1
            last = i
            while j < n:
                ls, le = lines[j]
                # items set line by line end where a blank line comes: what follows is a subheading
                if len(items) >= 2 and _blank_between(text, lines[last][1], ls) and not any(
                        _blank_between(text, a[1], b[0]) for a, b in itertools.pairwise(items)):
                    break
                if (whole_re.match(text, ls, le) or inline_re.match(text, ls, le) or cta_kind(text[ls:le])
                        or furniture(doc, ls, le)):
                    break
                if is_date_only(text[ls:le]) and items:
                    j += 1
                    continue
                if not headline_like(doc, ls, le, min_words=item_min_words, max_words=item_max_words):
                    break
                items.append((strip_bullet(text, ls, le), le))
                last = j
                j += 1
            if items:
                blocks.append(LinkBlock(s, lines[last][1], (s, e), items, "header"))
                i = last + 1
                continue
        else:
            m = inline_re.match(text, s, e)
            if m and headline_like(doc, m.end(), e, min_words=item_min_words, max_words=item_max_words):
                blocks.append(LinkBlock(s, e, (s, m.end()), [(m.end(), e)], "inline"))
        i += 1

    # a headerless run of headline-like lines closing the text
    covered_to = blocks[-1].end if blocks else -1
    run: list[tuple[int, int]] = []
    k = n - 1
    while k >= 0 and lines[k][0] > covered_to:
        ls, le = lines[k]
        if cta_kind(text[ls:le]) or furniture(doc, ls, le):  # "Share this article", "Tags: …": BP's
            if run:
                break
            k -= 1
            continue
        if (not headline_like(doc, ls, le, min_words=trailing_min_words, max_words=item_max_words)
                or _CLOCK_RE.match(text, strip_bullet(text, ls, le), le)):
            break
        run.append((strip_bullet(text, ls, le), le))
        k -= 1
    if len(run) >= trailing_min_lines and k >= 0:
        prev_s, prev_e = lines[k]
        prev = text[prev_s:prev_e].rstrip()
        nprev = len(doc.words_in(prev_s, prev_e))
        run.reverse()
        if prev.endswith(":") and not _header_words_re().search(prev):
            pass  # "Ingredients:", "Programme:", "Other results:" introduce content lists
        elif _header_like(prev, nprev, header_max_words):
            # an unknown header ("Lesenswert", "Stories picked for you") belongs to the block
            blocks.append(LinkBlock(prev_s, run[-1][1], (prev_s, prev_e), run, "trailing"))
        else:
            blocks.append(LinkBlock(lines[k + 1][0], run[-1][1], None, run, "trailing"))

    return _score(doc, blocks, stem_len=stem_len, min_body_stems=min_body_stems)


def _score(doc: Doc, blocks: list[LinkBlock], *, stem_len: int, min_body_stems: int) -> LinkAnalysis:
    if not blocks:
        return LinkAnalysis(blocks, None, 0)
    text = doc.text
    lang = doc.lang
    spans = [(b.start, b.end) for b in blocks]
    sents: list[set[str]] = []
    for s, e in doc.sentences:
        if any(bs <= s < be for bs, be in spans):
            continue
        st = set(stems(text[s:e], lang, stem_len=stem_len))
        if st:
            sents.append(st)
    title = doc.meta.get("title")
    if isinstance(title, str) and title.strip():
        st = set(stems(title, lang, stem_len=stem_len))
        if st:
            sents.append(st)
    sf: Counter[str] = Counter()
    for st in sents:
        sf.update(st)
    total = sum(sf.values())
    n = len(sents)
    if total < min_body_stems or n < 3:
        return LinkAnalysis(blocks, None, total)
    # baseline: how much a body sentence's stems recur in the *other* sentences (leave-one-out)
    loo = [sum(sf[w] - 1 for w in st) / (n * len(st)) for st in sents if len(st) >= 4]
    baseline = median(loo) if len(loo) >= 3 else sum(sf[w] - 1 for st in sents for w in st) / (n * total)
    baseline = max(baseline, 1.0 / n)  # at least "shares one stem with one other sentence"
    for b in blocks:
        for s, e in b.items:
            own = set(stems(text[s:e], lang, stem_len=stem_len))
            if len(own) < 2:
                b.scores.append(None)
                continue
            weight = sum(sf[w] for w in own) / (n * len(own))
            b.scores.append(weight / baseline)
        measured = [x for x in b.scores if x is not None]
        b.relatedness = median(measured) if measured else None
    return LinkAnalysis(blocks, baseline, total)


def link_analysis(doc: Doc) -> LinkAnalysis:
    """The shared, memoised analysis (default parameters)."""
    return doc.memo("links", analyse)
