"""MT004 mt-calque: a word-for-word translation of an English newsroom formula."""

from __future__ import annotations

import json
import re
import sys
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import Any

from audit.check.base import Check, register
from audit.check.rules.mt._common import DetectorMixin, Signal
from audit.lexicons import SUPPORTED_LANGUAGES, LexiconError, lexicon_file
from audit.lexicons import load as load_lexicon
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class Calque(DetectorMixin, Check):
    """A literal translation of an English newsroom formula that no local editor would write.

    Wire stories end and hedge with fixed English formulas: "X contributed to this report",
    "was scrutinised for signs that…", "did not go into detail about what this means",
    "told reporters", "Reporting by … ; Editing by …". Machine translation renders them
    word for word ("Alina Lobzina Przyczynił się do raportów.", "A contribuit la raportare",
    "Trug zu den Berichten bei"). The calques are kept per language as regular expressions
    in ``audit/lexicons/mt_calques/<lang>.toml`` (each with the English source and a note);
    English text has none (the genuine formula is not a finding).

    Severity: like every MT signal, a finding is a warning only when the article as a
    whole is judged machine translated (MT010 fires: ``mt_score`` over its threshold and
    at least two kinds of evidence agree), or the calque is one the lexicon rates
    near-certain on its own (``weight`` >= 0.8: renderings no edited copy contains — the
    credit lines "contributed to this report", "Reporting by", "Compiled by" at 0.9-0.95, the
    nonsense literal metaphors such as "rzucić klucz w prace" or "ugryźć kulę" at 0.8-0.85 —
    no such hit on any article of tests/corpus/dev without an MT label); otherwise it is
    ``info``, an observation
    (see :mod:`audit.check.rules.mt._common`).

    **Anti-pattern**

    The "contributed to this report" byline, translated literally::

        Inflacja w strefie euro spadła w październiku do 2,9 procent, najniższego poziomu od dwóch lat, podał w czwartek Eurostat.
        Anna Nowak Przyczyniła się do raportu.

    **Best practice**

    The idiomatic Polish credit line::

        Inflacja w strefie euro spadła w październiku do 2,9 procent, najniższego poziomu od dwóch lat, podał w czwartek Eurostat.
        Współpraca: Anna Nowak.
    """

    code = "MT004"
    name = "mt-calque"
    category = Category.MACHINE_TRANSLATION
    severity = Severity.WARNING
    languages = SUPPORTED_LANGUAGES
    kind = "calque"
    # standalone=0.8: the lexicon weight of renderings no edited copy contains (the rule of
    # tests/test_mt_calque_fixtures.py keeps every rendering with a legitimate literal
    # reading below 0.7). It was 0.9 (credit lines only) until the seventh wave's dev half
    # showed articles whose one finding was such a calque ("hit a record high" rendered
    # word for word, 0.85); no article of tests/corpus/dev without an MT label holds any
    # calque at all.
    standalone = 0.8

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)

    def detect(self, doc: Doc) -> list[Signal]:
        out: list[Signal] = []
        text = doc.text
        folded = doc.memo("mt:calque-text", _FoldedText)
        for cq in calques(doc.lang or ""):
            if cq.keys is None or not folded.exact:
                matches: Iterator[re.Match[str]] = cq.regex.finditer(text)
            else:
                if cq.heads.isdisjoint(folded.index):
                    continue  # no place in the text starts like the formula
                starts = folded.starts(cq.keys)
                if not starts:
                    continue  # none of the words the formula must start with is in the text
                matches = _matches_at(cq.regex, text, starts)
            for m in matches:
                if m.end() > m.start():
                    out.append(Signal("calque", m.start(), m.end(), strength=cq.weight,
                                      data={"calque": cq.id, "english": cq.english, "note": cq.note}))
        out.sort(key=lambda s: (s.start, s.end))
        return out

    def run(self, doc: Doc) -> Iterator[Finding]:
        for sig in self.signals(doc):
            note = f" {sig.data['note']}" if sig.data["note"] else ""
            yield self.finding(
                doc, sig.start, sig.end,
                f"Word-for-word translation of the English formula \"{sig.data['english']}\".{note}",
                severity=self.severity_of(doc, sig), data=dict(sig.data),
            )


