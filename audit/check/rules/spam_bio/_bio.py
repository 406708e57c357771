"""Find template author bios: runs of short verbless "Adjective noun." fragments built from
persona archetypes. Shared by BIO001 (article text) and BIO002 (author fields).

The structure does most of the work: a run of at least three consecutive fragments, each of
1-4 content words, ending in a full stop, with no verb, no digit and no colon, of which at
least two (and at least half) contain an archetype noun from ``audit/lexicons/bio_archetypes``.

A leading fragment without an archetype is not counted, but when the bio fills its line, the
author's name and short fragments before it are part of the bio line:

>>> text = "Food critic. Proud organizer. Alcohol ninja. Food nerd. Avid reader."
>>> [(r.fragments, r.archetypes, text[r.start : r.end]) for r in find_runs(text, "en")]
[(4, 4, 'Food critic. Proud organizer. Alcohol ninja. Food nerd. Avid reader.')]
>>> text = "Ann Lee – Incurable coffee fanatic. Friend of zombies. Music nerd. Web guru."
>>> [text[r.start : r.end] for r in find_runs(text, "en")] == [text]
True
>>> find_runs("Legia - Lech 2:1. Wisła - Cracovia 0:0. Górnik - Piast 1:1.", "pl")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from audit.check.rules.links._text import stopwords, union
from audit.lexicons import SUPPORTED_LANGUAGES
from audit.text import WORD_RE, Doc

# a fragment: text up to a terminal punctuation run (or the end of the line)
_PIECE_RE = re.compile(r"[^.!?…\n]+[.!?…]*")
#: fragments separated by bars or bullets, the social-profile layout of the same bios
_SEPARATORS = "|•·"
_SEP_PIECE_RE = re.compile(r"[^|•·\n]+")
_QUOTES = "\"'„“”«»‚‘’()[] \t\u00a0*–—-"


@dataclass
class BioRun:
    start: int
    end: int
    fragments: int
    archetypes: int
    words: list[str]  # the archetype words found, for the message
    whole_lines: bool  # the run fills its line(s) (apart from quotes and spaces)
    line_start: int
    line_end: int


@dataclass(frozen=True)
class _Lex:
    words: frozenset[str]
    long_words: frozenset[str]
    stems: tuple[str, ...]
    suffixes: tuple[str, ...]
    suffix_re: re.Pattern[str] | None  # ^.{4,}(suffix)$: a compound ending in an archetype
    verbs: frozenset[str]
    verb_suffix_re: re.Pattern[str] | None
    stop: frozenset[str]


@cache
def _lexicon(lang: str | None) -> _Lex:
    verb_langs = (lang, "en") if lang in SUPPORTED_LANGUAGES else SUPPORTED_LANGUAGES
    suffix_res = union("bio_archetypes", "verb_suffixes", verb_langs)
    return _Lex(
        words=frozenset(w.lower() for w in union("bio_archetypes", "words")),
        long_words=frozenset(w.lower() for w in union("bio_archetypes", "words") if len(w) >= 4),
        stems=tuple(w.lower() for w in union("bio_archetypes", "stems")),
        suffixes=tuple(w.lower() for w in union("bio_archetypes", "suffixes")),
        suffix_re=re.compile(r"^.{4,}(?:" + "|".join(re.escape(w.lower()) for w in union("bio_archetypes", "suffixes"))
                             + r")$", re.DOTALL) if union("bio_archetypes", "suffixes") else None,
        verbs=frozenset(w.lower() for w in union("bio_archetypes", "verbs", verb_langs)),
        verb_suffix_re=re.compile("|".join(f"(?:{p})" for p in suffix_res)) if suffix_res else None,
        stop=stopwords(lang),
    )


#: an archetype word may carry an inflection of at most this many letters ("nerd" -> "Nerdin",
#: "guru" -> "gurus"); only for words of 4+ letters ("fan" -> "fanny" is not a fan)
_INFLECTION = 3


def is_archetype(word: str, lex: _Lex) -> bool:
    """``word`` names a persona archetype: itself, or one part of a hyphenated compound
    ("Musik-Nerdin", "Teilzeit-Zombie-Gelehrte", "Twitter-Vorreiterin"), is an archetype word
    (possibly inflected), starts with an archetype stem, or ends with an archetype suffix."""
    w = word.lower()
    parts = [w, *w.split("-")[1:]] if "-" in w else [w]
    for p in parts:
        if p in lex.words or p.startswith(lex.stems):
            return True
        if len(p) >= 5 and any(p[:-k] in lex.long_words for k in range(1, _INFLECTION + 1) if len(p) - k >= 4):
            return True
    return bool(lex.suffix_re and lex.suffix_re.match(w))


@dataclass
class _Frag:
    start: int
    end: int
    line: int
    ok: bool
    archetype: str | None
    ends_line: bool
    soft: bool = False


def _fragment(text: str, s: int, e: int, line: int, line_end: int, lex: _Lex, max_words: int,
              sep: bool = False) -> _Frag:
    piece = text[s:e]
    core_end = len(piece.rstrip(_QUOTES))
    term = piece[:core_end]
    body = term.rstrip(".!?…").rstrip(_QUOTES)
    terminal = term[len(body):].strip(_QUOTES)
    lead = len(body) - len(body.lstrip(_QUOTES))
    body = body[lead:]
    fs = s + lead
    fe = s + core_end
    rest = text[fe:line_end]
    ends_line = not rest.strip(_QUOTES + ".")
    if ends_line:
        fe = s + len(piece.rstrip(" \t\u00a0"))
    words = [m.group() for m in WORD_RE.finditer(body)]
    content = [w for w in words if w.lower() not in lex.stop]
    ok = (
        (terminal == "." or (sep and not terminal))
        and 1 <= len(content) <= max_words
        and len(words) <= max_words + 2
        and body[:1].isupper()
        and not any(ch.isdigit() for ch in body)
        and ":" not in body
        and not any(w.lower() in lex.verbs for w in words)
        and not (lex.verb_suffix_re and any(len(w) >= 6 and lex.verb_suffix_re.search(w.lower()) for w in words))
    )
    # a fragment a little too long ("Expertă în zombi cu jumătate de normă."): verbless, capitalised,
    # ending in a full stop, at most twice the word limit -- may sit inside a bio, never start one
    soft = (not ok and terminal == "." and len(content) <= 2 * max_words and body[:1].isupper()
            and not any(ch.isdigit() for ch in body) and ":" not in body
            and not any(w.lower() in lex.verbs for w in words))
    arche = next((w for w in content if is_archetype(w, lex)), None) if ok or soft else None
    return _Frag(fs, fe, line, ok, arche, ends_line, soft)


_NAME_SEP_RE = re.compile(r"^\s*((?:[^\W\d_][\w'’.\-]*\s+){0,3}[^\W\d_][\w'’.\-]*)\s*(?:[–—:|,]|\s-)\s*(?=\S)")


def _bio_lead(lead: str, lex: _Lex, max_words: int) -> bool:
    """``lead`` (the text of a bio's first line before the run) is the author's name and/or short
    verbless fragments: "Jodie Marsh. ", "Oliwia Sztorm – Niepoprawna fanatyczka kawy. "."""
    pieces = [m for m in _PIECE_RE.finditer(lead) if m.group().strip(_QUOTES + ".")]
    if not pieces or len(pieces) > 3:
        return False
    for k, m in enumerate(pieces):
        piece = m.group()
        if k == 0:
            nm = _NAME_SEP_RE.match(piece) or _NAME_SEP_RE.match(piece + " x")
            if nm and all(w[:1].isupper() for w in nm.group(1).split()):
                piece = piece[nm.end():]
                if not piece.strip(_QUOTES + "."):
                    continue
        f = _fragment(piece, 0, len(piece), 0, len(piece), lex, max_words + 1)
        if not (f.ok or f.soft):
            return False
    return True


def find_runs(text: str, lang: str | None, *, lines: list[tuple[int, int]] | None = None,
              min_fragments: int = 3, min_archetypes: int = 2, min_archetype_share: float = 0.5,
              max_words: int = 4, with_lead: bool = True) -> list[BioRun]:
    """Every template-bio run in ``text`` (``lines``: its non-blank line spans, if known).
    ``with_lead``: a name and short fragments before a run that fills its line join the run (the
    article text); off for author fields, where the name is the field's legitimate content."""
    lex = _lexicon(lang)
    if lines is None:
        lines = [m.span() for m in re.finditer(r"[^\r\n]+", text) if m.group().strip()]
    frags: list[_Frag] = []
    for li, (ls, le) in enumerate(lines):
        line = text[ls:le]
        if "." not in line:
            # "Coffee nerd | Web guru | Avid reader": separators instead of full stops
            if sum(line.count(c) for c in _SEPARATORS) >= 2:
                for m in _SEP_PIECE_RE.finditer(text, ls, le):
                    if m.group().strip(_QUOTES):
                        frags.append(_fragment(text, m.start(), m.end(), li, le, lex, max_words, sep=True))
            continue
        for k, m in enumerate(_PIECE_RE.finditer(text, ls, le)):
            if m.group().strip(_QUOTES + "."):
                f = _fragment(text, m.start(), m.end(), li, le, lex, max_words)
                if not f.ok and k == 0:  # "Oliwia Sztorm – Niepoprawna fanatyczka kawy."
                    nm = _NAME_SEP_RE.match(m.group())
                    if nm and all(w[:1].isupper() for w in nm.group(1).split()):
                        f = _fragment(text, m.start() + nm.end(), m.end(), li, le, lex, max_words)
                frags.append(f)
    runs: list[BioRun] = []
    cur: list[_Frag] = []

    def close() -> None:
        seq = list(cur)
        arche = [f.archetype for f in seq if f.archetype]
        share = len(arche) / len(seq) if seq else 0.0  # over the whole run of short fragments
        while seq and not seq[0].archetype:  # a leading name or sentence is not part of the bio
            seq.pop(0)
        if len(seq) >= min_fragments and len(arche) >= min_archetypes and share >= min_archetype_share:
            first_line, last_line = lines[seq[0].line], lines[seq[-1].line]
            lead = text[first_line[0] : seq[0].start]
            start = seq[0].start
            if with_lead and lead.strip(_QUOTES) and seq[-1].ends_line and _bio_lead(lead, lex, max_words):
                # "Jodie Marsh. Certified coffee fanatic. …", "Oliwia Sztorm – Niepoprawna fanatyczka
                # kawy. …": the author's name and short fragments before the run belong to the bio line
                start = first_line[0] + len(lead) - len(lead.lstrip(_QUOTES))
                lead = ""
            whole = not lead.strip(_QUOTES) and seq[-1].ends_line
            runs.append(BioRun(start, seq[-1].end, len(seq), len(arche), [a for a in arche if a],
                               whole, first_line[0], last_line[1]))
        cur.clear()

    pending: _Frag | None = None  # one longer fragment inside a bio line, bridged if the bio goes on
    for f in frags:
        if not f.ok:
            if pending is None and f.soft and cur and cur[-1].line == f.line and cur[-1].archetype:
                if f.ends_line and f.archetype:  # "… Evangelista del tocino amigable con los hipsters."
                    cur.append(f)
                    close()
                    continue
                pending = f
                continue
            pending = None
            close()
            continue
        if pending is not None:
            if pending.line == f.line:
                cur.append(pending)  # "Expertă în zombi cu jumătate de normă." between two archetypes
            else:
                close()
            pending = None
        if cur:
            prev = cur[-1]
            gap = text[prev.end : f.start].replace("\r\n", "\n")
            joined = prev.line == f.line or (prev.ends_line and f.line == prev.line + 1
                                             and gap.count("\n") + gap.count("\r") <= 1)
            if not joined or (prev.line != f.line and text[lines[f.line][0] : f.start].strip(_QUOTES)):
                close()
        cur.append(f)
    close()
    return runs


def bio_runs(doc: Doc) -> list[BioRun]:
    """The runs of the article text with the default thresholds, shared through ``doc.memo``
    (the boilerplate family leaves these lines to BIO001)."""
    return doc.memo("spam_bio", lambda d: find_runs(d.text, d.lang, lines=d.nonblank_lines))
