"""The index shipped beside each calque lexicon (``mt_calques/<lang>.index.json``): it must
equal a fresh build from the TOML (runtime fields, literal starts, the TOML's digest); it is
used only while that digest matches, so an edited lexicon is read from the TOML, and a formula
missing from it (one a user added or edited) is parsed as before."""

from __future__ import annotations

import json
import re

import pytest

from audit.check.rules.mt import MT004
from audit.check.rules.mt.MT004 import _Calque, build_index, calques, index_path, literal_starts
from audit.lexicons import languages
from audit.text import Doc


@pytest.mark.parametrize("lang", languages("mt_calques"))
def test_the_shipped_index_equals_a_fresh_build(lang: str) -> None:
    shipped = json.loads(index_path(lang).read_text(encoding="utf-8"))
    assert shipped == build_index(lang), f"{index_path(lang)} is stale: run `nox -s docs`"


@pytest.mark.parametrize("lang", languages("mt_calques"))
def test_the_index_gives_the_formulas_the_toml_gives(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from_index = [(c.id, c.pattern, c.english, c.note, c.weight, c.keys) for c in calques(lang)]
    calques.cache_clear()
    monkeypatch.setattr(MT004, "_index", lambda _lang: {})  # no index: the TOML, every pattern parsed
    monkeypatch.setattr(MT004, "_known_starts", lambda _lang: {})
    try:
        from_toml = [(c.id, c.pattern, c.english, c.note, c.weight, c.keys) for c in calques(lang)]
    finally:
        calques.cache_clear()
    assert from_index == from_toml


def test_an_index_built_from_another_toml_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    stale = {"source": "0" * 64, "calque": [{"id": "sentinel", "pattern": "zzz", "english": "e", "weight": 0.5}]}
    monkeypatch.setattr(MT004, "_index", lambda _lang: stale)
    assert [e["id"] for e in MT004._entries("pl")][:1] == ["contributed-to-report"]
    fresh = dict(stale, source=MT004._digest(MT004.lexicon_path("pl").read_bytes()))
    monkeypatch.setattr(MT004, "_index", lambda _lang: fresh)
    assert [e["id"] for e in MT004._entries("pl")] == ["sentinel"]


@pytest.mark.parametrize("lang", languages("mt_calques"))
def test_every_loaded_formula_has_the_starts_parsing_gives(lang: str) -> None:
    for cq in calques(lang):
        raw = cq.pattern[len(MT004._WORD_START) + 3:-1]  # _WORD_START + "(?:" + pattern + ")"
        assert cq.keys == literal_starts("(?:" + raw + ")") or cq.keys == MT004._plain_start(raw), cq.id


PATTERN = r"(?:przyczynił|przyczyniła)\s+się\s+do\s+raport\w*"


def test_a_formula_missing_from_the_cache_is_parsed_and_a_cached_one_is_not() -> None:
    assert _Calque("x", PATTERN, "contributed to this report", "", 0.9, known={}).keys == ("przyczyn",)
    # the cache is consulted (a sentinel start proves it was not parsed)
    assert _Calque("x", PATTERN, "c", "", 0.9, known={PATTERN: ["sentinel"]}).keys == ("sentinel",)
    assert _Calque("x", PATTERN, "c", "", 0.9, known={PATTERN: None}).keys is None  # no literal start
    with pytest.raises(re.error):  # an edited pattern that does not parse is still reported
        _Calque("x", "(?:przyczynił", "c", "", 0.9, known={})


def test_the_calques_found_with_the_shipped_starts_are_those_found_by_scanning() -> None:
    text = ("Inflacja w strefie euro spadła w październiku do 2,9 procent, podał Eurostat. "
            "Anna Nowak przyczyniła się do raportu. Na koniec dnia rynki czekają na decyzję.")
    doc = Doc(text, "pl")
    found = [(s.start, s.end, s.data["calque"]) for s in MT004.Calque().detect(doc)]
    scanned = sorted((m.start(), m.end(), cq.id) for cq in calques("pl") for m in cq.regex.finditer(text)
                     if m.end() > m.start())
    assert found and found == scanned
