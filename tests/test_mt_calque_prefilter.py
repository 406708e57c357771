"""MT004 tries a calque's regex only where one of its literal starts occurs in the folded
(lowercased, white-space-collapsed) text. These properties pin that shortcut to the plain
``finditer`` over the article it replaces, on every calque of every language."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.check.rules.mt.MT004 import Calque, _FoldedText, _matches_at, calques
from audit.lexicons import SUPPORTED_LANGUAGES
from audit.lexicons import load as load_lexicon
from audit.text import Doc

_LANG_PIECES = {
    lang: [s for cq in calques(lang) for s in (cq.keys or ())] for lang in SUPPORTED_LANGUAGES
}
_FLAGGED = {
    lang: [f for e in load_lexicon("mt_calques", lang).get("calque", []) for f in e.get("flagged", [])]
    for lang in SUPPORTED_LANGUAGES
}
_FIXTURE_WORDS = ["Reuters", "said", "powiedział", "(", ")", ";", ".", ",", "—", "İstanbul", "x"]
_SPACE = st.sampled_from([" ", "  ", "\n", "\n\n", " \n ", "\t", "\u00a0", ""])


def _respaced(sentence: str) -> st.SearchStrategy[str]:
    """A flagged fixture with each space replaced by some other run of white space."""
    words = sentence.split(" ")
    return st.lists(_SPACE.filter(bool), min_size=len(words), max_size=len(words)).map(
        lambda spaces: "".join(w + s for w, s in zip(words, spaces, strict=True)))


def _text(lang: str) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(_LANG_PIECES[lang] or ["x"]), st.sampled_from(_FIXTURE_WORDS),
                      st.text(alphabet="abcłżąéăшщїё ", max_size=6),
                      st.sampled_from(_FLAGGED[lang]).flatmap(_respaced))
    return st.lists(st.tuples(piece, _SPACE), max_size=8).map(lambda parts: "".join(p + s for p, s in parts))


def _reference(doc: Doc) -> list[tuple[int, int, str]]:
    out = []
    for cq in calques(doc.lang or ""):
        out += [(m.start(), m.end(), cq.id) for m in cq.regex.finditer(doc.text) if m.end() > m.start()]
    return sorted(out)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), lang=st.sampled_from(sorted(SUPPORTED_LANGUAGES)))
def test_detect_equals_a_full_scan(data: st.DataObject, lang: str) -> None:
    text = data.draw(_text(lang))
    doc = Doc(text, lang=lang)
    got = sorted((s.start, s.end, s.data["calque"]) for s in Calque().detect(doc))
    assert got == _reference(doc)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.tuples(st.sampled_from(["in", "a", "statement", "Said", "İ", "x"]), _SPACE),
                      max_size=12))
def test_folded_positions_map_back_to_the_article(words: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in words)
    folded = _FoldedText(Doc(text))
    if not folded.exact:
        return  # "İ" lowercases to two characters: the check then scans the whole text
    for key in ("in a st", "said", "statement"):
        for pos in folded.starts((key,)):
            # the article at that position reads the key, white space folded
            assert re.sub(r"\s+", " ", text[pos:pos + 3 * len(key)].lower()).startswith(key)


#: every third flagged fixture of a language: the full scan runs all ~1,400 regexes of the
#: language per sentence, and over all 23,600 fixtures it took 130 s of CI. A formula's
#: fixtures sit together, two or three to a formula, so most formulas keep one respaced
#: sentence; every formula's own fixtures are searched through the prefilter unrespaced by
#: tests/test_mt_calque_fixtures.py
RESPACED_SAMPLE = 3


def test_every_flagged_fixture_respaced_is_found_as_by_a_full_scan() -> None:
    for lang in SUPPORTED_LANGUAGES:
        for sentence in _FLAGGED[lang][::RESPACED_SAMPLE]:
            doc = Doc("  " + sentence.replace(" ", " \n  ") + "\n\n", lang=lang)
            got = sorted((s.start, s.end, s.data["calque"]) for s in Calque().detect(doc))
            assert got == _reference(doc), sentence


def test_matches_at_skips_overlaps_like_finditer() -> None:
    rx = re.compile(r"aa")
    assert [m.span() for m in _matches_at(rx, "aaaa", [0, 1, 2])] == [(0, 2), (2, 4)]
    assert [m.span() for m in rx.finditer("aaaa")] == [(0, 2), (2, 4)]


def test_a_calque_split_by_a_line_break_is_still_found() -> None:
    doc = Doc("Anna Nowak\nPrzyczyniła  się\ndo raportu.", lang="pl")
    assert [s.data["calque"] for s in Calque().detect(doc)] == ["contributed-to-report"]
