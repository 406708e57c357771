"""Shared analysis of the machine-translation (MT) family.

Every MT check, the article-level MT010 check and the ``mt_score`` scorer read the same
per-article analysis, computed once per (detector, thresholds) with ``doc.memo``.
A detector returns a list of :class:`Signal` (a span plus what it found); the checks turn
signals into findings, the scorer combines their counts.

Word statistics come from the ``wordfreq`` package (Zipf scale: 6 = once per thousand
words, 3 = once per million), imported lazily and cached per (word, language).

Cue phrases live in ``audit/lexicons/mt_cues/<lang>.toml`` (fragment allow-lists,
institution heads, spacing rules, loan phrases) and
``audit/lexicons/mt_calques/<lang>.toml`` (calqued English newsroom formulas).

**Severity rule** (issue #3: "one article-level score combines them; a single weak signal
must not condemn an article"). A signal of MT001-MT006 is reported at the check's severity
(``warning`` by default) only when

* the article as a whole is judged machine translated — :func:`verdict`: ``mt_score`` at or
  over MT010's ``threshold`` *and* at least ``min_kinds`` different kinds of evidence agree,
  i.e. exactly when MT010 reports its ``error``; or
* the signal is strong on its own by a documented measurement: its strength reaches the
  check's ``standalone`` class attribute (``None`` = never). Only the lexicon calques of
  weight >= 0.8 (the "contributed to this report" / "Reporting by" bylines and the literal
  renderings no edited copy contains) and MT006's untranslated clauses of strength 0.9
  (three or more words with a function word) qualify.

Otherwise the signal is ``info``: an observation shown by ``--min-severity info`` and in
the report, not an accusation. The verdict is computed once per article (``doc.memo``)
from every detector, whichever checks are selected, at the thresholds configured for them
(``[tool.newsaudit.checks.MT00x]``) when the engine shares its check instances.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, cast

from audit.lexicons import load as load_lexicon
from audit.text import Doc

# -- signals ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Signal:
    """One piece of MT evidence: a span, the detector kind, and details for the message."""

    kind: str  # "fragment", "fused", "titlecase", "calque", "spacing", "untranslated"
    start: int
    end: int
    strength: float = 1.0  # 0-1: how sure the detector is (used to pick the strongest span)
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def memo_signals(doc: Doc, kind: str, params: dict[str, Any], fn: Callable[..., list[Signal]]) -> list[Signal]:
    """Run ``fn(doc, **params)`` once per article and parameter set."""
    key = "mt:" + kind + ":" + repr(sorted(params.items()))
    return doc.memo(key, lambda d: fn(d, **params))


# -- lexicons ---------------------------------------------------------------------------


@cache
def cues(lang: str) -> dict[str, Any]:
    """The ``mt_cues`` lexicon of a language (sections fragment, titlecase, fused, spacing,
    untranslated), merged over the language-independent ``any`` file."""
    base = load_lexicon("mt_cues", "any")
    own = load_lexicon("mt_cues", lang)
    out: dict[str, Any] = {}
    for section in set(base) | set(own):
        merged: dict[str, Any] = {}
        for src in (base.get(section, {}), own.get(section, {})):
            for k, v in src.items():
                if isinstance(v, list) and isinstance(merged.get(k), list):
                    merged[k] = merged[k] + v
                else:
                    merged[k] = v
        out[section] = merged
    return out


def cue_set(lang: str, section: str, key: str) -> frozenset[str]:
    return _cue_set(lang, section, key)


@cache
def _cue_set(lang: str, section: str, key: str) -> frozenset[str]:
    return frozenset(str(x).lower() for x in cues(lang).get(section, {}).get(key, []))


def stopwords(lang: str) -> frozenset[str]:
    """The function words of a language (``stopwords/<lang>.toml``, shared with the link and
    bio families); empty for no language."""
    from audit.check.rules.links._text import stopwords as _load

    return _load(lang) if lang else frozenset()


# -- word frequencies -------------------------------------------------------------------

_CYR2LAT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
})


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of a lowercased word in a language (0 when unknown): wordfreq's
    figures through :mod:`audit.check.wordstats`, which opens a language in ~2 ms
    instead of wordfreq's 0.2–0.35 s."""
    from audit.check.wordstats import zipf as _zipf

    return _zipf(word, lang)


