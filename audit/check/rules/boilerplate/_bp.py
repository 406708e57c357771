"""One pass over an article's lines that classifies boilerplate, shared by the BP checks through
``doc.memo("boilerplate", analyse)``. Patterns live in ``audit/lexicons/boilerplate/<lang>.toml``;
every language's patterns are tried on every article (sites keep their UI language).

Each line is claimed by at most one kind, in this order: repeated title, photo credit /
caption, call to action, copyright, continuation marker, read-more teaser, and last the page
furniture found by structure (``_furniture``: UI labels, share rows, reader-directed interface
lines, keyword lines, author contacts). Lines inside a link
block (see the links family) are left to LNK001/BP008, lines holding a template bio to BIO001,
so that the repairs of one article never overlap.

>>> items = analyse_text("Sursa foto: Dreamstime\\n\\nFollow us on Google News")
>>> [(i.kind, i.scope) for i in items]
[('credit', 'line'), ('cta', 'line')]
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from audit.check.rules.boilerplate._furniture import classify, reports_speech
from audit.check.rules.links._blocks import link_analysis
from audit.check.rules.links._text import BULLETS, cta_kind, deletion_span, inline_deletion_span, union
from audit.check.rules.links.LNK001 import DEFAULT_MIN_RELATEDNESS
from audit.check.rules.spam_bio._bio import bio_runs
from audit.lexicons import load
from audit.text import WORD_RE, Doc

#: caption text of at most this many words before a credit makes the line an image caption
#: (deleted whole); longer text is a paragraph ending in a credit (only the credit is deleted).
#: Web photo captions are one short sentence: 4-15 words in the seeds and in the hand-written
#: tests; a lead paragraph is 25-40 words. 20 sits between.
CAPTION_MAX_WORDS = 20
#: a line of at most this many words holding a call-to-action phrase is the call to action
CTA_MAX_LINE_WORDS = 20
#: a sentence of at most this many words starting with a call to action, inside a paragraph
CTA_MAX_SENTENCE_WORDS = 15
#: the credit after its prefix: a name or agency list, at most this many words
CREDIT_MAX_WORDS = 8
#: a line that opens with a copyright notice is a site footer up to this many words: "© 2026 X. All
#: rights reserved." plus a reuse condition ("Use of our materials is allowed only with an active
#: link to the source…") has 15-30 words in the hand-written footers of tests/corpus/dev (third
#: wave) and of tests/data/boilerplate; a news paragraph never opens with ©.
COPYRIGHT_FOOTER_MAX_WORDS = 40


#: furniture kinds (see ``_furniture``) -> item kinds (one check each: BP009, BP010, BP011)
_FURNITURE_KIND = {"label": "furniture", "row": "furniture", "ui": "furniture", "meta": "furniture", "note": "furniture",
                   "breadcrumb": "furniture", "tags": "tags", "contact": "contact"}


@dataclass
class Item:
    kind: str  # title | credit | caption | cta | copyright | continuation | read_more | furniture | tags | contact
    start: int  # the span to report (and delete)
    end: int
    scope: str  # "line" (whole lines deleted) or "inline" (a tail or a sentence)
    detail: dict[str, Any] = field(default_factory=dict)


@cache
def _res() -> dict[str, Any]:
    prefixes = sorted(union("boilerplate", "credit_prefixes"), key=len, reverse=True)
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s*") for p in prefixes)
    # "Foto: X" also written "Foto © X" / "Foto - X": the prefix word with another separator
    words = sorted({p.rstrip(" :.") for p in prefixes if p.rstrip().endswith(":") and " " not in p.strip(" :")},
                   key=len, reverse=True)
    walt = "|".join(re.escape(w) for w in words if w)
    credit = re.compile(rf"(?:^|(?<=[\s(\[|/]))(?:(?:{alt})|(?:{walt})\s*(?:©|\s[-–—]\s))\s*", re.IGNORECASE)
    anyf = load("boilerplate", "any").get("furniture", {})
    ag = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(anyf.get("photo_agencies", []), key=len, reverse=True))
    st = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(anyf.get("stock_libraries", []), key=len, reverse=True))
    name = r"(?:[^\W\d_]\.|[^\W\d_][\w'’\-]*)"  # a word or an initial, never across a full stop
    # a credit without a prefix: "REUTERS/Kevin Lamarque", "Marta Lewandowska/EPA", "Getty Images"
    agency = re.compile(rf"(?:^|(?<=[\s(\[|]))[(\[]?(?:(?:{name}\s+){{0,3}}{name}\s?/\s?(?:{ag})(?:\s?/\s?{name})?"
                        rf"|(?:{ag})\s?/\s?(?:{name}\s?){{1,4}}|(?:{st})(?:\s?/\s?{name})?)[)\]]?\s*$", re.IGNORECASE)

    def one(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in union("boilerplate", key)), re.IGNORECASE)

    teasers = "|".join(f"(?:{p})" for p in union("boilerplate", "read_more"))
    return {
        "credit": credit,
        "agency": agency,
        "credit_first": re.compile(rf"^[\s(\[]*(?:{alt})\s*(?P<credit>[^|–—·•]+?)\s*(?P<sep>[|·•]|\s[–—/-]\s)\s*(?P<caption>\S.*)$",
                                   re.IGNORECASE),
        "copyright": one("copyright"),
        # "© AFP": the mark, then a name or agency list without a year (a footer has one)
        "copyright_credit": re.compile(r"^[\s(\[]*(?P<mark>©\s*[^\W\d_][^\d©]{0,80})$"),
        "continuation": one("continuation"),
        "read_more_line": re.compile(rf"^[\s\[(»›>→…]*(?:{teasers})[\s.…:»›>→\])]*$", re.IGNORECASE),
        "read_more_tail": re.compile(rf"(?:…|\.\.\.|[.!?])\s*(?P<t>[\[(]?(?:{teasers})[\s.…:»›>→\])]*)$", re.IGNORECASE),
    }


_PUNCT_RE = re.compile(r"[\W_]+", re.UNICODE)


def norm(s: str) -> str:
    """Casefolded words only: for comparing a title with a paragraph."""
    s = unicodedata.normalize("NFKC", s).casefold()
    return " ".join(_PUNCT_RE.sub(" ", s).split())


def _nwords(s: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(s))


#: credits, copyright tails and teasers sit at the end of a line: only this many trailing
#: characters of a long line are searched (a credit is at most ~100 characters plus its prefix)
TAIL_CHARS = 160


def analyse_text(text: str, lang: str | None = None, title: str | None = None) -> list[Item]:
    """Convenience for doctests and tests: analyse a bare text."""
    return analyse(Doc(text, lang, meta={"title": title} if title else {}))


def analyse(doc: Doc) -> list[Item]:
    text = doc.text
    res = _res()
    lines = doc.nonblank_lines
    # lines of the link blocks that LNK001/LNK002/BP008 report (a trailing run of related or
    # unmeasurable lines is reported by nobody: its lines stay open to the boilerplate kinds)
    blocked = [(b.start, b.end) for b in link_analysis(doc).blocks
               if b.kind != "trailing" or (b.relatedness is not None and b.relatedness < DEFAULT_MIN_RELATEDNESS)]
    blocked += [(r.line_start, r.line_end) for r in bio_runs(doc)]
    claimed: set[int] = set()
    items: list[Item] = []

    def whole(kind: str, i: int, **detail: Any) -> None:
        s, e = deletion_span(text, *lines[i])
        items.append(Item(kind, s, e, "line", detail))
        claimed.add(i)

    def tail(kind: str, s: int, e: int, **detail: Any) -> None:
        s, e = inline_deletion_span(text, s, e)
        items.append(Item(kind, s, e, "inline", detail))

    for i, (s, _e) in enumerate(lines):
        if any(bs <= s < be for bs, be in blocked):
            claimed.add(i)

    # 1. the title repeated as the first paragraph(s)
    title = doc.meta.get("title")
    heads = [i for i in range(min(3, len(lines))) if i not in claimed]
    if heads:
        ref = norm(title) if isinstance(title, str) and norm(title) else None
        first = heads[0]
        if ref is None:
            ref = norm(text[lines[first][0] : lines[first][1]])
            candidates = heads[1:2]
            ref_is = "first line"
        else:
            candidates = heads[:2]
            ref_is = "title"
        if ref and len(ref.split()) >= 3:
            for i in candidates:
                ls, le = lines[i]
                line = text[ls:le]
                n = norm(line)
                credit = None
                if n != ref and n.startswith(ref + " "):
                    m = _credit_in(line, res["credit"])
                    if m is not None and norm(line[:m]) == ref:
                        credit = line[m:].strip()
                    else:
                        continue
                elif n != ref:
                    continue
                whole("title", i, reference=ref_is, credit=credit)

    # 2. photo credits and captions
    for i, (ls, le) in enumerate(lines):
        if i in claimed:
            continue
        line = text[ls:le]
        # the credit first, then the caption: "Foto: Jan Nowak/KT | Kurtyna wodna na Rynku"
        cf = res["credit_first"].match(line)
        if (cf and _nwords(cf["credit"]) <= CREDIT_MAX_WORDS and 1 <= _nwords(cf["caption"]) <= CAPTION_MAX_WORDS
                and not cf["caption"].rstrip().endswith(":") and not _credit_continues(cf["sep"], cf["caption"])):
            whole("caption", i, credit=cf["credit"].strip(), caption=cf["caption"].strip())
            continue
        m = _credit_in(line, res["credit"])
        if m is None:
            m = _agency_credit_in(line, res["agency"])
        if m is None and (c := res["copyright_credit"].match(line)) and not res["copyright"].search(line, c.start("mark") + 1):
            m = c.start("mark")  # "© dpa", "© Thomas Bouyer / Le Bien Public": a credit, not a footer
        if m is None:
            continue
        before = line[:m].strip(" \t([|/" + BULLETS)
        credit = line[m:].strip()
        if not before:
            whole("credit", i, credit=credit)
        elif len(doc.words_in(ls, ls + m)) <= CAPTION_MAX_WORDS:
            whole("caption", i, credit=credit, caption=before)
        else:
            tail("credit", ls + m, le, credit=credit)
            claimed.add(i)

    # 3. calls to action
    sents = doc.sentences
    for i, (ls, le) in enumerate(lines):
        if i in claimed:
            continue
        line = text[ls:le]
        nwords = len(doc.words_in(ls, le))
        if nwords <= CTA_MAX_LINE_WORDS:
            kind = cta_kind(line)
            if kind and not reports_speech(line, doc.lang):  # "“Follow us,” the officer said."
                whole("cta", i, cta=kind)
            continue
        k = bisect.bisect_left(sents, (ls, ls))
        while k < len(sents) and sents[k][1] <= le:
            ss, se = sents[k]
            k += 1
            if len(doc.words_in(ss, se)) <= CTA_MAX_SENTENCE_WORDS:
                kind = cta_kind(text[ss:se], anchored=True)
                if kind:
                    tail("cta", ss, se, cta=kind)
                    claimed.add(i)

    # 4. copyright notices and stray symbols; 5. continuation markers; 6. read-more teasers
    for i, (ls, le) in enumerate(lines):
        if i in claimed:
            continue
        line = text[ls:le]
        nwords = len(doc.words_in(ls, le))
        off = 0 if nwords <= 15 else max(0, len(line) - TAIL_CHARS)
        # a footer: the notice opens the line, a reuse condition may follow
        lead = len(line) - len(line.lstrip(" \t*" + BULLETS))
        m = res["copyright"].match(line, lead)
        if m and 15 < nwords <= COPYRIGHT_FOOTER_MAX_WORDS and _standalone(line, m.start(), m.end()):
            whole("copyright", i, symbols_only=False)
            continue
        m = res["copyright"].search(line, off)
        if m and not _standalone(line, m.start(), m.end()):
            m = None  # "Â©" inside mojibake, "©," inside a sentence
        if m:
            rest = line[m.start() :]
            if nwords <= 15:
                whole("copyright", i, symbols_only=not any(ch.isalpha() for ch in line))
                continue
            if _nwords(rest) <= 12:
                tail("copyright", ls + m.start(), le, symbols_only=not any(ch.isalpha() for ch in rest))
                claimed.add(i)
                continue
        m = res["continuation"].search(line, off)
        if m:
            if not line[: m.start()].strip():
                whole("continuation", i)
            else:
                tail("continuation", ls + m.start(), ls + m.end())
                claimed.add(i)
            continue
        if res["read_more_line"].match(line):
            whole("read_more", i)
            continue
        m = res["read_more_tail"].search(line, max(0, len(line) - TAIL_CHARS))
        if m:
            tail("read_more", ls + m.start("t"), le)
            claimed.add(i)

    # 7. page furniture recognised by structure (labels, share rows, reader-directed interface
    # lines, keyword lines, author contacts): what the phrase lists above do not know
    for i, (ls, le) in enumerate(lines):
        if i in claimed:
            continue
        fur = classify(doc, ls, le)
        if fur is not None:
            whole(_FURNITURE_KIND[fur.kind], i, furniture=fur.kind, cues=fur.cues)
    items.sort(key=lambda it: it.start)
    return items


def _credit_continues(sep: str, after: str) -> bool:
    """"Photo: John Smith / AFP", "Foto: Inquam Photos / Octav Ganea": after a slash, a name or an
    agency (capitalised words only, no comma) or a quoted outlet name continues the credit; a caption has a lowercase
    word or a comma ("Bute Park, Tuesday", "Trinkbrunnen am Römerberg")."""
    if sep.strip() != "/":
        return False
    words = WORD_RE.findall(after)
    quoted = after.strip()
    if len(quoted) > 2 and quoted[0] in "«„\"“" and quoted[-1] in "»“\"”" and len(words) <= 5:
        return True  # an outlet's name: "Фото: Александр Иванов / «Тверская жизнь»"
    return 1 <= len(words) <= 4 and "," not in after and all(w[0].isupper() or not w[0].isalpha() for w in words)


def _standalone(line: str, start: int, end: int) -> bool:
    """A copyright mark that stands on its own: after a space (or at the line start), not glued
    to a letter, and not followed by sentence punctuation."""
    before = line[start - 1] if start > 0 else " "
    after = line[end] if end < len(line) else " "
    return (before.isspace() or before in "([|") and after not in ",;:"


def _credit_in(line: str, credit_re: re.Pattern[str]) -> int | None:
    """Offset in ``line`` where a credit starting with a known prefix runs to the end of the line."""
    for m in credit_re.finditer(line, max(0, len(line) - TAIL_CHARS)):
        rest = line[m.end() :].strip()
        if rest and _nwords(rest) <= CREDIT_MAX_WORDS and len(rest) <= 100 and not rest.endswith((":", ",")):
            start = m.start()
            if start > 0 and line[start - 1] in "([":
                start -= 1
            return start
    return None


def _agency_credit_in(line: str, agency_re: re.Pattern[str]) -> int | None:
    """Offset of a prefixless credit ("REUTERS/Kevin Lamarque", "Getty Images") closing ``line``:
    the whole line, or after the end of a caption sentence or a separator."""
    # a prefixless credit is at most ~80 characters: "REUTERS/Kevin Lamarque", "Getty Images";
    # a long line without a slash in its tail cannot end with one (a stock library closes a caption)
    pos = max(0, len(line) - 100)
    if pos > 60 and "/" not in line[pos:]:
        return None
    m = agency_re.search(line, pos)
    if m is None:
        return None
    before = line[: m.start()].rstrip()
    if before and not before.endswith((".", "!", "?", "|", "–", "—", ")")):
        return None
    return m.start()


def bp_analysis(doc: Doc) -> list[Item]:
    return doc.memo("boilerplate", analyse)


def short(s: str, limit: int = 60) -> str:
    """One line, at most ``limit`` characters, for messages."""
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"
