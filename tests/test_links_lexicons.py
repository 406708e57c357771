"""The lexicons of the spam-bio, links and boilerplate families: every supported language has
each family, every required key is filled, every regex compiles."""

from __future__ import annotations

import re

import pytest

from audit.lexicons import SUPPORTED_LANGUAGES, load

REQUIRED = {
    "link_headers": ["headers"],
    "stopwords": ["stopwords"],
    "bio_archetypes": ["words", "stems", "verbs"],
    "boilerplate": ["credit_prefixes", "copyright", "continuation", "read_more", "cta"],
}
CTA_KINDS = ["follow", "subscribe", "share", "comment", "cookies", "app", "support", "contact"]


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("family", list(REQUIRED))
def test_family_covers_language(family: str, lang: str) -> None:
    lex = load(family, lang)
    for key in REQUIRED[family]:
        assert lex.get(key), f"audit/lexicons/{family}/{lang}.toml has no {key}"


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_boilerplate_regexes_compile_and_cover_every_cta_kind(lang: str) -> None:
    lex = load("boilerplate", lang)
    assert sorted(lex["cta"]) == sorted(CTA_KINDS)
    for key in ("copyright", "continuation", "read_more"):
        for p in lex[key]:
            re.compile(p)
    for kind, pats in lex["cta"].items():
        for p in pats:
            literal = re.sub(r"\\.", "", p)  # escapes such as \S or \b keep their case
            assert literal == literal.lower(), f"{lang} cta.{kind}: patterns are matched on lowercased text: {p!r}"
            re.compile(p)


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_bio_lexicon_is_lowercase_and_verb_suffixes_compile(lang: str) -> None:
    lex = load("bio_archetypes", lang)
    for key in ("words", "stems", "suffixes", "verbs"):
        assert all(w == w.lower() for w in lex.get(key, [])), (lang, key)
    for p in lex.get("verb_suffixes", []):
        re.compile(p)


@pytest.mark.parametrize(("line", "header"), [
    ("Вижте още от блога:", True), ("Nu rata nici:", True), ("More from our partners:", True),
    ("Більше цікавого:", True), ("Read also", True),
    ("Latest figures:", False),  # a one-word header never runs on: a data list follows
    ("Вижте още от блога на автора и приятелите:", False),  # more than three extra words
    ("More from the minister later today", False),  # no closing colon
])
def test_a_multi_word_header_may_run_on_before_a_colon(line: str, header: bool) -> None:
    from audit.check.rules.links._blocks import _header_res

    whole, _inline = _header_res()
    assert bool(whole.match(line)) is header
