"""The HTML report's renderer: escaping, embedded data, limits, segments (no browser needed)."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from audit.cli.commands.report import output_path
from audit.cli.main import app
from audit.fix import apply_fixes
from audit.model import Article, ArticleResult, Finding, InputError, Origin
from audit.report import embed_json, normalise_verdict, render_report, write_report
from audit.report.data import ReportLimits, article_detail, fixed_text, histogram
from audit.report.segments import insert_points, pieces, segments

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
XSS = "<script>alert(1)</script> <img src=x onerror=alert(2)> </textarea> </script><!-- javascript:alert(3)"


def _result(i: int, text: str, findings: list[Finding] | None = None, **kw: object) -> ArticleResult:
    art = Article(id=f"a{i}", text=text, source=str(kw.pop("source", "s1")), lang="en", **kw)  # type: ignore[arg-type]
    return ArticleResult(article=art, lang="en", findings=findings or [], scores={"mt_score": 0.1 * (i % 10)})


def _finding(text: str, ev: str, cat: str = "boilerplate", sev: str = "warning", **kw: object) -> Finding:
    s = text.index(ev)
    return Finding.at(text, s, s + len(ev), check="BP001", category=cat, severity=sev, message="m", **kw)  # type: ignore[arg-type]


def _data_block(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


# -- escaping ------------------------------------------------------------------------------
def test_embed_json_leaves_no_markup_characters_and_round_trips() -> None:
    obj = {"t": XSS + " & \u2028\u2029 ]]> <!--", "n": [1, None]}
    s = embed_json(obj)
    assert not set(s) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(s) == obj


def test_article_markup_never_reaches_the_page_as_markup() -> None:
    text = f"Intro. {XSS}\nEnd."
    r = _result(1, text, [_finding(text, "<img src=x onerror=alert(2)>")], title=XSS, author=XSS,
                url="javascript:alert(4)")
    r.article.source = XSS
    html = render_report([r], title="T " + XSS, summary={XSS: XSS}, verdict={"status": "fail", "details": [XSS]})
    # our two script elements only; the injected tags appear escaped or inside the JSON as \u003c
    assert html.count("<script") == 2
    assert "<img src=x" not in html and "</textarea>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the title, escaped by Jinja
    data = _data_block(html)
    d = data["details"][0]
    assert "".join(p if isinstance(p, str) else p[0] for p in d["text"]) == text
    assert data["srcNames"] == [XSS]
    assert d["url"] == "javascript:alert(4)"  # kept as data; the page never makes it a link


def test_the_csp_allows_exactly_the_inline_script_and_no_request() -> None:
    html = render_report([_result(1, "Some text here for the report.")])
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "img-src data:" in policy and "connect-src 'none'" in policy
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", html)  # nothing loads from elsewhere
    assert "@import" not in html and "url(" not in html


def test_verdict_normalisation() -> None:
    assert normalise_verdict(None) is None
    assert normalise_verdict("pass") == {"status": "pass", "label": "PASS", "details": []}
    assert normalise_verdict({"passed": False, "reasons": "too many errors"}) == {
        "status": "fail", "label": "FAIL", "details": ["too many errors"]}
    assert normalise_verdict({"status": "warning", "label": "Passed with warnings"})["status"] == "warn"


# -- embedded data -------------------------------------------------------------------------
def test_overlapping_findings_become_pieces_and_the_repair_is_embedded() -> None:
    text = "Café crème déjà vu. Read more: link"
    f1 = Finding.at(text, 0, 10, check="ENC001", category="encoding", severity="error", message="a",
                    replacement="CAFE CREME")
    f2 = Finding.at(text, 5, 19, check="MT001", category="machine-translation", severity="warning", message="b")
    f3 = Finding.at(text, 20, len(text), check="BP004", category="boilerplate", severity="warning", message="c",
                    replacement="")
    d = article_detail(0, Article(id="x", text=text), [f1, f2, f3], [], 10_000)
    assert d["text"] == [["Café ", [0]], ["crème", [0, 1]], [" déjà vu.", [1]], " ", ["Read more: link", [2]]]
    fixed, _ = apply_fixes(text, [f1, f2, f3])
    assert fixed_text(d) == fixed
    assert [e[0] for e in d["edits"]] == ["ENC001", "BP004"]


@given(st.text(alphabet=st.sampled_from("ab \U0001f600é\n"), max_size=30), st.data())
def test_repaired_text_with_astral_characters(text: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    rep = data.draw(st.sampled_from(["", "X", "\U0001f4a9"]))
    f = Finding.at(text, s, e, check="ENC001", category="encoding", severity="error", message="m", replacement=rep)
    d = article_detail(0, Article(id="x", text=text), [f], [], 1000)
    assert fixed_text(d) == apply_fixes(text, [f])[0] if "fixed" in d else apply_fixes(text, [f])[1] == []


def test_field_findings_highlight_their_own_field_and_points_are_kept() -> None:
    text = "Body."
    author = "John Smith Proud ninja"
    fa = Finding.at(author, 11, len(author), check="BIO002", category="spam-bio", severity="warning",
                    message="bio", field="author")
    fp = Finding.at(text, 5, 5, check="STR009", category="structure", severity="info", message="point")
    d = article_detail(3, Article(id="x", text=text, author=author), [fa, fp], ["timeout"], 100)
    assert d["fields"]["author"] == ["John Smith ", ["Proud ninja", [0]]]
    assert d["text"] == ["Body.", ["", [1]]]
    assert d["errors"] == ["timeout"]


def test_long_texts_are_cut_and_the_cut_is_reported() -> None:
    text = "word " * 100
    f_in = _finding(text, "word word")
    f_out = Finding.at(text, 450, 460, check="X", category="structure", severity="warning", message="late")
    d = article_detail(0, Article(id="x", text=text), [f_in, f_out], [], 100)
    assert d["cut"] == [100, 500]
    assert "".join(p if isinstance(p, str) else p[0] for p in d["text"]) == text[:100]
    assert all(1 not in p[1] for p in d["text"] if not isinstance(p, str))
    assert len(d["f"]) == 2  # still listed


def test_only_the_most_serious_articles_are_embedded_in_full() -> None:
    results = []
    for i in range(10):
        text = f"Article number {i} has a body."
        fs = [_finding(text, "number", sev="error")] if i in (2, 7) else (
            [_finding(text, "body", sev="warning")] if i == 5 else [])
        results.append(_result(i, text, fs))
    html = render_report(results, limits=ReportLimits(max_detail=3))
    data = _data_block(html)
    assert [d["i"] for d in data["details"]] == [2, 5, 7]
    assert "3 of 10 articles" in data["note"]
    assert len(data["rows"]["id"]) == 10
    assert data["rows"]["n"] == [0, 0, 1, 0, 0, 1, 0, 1, 0, 0]
    # catsev: boilerplate (index 4) worst severity + 1, two bits per category
    assert data["rows"]["cs"][2] == 3 << 8 and data["rows"]["cs"][5] == 2 << 8


def test_the_character_budget_limits_embedded_text() -> None:
    results = [_result(i, "x" * 1000, [_finding("x" * 1000, "xx", sev="error")]) for i in range(5)]
    data = _data_block(render_report(results, limits=ReportLimits(max_detail_chars=2500)))
    assert len(data["details"]) == 2
    assert "did not fit" in data["note"]


def test_rows_input_errors_and_counts() -> None:
    text = "A text with a caption."
    full = _result(1, text, [_finding(text, "caption")]).to_dict()
    compact = {"id": "c1", "source": "s2", "lang": "de", "counts": {"spam-bio": {"error": 2}},
               "scores": {"mt_score": 0.7}}
    err = InputError(Origin("feed.jsonl", 3, 1), "invalid JSON (Expecting value)", "{bad <b>")
    html = render_report([full, err, compact])
    data = _data_block(html)
    assert data["rows"]["id"] == ["a1", "c1"]
    assert data["rows"]["n"] == [1, 2]
    assert data["rows"]["mt"] == [0.1, 0.7]
    assert data["details"] == []  # no text in the rows: listed only
    assert "feed.jsonl:3" in html and "{bad &lt;b&gt;" in html
    assert data["langs"] == ["en", "de"]


def test_histogram_bins_every_value() -> None:
    h = histogram([0.0, 0.05, 0.5, 0.99, 1.0, 1.7], lo=0.0, hi=1.0, bins=10)
    assert sum(h["counts"]) == 6 and h["counts"][0] == 2 and h["counts"][9] == 3
    h2 = histogram([10, 20, 30, 40, 50])
    assert h2["lo"] <= 10 and h2["hi"] >= 50 and sum(h2["counts"]) == 5


# -- segments ------------------------------------------------------------------------------
spans_st = st.lists(st.tuples(st.integers(-3, 60), st.integers(-3, 60)).map(lambda t: (min(t), max(t))), max_size=12)


@given(st.text(max_size=50), spans_st)
def test_segments_rebuild_the_text_and_cover_every_span(text: str, spans: list[tuple[int, int]]) -> None:
    segs = segments(len(text), spans)
    assert "".join(text[s:e] for s, e, _ in segs) == text
    assert all(s < e for s, e, _ in segs)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(segs))
    for i, (s, e) in enumerate(spans):
        s, e = max(0, min(s, len(text))), max(0, min(e, len(text)))
        covered = [(a, b) for a, b, cov in segs if i in cov]
        if s < e:
            assert covered and covered[0][0] == s and covered[-1][1] == e
            assert sum(b - a for a, b in covered) == e - s  # contiguous, exactly the span
        else:
            assert not covered


@given(st.text(max_size=40), spans_st, st.data())
def test_pieces_with_categories(text: str, spans: list[tuple[int, int]], data: st.DataObject) -> None:
    cats = data.draw(st.lists(st.sampled_from(["encoding", "attribution", "spam-bio"]),
                              min_size=len(spans), max_size=len(spans)))
    pcs = pieces(text, spans)
    assert "".join(p if isinstance(p, str) else p[0] for p in pcs) == text
    pos = 0
    for p in pcs:
        seg = p if isinstance(p, str) else p[0]
        for i in ([] if isinstance(p, str) else p[1]):
            s, e = spans[i]
            assert max(0, s) <= pos and pos + len(seg) <= e  # a marked piece lies inside each of its spans
            assert cats[i]  # so it carries that span's category
        pos += len(seg)


@given(st.text(max_size=30), st.lists(st.integers(0, 30), max_size=5))
def test_insert_points_keeps_the_text(text: str, offsets: list[int]) -> None:
    pts = [(min(o, len(text)), k) for k, o in enumerate(offsets)]
    out = insert_points(text, pieces(text, [(0, len(text) // 2)]), pts)
    assert "".join(p if isinstance(p, str) else p[0] for p in out) == text
    assert sorted(p[1][0] for p in out if not isinstance(p, str) and p[0] == "") == sorted(k for _, k in pts)


# -- writing and the command ---------------------------------------------------------------
def test_write_report_creates_folders_and_says_what_it_wrote(tmp_path: Path) -> None:
    info = write_report([_result(1, "Some text.")], tmp_path / "a" / "b" / "r.html")
    assert info["articles"] == 1 and info["detailed"] == 1
    assert (tmp_path / "a" / "b" / "r.html").stat().st_size == info["bytes"]


def test_output_path_defaults() -> None:
    assert output_path(None, ["seeds/"]) == Path("reports/seeds.html")
    assert output_path(None, ["data/feed.jsonl"]) == Path("reports/feed.html")
    assert output_path(Path("x.html"), ["seeds"]) == Path("x.html")


def test_cli_report_on_the_seeds(tmp_path: Path) -> None:
    out = tmp_path / "seeds.html"
    res = CliRunner().invoke(app, ["report", str(SEEDS), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    data = _data_block(html)
    assert len(data["rows"]["id"]) == 5 and len(data["details"]) == 5
    assert "Wrote" in res.output


def test_cli_report_writes_the_report_and_exits_2_on_input_errors(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "1", "text": "A short text <b>here</b> for the test.", "source": "x"}\nnot json\n')
    res = CliRunner().invoke(app, ["report", str(feed), "-o", str(tmp_path / "out") + "/", "--workers", "1"])
    assert res.exit_code == 2
    html = (tmp_path / "out" / "feed.html").read_text(encoding="utf-8")
    assert "feed.jsonl:2" in html and "1 input record could not be read" in res.output


def test_cli_report_bad_option_is_one_line(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["report", str(SEEDS), "-o", str(tmp_path / "r.html"), "--select", "NOPE999"])
    assert res.exit_code == 2
    assert "error" in res.output and "Traceback" not in res.output
