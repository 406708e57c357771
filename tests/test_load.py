"""The load stage: every reader, field mapping, URL -> domain, and every kind of bad input."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from audit.load import FieldMap, LoadOptions, domains, iter_records
from audit.model import Article, InputError

DATA = Path(__file__).parent / "data" / "inputs"
NEWSPLEASE = LoadOptions(fields=FieldMap(text="maintext", author="authors", lang="language",
                                         published="date_publish"))


def load(paths, options: LoadOptions | None = None) -> list[Article | InputError]:
    return list(iter_records([str(p) for p in paths], options))


def errors(items) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# -- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_maps_fields_keeps_extras_and_derives_source_from_url() -> None:
    items = load([DATA / "newsplease.jsonl"], NEWSPLEASE)
    assert [type(i) for i in items] == [Article] * 3
    pl, en, ro = items
    assert pl.id == "pl-1" and pl.text.startswith("Sejm przyjął w piątek")
    assert pl.title == "Sejm przyjął ustawę"
    assert pl.author == "Anna Nowak, Jan Kowalski"
    assert (pl.lang, pl.published) == ("pl", "2024-05-17 10:02:00")
    assert pl.source == "onet.pl"  # wiadomosci.onet.pl -> registered domain
    # unmapped fields are kept untouched, nested objects included
    assert pl.extra == {"meta": {"section": "kraj", "canonical": "https://onet.pl/a"}}
    assert en.source == "bbc.co.uk" and en.extra == {"source_domain": "www.bbc.co.uk"}
    # no id: a stable one from file name and line
    assert ro.id == "newsplease.jsonl:3" and ro.source == "digi24.ro"
    assert [i.origin.line for i in items] == [1, 2, 3]
    assert [i.origin.index for i in items] == [0, 1, 2]


def test_dotted_paths_reach_into_nested_objects(tmp_path: Path) -> None:
    f = write(tmp_path / "n.jsonl", json.dumps({"doc": {"body": "Treść.", "id": 7},
                                                "meta": {"url": "https://sport.interia.pl/x"}}) + "\n")
    opts = LoadOptions(fields=FieldMap(text="doc.body", id="doc.id", url="meta.url"))
    (a,) = load([f], opts)
    assert (a.id, a.text, a.url, a.source) == ("7", "Treść.", "https://sport.interia.pl/x", "interia.pl")
    # dotted paths consume nothing: the nested objects stay whole in extra
    assert a.extra == {"doc": {"body": "Treść.", "id": 7}, "meta": {"url": "https://sport.interia.pl/x"}}


def test_a_literal_dotted_key_wins_over_the_path(tmp_path: Path) -> None:
    f = write(tmp_path / "d.jsonl", json.dumps({"a.b": "literal", "a": {"b": "nested"}}) + "\n")
    (a,) = load([f], LoadOptions(fields=FieldMap(text="a.b")))
    assert a.text == "literal" and "a.b" not in a.extra


def test_explicit_source_overrides_record_and_url(tmp_path: Path) -> None:
    f = write(tmp_path / "s.jsonl", json.dumps({"text": "x", "source": "Rzeczpospolita",
                                                "url": "https://www.rp.pl/a"}) + "\n")
    assert load([f])[0].source == "Rzeczpospolita"
    assert load([f], LoadOptions(source="feed-7"))[0].source == "feed-7"


def test_source_field_wins_over_url_and_empty_source_falls_back_to_url(tmp_path: Path) -> None:
    f = write(tmp_path / "s.jsonl", json.dumps({"text": "x", "source": "", "url": "https://novinite.bg/a"}) + "\n")
    assert load([f])[0].source == "novinite.bg"


# -- bad JSON Lines input: one item per record, message names file and line ---------------


def test_bad_jsonl_every_record_yields_one_item_in_order() -> None:
    path = str(DATA / "bad.jsonl")
    items = load([path])
    # 9 lines, one blank: 8 records
    assert len(items) == 8
    assert [i.origin.line for i in items] == [1, 2, 3, 5, 6, 7, 8, 9]
    assert [i.origin.index for i in items] == list(range(8))
    kinds = ["A" if isinstance(i, Article) else "E" for i in items]
    assert kinds == ["A", "E", "A", "E", "E", "E", "A", "A"]
    ok1, broken, ok2, array, notext, latin2, empty, ok3 = items
    # the BOM is stripped, CRLF is not part of the record
    assert ok1.text == "Pierwszy poprawny artykuł, z BOM na początku pliku."
    assert ok2.source == "bbc.co.uk"
    assert str(broken).startswith(f"{path}:2: invalid JSON")
    assert "truncated or multi-line record" in broken.message
    assert broken.raw and broken.raw.startswith('{"id": "broken"')
    assert str(array) == f"{path}:5: expected a JSON object, got an array"
    assert str(notext) == f"{path}:6: no text field 'text' (fields: id, body, lang; use --text-field)"
    assert str(latin2) == (f"{path}:7: invalid UTF-8 byte 0xBF at line 7, byte 29; "
                           "set the input encoding (e.g. --encoding cp1250) for legacy files")
    assert (empty.id, empty.text) == ("empty", "")
    assert ok3.id == "ok-3"
    assert not any(i.fatal for i in errors(items))
    assert all("\n" not in str(i) for i in errors(items))


def test_invalid_json_names_the_column(tmp_path: Path) -> None:
    f = write(tmp_path / "c.jsonl", '{"id": "a", "text": "x"}\n{"id": "b", "text": x}\n')
    a, e = load([f])
    assert a.id == "a"
    assert str(e) == f"{f}:2: invalid JSON at column 21: Expecting value"


@pytest.mark.parametrize(("line", "kind"), [("42", "a number"), ('"text"', "a string"), ("null", "null"),
                                            ("true", "true")])
def test_non_object_json_lines(tmp_path: Path, line: str, kind: str) -> None:
    f = write(tmp_path / "n.jsonl", line + "\n")
    (e,) = load([f])
    assert str(e) == f"{f}:1: expected a JSON object, got {kind}"


def test_text_of_the_wrong_type_and_null_text(tmp_path: Path) -> None:
    f = write(tmp_path / "t.jsonl", '{"text": ["a", "b"]}\n{"text": null}\n{"text": 5}\n')
    e1, a, e3 = load([f])
    assert str(e1) == f"{f}:1: text field 'text' holds an array, not a string"
    assert isinstance(a, Article) and a.text == ""
    assert e3.message == "text field 'text' holds a number, not a string"


def test_legacy_encoding_option_reads_cp1250() -> None:
    path = DATA / "legacy-cp1250.jsonl"
    (e,) = load([path])
    assert isinstance(e, InputError) and "invalid UTF-8 byte 0xBF at line 1" in e.message
    (a,) = load([path], LoadOptions(encoding="cp1250"))
    assert a.text == "Zażółć gęślą jaźń — Łódź"


def test_bytes_invalid_in_the_chosen_encoding_are_reported(tmp_path: Path) -> None:
    f = write(tmp_path / "x.jsonl", b'{"text": "ok"}\n{"text": "\x98"}\n')  # 0x98 is undefined in cp1250
    a, e = load([f], LoadOptions(encoding="cp1250"))
    assert a.text == "ok"
    assert str(e) == f"{f}:2: invalid cp1250 byte 0x98 at line 2, byte 11; check the input encoding"


def test_unknown_encoding_is_a_fatal_error_per_file(tmp_path: Path) -> None:
    f = write(tmp_path / "x.jsonl", '{"text": "ok"}\n')
    (e,) = load([f], LoadOptions(encoding="klingon"))
    assert e.fatal and str(e) == f"{f}: unknown encoding 'klingon'"


def test_utf16_with_bom_is_detected(tmp_path: Path) -> None:
    f = write(tmp_path / "w.jsonl", '{"id": "u", "text": "Zażółć"}\r\n{"id": "v", "text": "ß"}\r\n'.encode("utf-16"))
    a, b = load([f])
    assert (a.text, b.text, b.origin.line) == ("Zażółć", "ß", 2)


def test_a_5mb_article_is_kept_whole(tmp_path: Path) -> None:
    big = ("Zdanie numer jeden, dość długie. " * 160_000)[:5_000_000]
    f = write(tmp_path / "big.jsonl", json.dumps({"id": "big", "text": big}) + "\n" +
              json.dumps({"id": "next", "text": "x"}) + "\n")
    a, b = load([f])
    assert a.text == big and b.id == "next"


def test_missing_and_unreadable_files_are_fatal_and_the_rest_is_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.jsonl", '{"text": "a"}\n')
    locked = write(tmp_path / "locked.jsonl", '{"text": "b"}\n')
    missing = tmp_path / "missing.jsonl"
    locked.chmod(0)
    try:
        items = load([missing, locked, good])
    finally:
        locked.chmod(0o644)
    if os.geteuid() == 0:  # root reads anything: the locked file reads fine
        assert [type(i) for i in items] == [InputError, Article, Article]
    else:
        assert [type(i) for i in items] == [InputError, InputError, Article]
        assert str(items[1]).startswith(f"{locked}: cannot open: Permission denied")
    assert str(items[0]) == f"{missing}: no such file or directory" and items[0].fatal
    assert [i.origin.index for i in items] == [0, 1, 2]


def test_a_truncated_gzip_file_keeps_its_records_and_reports_where_it_broke(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(json.dumps({"id": f"r{i}", "text": "y" * 50}).encode() + b"\n"
                                  for i in range(200)))
    f = write(tmp_path / "t.jsonl.gz", data[: len(data) - 20])
    after = write(tmp_path / "u.jsonl", '{"text": "after"}\n')
    items = load([f, after])
    assert items[-1].text == "after"
    fatal = items[-2]
    assert isinstance(fatal, InputError) and fatal.fatal
    assert fatal.message.startswith("cannot read the rest of the file: Compressed file ended")
    assert fatal.origin.path == str(f) and fatal.origin.line is not None
    assert all(isinstance(i, Article) for i in items[:-2])


def test_gzip_jsonl() -> None:
    assert [a.id for a in load([DATA / "feed.jsonl.gz"])] == ["gz1", "gz2"]


# -- JSON arrays -----------------------------------------------------------------------------


def test_json_array_recovers_after_a_broken_element() -> None:
    path = DATA / "array.json"
    a1, bad, a3 = load([path])
    assert (a1.id, a1.origin.line) == ("a1", 2)
    assert a1.extra == {"meta": {"url": "https://www.rbc.ru/politics/1"}}
    assert str(bad) == f"{path}:7: invalid JSON at line 9 column 13: Expecting value"
    assert (a3.id, a3.origin.line) == ("a3", 11)
    assert a3.text == "Trzeci.\u2028Z separatorem wiersza."


def test_json_array_ids_and_single_line_layout(tmp_path: Path) -> None:
    f = write(tmp_path / "one.json", '[{"text": "a"}, {"text": "b"}, {"id": 3, "text": "c"}]')
    items = load([f])
    assert [i.id for i in items] == ["one.json[0]", "one.json[1]", "3"]


def test_json_array_broken_on_a_single_line_reports_the_lost_rest(tmp_path: Path) -> None:
    f = write(tmp_path / "one.json", '[{"text": "a"}, {"text": b}, {"text": "c"}]')
    a, bad, lost = load([f])
    assert a.text == "a"
    assert bad.message == "invalid JSON at column 26: Expecting value"
    assert lost.fatal and lost.message.startswith("no record could be found after the invalid JSON at line 1")


def test_json_file_of_concatenated_objects(tmp_path: Path) -> None:
    f = write(tmp_path / "c.json", '{"text": "a"}\n{"text":\n  "b"}\n{"text": "c"} {"text": "d"}\n')
    assert [(i.text, i.origin.line) for i in load([f])] == [("a", 1), ("b", 2), ("c", 4), ("d", 4)]


def test_json_array_problems(tmp_path: Path) -> None:
    unclosed = write(tmp_path / "u.json", '[{"text": "a"},\n{"text": "b"}\n')
    a, b, e = load([unclosed])
    assert (a.text, b.text) == ("a", "b")
    assert e.fatal and str(e) == f"{unclosed}:3: the JSON array is not closed (missing ']' at the end)"
    scalar = write(tmp_path / "s.json", '"just a string"')
    (e,) = load([scalar])
    assert e.fatal and str(e) == f"{scalar}:1: expected a JSON array or object, found '\"' at column 1"
    assert load([write(tmp_path / "empty.json", "  \n")]) == []
    assert load([write(tmp_path / "emptyarr.json", "[ ]")]) == []
    items = load([write(tmp_path / "mixed.json", '[1, {"text": "x"}, "s"]')])
    assert [type(i) for i in items] == [InputError, Article, InputError]
    assert items[0].message == "expected a JSON object, got a number"


def test_json_array_invalid_utf8_in_one_element(tmp_path: Path) -> None:
    f = write(tmp_path / "e.json", b'[\n {"text": "ok"},\n {"text": "caf\xe9"},\n {"text": "fine"}\n]\n')
    a, e, c = load([f])
    assert (a.text, c.text) == ("ok", "fine")
    assert str(e) == (f"{f}:3: invalid UTF-8 byte 0xE9 at line 3, byte 15; "
                      "set the input encoding (e.g. --encoding cp1250) for legacy files")


def test_a_json_file_that_is_really_json_lines_reads(tmp_path: Path) -> None:
    f = write(tmp_path / "feed.json", '{"text": "a"}\n{"text": "b"\n{"text": "c"}\n')
    a, e, c = load([f])
    assert (a.text, c.text) == ("a", "c")
    assert e.origin.line == 2 and e.message.startswith("invalid JSON at line 3 column 1")


# -- CSV -------------------------------------------------------------------------------------


def test_csv_with_bom_crlf_multiline_cells_and_a_ragged_row() -> None:
    path = DATA / "articles.csv"
    c1, c2, c3, c4 = load([path])
    assert (c1.id, c1.title, c1.source, c1.origin.line) == ("c1", "Tytuł", "rp.pl", 2)
    assert c1.text == "Pierwszy akapit.\r\n\r\nDrugi akapit, z przecinkiem."  # cell kept untouched
    assert c1.extra == {"section": "kraj"}
    assert (c2.id, c2.title, c2.url, c2.text, c2.extra, c2.origin.line) == ("c2", None, None, "Bez tytułu.", {}, 5)
    assert str(c3) == f"{path}:6: row has 6 fields but the header has 5 (a stray comma or quote?)"
    assert c4.text == 'Cytat: "tak"' and c4.source == "dnevnik.bg"


def test_csv_without_the_text_column_says_so_for_every_row() -> None:
    path = DATA / "notext.csv"
    items = load([path])
    assert len(items) == 3 and all(isinstance(i, InputError) for i in items)
    assert [i.origin.line for i in items] == [2, 3, 4]
    assert {i.message for i in items} == {"no text column 'text' (columns: id, body; use --text-field)"}
    # and with the mapping fixed, the same file reads
    assert [a.text for a in load([path], LoadOptions(fields=FieldMap(text="body")))] == ["first", "second", "third"]


def test_csv_big_cell_and_bad_bytes_and_lone_cr(tmp_path: Path) -> None:
    big = "Długi tekst. " * 400_000  # 5.2 MB, far over csv's default 128 KiB field limit
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerows([["id", "text"], ["big", big], ["bad", "PLACEHOLDER"], ["cr", "a\rb"], ["last", "ok"]])
    data = buf.getvalue().encode("utf-8").replace(b"PLACEHOLDER", b"caf\xe9")
    data = data.replace(b'"a\rb"', b"a\rb")  # an unquoted lone CR
    f = write(tmp_path / "x.csv", data)
    a, bad, cr, last = load([f])
    assert a.text == big
    assert str(bad) == (f"{f}:3: invalid UTF-8 byte 0xE9 at line 3, byte 8; "
                        "set the input encoding (e.g. --encoding cp1250) for legacy files")
    assert str(cr).startswith(f"{f}:4: invalid CSV: line break inside an unquoted field")
    assert last.id == "last" and last.origin.line == 5


def test_tsv_and_forced_format(tmp_path: Path) -> None:
    (t,) = load([DATA / "articles.tsv"])
    assert (t.id, t.text, t.lang) == ("t1", "Tab separated, with a comma.", "pl")
    f = write(tmp_path / "feed.data", "id,text\nz,forced\n")
    (z,) = load([f], LoadOptions(format="csv"))
    assert z.text == "forced"
    (e,) = load([f], LoadOptions(format="xml"))
    assert e.fatal and e.message == "unknown input format 'xml' (use jsonl, json, csv, tsv, parquet, txt)"


def test_csv_header_only_and_blank_lines(tmp_path: Path) -> None:
    assert load([write(tmp_path / "h.csv", "id,text\r\n")]) == []
    items = load([write(tmp_path / "b.csv", "id,text\n\na,x\n\nb,y\n")])
    assert [(i.id, i.origin.line) for i in items] == [("a", 3), ("b", 5)]


# -- Parquet ---------------------------------------------------------------------------------


def test_parquet_batches_nested_fields_and_types(tmp_path: Path) -> None:
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "id": [1, 2, None],
        "body": ["Pierwszy.", "Drugi.", "Trzeci."],
        "published": [datetime.datetime(2024, 1, 2, 3, 4), None, None],
        "meta": [{"url": "https://www.bbc.co.uk/a"}, {"url": None}, None],
    })
    f = tmp_path / "p.parquet"
    pq.write_table(table, f)
    items = load([f], LoadOptions(fields=FieldMap(text="body", url="meta.url"), batch_size=2))
    a, b, c = items
    assert (a.id, a.text, a.published, a.source) == ("1", "Pierwszy.", "2024-01-02T03:04:00", "bbc.co.uk")
    assert a.extra == {"meta": {"url": "https://www.bbc.co.uk/a"}}
    assert (b.id, b.url, b.source, b.published) == ("2", None, None, None)
    assert (c.id, c.origin.line) == ("p.parquet[2]", 3)
    missing = load([f])
    assert len(missing) == 3
    assert str(missing[0]) == f"{f}:1: no text column 'text' (columns: id, body, published, meta; use --text-field)"


def test_corrupt_parquet_is_fatal_for_that_file_only(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.parquet", b"PAR1 this is not parquet at all PAR1")
    good = write(tmp_path / "good.jsonl", '{"text": "x"}\n')
    e, a = load([bad, good])
    assert e.fatal and str(e).startswith(f"{bad}: not a readable Parquet file:")
    assert a.text == "x"


# -- text files, directories, globs ------------------------------------------------------------


def test_txt_directory_ids_sources_bom_and_crlf() -> None:
    items = load([DATA / "txt"])
    assert [(a.id, a.source) for a in items] == [("wiadomosc-1", "dziennik"), ("wiadomosc-2", "dziennik")]
    assert items[0].text == "Pierwsza linia.\nDruga linia.\n"  # BOM stripped, CRLF -> LF
    assert items[0].origin.line is None
    assert [a.source for a in load([DATA / "txt"], LoadOptions(source="gazeta"))] == ["gazeta", "gazeta"]


def test_txt_invalid_utf8_names_line_and_byte(tmp_path: Path) -> None:
    f = write(tmp_path / "news" / "a.txt", b"Pierwsza.\nDruga \xff linia.\n")
    (e,) = load([f])
    assert str(e) == (f"{f}:2: invalid UTF-8 byte 0xFF at line 2, byte 7; "
                      "set the input encoding (e.g. --encoding cp1250) for legacy files")
    (a,) = load([f], LoadOptions(encoding="cp1251"))
    assert a.text == "Pierwsza.\nDruga я linia.\n"


def test_directories_mix_formats_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "dump"
    write(root / "b.jsonl", '{"id": "b1", "text": "x"}\n{"id": "b2", "text": "y"}\n')
    write(root / "a" / "z.txt", "zet")
    write(root / "a" / "y.csv", "id,text\ny1,why\n")
    write(root / "c.json", '[{"id": "c1", "text": "c"}]')
    write(root / "README.md", "not read")
    write(root / ".git" / "x.jsonl", '{"text": "hidden"}\n')
    items = load([root])
    assert [i.id for i in items] == ["y1", "z", "b1", "b2", "c1"]
    # generated ids use the path relative to the directory argument
    write(root / "a" / "noid.jsonl", '{"text": "x"}\n')
    assert load([root])[0].id == "a/noid.jsonl:1"
    assert load([tmp_path / "nothing-here"])[0].message == "no such file or directory"


def test_globs(tmp_path: Path) -> None:
    write(tmp_path / "d1" / "f.jsonl", '{"id": "1", "text": "x"}\n')
    write(tmp_path / "d2" / "f.jsonl", '{"id": "2", "text": "y"}\n')
    write(tmp_path / "d2" / "g.csv", "id,text\n3,z\n")
    assert [a.id for a in load([f"{tmp_path}/**/*.jsonl"])] == ["1", "2"]
    (e,) = load([f"{tmp_path}/*.parquet"])
    assert e.fatal and e.message == "no file matches this pattern"


def test_origin_index_runs_over_the_whole_stream() -> None:
    items = load([DATA / "bad.jsonl", DATA / "missing.csv", DATA / "articles.csv", DATA / "txt"])
    assert [i.origin.index for i in items] == list(range(len(items)))
    assert len(items) == 8 + 1 + 4 + 2


# -- standard input --------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))


def test_stdin_sniffs_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'\n {"text": "a"}\n{"text": "b", "id": "x"}\nnope\n')
    a, b, e = load(["-"])
    assert (a.id, b.id) == ("stdin:2", "x")
    assert str(e) == "<stdin>:4: invalid JSON at column 1: Expecting value"


def test_stdin_sniffs_json_array(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'\xef\xbb\xbf[{"text": "a"}, {"text": "b"}]')
    assert [a.text for a in load(["-"])] == ["a", "b"]


def test_stdin_plain_text_is_one_article(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "Ala ma kota.\r\nKot ma Alę.".encode())
    (a,) = load(["-"], LoadOptions(source="clipboard"))
    assert (a.id, a.text, a.source, str(a.origin)) == ("stdin", "Ala ma kota.\nKot ma Alę.", "clipboard", "<stdin>")


def test_stdin_forced_csv(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"id,text\nq,from a pipe\n")
    (a,) = load(["-"], LoadOptions(format="csv"))
    assert (a.id, a.text) == ("q", "from a pipe")


# -- URL -> registered domain, offline -------------------------------------------------------


@pytest.mark.parametrize(("url", "domain"), [
    ("https://www.bbc.co.uk/news/x", "bbc.co.uk"),
    ("https://wiadomosci.onet.pl/kraj/a/b", "onet.pl"),
    ("http://WWW.Spiegel.DE/politik", "spiegel.de"),
    ("https://news.abv.bg:8443/x?y#z", "abv.bg"),
    ("https://user:pw@www.elmundo.es/", "elmundo.es"),
    ("www.adevarul.ro/stiri", "adevarul.ro"),
    ("//www.lemonde.fr/a", "lemonde.fr"),
    ("https://ria.ru/20240101/x.html", "ria.ru"),
    ("https://www.pravda.com.ua/news/", "pravda.com.ua"),
    ("https://example.com./trailing-dot", "example.com"),
    ("http://localhost:8000/feed", "localhost"),
    ("http://127.0.0.1/x", "127.0.0.1"),
    ("not a url", None),
    ("", None),
    ("mailto:someone", None),
])
def test_registered_domain(url: str, domain: str | None) -> None:
    assert domains.registered_domain(url) == domain


def test_domain_lookup_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise OSError("network used")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(domains, "_extractor", None)  # build a fresh extractor under the guard
    domains._domain_of_host.cache_clear()
    assert domains.registered_domain("https://www.theguardian.co.uk/x") == "theguardian.co.uk"
    assert domains.registered_domain("https://city.kawasaki.jp/") == "city.kawasaki.jp"
    assert calls == []


def test_importing_the_loader_does_not_import_tldextract_or_pyarrow() -> None:
    code = ("import sys, audit.load; from audit.load import iter_records; "
            "print(sorted(m for m in ('tldextract', 'requests', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
