"""Languages are data: every lexicon file parses, every family covers every supported
language, and each language file of a family has the same keys as the English one."""

from __future__ import annotations

from importlib import resources

import pytest

from audit import lexicons
from audit.lexicons import SUPPORTED_LANGUAGES, load

ROOT = resources.files("audit.lexicons")
FAMILIES = sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith("_"))
PER_LANGUAGE = [f for f in FAMILIES if f != "agencies"]
#: tables that only English has, on purpose: mt_cues.source lists English function words,
#: the mark of an untranslated English run inside another language (MT006)
ENGLISH_ONLY = {"mt_cues": {"source"}}


def test_families_exist() -> None:
    assert {"attribution", "bio_archetypes", "boilerplate", "link_headers", "mt_calques", "mt_cues",
            "stopwords", "abbreviations", "agencies"} <= set(FAMILIES)


@pytest.mark.parametrize("family", PER_LANGUAGE)
def test_every_supported_language_has_a_file(family: str) -> None:
    assert set(SUPPORTED_LANGUAGES) <= set(lexicons.languages(family))


@pytest.mark.parametrize("family", PER_LANGUAGE)
@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_language_file_parses_and_mirrors_english_keys(family: str, lang: str) -> None:
    data = load(family, lang)
    assert data, f"{family}/{lang}.toml is empty"
    english = load(family, "en")
    missing = set(english) - set(data) - ENGLISH_ONLY.get(family, set())
    assert not missing, f"{family}/{lang}.toml lacks {sorted(missing)} present in en.toml"


def test_agencies_are_shared_data() -> None:
    assert load("agencies", "any")


def test_missing_language_is_empty_not_an_error() -> None:
    assert load("attribution", "xx") == {}
