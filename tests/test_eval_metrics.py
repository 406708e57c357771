"""Scoring rules of the evaluation harness, on small hand-made cases."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from audit.eval.harness import attribution_ordering, evaluate, format_text, main
from audit.eval.metrics import IOU_THRESHOLD, PRF, iou, span_counts, span_match
from audit.model import Article, ArticleResult, Finding

spans = st.tuples(st.integers(0, 200), st.integers(0, 60)).map(lambda t: (t[0], t[0] + t[1]))
nonempty = st.tuples(st.integers(0, 200), st.integers(1, 60)).map(lambda t: (t[0], t[0] + t[1]))


@given(nonempty, nonempty)
def test_iou_is_symmetric_and_bounded(a, b):
    assert iou(a, b) == iou(b, a)
    assert 0.0 <= iou(a, b) <= 1.0


@given(nonempty)
def test_a_span_matches_itself(a):
    assert span_match(a, a)


@given(nonempty, nonempty)
def test_disjoint_spans_never_match(a, b):
    if a[1] <= b[0] or b[1] <= a[0]:
        assert not span_match(a, b)


@given(nonempty, nonempty)
def test_prediction_inside_gold_matches(p, g):
    if g[0] <= p[0] and p[1] <= g[1]:
        assert span_match(p, g)


@given(nonempty, nonempty, st.integers(0, 500))
def test_match_is_shift_invariant(p, g, k):
    assert span_match(p, g) == span_match((p[0] + k, p[1] + k), (g[0] + k, g[1] + k))


@given(nonempty, nonempty)
def test_match_rule_is_inside_or_iou(p, g):
    inside = g[0] <= p[0] and p[1] <= g[1]
    assert span_match(p, g) == (inside or iou(p, g) >= IOU_THRESHOLD)


@given(spans, nonempty)
def test_zero_length_prediction_matches_only_inside(p, g):
    if p[0] == p[1]:
        assert span_match(p, g) == (g[0] <= p[0] < g[1])


def test_iou_threshold_boundary():
    assert span_match((0, 30), (0, 100)) is True   # inside
    assert span_match((0, 100), (0, 30)) is True   # IoU exactly 0.3
    assert span_match((0, 100), (0, 29)) is False  # IoU 0.29, wider than gold
    assert span_match((20, 50), (0, 30)) is False  # overlaps, not inside, IoU 10/50 = 0.2
    assert iou((20, 50), (0, 30)) == 10 / 50


def test_span_counts_hand_cases():
    # gold: a bio line (100-160) and a link block (300-500)
    gold = [(100, 160), (300, 500)]
    preds = [(100, 160), (320, 340), (350, 360), (700, 710)]
    c = span_counts(preds, gold)
    assert (c.tp_pred, c.n_pred, c.tp_gold, c.n_gold) == (3, 4, 2, 2)
    assert c.precision == 0.75 and c.recall == 1.0
    # duplicates from two checks count once
    assert span_counts([(100, 160), (100, 160)], gold).n_pred == 1
    # an optional label swallows its prediction and is never missed
    c = span_counts([(900, 910)], [], ignore=[(890, 920)])
    assert (c.n_pred, c.n_gold) == (0, 0)


def test_prf_empty_cells_are_zero_not_errors():
    assert PRF().precision == PRF().recall == PRF().f1 == 0.0


def _rec(i, text, labels, lang="en", level="moderate"):
    return {"id": i, "text": text, "title": None, "author": None, "source": "s", "url": None, "lang": lang,
            "published": None, "labels": labels, "provenance": "written", "style": "blog", "topic": "x",
            "attribution_level": level}


def _res(rec, findings, density=None):
    art = Article(id=rec["id"], text=rec["text"], lang=rec["lang"])
    fs = [Finding.at(rec["text"], s, e, check=c, category=cat, severity=sev, message="m")
          for (s, e, cat, sev, c) in findings]
    return ArticleResult(article=art, lang=rec["lang"], findings=fs,
                         scores={} if density is None else {"attribution_density": density})


def test_evaluate_article_and_span_levels():
    t = "x" * 200
    recs = [
        _rec("a", t, [{"category": "spam-bio", "start": 100, "end": 150, "note": ""}], level="wire-dense"),
        _rec("b", t, [], level="unsourced"),
        _rec("c", t, [{"category": "boilerplate", "start": 0, "end": 10, "note": "", "optional": True}], lang="pl"),
        _rec("d", t, [{"category": "spam-bio", "start": 0, "end": 20, "note": ""}], lang="pl"),
    ]
    results = [
        _res(recs[0], [(110, 140, "spam-bio", "warning", "BIO001")], density=0.5),
        _res(recs[1], [(0, 5, "spam-bio", "error", "BIO001"), (0, 5, "attribution", "warning", "ATT001")], density=0.1),
        _res(recs[2], [(0, 10, "boilerplate", "warning", "BP001")], density=0.2),
        _res(recs[3], [(0, 20, "spam-bio", "info", "BIO001")], density=0.3),
    ]
    rep = evaluate(recs, results)
    bio = rep["categories"]["spam-bio"]
    assert bio["article"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp_pred": 1, "n_pred": 2,
                              "tp_gold": 1, "n_gold": 2}
    assert (bio["span"]["tp_pred"], bio["span"]["n_pred"], bio["span"]["tp_gold"]) == (1, 2, 1)
    bp = rep["categories"]["boilerplate"]
    assert bp["article"]["n_pred"] == 0 and bp["article"]["n_gold"] == 0  # optional-only article left out
    assert bp["span"]["n_pred"] == 0  # the prediction on the optional label is not a false positive
    assert rep["per_language"]["en"]["spam-bio"] == round(2 * 0.5 * 1.0 / 1.5, 4)
    assert rep["per_language"]["pl"]["spam-bio"] == 0.0  # info findings do not count
    assert rep["clean_articles"] == 2 and rep["clean_articles_flagged"] == 2
    # with info counted the pl bio is found
    rep_info = evaluate(recs, results, min_severity="info")
    assert rep_info["per_language"]["pl"]["spam-bio"] == 1.0
    assert rep["attribution"]["concordance"] == 1.0
    text = format_text(rep, "hand-made")
    assert "spam-bio" in text and "attribution ordering: concordance 1.000" in text


def test_attribution_ordering_counts_ties_as_half():
    assert attribution_ordering([(0, 0.2), (2, 0.2)])["concordance"] == 0.5
    assert attribution_ordering([])["concordance"] is None


def test_main_runs_on_a_tiny_corpus_and_prints_json(tmp_path, capsys):
    rec = _rec("z1", "Proud ninja. Web nerd. Beer buff. Food maven.", [
        {"category": "spam-bio", "start": 0, "end": 45, "note": "bio"}])
    f = tmp_path / "en.jsonl"
    f.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert main([str(f), "--format", "json", "--select", "structure"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 1
    assert set(out["categories"]) == {"encoding", "machine-translation", "spam-bio", "unrelated-links",
                                      "boilerplate", "duplication"}
    assert out["categories"]["spam-bio"]["article"]["recall"] == 0.0  # no bio check selected: 0, no crash


def test_main_reports_bad_corpus_in_one_line(tmp_path, capsys):
    f = tmp_path / "bad.jsonl"
    f.write_text("{oops\n", encoding="utf-8")
    assert main([str(f)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "bad.jsonl:1" in err and "Traceback" not in err
