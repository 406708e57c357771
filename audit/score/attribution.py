"""Attribution analysis: who says what in an article, shared by the ATT checks and the scorer.

One pass per article (``doc.memo("attribution", analyse)``) finds every *attribution*
— a piece of text that ties a statement to a source — with its span, its kind and,
when it can be told, its speaker:

* ``reporting_verb`` — a reporting verb tied to a speaker ("powiedział Ankit Panda",
  "John Kirby said", "заяви Песков");
* ``according_to`` — an "according to" form and its source ("według agencji Reutera",
  "според Ройтерс", "potrivit publicației", "laut dpa", "по словам …");
* ``agency`` — a wire agency cited as the source of the text without a verb (a dateline
  ``(Reuters)``, ``/PAP/``, a closing ``Źródło: PAP`` line);
* ``quote`` — a direct quote with its speaker ("„…” – powiedział X", "\\"…\\", каза Y");
* ``anonymous`` — any of the above whose source is unnamed ("officials said",
  "surse din cadrul ministerului", "источники", "анализатори").

Every cue is data: ``audit/lexicons/attribution/<lang>.toml`` holds the reporting verbs,
"according to" forms, anonymous-source nouns, roles, generic source nouns ("the report",
"publicația") and photo-credit prefixes of a language; ``audit/lexicons/agencies/any.toml``
holds agencies and outlets in every spelling and inflection (Reuters / Reutera / Ройтерс /
Рейтер …). Agency names are matched case-sensitively with upper-case Cyrillic/Latin
look-alikes folded (``АР`` = ``AP``), so Latin acronyms inside Cyrillic text are found.

How a speaker is found (no parser, no model: a few ms per article):

1. *Candidates*: agency/outlet names, runs of capitalised words (a sentence-initial word
   is kept only when the text never uses it in lower case, so "The"/"W" are dropped but
   "Kim" is kept), anonymous-source nouns, roles and source nouns. A role, anonymous or
   source noun followed within four words (no clause punctuation) by a name or an agency
   is merged with it: "rzecznik Białego Domu ds. … John Kirby", "agencja KCNA",
   "experții consultați de Financial Times" become one named candidate.
2. *Verbs*: when the verb follows clause punctuation or a closing quote ("– podała
   agencja KCNA", "…\\", каза Путин", ", a declarat luni un oficial senior") the speaker is
   the first candidate after it; otherwise the nearest one before it, then after it.
   A verb inside a direct quote is quoted speech, not attribution. A verb with no candidate
   counts only when its sentence holds a quote (pro-drop "– zauważył").
3. *According-to cues* take the first candidate after them (or just before, for
   postpositions like "dem Bericht zufolge"); with none ("według planu") they are dropped.
4. *Quotes* of at least three words take the speaker of a verb right after them (only
   punctuation or dashes between) or right before them ("dodał: „…”"), else of a verb in
   the same sentence, else of an attributed quote immediately before them. A quote with no
   speaker is kept apart (``unattributed_quotes``), not counted as sourcing.
5. An agency mentioned without being cited ("Reuters's headquarters in London",
   "Снимки: БТА/АП" photo credits) is not an attribution.

Scores (via :func:`audit.score.article_scorer`):

* ``attribution_density`` — share of sentences (of three words or more) that overlap an
  attribution or its cue;
* ``named_sources`` — distinct named speakers (agencies, outlets, named people/institutions);
* ``anonymous_share`` — share of attributions whose source is unnamed (``null`` with none);
* ``quote_count`` — direct quotes with a speaker.

>>> from audit.text import Doc
>>> a = analyse(Doc('"We will not give up," Mayor Anna Smith said on Monday.', "en"))
>>> [(x.kind, x.speaker) for x in a.attributions]
[('quote', 'Mayor Anna Smith')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from audit.lexicons import SUPPORTED_LANGUAGES, load
from audit.model import Finding
from audit.score import article_scorer
from audit.text import Doc

Span = tuple[int, int]

#: sentences shorter than this (headings, "Ukraina.") are not counted in the density
MIN_SENTENCE_WORDS = 3
#: a quoted span shorter than this is a name or a scare quote ("Восточний"), not a quote
MIN_QUOTE_WORDS = 3

# Romanian cedilla letters folded to comma letters; upper-case Cyrillic look-alikes to Latin.
# Both maps are one character to one character, so offsets are preserved.
_CEDILLA = str.maketrans("şţŞŢ", "șțȘȚ")
_LOOKALIKE = str.maketrans("АВЕКМНОРСТХУІЈЅ", "ABEKMHOPCTXYIJS")

# Quotes: an opening mark, a body with no quote mark or line break, a closing mark.
_QUOTE_RE = re.compile(r"[„“\"«‚‹]([^„“”\"«»‚‘‹›\n]{1,3000})[”“\"»‘›]")
_WORD_IN = re.compile(r"\w+")
_CLAUSE_PUNCT = re.compile(r"[.;!?:()\[\]]")
# what may separate a cue from a following name in one noun phrase ("ds.", quotes, hyphens)
_GAP_OK = re.compile(r"^(?:[\s„“”\"«»'’\-]|\w|(?<=\s)\w{1,4}\.)*$")
# what may separate a quote from its verb: punctuation, dashes and at most two short words
_QUOTE_VERB_GAP = re.compile(r"^[\s,.:;!?…–—\-]*(?:\w{1,5}[\s,]+){0,2}$")
_INVERTING = set(",–—-:\"”»“„")
_CONNECTORS = frozenset({"de", "von", "van", "der", "den", "bin", "al", "la", "le", "du", "di", "da", "del", "dos", "y"})


# -- lexicons ---------------------------------------------------------------------------
def _token_regex(tok: str) -> str:
    star = tok.endswith("*") and len(tok) > 1
    base = tok.rstrip("*") if star else tok
    esc = re.escape(base.translate(_CEDILLA)).replace("'", "['’ʼ]")
    return esc + (r"\w*" if star else "")


def _pattern_regex(pattern: str) -> str:
    toks = pattern.split()
    while toks and toks[-1] == "*":
        toks.pop()
    out = ""
    for i, t in enumerate(toks):
        if t == "*":
            out += r"(?:[\w'’\-]+\s+){0,3}"
            continue
        out += _token_regex(t)
        if i < len(toks) - 1:
            out += r"\s+"
    return out


def _alternation(patterns: list[str]) -> str:
    uniq = sorted({p.strip() for p in patterns if p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(_pattern_regex(p) for p in uniq) or r"(?!x)x"


_GROUPS = ("skip", "acc", "anon", "role", "src", "verb")
_KEYS = {"skip": "not_attribution", "acc": "according_to", "anon": "anonymous", "role": "roles", "src": "source_nouns", "verb": "reporting_verbs"}


class _WordIndex:
    """Patterns indexed by their first word: at each word of the text only the few patterns
    that can start there are tried (one alternation of a few hundred patterns tried at every
    position cost ~4 ms per article). A literal first word is looked up whole; an inflected
    one ("powiedzia*") by its first three letters."""

    def __init__(self, entries: list[tuple[str, str]], *, ignore_case: bool) -> None:
        # entries: (pattern, label) in priority order (earlier wins at the same word)
        self.ignore_case = ignore_case
        flags = re.IGNORECASE if ignore_case else 0
        self.exact: dict[str, list[tuple[int, re.Pattern[str], str]]] = {}
        self.prefix: dict[str, list[tuple[int, re.Pattern[str], str]]] = {}
        self.short: dict[str, list[tuple[int, re.Pattern[str], str]]] = {}
        for prio, (pat, label) in enumerate(entries):
            toks = pat.split()
            if not toks or toks[0] == "*":
                continue
            # applied with rx.match at a word start, where (?<!\w) always holds: it only keeps a
            # *search* for the pattern linear on a giant word made of one stem repeated
            rx = re.compile(r"(?<!\w)" + _pattern_regex(pat) + r"(?!\w)", flags)
            first = self._norm(toks[0].translate(_CEDILLA))
            entry = (prio, rx, label)
            if not first.endswith("*") or len(first) == 1:
                self.exact.setdefault(first, []).append(entry)
            elif len(first) > 3:
                self.prefix.setdefault(first[:3], []).append(entry)
            else:
                self.short.setdefault(first[:-1], []).append(entry)

    def _norm(self, w: str) -> str:
        if "’" in w or "ʼ" in w:
            w = w.replace("’", "'").replace("ʼ", "'")
        return w.lower() if self.ignore_case else w

    def scan(self, text: str, words: list[Span]) -> list[tuple[str, int, int]]:
        out: list[tuple[str, int, int]] = []
        pos = 0
        exact, prefix, short = self.exact, self.prefix, self.short
        for s, e in words:
            if s < pos:
                continue
            w = self._norm(text[s:e])
            cands = exact.get(w, [])
            p3 = prefix.get(w[:3])
            if p3:
                cands = cands + p3
            if short:
                for k in (1, 2):
                    sh = short.get(w[:k])
                    if sh:
                        cands = cands + sh
            if not cands:
                continue
            if len(cands) > 1:
                cands = sorted(cands, key=lambda c: c[0])
            for _, rx, label in cands:
                m = rx.match(text, s)
                if m:
                    out.append((label, s, m.end()))
                    pos = m.end()
                    break
        return out


@dataclass(frozen=True)
class _Lexicon:
    cues: _WordIndex
    credits: re.Pattern[str]
    agencies: _WordIndex
    agency_names: tuple[tuple[str, str], ...]  # label (index) -> (canonical name, kind)
    not_speakers: frozenset[str]


@cache
def _lexicon(lang: str | None) -> _Lexicon:
    langs = [lang] if lang in SUPPORTED_LANGUAGES else list(SUPPORTED_LANGUAGES)
    lists: dict[str, list[str]] = {g: [] for g in _GROUPS}
    credits: list[str] = []
    not_speakers: set[str] = set()
    for lg in langs:
        lex = load("attribution", lg)
        not_speakers.update(w.lower() for w in lex.get("not_speakers", []))
        for g in _GROUPS:
            lists[g].extend(lex.get(_KEYS[g], []))
        credits.extend(lex.get("credit_prefixes", []))
    # priority: group order, then longer patterns first (as an alternation would)
    cue_entries = [(p, g) for g in _GROUPS for p in sorted(set(lists[g]), key=lambda p: (-len(p), p))]
    cues = _WordIndex(cue_entries, ignore_case=True)
    credit_re = re.compile(rf"(?<!\w)(?:{_alternation(credits)})", re.IGNORECASE)
    names: list[tuple[str, str]] = []
    agency_entries: list[tuple[str, str]] = []
    for i, src in enumerate(load("agencies", "any").get("source", [])):
        names.append((src["name"], src.get("kind", "agency")))
        agency_entries.extend((p.translate(_LOOKALIKE), str(i)) for p in src["patterns"])
    agency_entries.sort(key=lambda e: -len(e[0]))
    agencies = _WordIndex(agency_entries, ignore_case=False)
    return _Lexicon(cues, credit_re, agencies, tuple(names), frozenset(not_speakers))


# -- results ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: ``text[start:end]`` ties a statement to a source."""

    start: int
    end: int
    kind: str  # reporting_verb | according_to | agency | quote | anonymous
    speaker: str | None
    speaker_type: str  # agency | outlet | named | anonymous | reference | unknown
    cue: str  # the verb, the "according to" form, the agency or the quote's verb
    cue_span: Span

    def to_data(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "speaker_type": self.speaker_type, "cue": self.cue}
        if self.speaker:
            d["speaker"] = self.speaker
        return d