#: a calque starts where a word starts (or at punctuation), never inside a word: "na koniec dnia"
#: must not match in "ona koniec dnia", and a giant word made of one stem repeated
#: ("zaznajomionzaznajomion…") is not rescanned from each copy (the search stays linear;
#: tests/test_regex_safety.py times every calque on such words)
_WORD_START = r"(?:(?<!\w)|(?=\W))"


class _Calque:
    """One formula. Its pattern is compiled only when an article first needs it (a language
    has 600 formulas: compiling them all would cost a spot-check of one article 0.1 s), and
    parsed at load only when it does not open with plain letters (:func:`_plain_start`); a
    bad pattern is reported, naming the file and the entry, when it is parsed or compiled
    (the fixture tests compile every pattern)."""

    __slots__ = ("_regex", "english", "heads", "id", "keys", "note", "pattern", "weight", "where")

    def __init__(self, id: str, pattern: str, english: str, note: str, weight: float, where: str = "",
                 known: dict[str, list[str] | None] | None = None) -> None:
        self.id, self.english, self.note, self.weight, self.where = id, english, note, weight, where
        self.pattern = _WORD_START + "(?:" + pattern + ")"
        self.keys = _formula_starts(pattern, known)  # re.error: a bad pattern
        self.heads = frozenset(k[:_MIN_KEY] for k in self.keys or ())
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            try:
                self._regex = re.compile(self.pattern, re.IGNORECASE | re.MULTILINE)
            except re.error as exc:  # what parsing lets through ("(?<=a+)": not fixed-width)
                raise LexiconError(f"{self.where}: bad pattern: {exc}") from exc
        return self._regex


#: a literal start shorter than this is too common to be worth a substring test
_MIN_KEY = 3
_SPACES = re.compile(r"\s+")
_WIDE_SPACES = re.compile(r"\s{2,}")
#: where a match can begin: as :data:`_WORD_START`, at a character that is not white space
_CAN_START = re.compile(r"(?:(?<!\w)|(?=\W))\S")


class _FoldedText:
    r"""An article lowercased with every run of white space folded to one space, where the
    literal starts of the calques (:func:`literal_starts`) are looked up, and the way back
    from a position in it to the position in the article.

    Every match of a calque starts with one of its literal starts, so the regex is tried
    only where one occurs (:func:`_matches_at`) instead of at every character: a pattern
    begins with a word-start guard, which keeps the regex engine from its own literal-prefix
    scan. ``exact`` is false for the rare text whose lowercase form changes length ("İ"),
    where positions cannot be mapped back; the calques then scan the whole text.

    >>> t = _FoldedText(Doc("Said  In\nA statement"))
    >>> t.text, t.starts(("in a st",)), t.starts(("nothing",))
    ('said in a statement', [6], [])
    """

    __slots__ = ("exact", "index", "shifts", "text", "where")

    def __init__(self, doc: Doc) -> None:
        lowered = doc.text.lower()
        self.exact = len(lowered) == len(doc.text)
        self.text = _SPACES.sub(" ", lowered)
        # after each run of 2+ white-space characters (folded to one), positions in the
        # folded text lag behind the article by the characters removed so far
        self.where: list[int] = []
        self.shifts: list[int] = []
        removed = 0
        for m in _WIDE_SPACES.finditer(lowered):
            removed += m.end() - m.start() - 1
            self.where.append(m.end() - removed)
            self.shifts.append(removed)
        # the positions where a calque can start (a word start, or punctuation), by the
        # first _MIN_KEY characters there: one pass over the text, then a dictionary look-up
        # per literal start instead of a substring search through the article (three
        # hundred formulas a language have some 1,500 literal starts)
        self.index: dict[str, list[int]] = {}
        text = self.text
        for m in _CAN_START.finditer(text):
            self.index.setdefault(text[m.start():m.start() + _MIN_KEY], []).append(m.start())

    def starts(self, keys: tuple[str, ...]) -> list[int]:
        """Article positions where one of ``keys`` occurs in the folded text at a place a
        word or a punctuation mark starts, in order."""
        found: set[int] = set()
        text = self.text
        index = self.index
        for key in keys:
            for i in index.get(key[:_MIN_KEY], ()):
                if text.startswith(key, i):
                    found.add(i)
        if not found:
            return []
        where, shifts = self.where, self.shifts
        return sorted(p + (shifts[j - 1] if (j := bisect_right(where, p)) else 0) for p in found)