@lru_cache(maxsize=65_536)
def family_zipf(prefix: str, lang: str) -> float:
    """Zipf frequency of all the words of a language that start with ``prefix`` together
    (0 when none): the frequency of a lemma's whole family of inflected forms, so that a
    rare form of a common word ("климатической", "kontynuowanie") still reads as ordinary
    vocabulary. A binary search over :mod:`audit.check.wordstats`' sorted table."""
    import math
    import unicodedata

    from audit.check import wordstats

    table = wordstats._table(lang)
    if table is None or not prefix:
        return zipf(prefix, lang)
    import numpy as np

    words, zipfs = table
    key = unicodedata.normalize("NFC", prefix.lower()).encode("utf-8")
    lo = int(np.searchsorted(words, key))
    hi = int(np.searchsorted(words, key + b"\xff"))
    if hi <= lo:
        return 0.0
    total = float(np.sum(np.power(10.0, zipfs[lo:hi].astype(np.float64) / 100.0 - 9.0)))
    return round(math.log10(total) + 9.0, 2) if total > 0 else 0.0


def english_zipf(word: str) -> float:
    """Zipf frequency in English of the lowercased word, transliterated from Cyrillic."""
    return zipf(word.lower().translate(_CYR2LAT), "en")


@lru_cache(maxsize=262_144)
def english_affinity(word: str) -> float:
    """How common the word (or its stem, transliterated from Cyrillic) is in English.

    Proper names are international: ``donald``, ``putin``, ``korea`` are as frequent in
    English as in Polish, whereas ``wysoki`` or ``значение`` never occur in English.
    Inflected names (``Donalda``, ``Путина``) are matched through their stem (the word
    minus up to three final letters, stems of 4+ letters). A stem match is weaker evidence:
    -0.5 Zipf for stems of 5+ letters, -1.5 for 4 letters (``funk`` is not ``funkcji``).
    """
    w = word.lower().translate(_CYR2LAT)
    best = zipf(w, "en")
    for cut in (1, 2, 3):
        stem = w[:-cut]
        if len(stem) < 4:
            break
        best = max(best, zipf(stem, "en") - (0.5 if len(stem) >= 5 else 1.5))
    return best


# -- text context -----------------------------------------------------------------------

_QUOTE_PAIRS = {"„": "”“\"", "“": "”\"", "«": "»", "‚": "‘’", "»": "«", "\"": "\"", "‘": "’", "《": "》"}
_OPENERS = re.compile(r"[„“«‚\"‘»]")


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans of quoted passages (opening to closing mark), paired within each paragraph."""
    return doc.memo("mt:quotes", _quote_spans)


def _quote_spans(doc: Doc) -> list[tuple[int, int]]:
    text = doc.text
    spans: list[tuple[int, int]] = []
    for ps, pe in doc.paragraphs:
        pos = ps
        while pos < pe:
            m = _OPENERS.search(text, pos, pe)
            if not m:
                break
            opener = m.group()
            if opener == "»" and doc.lang not in ("de",):
                pos = m.end()
                continue
            if opener == "‘" and m.start() > ps and text[m.start() - 1].isalnum():
                pos = m.end()  # an apostrophe-like ‘ inside a word
                continue
            closers = _QUOTE_PAIRS[opener]
            end = -1
            for i in range(m.end(), pe):
                ch = text[i]
                if ch in closers and not (ch in "’'" and i + 1 < pe and text[i + 1].isalpha()):
                    end = i + 1
                    break
            if end < 0:
                if opener in "„“«":  # an unclosed quote runs to the end of the paragraph
                    spans.append((m.start(), pe))
                    break
                pos = m.end()
                continue
            spans.append((m.start(), end))
            pos = end
    dialogue = [(a, b) for a, b in _dialogue_spans(doc) if not any(a < qe and qs < b for qs, qe in spans)]
    return sorted(spans + dialogue) if dialogue else spans


#: a dialogue dash opening direct speech: at the start of a paragraph or after a sentence end
#: ("…mistrzami. – It's the best team I've ever played for – powiedział po angielsku."), as
#: Polish, Bulgarian, Russian, Ukrainian, Romanian, French and Spanish print speech
_DIALOGUE_OPEN = re.compile(r"(?:^|(?<=[.!?…]\s))[ \t]*[–—][ \t]+(?=[^\W\d_])", re.MULTILINE)
#: the dash that closes the speech before the speech verb ("… – powiedział", "… — сказал")
_DIALOGUE_CLOSE = re.compile(r"[ \t][–—][ \t]")


def _dialogue_spans(doc: Doc) -> list[tuple[int, int]]:
    """Direct speech printed with a dialogue dash: from the dash to the closing dash or to
    the end of the paragraph."""
    text = doc.text
    if "–" not in text and "—" not in text:
        return []
    ends = [pe for _ps, pe in doc.paragraphs]
    out: list[tuple[int, int]] = []
    done = -1
    for m in _DIALOGUE_OPEN.finditer(text):
        k = bisect.bisect_right(ends, m.start())
        if m.start() < done or k == len(ends):
            continue
        c = _DIALOGUE_CLOSE.search(text, m.end(), ends[k])
        out.append((m.start(), c.start() if c else ends[k]))
        done = c.end() if c else ends[k]
    return out


def enclosing_span(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The span of the sorted, disjoint ``spans`` that overlaps ``[start, end)``, if any."""
    i = bisect.bisect_right(spans, (start, 10**18)) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans):
            s, e = spans[j]
            if s < end and start < e:
                return s, e
    return None


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (start, 10**18)) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans):
            s, e = spans[j]
            if s < end and start < e:
                return True
    return False


