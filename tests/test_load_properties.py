"""Property tests for the parsers (round trips of arbitrary text) and bounded memory."""

from __future__ import annotations

import csv
import gc
import io
import itertools
import json
import re
import tracemalloc
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.load import iter_records
from audit.load.jsonstream import JsonProblem, iter_values
from audit.model import Article

# arbitrary unicode plus the characters that break naive line splitting or decoding
SPECIAL = st.sampled_from(["\x00", "\r", "\n", "\r\n", "\u2028", "\u2029", "\x85", "\ufeff", "\x0b", "\x0c",
                           '"', "\\", ",", "\t", "{", "}", "[", "]", "\udc80", "\ud800", "\U0001f600", "ł", "ж"])
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
# (an escaped surrogate *pair* is, by JSON's definition, the astral character: keep surrogates lone)
_PAIR = re.compile("[\ud800-\udbff](?=[\udc00-\udfff])")
TEXT = st.lists(st.one_of(ANY_CHAR, SPECIAL), max_size=40).map(lambda cs: _PAIR.sub("?", "".join(cs)))
NO_SURROGATES = TEXT.map(lambda s: "".join(c for c in s if not 0xD800 <= ord(c) <= 0xDFFF))
IDS = st.lists(st.text(min_size=1, max_size=8).filter(lambda s: s.strip() and not any(
    0xD800 <= ord(c) <= 0xDFFF for c in s)), min_size=0, max_size=12, unique=True)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _records(draw_ids: list[str], texts: list[str]) -> list[dict[str, str]]:
    return [{"id": i, "text": t} for i, t in zip(draw_ids, texts, strict=False)]


@st.composite
def corpora(draw: st.DrawFn, text: st.SearchStrategy[str] = TEXT) -> list[dict[str, str]]:
    ids = draw(IDS)
    texts = draw(st.lists(text, min_size=len(ids), max_size=len(ids)))
    return _records(ids, texts)


def _check(items: list, recs: list[dict[str, str]]) -> None:
    assert all(isinstance(i, Article) for i in items), [str(i) for i in items if not isinstance(i, Article)]
    assert [(a.id, a.text) for a in items] == [(r["id"], r["text"]) for r in recs]
    assert [a.origin.index for a in items] == list(range(len(recs)))


@SETTINGS
@given(recs=corpora(), ensure_ascii=st.booleans(), crlf=st.booleans(), bom=st.booleans())
def test_jsonl_round_trip(tmp_path: Path, recs: list[dict[str, str]], ensure_ascii: bool, crlf: bool,
                          bom: bool) -> None:
    has_surrogates = any(0xD800 <= ord(c) <= 0xDFFF for r in recs for c in r["text"])
    eol = "\r\n" if crlf else "\n"
    body = "".join(json.dumps(r, ensure_ascii=ensure_ascii or has_surrogates) + eol for r in recs)
    f = tmp_path / "p.jsonl"
    f.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))
    items = list(iter_records([str(f)]))
    _check(items, recs)
    assert [a.origin.line for a in items] == list(range(1, len(recs) + 1))


@SETTINGS
@given(recs=corpora(), indent=st.sampled_from([None, 0, 1, 4]), ensure_ascii=st.booleans())
def test_json_array_round_trip(tmp_path: Path, recs: list[dict[str, str]], indent: int | None,
                               ensure_ascii: bool) -> None:
    has_surrogates = any(0xD800 <= ord(c) <= 0xDFFF for r in recs for c in r["text"])
    f = tmp_path / "p.json"
    f.write_bytes(json.dumps(recs, indent=indent, ensure_ascii=ensure_ascii or has_surrogates).encode("utf-8"))
    _check(list(iter_records([str(f)])), recs)


@settings(max_examples=200, deadline=None)
@given(recs=corpora(), indent=st.sampled_from([None, 2]), data=st.data())
def test_json_stream_is_independent_of_chunk_boundaries(recs: list[dict[str, str]], indent: int | None,
                                                        data: st.DataObject) -> None:
    doc = json.dumps(recs, indent=indent)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(doc)), max_size=12)))
    pieces = [doc[a:b] for a, b in zip([0, *cuts], [*cuts, len(doc)], strict=True)]
    got = [v for _, v, _ in iter_values(iter(pieces), chunk_hint=1)]
    assert got == recs


