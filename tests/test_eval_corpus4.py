"""The fourth wave of the evaluation corpus (tests/corpus/src4 -> {dev,test}/<lang>.4.jsonl).

Written on 2026-11-22 by five writers who read neither the detectors nor their lexicons nor
any earlier corpus file, and who ran nothing but the format validator on their files. It was
commissioned because both halves of the third wave had been scored: the detectors were
changed on its dev half only, and its test half was scored once, at the end of that work.
Weighted towards machine translation (5 of 10 articles per language and split), with three
clean hard negatives each, one of them a professional translation of a wire story.
Its files are pinned here by digest: editing a held-out article shows up as a failing test.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter

import pytest

from audit.eval.build import CORPUS, LANGS, wave_records
from audit.eval.corpus import CATEGORIES, iter_corpus, shared_paragraphs

#: the fourth wave's built files, byte for byte, as committed on 2026-11-22
PINNED = {
    "test/bg.4.jsonl": "03dc7b328ec4d980bceb0cdbd1737602d1b27d8b1361237d1ae4c0231bb5761e",
    "test/de.4.jsonl": "7231ad00e78ab9c751fdac79ac8750889f0cd3d4730535b0fb372fb4d3999e0d",
    "test/en.4.jsonl": "227a7eafa439c344d1fab7294262bd1b7ca56cb5c264c80efb1513d3868dd8b0",
    "test/es.4.jsonl": "21e4df1dea2e8409e32756e529a82a754aa06b77e66fa7d6aef35cf08c00e4ab",
    "test/fr.4.jsonl": "0e72392f60b98276a9b3a90932d7976bc35cff7ce7f4587b3d364a1185637f24",
    "test/pl.4.jsonl": "7b0ce93e0f913e7e613e1fb3690482b9213af06e8b519d053d532af31fb1afdf",
    "test/ro.4.jsonl": "15a50bccec445592de3056bbc61c3cbe2ffc72f8a3be15f7ab0e1d14e6ccc07c",
    "test/ru.4.jsonl": "10d6c403fe6703f6fdae282ce5a410a746e8eec17cde0828af841689b4b8d10c",
    "test/uk.4.jsonl": "70450e79d1df045aa3dd1bc04bd72987980ff6d795507b1ae1230906a3396918",
    "dev/bg.4.jsonl": "50ce67e084382f7e1e59180da850a25cfd0189692691c2780e965ff31dc79220",
    "dev/de.4.jsonl": "fb9a790cd0ea6ab5a05ddddcaadbba9184468e87e9e5db766dd7c25d53bb63bd",
    "dev/en.4.jsonl": "54199456238c4f5fbd5cabf8326558bc0c1bebf2471818928f21d2e5086645e6",
    "dev/es.4.jsonl": "0d66f7b33c588248784849db96a79b1e82916eb20896a39f0d5f1919066befc4",
    "dev/fr.4.jsonl": "b242f3fec36cc3f5387e4c967cb03c1466434cbae433fd5e7ab4b3418ca522cc",
    "dev/pl.4.jsonl": "5c8372923f3c9f6c553180aa783f903fc4d879013cd7fdc0d4edf51e42b6ab3a",
    "dev/ro.4.jsonl": "6c9895a5d5cf7a2aa731ab5a689a93cbb1db32391af2524f5e79f99f044b1f14",
    "dev/ru.4.jsonl": "3d1f0d00719f258a947cb54b0cbd4eae4a9020e807c0a8145b80fd0f33111221",
    "dev/uk.4.jsonl": "825597391839f9baf87ec00c4b7f56d961188e44de99f348eeb5a3f9b4ac203e",
}


@pytest.fixture(scope="module")
def wave4() -> dict[str, list[dict]]:
    return {split: [rec for _w, rec in iter_corpus(sorted((CORPUS / split).glob("*.4.jsonl")))]
            for split in ("dev", "test")}


def test_fourth_wave_is_byte_identical_to_the_pinned_files():
    for name, digest in PINNED.items():
        assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == digest, name


def test_records_sit_in_their_source_files_split(wave4):
    pairs = wave_records(CORPUS, 4)
    assert {r["id"]: s for s, r in pairs} == {r["id"]: s for s, recs in wave4.items() for r in recs}
    for split, rec in pairs:
        assert rec["id"].startswith(f"{rec['lang']}4-{split[0]}"), rec["id"]


def test_composition_per_language_and_split(wave4):
    for split, recs in wave4.items():
        for lang in LANGS:
            mine = [r for r in recs if r["lang"] == lang]
            assert len(mine) == 10, (split, lang)
            cats = [{lab["category"] for lab in r["labels"] if not lab.get("optional")} for r in mine]
            assert sum(not c for c in cats) >= 3, (split, lang, "clean hard negatives")
            assert sum("machine-translation" in c for c in cats) >= 5, (split, lang)
            assert sum("boilerplate" in c for c in cats) >= 1, (split, lang)
            assert sum(bool(c & {"spam-bio", "unrelated-links"}) for c in cats) >= 1, (split, lang)


def test_spans_exact_valid_and_non_overlapping(wave4):
    for r in wave4["dev"] + wave4["test"]:
        assert r["provenance"] == "written"
        for lab in r["labels"]:
            assert lab["category"] in CATEGORIES and lab["note"], (r["id"], lab)
            span = r["text"][lab["start"]:lab["end"]]
            assert span and span == span.strip(), (r["id"], lab)
        spans = sorted((lab["start"], lab["end"]) for lab in r["labels"])
        for (_s1, e1), (s2, _e2) in itertools.pairwise(spans):
            assert e1 <= s2, f"{r['id']}: overlapping labels"


def test_no_paragraph_or_title_shared_with_any_other_article(wave4):
    others = [rec for split in ("dev", "test") for _w, rec in iter_corpus(
        f for f in sorted((CORPUS / split).glob("*.jsonl")) if not f.name.endswith(".4.jsonl"))]
    new = wave4["dev"] + wave4["test"]
    assert shared_paragraphs(new, others) == []
    assert not {r["title"] for r in others} & {r["title"] for r in new}
    assert len(Counter(r["id"] for r in others + new)) == len(others) + len(new)