_TERMINAL = ".!?…:;»”\"“)"


def title_lines(doc: Doc) -> list[tuple[int, int]]:
    """Lines that read as headlines: short and without terminal punctuation, or equal to
    the article's title. MT checks ignore capitalisation and fragments inside them."""
    return doc.memo("mt:titles", _title_lines)


def _title_lines(doc: Doc) -> list[tuple[int, int]]:
    title = (doc.meta.get("title") or "").strip()
    out = []
    for s, e in doc.nonblank_lines:
        line = doc.text[s:e]
        if title and line.strip() == title:
            out.append((s, e))
            continue
        # 25 words: the longest headlines of the seed outlets are ~20 words
        if line.rstrip()[-1:] not in _TERMINAL and len(doc.words_in(s, e)) <= 25:
            out.append((s, e))
    return out


def line_of(doc: Doc, pos: int) -> tuple[int, int]:
    ln, _ = doc.line_col(pos)
    return doc.lines[ln - 1]


def is_capitalised(word: str) -> bool:
    """``Wysoki`` yes, ``NATO`` and ``wysoki`` no."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])


def is_allcaps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def capitalised_midsentence_forms(doc: Doc) -> dict[str, int]:
    """Lowercased words that occur capitalised somewhere *not* at a sentence start, with
    their counts: in this article they are written as names."""
    return doc.memo("mt:capforms", _capforms)


def word_case_counts(doc: Doc) -> tuple[dict[str, int], frozenset[str]]:
    """``(capitalised occurrences anywhere by lowercased form, lowercase forms)``: a word
    capitalised twice and never written in lowercase is a name in this article."""
    return doc.memo("mt:casecounts", _case_counts)


def _case_counts(doc: Doc) -> tuple[dict[str, int], frozenset[str]]:
    caps: dict[str, int] = {}
    lower: set[str] = set()
    text = doc.text
    for s, e in doc.words:
        w = text[s:e]
        if "'" in w or "’" in w:
            w = _ELISION_RE.sub("", w)
        if is_capitalised(w):
            lw = w.lower()
            caps[lw] = caps.get(lw, 0) + 1
        elif w[:1].islower():
            lower.add(w)
    return caps, frozenset(lower)


def _capforms(doc: Doc) -> dict[str, int]:
    text = doc.text
    counts: dict[str, int] = {}
    for ss, se in doc.sentences:
        words = doc.words_in(ss, se)
        for k, (s, e) in enumerate(words):
            if k == 0:
                continue
            w = text[s:e]
            if "'" in w or "’" in w:
                w = _ELISION_RE.sub("", w)  # French/Italian elision: l'Ukraine
            if is_capitalised(w) and not _after_opening(text, words[k - 1][1], s):
                lw = w.lower()
                counts[lw] = counts.get(lw, 0) + 1
    return counts


_ELISION_RE = re.compile(r"^[^\W\d_]{1,2}['’](?=[^\W\d_])")


def _after_opening(text: str, prev_end: int, start: int) -> bool:
    """True when the gap between two words holds punctuation that licenses a capital
    (colon, dash, opening quote or bracket, sentence end)."""
    gap = text[prev_end:start]
    return bool(gap.strip()) and any(c in gap for c in ":-–—([„“«\"‚‘».!?…")


def prefix_index(forms: dict[str, int] | set[str], n: int = 5) -> set[str]:
    return {f[:n] for f in forms if len(f) >= n}


# -- the detector checks' common base ----------------------------------------------------


@cache
def _option_names(cls: Any) -> tuple[str, ...]:
    return tuple(cls.options())


class DetectorMixin:
    """For MT checks backed by a detector: ``signals(doc)`` runs the detector once per
    article and parameter set (shared with MT010 and the scorer through ``doc.memo``)."""

    kind: str = ""
    #: the strength from which one signal is a warning on its own (``None``: never; see
    #: the severity rule in the module docstring)
    standalone: float | None = None

    def severity_of(self, doc: Doc, sig: Signal) -> Any:
        """The check's severity when the article is judged machine translated or the signal
        is strong on its own, else ``info`` (the severity rule of this module)."""
        from audit.model import Severity

        if verdict(doc).machine_translated:
            return self.effective_severity  # type: ignore[attr-defined]
        if self.standalone is not None and sig.strength >= self.standalone:
            return self.effective_severity  # type: ignore[attr-defined]
        return Severity.INFO

    #: the detector: ``detect(doc, **thresholds) -> list[Signal]``, each check declaring its
    #: own keyword-only thresholds (hence a callable attribute, not an abstract method)
    detect: Callable[..., list[Signal]]

    def params(self) -> dict[str, Any]:  # the thresholds the detector takes
        return {k: getattr(self, k) for k in _option_names(cast(Hashable, type(self)))}

    def signals(self, doc: Doc) -> list[Signal]:
        if not doc.lang:
            return []
        return memo_signals(doc, self.kind, self.params(), self._run_detect)

    def _run_detect(self, doc: Doc, **params: Any) -> list[Signal]:
        return self.detect(doc, **params)


def detector_classes() -> list[Any]:
    """The MT detector checks (MT001-MT006), in code order."""
    import importlib

    out: list[Any] = []
    for code in ("MT001", "MT002", "MT003", "MT004", "MT005", "MT006"):
        mod = importlib.import_module(f"audit.check.rules.mt.{code}")
        out.extend(v for v in vars(mod).values()
                   if isinstance(v, type) and getattr(v, "code", None) == code)
    return out


# -- the article-level verdict ------------------------------------------------------------

#: MT010's defaults, used when the engine did not share a configured MT010 instance.
#: threshold=0.5: the logistic midpoint of ``mt_score`` (see :mod:`audit.score.mt`).
#: min_kinds=2: a single kind of evidence never condemns an article, however often it
#: recurs (a writer may repeat one habit, e.g. spaces before commas, all through a text).
DEFAULT_THRESHOLD = 0.5
DEFAULT_MIN_KINDS = 2


@dataclass(frozen=True)
class Verdict:
    """The article-level reading of every MT signal (shared by the checks, MT010 and
    ``mt_score``)."""

    signals: list[Signal]
    score: float
    contrib: dict[str, float]  # logit contribution per kind
    threshold: float
    min_kinds: int
    evidence: int = 0  # independent pieces of evidence (audit.score.mt.evidence_count)

    @property
    def kinds(self) -> list[str]:
        """Kinds of evidence present, strongest contribution first."""
        return sorted(self.contrib, key=lambda k: -self.contrib[k])

    @property
    def machine_translated(self) -> bool:
        return self.score >= self.threshold and self.evidence >= self.min_kinds


def configured_checks(doc: Doc) -> dict[str, Any]:
    """The check instances the engine runs, by code (``{}`` when the Doc was built
    outside an :class:`audit.check.engine.Auditor`)."""
    return doc.memo("auditor:checks", lambda _d: {})


def verdict(doc: Doc) -> Verdict:
    """The article-level verdict (computed once per article)."""
    return doc.memo("mt:verdict", _verdict)


def _verdict(doc: Doc) -> Verdict:
    from audit.score.mt import combine, evidence_count

    configured = configured_checks(doc)
    signals: list[Signal] = []
    for cls in detector_classes():
        if cls.languages and doc.lang not in cls.languages:
            continue
        inst = configured.get(cls.code)
        signals.extend((inst if isinstance(inst, cls) else _default_instance(cls)).signals(doc))
    score, contrib = combine(signals)
    mt010 = configured.get("MT010")
    return Verdict(signals, score, contrib,
                   float(getattr(mt010, "threshold", DEFAULT_THRESHOLD)),
                   int(getattr(mt010, "min_kinds", DEFAULT_MIN_KINDS)),
                   evidence_count(signals))


@cache
def _default_instance(cls: type) -> Any:
    return cls()