@dataclass
class AttributionAnalysis:
    attributions: list[Attribution] = field(default_factory=list)
    sentences: int = 0
    attributed_sentences: int = 0
    words: int = 0
    unattributed_quotes: list[Span] = field(default_factory=list)

    @property
    def density(self) -> float:
        return self.attributed_sentences / self.sentences if self.sentences else 0.0

    @property
    def named_sources(self) -> set[str]:
        return {
            _norm_speaker(a.speaker)
            for a in self.attributions
            if a.speaker and a.speaker_type in ("agency", "outlet", "named")
        }

    @property
    def anonymous_share(self) -> float | None:
        if not self.attributions:
            return None
        return sum(a.speaker_type == "anonymous" for a in self.attributions) / len(self.attributions)

    @property
    def quote_count(self) -> int:
        return sum(a.cue == "quote" for a in self.attributions)


def _norm_speaker(s: str) -> str:
    return " ".join(s.lower().split())


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    type: str  # agency | outlet | named | anonymous | reference
    speaker: str | None


# -- the analysis -----------------------------------------------------------------------
def analyse(doc: Doc) -> AttributionAnalysis:
    """Every attribution of the article (use ``doc.memo("attribution", analyse)``)."""
    text = doc.text
    lex = _lexicon(doc.lang)
    folded = text.translate(_CEDILLA)
    sentences = doc.sentences
    sent_starts = [s for s, _ in sentences]

    def sentence_of(pos: int) -> Span:
        import bisect

        i = bisect.bisect_right(sent_starts, pos) - 1
        if i < 0:
            return (0, len(text))
        s, e = sentences[i]
        return (s, e) if pos < e else (s, max(e, pos + 1))

    # credit lines: from a photo-credit prefix to the end of its line
    credit_spans: list[Span] = []
    for m in lex.credits.finditer(folded):
        eol = text.find("\n", m.start())
        credit_spans.append((m.start(), len(text) if eol == -1 else eol))

    def in_spans(pos: int, spans: list[Span]) -> bool:
        return any(s <= pos < e for s, e in spans)

    # direct quotes (>= MIN_QUOTE_WORDS words)
    quotes: list[Span] = []
    for m in _QUOTE_RE.finditer(text):
        if len(_WORD_IN.findall(m.group(1))) >= MIN_QUOTE_WORDS:
            quotes.append((m.start(), m.end()))

    # agencies and outlets
    agency_hits: list[_Cand] = []
    folded_caps = text.translate(_LOOKALIKE)
    starts = _word_starts(doc)
    for label, s, e in lex.agencies.scan(folded_caps, starts):
        if in_spans(s, credit_spans):
            continue
        if re.match(r"['’]s?(?!\w)", text[e : e + 2]):  # possessive: "Reuters's headquarters"
            continue
        name, kind = lex.agency_names[int(label)]
        agency_hits.append(_Cand(s, e, kind if kind in ("agency", "outlet") else "agency", name))

    # cues
    cue_hits: list[tuple[str, int, int]] = []
    cue_hits.extend(h for h in _cue_hits(doc) if h[0] != "skip")

    def overlaps_any(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
        return any(s < b and a < e for a, b in spans)

    agency_spans = [(c.start, c.end) for c in agency_hits]
    verb_spans = [(s, e) for g, s, e in cue_hits if g in ("verb", "acc")]
    anon_spans = [(s, e) for g, s, e in cue_hits if g == "anon"]

    # capitalised name runs
    lower_seen = {text[s:e] for s, e in doc.words if text[s].islower()}
    sent_start_set = set(sent_starts)
    runs: list[_Cand] = []
    words = doc.words
    i = 0
    while i < len(words):
        s, e = words[i]
        if not text[s].isupper():
            i += 1
            continue
        j = i
        end = e
        while j + 1 < len(words):
            ns, ne = words[j + 1]
            gap = text[end:ns]
            if gap.strip(" \u00a0-") == "" and "\n" not in gap and text[ns].isupper():
                j += 1
                end = ne
                continue
            # lower-case connector inside a name: "Ursula von der Leyen"
            if (j + 2 < len(words) and text[ns:ne] in _CONNECTORS and gap.isspace()
                    and text[words[j + 2][0]].isupper() and text[ne:words[j + 2][0]].isspace()):
                j += 2
                end = words[j][1]
                continue
            break
        # a leading function word is not part of the name ("The White House", "Про це")
        while text[s:e].lower() in lex.not_speakers and j > i:
            i += 1
            s, e = words[i]
        alpha = sum(ch.isalpha() for ch in text[s:end])
        lone_start = j == i and s in sent_start_set and text[s:e].lower() in lower_seen
        if alpha >= 2 and not lone_start and not (j == i and text[s:e].lower() in lex.not_speakers):
            if not overlaps_any(s, end, agency_spans) and not overlaps_any(s, end, anon_spans):
                runs.append(_Cand(s, end, "named", text[s:end]))
        i = j + 1

    # noun cues (anonymous, role, source noun) merged with a following name or agency
    named_pool = sorted(agency_hits + runs, key=lambda c: c.start)
    pool_starts = [c.start for c in named_pool]
    pool_span = max((c.end - c.start for c in named_pool), default=0)
    cands: list[_Cand] = []
    used: set[int] = set()
    for g, s, e in cue_hits:
        if g not in ("anon", "role", "src"):
            continue
        cur_end = e
        chain: list[_Cand] = []
        # an unnamed-source noun takes a name only right after it ("ekspert Jan Kowalski"),
        # a role or a source noun within four words ("rzecznik Białego Domu ds. … John Kirby")
        max_gap_words = 0 if g == "anon" else 4
        # a candidate starting before s - pool_span ends before s: skip them by bisection
        k0 = bisect.bisect_left(pool_starts, s - pool_span)
        for k in range(k0, len(named_pool)):
            c = named_pool[k]
            if c.end <= s:
                continue
            if c.start <= s < c.end:  # the cue is part of a capitalised run: "Mayor Anna Smith"
                chain.append(c)
                used.add(k)
                cur_end = max(cur_end, c.end)
                continue
            if c.start < cur_end:
                continue
            gap = text[cur_end : c.start]
            apposition = (gap.strip() == "," and c.type == "named"
                          and len(_WORD_IN.findall(text[c.start : c.end])) >= 2)  # "ministrul X, Marcel Boloș"
            if not apposition and (len(_WORD_IN.findall(gap)) > max_gap_words or len(gap) > 60
                                   or not _GAP_OK.match(gap)):
                break
            if overlaps_any(cur_end, c.start, verb_spans):
                break
            chain.append(c)
            used.add(k)
            cur_end = c.end
        if chain and g == "anon" and chain[0].start >= e and len(_WORD_IN.findall(text[chain[0].start : chain[0].end])) < 2:
            chain = []  # "według mediów Kim …": a lone capitalised word is not the expert's name
            used.difference_update(k for k, c in enumerate(named_pool) if c.start >= e and c.end <= cur_end)
        if chain:
            last_named = next((c for c in reversed(chain) if c.type == "named"), None)
            head = last_named or chain[-1]
            cands.append(_Cand(s, cur_end, head.type, head.speaker))
        else:
            typ = "anonymous" if g == "anon" else "reference"
            cands.append(_Cand(s, e, typ, text[s:e]))
    noun_spans = [(c.start, c.end) for c in cands]
    cands.extend(c for k, c in enumerate(named_pool)
                 if k not in used and not overlaps_any(c.start, c.end, noun_spans))
    cands = [c for c in cands if not overlaps_any(c.start, c.end, quotes)]
    cands.sort(key=lambda c: (c.start, -c.end))
    cand_starts = [c.start for c in cands]  # spans are non-empty: start > limit means end > limit

    def candidates_in(a: int, b: int) -> list[_Cand]:
        return [c for c in cands if c.start >= a and c.end <= b]

    def cand_after(pos: int, limit: int, max_chars: int = 80, strong: bool = False) -> _Cand | None:
        for i in range(bisect.bisect_left(cand_starts, pos), len(cands)):  # no slice: no tail copy
            c = cands[i]
            if c.start > limit:
                break
            if c.start >= pos and c.end <= limit:
                gap = text[pos : c.start]
                if len(gap) > max_chars or re.search(r"[.;!?]", gap):
                    return None
                if strong and c.type == "reference":
                    continue
                return c
        return None

    def cand_before(pos: int, lo: int, strong: bool = False) -> _Cand | None:
        best = None
        for c in cands[bisect.bisect_left(cand_starts, lo) : bisect.bisect_right(cand_starts, pos)]:
            if c.end <= pos and c.start >= lo and not (strong and c.type == "reference"):
                if best is None or c.end > best.end or (c.end == best.end and c.start < best.start):
                    best = c
        return best

    def quote_ends_at(k: int) -> bool:
        return any(qe - 1 == k for _, qe in quotes)

    attributions: list[Attribution] = []
    verb_attrs: list[Attribution] = []

    def make(start: int, end: int, kind: str, cand: _Cand | None, cue: str, cue_span: Span) -> Attribution:
        stype = cand.type if cand else "unknown"
        if stype == "anonymous":
            kind = "anonymous"
        return Attribution(start, end, kind, cand.speaker if cand else None, stype, cue, cue_span)

    for g, s, e in cue_hits:
        if g not in ("verb", "acc") or overlaps_any(s, e, quotes) or in_spans(s, credit_spans):
            continue
        ss, se = sentence_of(s)
        cue = text[s:e]
        if g == "verb":
            k = s - 1
            while k >= ss and text[k].isspace():
                k -= 1
            prev_word = _WORD_IN.findall(text[max(ss, k - 6) : k + 1])
            inverted = k < ss or (text[k] in _INVERTING and (text[k] not in "\"”»“" or quote_ends_at(k))) or (
                prev_word and len(prev_word[-1]) <= 4
                and re.search(r"[,–—:\"”»-]\s*\w{1,4}\s*$", text[ss : s])
            )
            cand = None
            # named or unnamed speakers first; a generic "the report" / "the ministry" last
            for strong in (True, False):
                if inverted:
                    cand = cand_after(e, se, strong=strong)
                if cand is None:
                    cand = cand_before(s, ss, strong=strong)
                    if cand is not None and not strong and len(text[cand.end : s]) > 120:
                        cand = None
                if cand is None and not inverted:
                    cand = cand_after(e, se, strong=strong)
                if cand is not None:
                    break
            if cand is None and not any(qs < se and ss < qe for qs, qe in quotes):
                continue
            if cand is not None and abs((cand.start if cand.start >= e else s) - (e if cand.start >= e else cand.end)) <= 40:
                a, b = min(s, cand.start), max(e, cand.end)
            else:
                a, b = s, e
            att = make(a, b, "reporting_verb", cand, cue, (s, e))
            verb_attrs.append(att)
        else:
            cand = cand_after(e, se, max_chars=60)
            if cand is None:
                prev = cand_before(s, ss)
                if prev is not None and len(_WORD_IN.findall(text[prev.end : s])) <= 1:
                    cand = prev
            if cand is None:
                # "selon la métropole", "según el ministerio": the object of an according-to
                # form is a source even when the lexicon does not know the noun
                m_obj = _OBJECT_RE.match(text, e)
                if m_obj is None or not any(ch.isalpha() for ch in m_obj.group()):
                    continue
                cand = _Cand(e, m_obj.end(), "reference", m_obj.group().strip())
            a, b = min(s, cand.start), max(e, cand.end)
            attributions.append(make(a, b, "according_to", cand, cue, (s, e)))

    # quotes and their speakers
    consumed: set[int] = set()
    last_quote: tuple[Span, Attribution] | None = None
    unattributed: list[Span] = []
    for qs, qe in quotes:
        chosen: int | None = None
        for idx, va in enumerate(verb_attrs):
            cs, ce = va.cue_span
            if cs >= qe and _QUOTE_VERB_GAP.match(text[qe:cs]):
                chosen = idx
                break
            if ce <= qs and re.match(r"^[\s,:]*(?:\w{1,4}\s*)?$", text[ce:qs]) and text[ce:qs].strip(" ,")[:1] in (":", ""):
                chosen = idx
                break
        if chosen is None:
            ss, se = sentence_of(max(qe - 1, qs))
            for idx, va in enumerate(verb_attrs):
                if ss <= va.cue_span[0] < se:
                    chosen = idx
                    break
        if chosen is not None:
            va = verb_attrs[chosen]
            consumed.add(chosen)
            if va.start >= qe:
                a, b = qs, va.end
            elif va.end <= qs:
                a, b = va.start, qe
            else:
                a, b = min(qs, va.start), max(qe, va.end)
            kind = "anonymous" if va.speaker_type == "anonymous" else "quote"
            att = Attribution(a, b, kind, va.speaker, va.speaker_type, "quote", va.cue_span)
            attributions.append(att)
            last_quote = ((qs, qe), att)
        elif last_quote is not None and _continues(text, max(last_quote[0][1], last_quote[1].end), qs, sent_start_set):
            # a quote opening the next sentence of the same paragraph continues the speaker
            prev_att = last_quote[1]
            att = Attribution(qs, qe, prev_att.kind, prev_att.speaker, prev_att.speaker_type, "quote", (qs, qe))
            attributions.append(att)
            last_quote = ((qs, qe), att)
        elif (intro := _COLON_INTRO.search(text, 0, qs)) is not None and intro.end() == qs and (
            cand := cand_before(intro.start(), sentence_of(qs)[0], strong=True)
        ) is not None and (cand.type in ("agency", "outlet") or (
            cand.type == "named" and len(_WORD_IN.findall(cand.speaker or "")) >= 2)):
            # "… се подписа … с думите: „…”" — a quote introduced by a colon after its speaker
            # (a full name or an agency: a lone capitalised word may be any German noun)
            kind = "anonymous" if cand.type == "anonymous" else "quote"
            att = Attribution(cand.start, qe, kind, cand.speaker, cand.type, "quote", (intro.start(), qs))
            attributions.append(att)
            last_quote = ((qs, qe), att)
        else:
            unattributed.append((qs, qe))
            last_quote = None
    attributions.extend(va for idx, va in enumerate(verb_attrs) if idx not in consumed)

    # agencies cited as the source of the text: "(Reuters)", "/PAP/", a "Źródło: PAP" line
    covered = [(x.start, x.end) for x in attributions]
    for c in agency_hits:
        if overlaps_any(c.start, c.end, covered) or overlaps_any(c.start, c.end, quotes):
            continue
        before, after = text[max(0, c.start - 1) : c.start], text[c.end : c.end + 1]
        ls = text.rfind("\n", 0, c.start) + 1
        le = text.find("\n", c.end)
        line = text[ls : len(text) if le == -1 else le]
        dateline = (before, after) in (("(", ")"), ("/", "/"), ("[", "]"))
        label_line = re.fullmatch(r"\s*[\w .]{1,20}:\s*", text[ls : c.start]) is not None and line[c.end - ls :].strip(" ./") == ""
        if dateline or label_line:
            attributions.append(Attribution(c.start, c.end, "agency", c.speaker, c.type, text[c.start : c.end], (c.start, c.end)))

    attributions.sort(key=lambda x: (x.start, x.end))

    # density over sentences of >= MIN_SENTENCE_WORDS words
    marks = sorted({sp for x in attributions for sp in ((x.start, x.end), x.cue_span)})
    mark_starts = [a for a, _ in marks]
    reach: list[int] = []  # reach[j]: the furthest end among marks[: j + 1]
    for _a, b in marks:
        reach.append(max(b, reach[-1]) if reach else b)
    counted = attributed = 0
    for s, e in sentences:
        if len(doc.words_in(s, e)) < MIN_SENTENCE_WORDS:
            continue
        counted += 1
        j = bisect.bisect_left(mark_starts, e)  # the marks starting before e; does one end after s?
        if j and reach[j - 1] > s:
            attributed += 1
    return AttributionAnalysis(attributions, counted, attributed, len(doc.words), unattributed)


_COLON_INTRO = re.compile(r":\s*$")
# up to three words right after an according-to form, stopping at punctuation or a line break
_OBJECT_RE = re.compile(r"[ \t\u00a0]+\w[\w'’\-]*(?:[ \t\u00a0]+\w[\w'’\-]*){0,2}")


def _continues(text: str, prev_end: int, qs: int, sentence_starts: set[int]) -> bool:
    """A quote at ``qs`` continues an attributed quote ending at ``prev_end``."""
    gap = text[prev_end:qs]
    if re.fullmatch(r"[\s.,;:…–—\-]*", gap):
        return True
    return qs in sentence_starts and "\n" not in gap and len(gap) <= 200 and not _QUOTE_RE.search(gap)


def _word_starts(doc: Doc) -> list[Span]:
    """Word starts, plus the starts after an elided article: "l'AFP", "d'Interfax"."""
    return doc.memo("attribution:starts", _compute_word_starts)


def _compute_word_starts(doc: Doc) -> list[Span]:
    text = doc.text
    starts: list[Span] = []
    for s, e in doc.words:
        starts.append((s, e))
        for k in range(s + 1, e - 1):
            if text[k] in "'’ʼ":
                starts.append((k + 1, e))
    return starts


def _cue_hits(doc: Doc) -> list[tuple[str, int, int]]:
    """Every attribution cue of the article (group, start, end), computed once per article
    for the attribution analysis and the machine-translation family."""
    return doc.memo("attribution:cues", lambda d: _lexicon(d.lang).cues.scan(d.text.translate(_CEDILLA), _word_starts(d)))


def reporting_verb_spans(doc: Doc) -> list[Span]:
    """The spans of the reporting verbs of the article's language (``reporting_verbs`` of
    ``attribution/<lang>.toml``: "powiedział", "a declarat", "said"), in text order; shared
    with the machine-translation family (MT002 finds two of them glued together)."""
    return [(s, e) for g, s, e in _cue_hits(doc) if g == "verb"]


def get(doc: Doc) -> AttributionAnalysis:
    """The shared analysis of ``doc`` (computed once per article)."""
    return doc.memo("attribution", analyse)


@article_scorer("attribution", requires=("attribution",))
def score(doc: Doc, findings: list[Finding]) -> dict[str, Any]:
    a = get(doc)
    share = a.anonymous_share
    return {
        "attribution_density": round(a.density, 4),
        "named_sources": len(a.named_sources),
        "anonymous_share": None if share is None else round(share, 4),
        "quote_count": a.quote_count,
    }
