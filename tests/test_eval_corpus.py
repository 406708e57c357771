"""The labelled evaluation corpus (tests/corpus) is well-formed, complete and reproducible."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from pathlib import Path

import pytest

from audit.eval.build import CORPUS, build_records, render, render_later_waves
from audit.eval.corpus import (
    ATTRIBUTION_LEVELS,
    CATEGORIES,
    CorpusError,
    assign_splits,
    group_key,
    iter_corpus,
    parse_markers,
    parse_source,
)


@pytest.fixture(scope="module")
def committed() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    for split in out:
        for _where, rec in iter_corpus([CORPUS / split]):
            out[split].append(rec)
    return out


@pytest.fixture(scope="module")
def everything(committed) -> list[dict]:
    return committed["dev"] + committed["test"]


def test_size_and_languages(everything):
    assert len(everything) >= 300
    per_lang = Counter(r["lang"] for r in everything)
    assert set(per_lang) == {"pl", "bg", "ro", "en", "de", "es", "fr", "ru", "uk"}
    assert min(per_lang.values()) >= 30, per_lang


def test_ids_unique_and_splits_disjoint(committed, everything):
    ids = [r["id"] for r in everything]
    assert len(ids) == len(set(ids))
    assert not {r["id"] for r in committed["dev"]} & {r["id"] for r in committed["test"]}
    # no body text crosses the split: a generated variant sits with its base
    dev_groups = {group_key(r) for r in committed["dev"]}
    test_groups = {group_key(r) for r in committed["test"]}
    assert not dev_groups & test_groups


def test_every_file_holds_one_language(everything):
    for split in ("dev", "test"):
        for f in (CORPUS / split).glob("*.jsonl"):
            langs = {json.loads(line)["lang"] for line in f.read_text(encoding="utf-8").splitlines() if line}
            assert langs == {f.name.split(".", 1)[0]}


def test_spans_inside_text_and_categories_valid(everything):
    for r in everything:
        for lab in r["labels"]:
            assert lab["category"] in CATEGORIES
            assert 0 <= lab["start"] < lab["end"] <= len(r["text"])
            labelled = r["text"][lab["start"]:lab["end"]]
            assert labelled == labelled.strip(), (r["id"], lab)  # spans never start or end in whitespace
        spans = sorted((lab["start"], lab["end"]) for lab in r["labels"])
        for (_s1, e1), (s2, _e2) in itertools.pairwise(spans):
            assert e1 <= s2, f"{r['id']}: overlapping labels"
        assert r["attribution_level"] in ATTRIBUTION_LEVELS
        assert (r["style"] and r["topic"] and r["source"] is not None) or r["provenance"] == "seed"


def test_split_is_about_forty_percent_dev_per_language(committed):
    dev = Counter(r["lang"] for r in committed["dev"])
    total = dev + Counter(r["lang"] for r in committed["test"])
    for lang, n in total.items():
        assert 0.3 <= dev[lang] / n <= 0.5, (lang, dev[lang], n)


def test_every_category_in_both_splits_for_every_language(committed):
    for split, recs in committed.items():
        for lang in {r["lang"] for r in recs}:
            cats = {lab["category"] for r in recs if r["lang"] == lang for lab in r["labels"]}
            assert len(cats) >= 4, (split, lang, cats)
        all_cats = {lab["category"] for r in recs for lab in r["labels"]}
        assert all_cats == set(CATEGORIES), split


def test_hand_written_share_and_clean_share(everything):
    defective = [r for r in everything if any(not lab.get("optional") for lab in r["labels"])]
    hand = [r for r in defective if not r["provenance"].startswith("generated:")]
    assert len(hand) / len(defective) >= 0.3
    clean = [r for r in everything if not r["labels"]]
    assert len(clean) >= 100


def test_seed_labels_match_expected(everything):
    by_id = {r["id"]: r for r in everything}
    farm = by_id["001_df6dc53cd25a6e55"]
    got = {(lab["category"], farm["text"][lab["start"]:lab["end"]]) for lab in farm["labels"]}
    assert ("machine-translation", "Korea Północna wystartowała Korea Północna wystrzeliła") in got
    assert ("machine-translation", "Alina Lobzina Przyczynił się do raportów.") in got
    assert any(c == "spam-bio" and t.startswith("„Dumny organizator. Alkoholowy ninja.") for c, t in got)
    assert any(c == "unrelated-links" and t.startswith("More Stories\nJaponia: Tajfun") for c, t in got)
    assert by_id["000_bb2f05f5b41e6663"]["labels"] == []
    assert all(lab.get("optional") for lab in by_id["003_9a82abe3e3e380b3"]["labels"])
    tabloid = by_id["004_34b67d16e7c3daa1"]
    assert {tabloid["text"][lab["start"]:lab["end"]] for lab in tabloid["labels"]} >= {"Ne puteți urmări și pe Google News"}


def test_rebuild_reproduces_committed_files():
    records, _ = build_records()
    files = render(records)
    files.update(render_later_waves({r["id"] for r in records}))
    on_disk = {f"{p.parent.name}/{p.name}": p.read_text(encoding="utf-8")
               for split in ("dev", "test") for p in (CORPUS / split).glob("*.jsonl")}
    assert set(files) == set(on_disk)
    for name, content in files.items():
        assert content == on_disk[name], f"{name} differs from a fresh build: run python -m audit.eval.build"


def test_split_is_deterministic_and_ignores_input_order(everything):
    a = assign_splits(everything)
    b = assign_splits(list(reversed(everything)))
    assert a == b
    assert {r["id"]: s for s in ("dev", "test") for r in everything if a[r["id"]] == s} == a


def test_parse_markers_exact_spans_and_mojibake():
    text, labels = parse_markers("A ⟦bp|cta⟧Follow us⟦/⟧ and ⟦enc:cp1252|moji⟧żółw⟦/⟧.", "x")
    assert text == "A Follow us and Å¼Ã³Å‚w."
    assert [text[lab["start"]:lab["end"]] for lab in labels] == ["Follow us", "Å¼Ã³Å‚w"]
    assert labels[1]["category"] == "encoding" and "cp1252" in labels[1]["note"]
    text, labels = parse_markers("⟦bp?|credit⟧Fot. PAP⟦/⟧", "x")
    assert labels[0]["optional"] is True


@pytest.mark.parametrize("body, message", [
    ("⟦xx|n⟧a⟦/⟧", "unknown defect marker"),
    ("⟦bp|n⟧a", "unbalanced"),
])
def test_parse_markers_errors_name_the_place(body, message):
    with pytest.raises(CorpusError, match=message) as exc:
        parse_markers(body, "src/pl.txt:12")
    assert "src/pl.txt:12" in str(exc.value)


def test_parse_source_reports_missing_header(tmp_path: Path):
    p = tmp_path / "pl.txt"
    p.write_text("### pl-900\ntitle: T\nsource: s.pl\n\nBody.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"pl.txt:1: article pl-900 has no 'published:' header"):
        parse_source(p)


def test_iter_corpus_reports_bad_records(tmp_path: Path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"id": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x.jsonl:1: record has no 'text'"):
        list(iter_corpus([p]))
    rec = {"id": "a", "text": "abc", "title": None, "author": None, "source": None, "url": None, "lang": "en",
           "published": None, "labels": [{"category": "spam-bio", "start": 2, "end": 9, "note": "n"}],
           "provenance": "written", "style": "blog", "topic": "x", "attribution_level": "moderate"}
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="outside text of length 3"):
        list(iter_corpus([p]))
