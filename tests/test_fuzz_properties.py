"""Property-based hardening tests (issue #8): hostile and broken input through the loaders,
every registered check (via the Auditor) and the span arithmetic.

Invariants (shared with the atheris harnesses, ``tests/fuzz/invariants.py``): no exception
escapes; every finding's span lies inside its field and its evidence is the field's text at
that span; no check reports ``internal-error``; records in == results + input errors out, in
input order.

Example counts are bounded for CI; ``NEWSAUDIT_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz_properties.py``
runs a longer campaign.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from audit.check.engine import Auditor
from audit.load import iter_records
from audit.model import Article, ArticleResult, Finding, InputError
from audit.text import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
from invariants import jsonl_record_count, result_problems, stream_problems

EXAMPLES = int(os.environ.get("NEWSAUDIT_FUZZ_EXAMPLES", "200"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])

#: the hostile pieces an article can be made of
HOSTILE = [
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",  # Hebrew (RTL)
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645.",  # Arabic (RTL)
    "\u202eRLO override\u202c", "\u200f\u200e",  # bidi controls
    "e\u0301\u0301\u0301", "\u0301", "Zal\u0335\u0321go\u0337\u0327",  # combining marks, Zalgo
    "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466", "\U0001f3f3\ufe0f\u200d\U0001f308",  # ZWJ emoji
    "\U0001f1f5\U0001f1f1", "\U0001f44d\U0001f3fd",  # flags, skin tones
    "\ud800", "\udfff", "\udc80", "\ud83d",  # lone surrogates, as JSON "\ud800" escapes deliver them
    "\x00", "\x00\x00\x00", "\ufeff", "\ufffe", "\uffff", "\x7f", "\x1b[31m",
    "\r\n", "\r", "\n", "\n\n\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c",
    "...", "!!!", "?!", "\u2026", "\u2014\u2013-", "\u201e\u201d\u00ab\u00bb\"'", "()[]{}", "*#@%&",
    " ", "\t", "\u00a0", "\u3000", "\u200b", "   \t  ",
    "Ã©", "Ä…", "&amp;", "<b>", "</script>",
    "Ala ma kota.", "The Minister said on Tuesday.", "Путин заявил, что", "Read also: ",
    "A. B. C.", "Mr. Smith", "www.example.com", "https://x.pl/a?b=c",
]
LANGS = [None, "pl", "bg", "ro", "en", "de", "es", "fr", "ru", "uk", "xx", "", "EN", "pt-BR"]

hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12),
              st.text(alphabet=st.characters(codec=None, categories=("P", "Z", "S", "M", "C")), max_size=8)),
    max_size=30,
).map("".join)
punct_only = st.text(alphabet=st.characters(categories=("P",)), min_size=1, max_size=200)
space_only = st.text(alphabet=" \t\n\r\u00a0\u2028\u2029\u3000\u200b\x0b\x0c\x85", min_size=1, max_size=200)
any_text = st.one_of(hostile_text, punct_only, space_only, st.text(max_size=300))
meta = st.one_of(st.none(), hostile_text.map(lambda s: s[:80]))


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    a = Auditor()
    a.audit(Article(id="warm", text="Warm the lazy models up. " * 4, lang="en"))
    return a


# -- every check, through the Auditor ---------------------------------------------------------


@SETTINGS
@given(text=any_text, lang=st.sampled_from(LANGS), title=meta, author=meta, source=meta, url=meta)
@example(text="\ud800 Zdanie.\r\rDrugie\x00zdanie.", lang="pl", title="\udc00", author="", source=None, url="\ud83d")
@example(text="\u202e\u0301" * 50, lang=None, title=None, author=None, source=None, url=None)
@example(text="!?." * 100, lang="en", title="...", author="!!!", source=None, url=None)
@example(text=" \t\u00a0\n" * 60, lang="de", title=" ", author="\n", source=" ", url=" ")
def test_every_check_keeps_spans_inside_and_never_crashes(auditor: Auditor, text: str, lang: str | None,
                                                          title: str | None, author: str | None,
                                                          source: str | None, url: str | None) -> None:
    art = Article(id="h", text=text, title=title, author=author, source=source, url=url, lang=lang)
    result = auditor.audit(art)
    assert isinstance(result, ArticleResult)
    assert result_problems(art, result) == []
    json.dumps(result.to_dict(), default=str)  # the check --format jsonl object can be written


@SETTINGS
@given(texts=st.lists(any_text, max_size=8), errors_at=st.sets(st.integers(0, 9), max_size=3))
def test_stream_order_and_count_are_kept(auditor: Auditor, texts: list[str], errors_at: set[int]) -> None:
    from audit.model import Origin

    records: list[Article | InputError] = []
    for i, t in enumerate(texts):
        if i in errors_at:
            records.append(InputError(Origin("f.jsonl", i + 1, i), "bad record"))
        records.append(Article(id=f"a{i}", text=t))
    out = list(auditor.audit_stream(records))
    assert len(out) == len(records)
    for rec, res in zip(records, out, strict=True):
        if isinstance(rec, InputError):
            assert res is rec
        else:
            assert isinstance(res, ArticleResult) and res.article is rec


# -- span arithmetic ----------------------------------------------------------------------------


@SETTINGS
@given(text=any_text)
def test_doc_segments_are_spans_of_the_text(text: str) -> None:
    d = Doc(text, abbreviations=frozenset({"mr", "dr"}))
    n = len(text)
    for name in ("lines", "nonblank_lines", "paragraphs", "sentences", "words"):
        spans = getattr(d, name)
        assert all(0 <= s <= e <= n for s, e in spans), name
        assert spans == sorted(spans), name
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), f"{name} overlap"
    for s, e in d.words:
        assert d.words_in(s, e) == [(s, e)]
    # every line break ends a line: no line span holds \r or \n
    assert not any(ch in text[s:e] for s, e in d.lines for ch in "\r\n")
    for off in range(0, n + 1, max(1, n // 7)):
        line, col = d.line_col(off)
        assert line >= 1 and col >= 1


@SETTINGS
@given(text=any_text, data=st.data())
def test_finding_at_rejects_every_span_outside_the_text(text: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(-3, len(text) + 3))
    e = data.draw(st.integers(-3, len(text) + 3))
    kw = {"check": "X", "category": "structure", "severity": "info", "message": "m"}
    if 0 <= s <= e <= len(text):
        f = Finding.at(text, s, e, **kw)
        assert f.evidence == text[s:e]
        assert Finding.from_dict(json.loads(json.dumps(f.to_dict()))) == f
    else:
        with pytest.raises(ValueError):
            Finding.at(text, s, e, **kw)


# -- loaders -------------------------------------------------------------------------------------

raw_bytes = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from([b"{", b"}", b"[", b"]", b'"text"', b":", b",", b'"', b"\\u", b"d800", b"\n",
                              b"\r\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc3", b"\xa9", b"\xed\xa0\x80",
                              b"null", b"1e999", b"-", b" ", b"\t", b"text", b"id", b"a"]), max_size=60).map(b"".join),
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-files")


def _load(path: Path) -> list[Article | InputError]:
    return list(iter_records([str(path)]))


@SETTINGS
@given(data=raw_bytes, fmt=st.sampled_from(["jsonl", "json", "csv", "tsv", "txt"]))
@example(data=b'{"text": "\\ud800 a\\u0000b"}\r\n\r\n{"text": 1}\n\xff\xfe\n{"id": "\\n"}', fmt="jsonl")
@example(data=codecs.BOM_UTF8 + b'{"text": "x"}\r{"text": "y"}\n', fmt="jsonl")
@example(data=b"id,text\r\n1,\"a\rb\"\r\n2,c\x00d\r\n3,\xff\n", fmt="csv")
@example(data=b"\xef\xbb\xbfline\r\nline\rline\x00", fmt="txt")
@example(data=b'[{"text": "a"},, {"text": "\xff"}, 3, {"text": "b"}', fmt="json")
def test_loaders_yield_one_item_per_record_and_never_raise(scratch: Path, data: bytes, fmt: str) -> None:
    p = scratch / f"in.{fmt}"
    p.write_bytes(data)
    items = _load(p)
    expected = 1 if fmt == "txt" else jsonl_record_count(data) if fmt == "jsonl" else None
    assert stream_problems(items, expected) == []


record_value = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), any_text,
                         st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5),
                                                                                    st.text(max_size=5), max_size=3))
records = st.lists(st.fixed_dictionaries({"id": st.one_of(st.none(), any_text.map(lambda s: s[:30])),
                                          "text": st.one_of(any_text, record_value)},
                                         optional={"title": meta, "author": meta, "url": meta, "lang": st.sampled_from(LANGS)}),
                   max_size=8)


@SETTINGS
@given(recs=records, ascii_only=st.booleans(), crlf=st.booleans())
def test_jsonl_records_in_equal_results_plus_errors_out(auditor: Auditor, scratch: Path, recs: list[dict],
                                                        ascii_only: bool, crlf: bool) -> None:
    end = "\r\n" if crlf else "\n"
    lines = [json.dumps(r, ensure_ascii=ascii_only) for r in recs]
    # lone surrogates cannot be written as UTF-8 unless escaped: ensure_ascii=False writes them as
    # bytes that are not valid UTF-8, which must become one InputError for that record
    p = scratch / "recs.jsonl"
    p.write_bytes(end.join(lines).encode("utf-8", "surrogatepass") + end.encode())
    out = list(auditor.audit_stream(iter_records([str(p)])))
    assert len(out) == len(recs)
    for i, (rec, res) in enumerate(zip(recs, out, strict=True)):
        assert res.origin.index == i if isinstance(res, InputError) else res.article.origin.index == i
        if isinstance(res, ArticleResult):
            assert isinstance(rec["text"], str | None)
            assert res.article.text == (rec["text"] or "")
            assert result_problems(res.article, res) == []
        else:
            raw = json.dumps(rec["text"], ensure_ascii=ascii_only)
            bad_bytes = not ascii_only and any(0xD800 <= ord(c) <= 0xDFFF for c in json.dumps(rec, ensure_ascii=False))
            assert bad_bytes or not isinstance(rec["text"], str | None), (res.message, raw)
            assert "\n" not in res.message


@SETTINGS
@given(rows=st.lists(st.tuples(any_text.map(lambda s: s[:20]), any_text), max_size=8), tsv=st.booleans())
def test_csv_rows_in_equal_items_out(scratch: Path, rows: list[tuple[str, str]], tsv: bool) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter="\t" if tsv else ",", quoting=csv.QUOTE_ALL)
    w.writerow(["id", "text"])
    w.writerows(rows)
    p = scratch / ("rows.tsv" if tsv else "rows.csv")
    p.write_bytes(buf.getvalue().encode("utf-8", "surrogatepass"))
    items = _load(p)
    assert stream_problems(items, len(rows)) == []
    for (ident, text), it in zip(rows, items, strict=True):
        if isinstance(it, Article):
            assert it.text == text
        else:  # only a row holding a lone surrogate (bytes that are not UTF-8) may fail
            assert any(0xD800 <= ord(c) <= 0xDFFF for c in ident + text), it.message
