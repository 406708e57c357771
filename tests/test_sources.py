"""Per-source reliability: the formula on constructed results and rows, shrinkage, near-copies, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit.check.base import registry
from audit.check.engine import Auditor
from audit.cli.main import app
from audit.model import Article, ArticleResult, Finding, InputError, Origin
from audit.score.sources import DEFAULT_WEIGHTS, minhash, row_from_result, score_sources, shingles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WORDS = ("council budget river bridge school teacher doctor hospital train station mayor election "
         "farmer harvest storm flood police court judge museum painter concert stadium coach").split()


def body(seed: int, n: int = 120) -> str:
    """A distinct text per seed (so that articles are not near-copies unless meant to be)."""
    return " ".join(WORDS[(seed * 7 + i * (seed % 5 + 1)) % len(WORDS)] + str((seed * 31 + i) % 97) for i in range(n))


def finding(category: str, severity: str = "warning") -> Finding:
    return Finding(check="XX001", category=category, severity=severity, start=0, end=0, evidence="", message="m")


def result(i: int, source: str, *, density: float = 0.4, anon: float | None = 0.0, author: str | None = "A. Writer",
           categories: tuple[str, ...] = (), text: str | None = None, published: str | None = None) -> ArticleResult:
    art = Article(id=f"{source}-{i}", text=text if text is not None else body(hash((source, i)) % 10_000),
                  source=source, author=author, published=published)
    scores = {"attribution_density": density, "anonymous_share": anon, "named_sources": 3, "quote_count": 1}
    return ArticleResult(article=art, lang="en", findings=[finding(c) for c in categories], scores=scores)


def test_a_careful_source_outranks_a_content_farm() -> None:
    good = [result(i, "wire.example") for i in range(20)]
    farm = [result(i, "farm.example", density=0.05, anon=0.8, author=None,
                   categories=("machine-translation", "unrelated-links", "spam-bio")) for i in range(20)]
    ranked = score_sources(good + farm)
    assert [s.source for s in ranked] == ["wire.example", "farm.example"]
    g, f = ranked
    assert g.components["integrity"].value > 0.5 > f.components["integrity"].value
    assert g.components["authorship"].value > f.components["authorship"].value
    assert g.components["hygiene"].value > f.components["hygiene"].value
    assert g.components["sourcing"].value > f.components["sourcing"].value
    assert f.low <= f.score <= f.high and g.low <= g.score <= g.high
    assert f.high < g.low, "20 articles each should separate these two"
    assert {k: c.weight for k, c in g.components.items() if k != "confidence"} == DEFAULT_WEIGHTS
    assert all(0.0 <= c.value <= 1.0 for c in g.components.values())
    assert "shrunk toward the corpus mean" in g.components["sourcing"].explanation


def test_per_article_values_without_shrinkage() -> None:
    rs = [result(0, "s", density=0.35, anon=0.0), result(1, "s", density=0.0, anon=None, author=None,
                                                         categories=("encoding", "boilerplate"))]
    (s,) = score_sources(rs, prior_strength=0)
    c = s.components
    assert c["sourcing"].value == pytest.approx((1.0 + 0.0) / 2)  # 0.7*1 + 0.3*1, then 0
    assert c["integrity"].value == 0.5
    assert c["authorship"].value == 0.5
    assert c["hygiene"].value == pytest.approx((1.0 + 0.6) / 2)
    assert c["originality"].value == 1.0
    expected = 100 * (0.30 * 0.5 + 0.25 * 0.5 + 0.15 * 0.5 + 0.15 * 0.8 + 0.15 * 1.0)
    assert s.score == pytest.approx(expected, abs=0.05)


def test_info_findings_do_not_count_against_a_source() -> None:
    rs = [result(0, "s", categories=()), result(1, "t", categories=())]
    rs[0].findings.append(finding("machine-translation", "info"))
    ranked = score_sources(rs, prior_strength=0)
    assert {s.source: s.components["integrity"].value for s in ranked} == {"s": 1.0, "t": 1.0}


def test_two_articles_do_not_score_as_extreme_as_two_thousand() -> None:
    neutral = [result(i, f"mid{i % 10}", density=0.2, anon=0.3) for i in range(2000)]
    bad = dict(density=0.0, anon=None, author=None, categories=("machine-translation", "unrelated-links"))
    small = [result(i, "small-bad", **bad) for i in range(2)]
    big = [result(i, "big-bad", **bad) for i in range(2000)]
    ranked = {s.source: s for s in score_sources(neutral + small + big)}
    sb, bb = ranked["small-bad"], ranked["big-bad"]
    assert sb.score > bb.score + 10, (sb.score, bb.score)
    assert (sb.high - sb.low) > 3 * (bb.high - bb.low)
    assert sb.components["confidence"].value == pytest.approx(2 / 12, abs=1e-3)
    assert bb.components["confidence"].value > 0.99


def test_rows_give_the_same_ranking_as_results_and_survive_json() -> None:
    rs = [result(i, f"src{i % 3}", density=0.1 * (i % 4), categories=("boilerplate",) * (i % 2)) for i in range(12)]
    rs.append(InputError(Origin("feed.jsonl", 3), "invalid JSON"))  # type: ignore[arg-type]
    rows = [json.loads(json.dumps(row_from_result(r))) for r in rs if isinstance(r, ArticleResult)]
    assert all("text" not in row for row in rows)
    a = [(s.source, s.score, s.low, s.high) for s in score_sources(rs)]
    b = [(s.source, s.score, s.low, s.high) for s in score_sources(rows)]
    assert a == b and len(a) == 3


def test_rows_may_carry_shingles_instead_of_a_signature() -> None:
    r = result(0, "s")
    row = row_from_result(r)
    sh = shingles(r.article.text)
    row_sh = {**row, "minhash": None, "shingles": sh}
    assert minhash(sh) == row["minhash"]
    assert [x.score for x in score_sources([row])] == [x.score for x in score_sources([row_sh])]


def test_near_copies_of_another_source_lose_originality() -> None:
    original = body(1, 300)
    words = original.split()
    copy = " ".join(w if i % 60 else "EDITED" for i, w in enumerate(words))  # ~5 words changed
    rs = [result(0, "wire", text=original, published="2024-05-01"),
          result(0, "copycat", text=copy, published="2024-05-02"),
          result(0, "other", text=body(2, 300), published="2024-05-01")]
    ranked = {s.source: s for s in score_sources(rs, prior_strength=0)}
    assert ranked["copycat"].components["originality"].value == 0.0
    assert ranked["wire"].components["originality"].value == 1.0
    assert ranked["other"].components["originality"].value == 1.0
    # undated copies: neither can be told to be the original
    for r in rs:
        r.article.published = None
    ranked = {s.source: s for s in score_sources(rs, prior_strength=0)}
    assert ranked["wire"].components["originality"].value == 0.0 == ranked["copycat"].components["originality"].value


def test_a_source_republishing_itself_is_not_a_copy() -> None:
    t = body(3, 200)
    ranked = score_sources([result(0, "same", text=t), result(1, "same", text=t)], prior_strength=0)
    assert ranked[0].components["originality"].value == 1.0


def test_unmeasured_components_are_left_out_and_said_so() -> None:
    rows = [{"id": "1", "source": "s", "counts": {}, "has_author": True}]
    (s,) = score_sources(rows)
    assert s.components["sourcing"].weight == 0.0
    assert "not measured" in s.components["sourcing"].explanation
    assert s.score == 100.0


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown component"):
        score_sources([result(0, "s")], weights={"sourcing": 1.0, "vibes": 1.0})
    with pytest.raises(ValueError, match="prior_strength"):
        score_sources([result(0, "s")], prior_strength=-1)
    with pytest.raises(TypeError):
        score_sources(["not a row"])  # type: ignore[list-item]


def test_auto_prior_strength_is_estimated_from_the_data() -> None:
    rs = [result(i, f"s{i % 4}", density=0.1 * (i % 4), author=None if i % 4 == 0 else "x") for i in range(80)]
    ranked = score_sources(rs, prior_strength="auto")
    ks = {s.components["confidence"].explanation.split("prior of ")[1].split(" ")[0] for s in ranked}
    assert len(ks) == 1
    assert 1.0 <= float(ks.pop()) <= 100.0


@pytest.mark.skipif(
    not {"machine-translation", "unrelated-links"} <= {str(c.category) for c in registry().values()},
    reason="needs the machine-translation and link checks",
)
def test_seed_001_has_the_lowest_reliability() -> None:
    auditor = Auditor()
    results = [auditor.audit(Article(id=p.stem[:3], source=p.stem[:3], text=p.read_text(encoding="utf-8")))
               for p in sorted(SEEDS.glob("*.txt"))]
    ranked = score_sources(results)
    assert ranked[-1].source == "001", [(s.source, s.score) for s in ranked]


# -- the command ----------------------------------------------------------------------------
def _feed(tmp_path: Path) -> Path:
    f = tmp_path / "feed.jsonl"
    rows = [{"id": f"w{i}", "source": "wire.example", "author": "Ann Lee", "lang": "en",
             "text": f"The council approved the budget number {i}, Mayor Anna Smith said on Monday. " + body(i, 60)}
            for i in range(3)]
    rows += [{"id": f"b{i}", "source": "blog.example", "lang": "en", "text": body(100 + i, 200)} for i in range(3)]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return f


def test_cli_table_json_and_csv(tmp_path: Path) -> None:
    f = _feed(tmp_path)
    runner = CliRunner()
    out = runner.invoke(app, ["sources", str(f), "-j", "1"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0].split()[:5] == ["#", "source", "n", "score", "interval"]
    assert lines[2].split()[1] == "wire.example" and lines[3].split()[1] == "blog.example"
    js = runner.invoke(app, ["sources", str(f), "-j", "1", "--format", "json"])
    data = json.loads(js.stdout)
    assert [d["source"] for d in data] == ["wire.example", "blog.example"]
    assert set(data[0]["components"]) == {*DEFAULT_WEIGHTS, "confidence"}
    cs = runner.invoke(app, ["sources", str(f), "-j", "1", "--format", "csv"])
    assert cs.stdout.splitlines()[0].startswith("rank,source,articles,score,low,high,sourcing")


def test_cli_rejects_bad_options_in_one_line(tmp_path: Path) -> None:
    f = _feed(tmp_path)
    out = CliRunner().invoke(app, ["sources", str(f), "--format", "xml"])
    assert out.exit_code == 2
    assert "--format must be table, json or csv" in out.output
    out = CliRunner().invoke(app, ["sources", str(f), "--prior-strength", "lots"])
    assert out.exit_code == 2 and "Traceback" not in out.output
