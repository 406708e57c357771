"""The second wave of the evaluation corpus (tests/corpus/src2 -> {dev,test}/<lang>.2.jsonl).

The first wave (365 articles) is frozen: its ids, texts and split assignment are pinned here
by digest, so adding articles can never move an old one between dev and test.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import statistics
from collections import Counter
from pathlib import Path

import pytest

from audit.eval.build import (
    CORPUS,
    LANGS,
    build_records,
    render_wave,
    wave_records,
)
from audit.eval.corpus import CATEGORIES, CorpusError, iter_corpus, parse_source, shared_paragraphs

#: sha256 over sorted (id, text) of the first wave, per split, as committed on 2026-11-21
FIRST_WAVE_DIGEST = {
    "dev": (152, "0d2ed8f942cfb1e521ee3958ac7b2a9a4d1f1de505d95d6689c0f9949113c09d"),
    "test": (213, "9ee52513d51286909d6308da5b31ee9a2fe31dc2bc83682e65ba76a63d6ad348"),
}
#: the first wave's files, byte for byte
FIRST_WAVE_FILES = {
    "dev/bg.jsonl": "6ae56660865d6c3d9bcebfd402fdb9d6757dac25a66b27c856dd5c2f188fd3b8",
    "dev/de.jsonl": "660c8c75a776dededbd3dc70d06212d43559d7a7ef48e75f66dbdd7e23d2d83b",
    "dev/en.jsonl": "c020f1cb736edd250754a21c1ea29d09917d1ddb75e08180913ad5e17d6f33ba",
    "dev/es.jsonl": "6e3bf571cf22545c801937607103bb56fbde4c0e0d349ea794eb38e0eb6c649f",
    "dev/fr.jsonl": "eee50d64ba5a9033c9d391ef17640ced59d1c1c10a785115f800af4ea4579200",
    "dev/pl.jsonl": "b712ea308c8a15c6a5f29f3a67079417e5b1d8cd92568de5cf27a242dc989b53",
    "dev/ro.jsonl": "46fbb00a7177127576ed37ddb9a8afba52d503dd6ad8bc92e2ede67f5d0eae1c",
    "dev/ru.jsonl": "b5d3fedf565575b90e44ed47a426d7343731400540929caa007c40d402c6fa42",
    "dev/uk.jsonl": "78ceabd1f4534147d76e9d052d61c50b71602071843fb2666aa8f66d86571c4d",
    "test/bg.jsonl": "9505d07e0ffffa6151877acf9159111c44d1e594ea9e5cfa7e0fe74f6b6f0e6d",
    "test/de.jsonl": "7492a310d4b05fd8ce1c59ccef3969ac7edccba57b71b8597e6e4efe9ccc77d5",
    "test/en.jsonl": "48275f85a3b1fe6bab9c02a0c839959acb60347c0d00cc8417283734d01ca3fb",
    "test/es.jsonl": "eb5f4a7980af4933a89729d4615656aee88ea01f4a266445c46f4a8047e25e35",
    "test/fr.jsonl": "60683182e186f8935a947eb226117274d0b525d30713be86e4913e588ca6ce3c",
    "test/pl.jsonl": "a5a41208a32c9a61bacafbe018abb048a69f57befcf4dae434b6b60afef05141",
    "test/ro.jsonl": "5f3378427b83b8e2e263992c4bfca5530a3f8b45bec97a04bfdb1903d32d6554",
    "test/ru.jsonl": "4cb102b67ba8590b77a1d9e3a7fb5738eec6d34e41f7ec8eddfc8be348a7a3d1",
    "test/uk.jsonl": "07be960e18aad8a101271697e6bd39be1d89d0af3978346c4fecfb9232b952f0",
}


def _records(split: str, second: bool) -> list[dict]:
    """The second wave's records (``<lang>.2.jsonl``) or the first wave's (``<lang>.jsonl``)."""
    suffix = ".2.jsonl" if second else ".jsonl"
    files = [f for f in sorted((CORPUS / split).glob("*.jsonl"))
             if f.name.endswith(suffix) and f.name.count(".") == suffix.count(".")]
    return [rec for _w, rec in iter_corpus(files)]


@pytest.fixture(scope="module")
def wave2() -> dict[str, list[dict]]:
    return {split: _records(split, True) for split in ("dev", "test")}


def _digest(recs: list[dict]) -> str:
    h = hashlib.sha256()
    for rid, text in sorted((r["id"], r["text"]) for r in recs):
        h.update(rid.encode() + b"\0" + text.encode() + b"\0")
    return h.hexdigest()


@pytest.mark.parametrize("split", ["dev", "test"])
def test_first_wave_ids_texts_and_split_unchanged(split):
    recs = _records(split, False)
    assert (len(recs), _digest(recs)) == FIRST_WAVE_DIGEST[split]


def test_first_wave_files_byte_identical_and_rebuilt_identically():
    from audit.eval.build import render

    for name, digest in FIRST_WAVE_FILES.items():
        assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == digest, name
    records, _ = build_records()
    for name, content in render(records).items():
        assert hashlib.sha256(content.encode("utf-8")).hexdigest() == FIRST_WAVE_FILES[name], name


def test_every_language_in_both_new_splits(wave2):
    for split, recs in wave2.items():
        per_lang = Counter(r["lang"] for r in recs)
        assert set(per_lang) == set(LANGS), (split, per_lang)
        assert min(per_lang.values()) >= 10, (split, per_lang)


def test_new_records_sit_in_their_source_files_split(wave2):
    pairs = wave_records()
    assert {r["id"]: s for s, r in pairs} == {r["id"]: s for s, recs in wave2.items() for r in recs}
    for split, rec in pairs:
        assert rec["id"].startswith(f"{rec['lang']}2-{split[0]}"), rec["id"]


def test_splits_and_waves_disjoint(wave2):
    old = _records("dev", False) + _records("test", False)
    new = wave2["dev"] + wave2["test"]
    assert not {r["id"] for r in wave2["dev"]} & {r["id"] for r in wave2["test"]}
    assert not {r["id"] for r in old} & {r["id"] for r in new}
    # no paragraph of a new article appears in any other article (either wave, either split)
    assert shared_paragraphs(new, old) == []
    assert not {r["title"] for r in old} & {r["title"] for r in new}


def test_spans_exact_valid_and_non_overlapping(wave2):
    for r in wave2["dev"] + wave2["test"]:
        assert r["provenance"] == "written"
        assert "⟦" not in r["text"] and "⟧" not in r["text"]
        for lab in r["labels"]:
            assert lab["category"] in CATEGORIES
            span = r["text"][lab["start"]:lab["end"]]
            assert span and span == span.strip(), (r["id"], lab)
            assert lab["note"], (r["id"], lab)
        spans = sorted((lab["start"], lab["end"]) for lab in r["labels"])
        for (_s1, e1), (s2, _e2) in itertools.pairwise(spans):
            assert e1 <= s2, f"{r['id']}: overlapping labels"


def test_realistic_length(wave2):
    # news length: the first wave's median is 144 words; Cyrillic and German texts need fewer
    # words for the same content, so characters are checked too
    recs = [r for recs in wave2.values() for r in recs]
    words = [len(r["text"].split()) for r in recs]
    chars = [len(r["text"]) for r in recs]
    assert min(words) >= 150 and min(chars) >= 1000, (min(words), min(chars))
    assert max(words) <= 750, max(words)
    assert statistics.median(words) >= 220 and statistics.median(chars) >= 1400


def test_composition_per_language_and_split(wave2):
    for split, recs in wave2.items():
        for lang in LANGS:
            mine = [r for r in recs if r["lang"] == lang]
            cats = [{lab["category"] for lab in r["labels"] if not lab.get("optional")} for r in mine]
            assert sum(not c for c in cats) >= 4, (split, lang, "clean hard negatives")
            assert sum("machine-translation" in c for c in cats) >= 2, (split, lang)
            assert sum("boilerplate" in c for c in cats) >= 2, (split, lang)
            assert sum(bool(c & {"spam-bio", "unrelated-links"}) for c in cats) >= 1, (split, lang)
            assert len({r["attribution_level"] for r in mine}) >= 2, (split, lang)


def test_second_wave_rejects_stray_files_and_reused_ids(tmp_path: Path):
    src = tmp_path / "src2"
    src.mkdir()
    art = "### {rid}\ntitle: T {rid}\nsource: s.pl\npublished: 2025-01-01\nstyle: wire\ntopic: x\nattr: moderate\n\nTekst.\n"
    (src / "pl.dev.txt").write_text(art.format(rid="pl2-d01"), encoding="utf-8")
    (src / "pl.test.txt").write_text(art.format(rid="pl2-d01"), encoding="utf-8")
    pairs = wave_records(tmp_path)
    assert [(s, r["lang"]) for s, r in pairs] == [("dev", "pl"), ("test", "pl")]
    with pytest.raises(CorpusError, match="duplicate article ids in src2: pl2-d01"):
        render_wave(pairs)
    with pytest.raises(CorpusError, match="pl-001"):
        render_wave([*pairs[:1], ("test", {**pairs[1][1], "id": "pl-001"})], {"pl-001"})
    out = render_wave(pairs[:1])
    assert list(out) == ["dev/pl.2.jsonl"]
    assert json.loads(out["dev/pl.2.jsonl"])["lang"] == "pl"
    (src / "pl.train.txt").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"pl.train.txt .*<lang>.<dev\|test>.txt"):
        wave_records(tmp_path)


def test_parse_source_language_is_the_name_before_the_first_dot(tmp_path: Path):
    p = tmp_path / "uk.test.txt"
    p.write_text("### uk2-t99\ntitle: T\nsource: s.ua\npublished: 2025-01-01\nstyle: wire\ntopic: x\n"
                 "attr: moderate\n\nТекст ⟦bp|cta⟧Підписуйтеся⟦/⟧.\n", encoding="utf-8")
    (rec,) = parse_source(p)
    assert rec["lang"] == "uk"
    assert rec["text"][rec["labels"][0]["start"]:rec["labels"][0]["end"]] == "Підписуйтеся"
