"""MT004 mt-calque: a word-for-word translation of an English newsroom formula."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from audit.check.base import Check, register
from audit.check.rules.mt._common import DetectorMixin, Signal
from audit.lexicons import SUPPORTED_LANGUAGES, LexiconError
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
    near-certain on its own (``weight`` >= 0.9: credit lines such as "contributed to this
    report", "Reporting by", "Additional reporting by", "Compiled by", rendered word for word,
    which no edited copy contains — no such hit on any article of
    tests/corpus/dev without an MT label, nor on the injected dev variants); otherwise it is ``info``, an observation
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
    # standalone=0.9: the lexicon weight of the byline calques (see the docstring)
    standalone = 0.9

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)

    def detect(self, doc: Doc) -> list[Signal]:
        out: list[Signal] = []
        low = doc.memo("mt:calque-text", lambda d: _SPACES.sub(" ", d.text.lower()))
        for cq in calques(doc.lang or ""):
            if cq.keys is not None and not any(k in low for k in cq.keys):
                continue  # none of the words the formula must start with is in the text
            for m in cq.regex.finditer(doc.text):
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
    __slots__ = ("english", "id", "keys", "note", "regex", "weight")

    def __init__(self, id: str, regex: re.Pattern[str], english: str, note: str, weight: float) -> None:
        self.id, self.regex, self.english, self.note, self.weight = id, regex, english, note, weight
        self.keys = literal_starts(regex.pattern[len(_WORD_START):])


#: a literal start shorter than this is too common to be worth a substring test
_MIN_KEY = 3
_SPACES = re.compile(r"\s+")


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
    from re import _parser  # type: ignore[attr-defined]

    try:
        tree = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
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
        if op is c.SUBPATTERN:
            return _starts(list(av[-1]) + items[k + 1:], prefix)
        if op is c.BRANCH:
            out: list[str] = []
            for branch in av[1]:
                sub = _starts(list(branch) + items[k + 1:], prefix)
                if not sub or len(out) + len(sub) > _MAX_KEYS:
                    return [prefix] if prefix else None
                out.extend(sub)
            return out
        break
    return [prefix] if prefix else None


#: how far a literal start is followed, and how many alternatives it may expand to
_KEY_LEN = 8
_MAX_KEYS = 48


@cache
def calques(lang: str) -> tuple[_Calque, ...]:
    """The compiled calques of a language (``mt_calques/<lang>.toml``, ``[[calque]]`` tables
    with ``id``, ``english``, ``pattern`` (case-insensitive, multiline), ``weight`` 0-1, ``note``)."""
    data = load_lexicon("mt_calques", lang)
    out = []
    for i, entry in enumerate(data.get("calque", [])):
        where = f"audit/lexicons/mt_calques/{lang}.toml: calque #{i + 1}"
        try:
            rx = re.compile(_WORD_START + "(?:" + entry["pattern"] + ")", re.IGNORECASE | re.MULTILINE)
            out.append(_Calque(entry["id"], rx, entry["english"], entry.get("note", ""),
                               float(entry.get("weight", 0.8))))
        except KeyError as exc:
            raise LexiconError(f"{where}: missing key {exc}") from exc
        except re.error as exc:
            raise LexiconError(f"{where}: bad pattern: {exc}") from exc
    return tuple(out)