def _matches_at(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """The matches ``regex.finditer(text)`` yields, when every match must begin at one of
    ``starts``: leftmost first, none overlapping the one before (as :meth:`re.Pattern.finditer`)."""
    end = -1
    for pos in starts:
        if pos < end:
            continue
        m = regex.match(text, pos)
        if m is not None:
            yield m
            end = max(m.end(), pos + 1)


def literal_starts(pattern: str) -> tuple[str, ...] | None:
    r"""Lowercase literal strings one of which every match of ``pattern`` (case-insensitive)
    must start with, or ``None`` when some branch has no literal start of ``_MIN_KEY``
    characters. A substring test on the lowercased text then skips a formula that cannot
    occur: the word-start guard costs the regex engine its own literal-prefix scan, and the
    seventy formulas of a language cost 6 ms per article without this test, 1 ms with it.

    >>> literal_starts(r"(?:nie\s+od\s+razu|na\s+żądanie)\s+komentarza")
    ('na żądan', 'nie od r')
    >>> literal_starts(r"\b(?:a|au)\s+(?:spus|declarat)\s+reporterilor")
    ('a declar', 'a spus r', 'au decla', 'au spus ')
    >>> literal_starts(r"\w+\s+said") is None
    True
    """
    fast = _plain_start(pattern)
    if fast is not None:
        return fast
    try:
        return _parsed_starts(pattern)
    except re.error:
        return None


def _formula_starts(pattern: str, known: dict[str, list[str] | None] | None = None) -> tuple[str, ...] | None:
    """The literal starts of a lexicon formula: read off its plain opening letters, else
    taken from ``known`` (the shipped index), else parsed; :class:`re.error` for a bad pattern."""
    plain = _plain_start(pattern)
    if plain is not None:
        return plain
    if known is not None and pattern in known:
        cached = known[pattern]
        return tuple(cached) if cached else None
    return _parsed_starts("(?:" + pattern + ")")


def _plain_start(pattern: str) -> tuple[str, ...] | None:
    r"""The start of a pattern that opens with plain letters (after an optional ``\b``) and has
    no top-level alternation, read without parsing the whole pattern: most formulas open so
    ("przyczyni(?:ł|ła)…"), and parsing 600 patterns a language costs the spot-check 0.1 s.
    A letter made optional or repeated by a quantifier is left out. ``None``: not so simple.

    >>> _plain_start(r"\bprzyczyni(?:ł|ła)\s+się")
    ('przyczyn',)
    >>> _plain_start(r"reporterom?\s+said") , _plain_start(r"abc\s+x|def") , _plain_start(r"ab\s+c")
    (('reporter',), None, None)
    """
    i = 2 if pattern.startswith("\\b") else 0
    j = i
    while j < len(pattern) and pattern[j].isalpha():
        j += 1
    run = pattern[i:j]
    if j < len(pattern) and pattern[j] in "?*+{":
        run = run[:-1]
    if len(run) < _MIN_KEY or _top_level_bar(pattern):
        return None
    return (run[:_KEY_LEN].lower(),)


def _top_level_bar(pattern: str) -> bool:
    """``pattern`` has an alternation ``|`` outside every group (escapes and classes skipped)."""
    depth = 0
    k = 0
    n = len(pattern)
    while k < n:
        ch = pattern[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            k += 1
            if k < n and pattern[k] == "^":
                k += 1
            if k < n and pattern[k] == "]":
                k += 1
            while k < n and pattern[k] != "]":
                k += 2 if pattern[k] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        k += 1
    return False


def _parsed_starts(pattern: str) -> tuple[str, ...] | None:
    """:func:`literal_starts`, raising :class:`re.error` for a pattern that does not parse."""
    from re import _parser  # type: ignore[attr-defined]

    tree = _parser.parse(pattern, re.IGNORECASE | re.MULTILINE)
    starts = _starts(list(tree))
    if not starts or any(len(k) < _MIN_KEY for k in starts):
        return None
    return tuple(sorted(set(starts)))


def _starts(items: list[Any], prefix: str = "") -> list[str] | None:
    """Literal starts of a parsed sequence after ``prefix`` (see :func:`literal_starts`):
    literals and one-or-more whitespace (as one space) are followed, alternations expand,
    and a start stops growing at ``_KEY_LEN`` characters or at anything else."""
    from re import _constants as c  # type: ignore[attr-defined]

    for k, (op, av) in enumerate(items):
        if len(prefix) >= _KEY_LEN:
            break
        if op is c.LITERAL:
            prefix += chr(av).lower()
            continue
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT) and not prefix:
            continue  # \b, ^, look-arounds before the first letter take no text
        if op is c.MAX_REPEAT and av[0] >= 1 and list(av[2]) == [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])]:
            prefix += " "  # \s+ (the text is tested with its whitespace runs as one space)
            continue
        if op is c.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            # an optional part ("(?:это\s+)?понимается"): the starts with it and without it
            return _either([list(av[2]) + items[k + 1:], items[k + 1:]], prefix)
        if op is c.IN and all(o is c.LITERAL for o, _v in av):
            letters = sorted({chr(v).lower() for _o, v in av})
            if len(letters) <= _MAX_CLASS:  # "вс[ея]", "[șş]": each letter is a start
                return _either([[(c.LITERAL, ord(ch)), *items[k + 1:]] for ch in letters], prefix)
        if op is c.SUBPATTERN:
            return _starts(list(av[-1]) + items[k + 1:], prefix)
        if op is c.BRANCH:
            return _either([list(branch) + items[k + 1:] for branch in av[1]], prefix)
        break
    return [prefix] if prefix else None


