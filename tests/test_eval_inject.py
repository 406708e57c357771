"""The defect injector is deterministic and its labels cover exactly what it injected."""

from __future__ import annotations

import pytest

from audit.eval.build import CORPUS, LANGS
from audit.eval.corpus import CATEGORIES, mojibake, parse_source
from audit.eval.inject import PLAN, Draft, NotApplicable, generate, generate_variant, load_material, split_material


def _bases(lang: str) -> list[dict]:
    return [r for r in parse_source(CORPUS / "src" / f"{lang}.txt") if not r["labels"] and r["_base"]]


@pytest.fixture(scope="module", params=LANGS)
def lang_data(request):
    lang = request.param
    return lang, _bases(lang), load_material(CORPUS / "material", lang)


def test_generation_is_deterministic(lang_data):
    lang, bases, mat = lang_data
    a = [rec for rec, _ in generate(bases, mat, lang)]
    b = [rec for rec, _ in generate(bases, mat, lang)]
    assert a == b
    c = [rec for rec, _ in generate(bases, mat, lang, seed=7)]
    assert a != c  # the seed matters


def test_labels_are_exactly_the_injected_material(lang_data):
    lang, bases, mat = lang_data
    for rec, draft in generate(bases, mat, lang):
        assert draft.material, rec["id"]
        assert len(draft.material) == len(rec["labels"])
        for lab, injected in draft.material:
            assert rec["text"][lab["start"]:lab["end"]] == injected
            assert lab["category"] in CATEGORIES
        base = next(b for b in bases if rec["provenance"].endswith("+" + b["id"]))
        # everything outside the labels is the base text (possibly re-wrapped by separators)
        outside = rec["text"]
        for lab in sorted(rec["labels"], key=lambda x: -x["start"]):
            outside = outside[:lab["start"]] + outside[lab["end"]:]
        base_words = base["text"].split()
        kept = [w for w in outside.split() if w in base_words]
        assert len(kept) >= 0.6 * len(outside.split()), rec["id"]


def test_each_recipe_injects_its_category():
    lang = "en"
    bases, mat = _bases(lang), load_material(CORPUS / "material", lang)
    for steps in PLAN:
        for base in bases:  # the first base the recipe applies to (encoding needs non-ASCII prose)
            try:
                rec, _draft = generate_variant(base, steps, mat)
            except NotApplicable:
                continue
            break
        else:
            raise AssertionError(f"{steps} applies to no English base")
        assert {cat for cat, _ in steps} <= {"mt", "bio", "links", "boilerplate", "duplication", "encoding"}
        got = {lab["category"] for lab in rec["labels"]}
        want = {{"mt": "machine-translation", "bio": "spam-bio", "links": "unrelated-links",
                 "boilerplate": "boilerplate", "duplication": "duplication", "encoding": "encoding"}[c]
                for c, _ in steps}
        assert got == want, steps


def test_bio_is_built_from_the_material_fragments():
    bases, mat = _bases("pl"), load_material(CORPUS / "material", "pl")
    _rec, draft = generate_variant(bases[0], (("bio", "plain"),), mat)
    (_lab, injected), = draft.material
    frags = [f.strip() + "." for f in injected.split(".") if f.strip()]
    assert 3 <= len(frags) <= 7
    assert all(f in mat["bio"]["fragments"] for f in frags)


def test_unrelated_headlines_never_share_the_base_topic():
    bases, mat = _bases("de"), load_material(CORPUS / "material", "de")
    by_text = {h.split("|", 1)[1]: h.split("|", 1)[0] for h in mat["links"]["headlines"]}
    for base in bases:
        _rec, draft = generate_variant(base, (("links", "noheader-end"),), mat)
        (_lab, block), = draft.material
        for line in block.splitlines():
            headline = line.lstrip("•-» ").strip()
            assert by_text[headline] != base["topic"]


def test_split_material_halves_are_disjoint():
    mat = load_material(CORPUS / "material", "ro")
    dev, test = split_material(mat, "dev"), split_material(mat, "test")
    assert not set(dev["bio"]["fragments"]) & set(test["bio"]["fragments"])
    assert not set(dev["links"]["headlines"]) & set(test["links"]["headlines"])
    assert not set(dev["boilerplate"]["ctas"]) & set(test["boilerplate"]["ctas"])
    assert dev["encoding"]["codecs"] == test["encoding"]["codecs"] == mat["encoding"]["codecs"]


def test_draft_keeps_labels_attached_through_edits():
    d = Draft("One two three.\n\nFour five six.\n\nSeven eight nine.", [])
    d.insert_block(len(d.text), "Proud ninja. Web nerd. Beer buff.", "spam-bio", "bio")
    d.replace(0, 14, "Ońe two three.", "encoding", "x")
    d.insert_block(0, "Title here", "boilerplate", "title")
    for lab, injected in d.material:
        assert d.text[lab["start"]:lab["end"]] == injected
    assert d.text.startswith("Title here\n\nOńe two three.")


def test_mojibake_codecs():
    assert mojibake("Zażółć", "cp1250") == "ZaĹĽĂłĹ‚Ä‡"
    assert mojibake("Привет", "cp1251>cp1252") == "Ïðèâåò"
    assert mojibake("Привет", "koi8-r") != "Привет"
    assert mojibake("plain ascii", "cp1252") == "plain ascii"


def test_no_injected_string_is_repeated_within_an_article():
    # a repeated CTA would be a duplication the labels do not mention
    for lang in LANGS:
        bases, mat = _bases(lang), load_material(CORPUS / "material", lang)
        for rec, draft in generate(bases, mat, lang):
            injected = [m for lab, m in draft.material if lab["category"] != "duplication"]
            assert len(injected) == len(set(injected)), rec["id"]