@settings(max_examples=100, deadline=None)
@given(recs=corpora(), data=st.data())
def test_json_stream_recovers_after_one_broken_record(recs: list[dict[str, str]], data: st.DataObject) -> None:
    if not recs:
        return
    k = data.draw(st.integers(0, len(recs) - 1))
    lines = [json.dumps(r) for r in recs]
    lines[k] = lines[k][: len(lines[k]) // 2]  # cut one record in half
    doc = "[\n" + ",\n".join(lines) + "\n]\n"
    cut = data.draw(st.integers(0, len(doc)))
    values = [v for _, v, _ in iter_values(iter([doc[:cut], doc[cut:]]), chunk_hint=1)]
    assert len(values) == len(recs)
    assert isinstance(values[k], JsonProblem) and not values[k].fatal
    assert [v for i, v in enumerate(values) if i != k] == [r for i, r in enumerate(recs) if i != k]


@SETTINGS
@given(recs=corpora(NO_SURROGATES), crlf=st.booleans(), bom=st.booleans())
def test_csv_round_trip(tmp_path: Path, recs: list[dict[str, str]], crlf: bool, bom: bool) -> None:
    # RFC 4180: a field holding CR or LF is quoted. With "\n" line ends csv's QUOTE_MINIMAL
    # leaves a lone CR unquoted (an ambiguous file, reported as an error): quote every field.
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=["id", "text"], lineterminator="\r\n" if crlf else "\n",
                       quoting=csv.QUOTE_MINIMAL if crlf else csv.QUOTE_ALL)
    w.writeheader()
    w.writerows(recs)
    f = tmp_path / "p.csv"
    f.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    _check(list(iter_records([str(f)])), recs)


# -- memory: nothing grows with the number of articles ------------------------------------------


def _write_feed(path: Path, n: int, fmt: str) -> None:
    text = "Zażółć gęślą jaźń. The minister said on Tuesday that the budget would grow. " * 3
    with open(path, "w", encoding="utf-8", newline="") as f:
        if fmt == "jsonl":
            for i in range(n):
                f.write(json.dumps({"id": f"a{i}", "text": f"{i} {text}", "url": f"https://n{i % 20}.onet.pl/{i}",
                                    "tags": ["x", i]}, ensure_ascii=False) + "\n")
        elif fmt == "json":
            f.write("[\n")
            for i in range(n):
                f.write(("," if i else "") + json.dumps({"id": f"a{i}", "text": f"{i} {text}"}) + "\n")
            f.write("]\n")
        else:
            w = csv.writer(f)
            w.writerow(["id", "text"])
            for i in range(n):
                w.writerow([f"a{i}", f"{i}\n{text}"])


def _peak(path: Path) -> tuple[int, int]:
    gc.collect()
    tracemalloc.start()
    try:
        count = 0
        for _ in iter_records([str(path)]):
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


def test_memory_does_not_grow_with_the_number_of_articles(tmp_path: Path) -> None:
    results = {}
    # JSON Lines as asked in issue #2 (5,000 vs 50,000 lines); arrays and CSV, which hold a
    # buffer of their own, at 2,000 vs 20,000 to keep the test short
    for fmt, n in (("jsonl", 5_000), ("json", 2_000), ("csv", 2_000)):
        small, large = tmp_path / f"small.{fmt}", tmp_path / f"large.{fmt}"
        _write_feed(small, n, fmt)
        _write_feed(large, 10 * n, fmt)
        for _ in itertools.islice(iter_records([str(small)]), 100):  # warm up: imports, suffix list
            pass
        n_small, peak_small = _peak(small)
        n_large, peak_large = _peak(large)
        assert (n_small, n_large) == (n, 10 * n)
        results[fmt] = (peak_small, peak_large, large.stat().st_size)
        # ten times the articles: the peak must not follow. Generous slack: 1.5x the small
        # run's peak plus 1 MiB, while holding the articles would take > 5 MB.
        assert peak_large < 1.5 * peak_small + (1 << 20), (fmt, peak_small, peak_large)
    print("tracemalloc peak (small, large, large file bytes):", results)