def _either(alternatives: list[list[Any]], prefix: str) -> list[str] | None:
    """The literal starts of each alternative sequence after ``prefix``, all of them, or
    ``[prefix]`` (``None`` when empty) when one has none or they are too many."""
    out: list[str] = []
    for alt in alternatives:
        sub = _starts(alt, prefix)
        if not sub or len(out) + len(sub) > _MAX_KEYS:
            return [prefix] if prefix else None
        out.extend(sub)
    return out


#: how far a literal start is followed, and how many alternatives it may expand to
_KEY_LEN = 8
_MAX_KEYS = 48
#: a character class of at most this many letters ("[её]", "[șş]") expands to one start each
_MAX_CLASS = 3


@cache
def calques(lang: str) -> tuple[_Calque, ...]:
    """The calques of a language (``mt_calques/<lang>.toml``, ``[[calque]]`` tables
    with ``id``, ``english``, ``pattern`` (case-insensitive, multiline), ``weight`` 0-1, ``note``)."""
    known = _known_starts(lang)
    out = []
    for i, entry in enumerate(_entries(lang)):
        where = f"audit/lexicons/mt_calques/{lang}.toml: calque #{i + 1}"
        try:
            out.append(_Calque(entry["id"], entry["pattern"], entry["english"], entry.get("note", ""),
                               float(entry.get("weight", 0.8)), where, known))
        except KeyError as exc:
            raise LexiconError(f"{where}: missing key {exc}") from exc
        except re.error as exc:
            raise LexiconError(f"{where}: bad pattern: {exc}") from exc
    return tuple(out)


# -- the shipped index ---------------------------------------------------------------------------
#
# A spot-check of one article builds one language's calques. Two costs dominate: reading the
# TOML (1,100-1,200 formulas with their fixtures: ~550 KB, 44 ms for Polish) and, for the
# formulas that open with a group or an alternation ("(?:przyczynił|przyczyniła)…|…"), parsing
# the pattern to find its literal starts (~50 ms). So beside each lexicon ships
# ``mt_calques/<lang>.index.json``: the runtime fields of every formula (id, pattern, english,
# note, weight), the parsed starts of those that need them, and the SHA-256 of the TOML it was
# built from. The index is used only while that digest matches the TOML byte for byte; an edited
# lexicon is read from the TOML as before, and its unedited patterns still find their starts in
# the index (starts depend on the pattern alone). Nothing can go stale silently:
# tests/test_mt_calque_starts.py fails when a shipped index differs from a fresh build, and
# ``nox -s docs`` (``python -m audit.check.rules.mt.MT004``) rewrites them.

#: the fields of a formula the detector reads at run time (fixtures stay in the TOML)
_RUNTIME_FIELDS = ("id", "pattern", "english", "note", "weight")


def lexicon_path(lang: str) -> Any:
    """The TOML lexicon of a language's calques."""
    return lexicon_file("mt_calques", f"{lang}.toml")


def index_path(lang: str) -> Any:
    """Where the prebuilt index of a language's calques is shipped."""
    return lexicon_file("mt_calques", f"{lang}.index.json")


def _digest(raw: bytes) -> str:
    import hashlib

    return hashlib.sha256(raw).hexdigest()


@cache
def _index(lang: str) -> dict[str, Any]:
    """The shipped index of a language, ``{}`` when missing or unreadable."""
    try:
        data = json.loads(index_path(lang).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("calque"), list) else {}


def _entries(lang: str) -> list[dict[str, Any]]:
    """The formulas of a language: from the shipped index while it was built from this very
    TOML, otherwise from the TOML itself."""
    ref = lexicon_path(lang)
    if not ref.is_file():
        return []
    index = _index(lang)
    if index and index.get("source") == _digest(ref.read_bytes()):
        return list(index["calque"])
    return list(load_lexicon("mt_calques", lang).get("calque", []))


@cache
def _known_starts(lang: str) -> dict[str, list[str] | None]:
    """The shipped starts of a language's formulas (pattern -> starts, ``None``: none), for
    the patterns :func:`_plain_start` cannot read; ``{}`` when there is no index."""
    return {e["pattern"]: e["starts"] for e in _index(lang).get("calque", [])
            if isinstance(e, dict) and "starts" in e and "pattern" in e}


def build_index(lang: str) -> dict[str, Any]:
    """What ``<lang>.index.json`` holds, built from the TOML: its digest and every formula's
    runtime fields, with the parsed literal starts of those :func:`_plain_start` cannot read
    (:class:`re.error` for a bad pattern)."""
    ref = lexicon_path(lang)
    raw = ref.read_bytes()
    out = []
    for entry in load_lexicon("mt_calques", lang).get("calque", []):
        row = {k: entry[k] for k in _RUNTIME_FIELDS if k in entry}
        if _plain_start(entry["pattern"]) is None:
            keys = _formula_starts(entry["pattern"])
            row["starts"] = list(keys) if keys else None
        out.append(row)
    return {"source": _digest(raw), "calque": out}


def write_index(lang: str) -> str:
    """Rewrite ``<lang>.index.json`` from the lexicon; returns the file's path."""
    path = str(index_path(lang))
    index = build_index(lang)
    rows = [json.dumps(r, ensure_ascii=False) for r in index["calque"]]  # a formula a line: reviewable diffs
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"source": ' + json.dumps(index["source"]) + ',\n "calque": [\n  '
                 + ",\n  ".join(rows) + "\n]}\n")
    return path


if __name__ == "__main__":
    from audit.lexicons import languages

    for code in languages("mt_calques"):
        print(write_index(code), file=sys.stderr)
