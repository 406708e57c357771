"""The gate end to end: CLI in a subprocess and the library API, outputs, reconciliation, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from test_gate_support import (
    NEWS,
    ROOT,
    SEEDS,
    SUITES,
    gate_cli,
    read_jsonl,
    trimmed_suite,
    unavailable_columns,
    write_batch,
)

from audit.gate import EXIT_CONFIG, EXIT_FAILED, EXIT_PASSED, EXIT_WARNINGS, GateConfigError, verify_outputs
from audit.gate.runner import run_gate
from audit.load.options import LoadOptions


def _summary(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def _assert_reconciled(out: Path) -> dict:
    s = _summary(out)
    acc, qua = read_jsonl(out / "accepted.jsonl"), read_jsonl(out / "quarantined.jsonl")
    c = s["counts"]
    assert c["read"] == c["accepted"] + c["quarantined"] == len(acc) + len(qua)
    assert s["reconciled"] is True
    assert s["files"]["accepted.jsonl"]["records"] == len(acc)
    assert verify_outputs(out) == []
    return s


# -- the CLI ------------------------------------------------------------------------------------
def test_cli_quarantines_and_fails_the_batch(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    want = write_batch(batch)
    suite = trimmed_suite("default", tmp_path)
    out = tmp_path / "out"
    p = gate_cli(str(batch), "--suite", str(suite), "--out", str(out), "--workers", "1")
    assert p.returncode == EXIT_FAILED, p.stderr
    # the human summary: counts, reasons, verdict, wall time
    assert f"{want['read']} records read, {want['accepted']} accepted" in p.stdout
    assert "empty or broken body (2)" in p.stdout and "input-error (1)" in p.stdout
    assert "Verdict: FAILED (exit 1)" in p.stdout and " s; outputs in " in p.stdout
    s = _assert_reconciled(out)
    assert s["verdict"] == "failed" and s["exit_code"] == 1
    assert s["counts"]["input_errors"] == want["input_errors"]
    assert s["suite"]["name"] == "newsaudit-default" and s["newsaudit_version"]
    assert s["wall_time_s"] > 0
    quarantined = read_jsonl(out / "quarantined.jsonl")
    ids = {q.get("id") for q in quarantined if "id" in q}
    assert ids == want["quarantined_ids"]
    empty = next(q for q in quarantined if q.get("id") == "empty1")
    assert empty["extra_field"] == "e" and empty["source"] == "paper-a"  # original fields kept
    (reason,) = empty["_newsaudit"]["reasons"]
    assert reason["column"] == "n_error_structure" and reason["observed"] >= 1
    assert reason["findings"] and all(f["category"] == "structure" and f["severity"] == "error"
                                       for f in reason["findings"])
    broken = next(q for q in quarantined if "id" not in q)
    assert broken["_newsaudit"]["reasons"][0]["reason"] == "input-error"
    assert broken["_newsaudit"]["raw"].startswith('{"id": "broken"')
    assert broken["_newsaudit"]["origin"].endswith("batch.jsonl:10")
    accepted = read_jsonl(out / "accepted.jsonl")
    assert [a["id"] for a in accepted] == [f"ok{i}" for i in range(8)]
    assert all("_newsaudit" not in a and a["text"] == NEWS * 3 for a in accepted)
    # the quarantine-share rule failed; junit says so, one testcase per expectation (+ reconciliation)
    root = ET.parse(out / "junit.xml").getroot()
    cases = root.findall(".//testcase")
    assert len(cases) == len(s["expectations"]) + 1
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert len(failed) == 1 and "quarantined" in failed[0]
    assert root.get("failures") == "1"
    struct = next(c for c in cases if "n_error_structure" in c.get("name"))
    assert "2 article(s) quarantined: empty1, short" in struct.findtext("system-out")


def test_cli_pass_warn_and_clean_exit_codes(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch)
    lenient = trimmed_suite("default", tmp_path, quarantined={"max_value": 0.5})
    out = tmp_path / "out"
    p = gate_cli(str(batch), "--suite", str(lenient), "--out", str(out), "--workers", "1")
    assert p.returncode == EXIT_PASSED, p.stderr
    assert "PASSED-WITH-WARNINGS" in p.stdout
    p = gate_cli(str(batch), "--suite", str(lenient), "--out", str(out), "--workers", "1", "--warn-exit")
    assert p.returncode == EXIT_WARNINGS
    assert _assert_reconciled(out)["verdict"] == "passed-with-warnings"
    clean = tmp_path / "clean.jsonl"
    clean.write_text("".join(json.dumps({"id": f"c{i}", "text": NEWS * 3, "source": "s", "lang": "en"}) + "\n"
                             for i in range(3)), encoding="utf-8")
    p = gate_cli(str(clean), "--suite", str(lenient), "--out", str(out), "--workers", "1", "--warn-exit")
    assert p.returncode == EXIT_PASSED, p.stdout + p.stderr
    s = _assert_reconciled(out)
    assert s["verdict"] == "passed" and s["counts"]["quarantined"] == 0


@pytest.mark.parametrize(
    ("suite_text", "message"),
    [
        ('{"name": "x", "expectations": [{"type": "expect_column_values_to_be_shiny", "kwargs": {"column": "n_words"}}]}',
         "expect_column_values_to_be_shiny: unknown expectation"),
        ('{"name": "x", "expectations": [', "malformed JSON"),
        ('{"name": "x", "expectations": [{"type": "expect_column_values_to_be_between", '
         '"kwargs": {"column": "n_wrods", "min_value": 1}}]}', "uses column n_wrods"),
        ('{"name": "x", "expectations": [{"type": "expect_column_values_to_be_between", "kwargs": {"min_value": 1}}]}',
         "invalid configuration"),
        ('{"name": "x", "expectations": [{"expectation_type": "expect_column_values_to_be_null", '
         '"kwargs": {"column": "input_error"}}]}', "GX 0.x format"),
        ('{"name": "x", "expectations": [{"type": "expect_column_values_to_be_between", '
         '"kwargs": {"column": "text", "min_value": 1}}]}', "not the texts"),
        ('["not", "a", "suite"]', "expected a JSON object"),
    ],
    ids=["unknown-expectation", "malformed-json", "missing-column", "bad-kwargs", "gx0-format", "text-column",
         "not-an-object"],
)
def test_cli_configuration_errors_exit_3_and_keep_previous_outputs(tmp_path: Path, suite_text: str,
                                                                   message: str) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch)
    out = tmp_path / "out"
    ok = gate_cli(str(batch), "--suite", str(trimmed_suite("default", tmp_path)), "--out", str(out), "--workers", "1")
    assert ok.returncode == EXIT_FAILED and verify_outputs(out) == []
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}  # (.current/.runs: the run dirs)
    bad = tmp_path / "bad.json"
    bad.write_text(suite_text, encoding="utf-8")
    p = gate_cli(str(batch), "--suite", str(bad), "--out", str(out), "--workers", "1")
    assert p.returncode == EXIT_CONFIG
    assert message in p.stderr and "Traceback" not in p.stderr
    assert p.stderr.count("\n") == 1  # one line
    assert {q.name: q.read_bytes() for q in out.iterdir() if q.is_file()} == before  # nothing touched
    assert not [q for q in out.rglob(".*.tmp")] and not list(out.glob(".gate-spool-*"))  # no temp files left


def test_cli_score_column_no_scorer_produces_exits_3(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch)
    suite = {"name": "x", "expectations": [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "ghost_score", "max_value": 1}}]}
    bad = tmp_path / "s.json"
    bad.write_text(json.dumps(suite), encoding="utf-8")
    p = gate_cli(str(batch), "--suite", str(bad), "--out", str(tmp_path / "o"), "--workers", "1")
    assert p.returncode == EXIT_CONFIG
    assert "ghost_score" in p.stderr and "is its scorer installed" in p.stderr


def test_cli_unreadable_input_exits_3(tmp_path: Path) -> None:
    p = gate_cli(str(tmp_path / "nope.jsonl"), "--suite", str(SUITES / "default.json"), "--out", str(tmp_path / "o"))
    assert p.returncode == EXIT_CONFIG and "no such file" in p.stderr


@pytest.mark.parametrize("name", ["default", "strict"])
def test_cli_shipped_suites_on_seeds(tmp_path: Path, name: str) -> None:
    """The shipped suites run as they are: either a verdict with complete outputs or, while a
    scorer they use is not installed, exit 3 naming exactly that column."""
    out = tmp_path / "out"
    p = gate_cli(str(SEEDS), "--suite", name, "--out", str(out), "--workers", "1")
    suite = json.loads((SUITES / f"{name}.json").read_text(encoding="utf-8"))
    missing = unavailable_columns(suite)
    if missing:
        assert p.returncode == EXIT_CONFIG
        assert any(f"uses column {m}" in p.stderr for m in missing), p.stderr
        assert not (out / "summary.json").exists()
        return
    assert p.returncode in (EXIT_PASSED, EXIT_FAILED), p.stderr
    s = _assert_reconciled(out)
    assert s["counts"]["read"] == 5 and s["suite"]["name"] == f"newsaudit-{name}"


@pytest.mark.parametrize("name", ["default", "strict"])
def test_api_on_seeds_and_corpus(tmp_path: Path, name: str) -> None:
    suite = trimmed_suite(name, tmp_path)
    inputs = [str(SEEDS)]
    corpus = sorted((ROOT / "tests" / "corpus").glob("*/*.jsonl"))
    if corpus:
        inputs += [str(p) for p in corpus]
    else:  # the labelled corpus is not there yet: a generated batch stands in
        write_batch(tmp_path / "gen.jsonl")
        inputs.append(str(tmp_path / "gen.jsonl"))
    res = run_gate(inputs, suite, tmp_path / "out", workers=1)
    s = _assert_reconciled(tmp_path / "out")
    assert res.exit_code == s["exit_code"] and res.verdict == s["verdict"]
    assert res.counts == s["counts"] and res.counts["read"] >= 5
    # every quarantine reason points at real findings, with spans that hold
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for q in read_jsonl(tmp_path / "out" / "quarantined.jsonl"):
        meta = q["_newsaudit"]
        assert meta["reasons"]
        if q.get("id") in texts:
            for f in meta["findings"]:
                if f.get("field", "text") == "text":
                    assert texts[q["id"]][f["start"]:f["end"]] == f["evidence"]
    # the human summary is consistent with the counts
    assert f"{res.counts['read']} records read" in res.human()


def test_api_raises_config_error_for_unknown_expectation(tmp_path: Path) -> None:
    bad = tmp_path / "s.json"
    bad.write_text(json.dumps({"name": "x", "expectations": [
        {"type": "expect_column_values_to_be_null", "kwargs": {"column": "input_error"}},
        {"type": "expect_column_values_to_be_free_of_gremlins", "kwargs": {"column": "n_words"}}]}), encoding="utf-8")
    with pytest.raises(GateConfigError, match=r"expectations\[1\] expect_column_values_to_be_free_of_gremlins"):
        run_gate([str(SEEDS)], bad, tmp_path / "out", workers=1)
    assert not (tmp_path / "out" / "summary.json").exists()


def test_api_field_mapping_keeps_input_field_names(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"uid": "u1", "body": "", "outlet": "x"}) + "\n"
                     + json.dumps({"uid": "u2", "body": NEWS * 3, "outlet": "x"}) + "\n", encoding="utf-8")
    from audit.load.options import FieldMap

    opts = LoadOptions(fields=FieldMap(id="uid", text="body", source="outlet"))
    res = run_gate([str(batch)], trimmed_suite("default", tmp_path, quarantined={"max_value": 1}),
                   tmp_path / "o", options=opts, workers=1)
    assert res.counts["quarantined"] == 1
    (acc,) = read_jsonl(tmp_path / "o" / "accepted.jsonl")
    assert acc == {"uid": "u2", "body": NEWS * 3, "outlet": "x"}
    (qua,) = read_jsonl(tmp_path / "o" / "quarantined.jsonl")
    assert qua["uid"] == "u1" and qua["body"] == ""


def test_row_condition_rows_are_mapped_back_to_the_right_articles(tmp_path: Path) -> None:
    """A per-article rule with a row_condition quarantines exactly the rows it filtered and failed."""
    batch = tmp_path / "b.jsonl"
    recs = [{"id": "long-a", "text": NEWS * 6}, {"id": "tiny", "text": "Two words"},
            {"id": "long-b", "text": NEWS * 8}, {"id": "mid", "text": NEWS * 2}]
    batch.write_text("".join(json.dumps({**r, "lang": "en"}) + "\n" for r in recs), encoding="utf-8")
    suite = tmp_path / "s.json"
    suite.write_text(json.dumps({"name": "cond", "expectations": [
        {"type": "expect_column_values_to_be_between",
         "kwargs": {"column": "n_words", "max_value": 100,
                    "row_condition": {"type": "comparison", "column": {"name": "n_chars"},
                                      "operator": ">=", "parameter": 50}}},
        {"type": "expect_column_mean_to_be_between", "kwargs": {"column": "quarantined", "max_value": 1}}]}))
    res = run_gate([str(batch)], suite, tmp_path / "o", workers=1)
    assert {q["id"] for q in read_jsonl(tmp_path / "o" / "quarantined.jsonl")} == {"long-a", "long-b"}
    assert res.exit_code == EXIT_PASSED


def test_batch_level_override_and_warning_severity(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text("".join(json.dumps({"id": i, "text": NEWS * 3, "lang": "en"}) + "\n" for i in ("a", "b", "a")))
    suite = tmp_path / "s.json"
    suite.write_text(json.dumps({"name": "dup", "expectations": [
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "id"},
         "meta": {"newsaudit": {"level": "batch", "reason": "unique ids"}}},
        {"type": "expect_column_max_to_be_between", "kwargs": {"column": "n_words", "max_value": 5},
         "severity": "warning", "meta": {"newsaudit": {"reason": "short articles"}}}]}))
    res = run_gate([str(batch)], suite, tmp_path / "o", workers=1, warn_exit=True)
    assert res.counts["quarantined"] == 0  # a batch-level map rule quarantines nobody
    assert res.exit_code == EXIT_FAILED
    exps = {e["reason"]: e for e in res.summary["expectations"]}
    assert exps["unique ids"]["success"] is False and exps["unique ids"]["partial_unexpected_list"] == ["a", "a"]
    assert exps["short articles"]["success"] is False and exps["short articles"]["severity"] == "warning"
    suite.write_text(json.dumps({"name": "warn", "expectations": [
        {"type": "expect_column_max_to_be_between", "kwargs": {"column": "n_words", "max_value": 5},
         "severity": "warning"}]}))
    res = run_gate([str(batch)], suite, tmp_path / "o", workers=1, warn_exit=True)
    assert res.exit_code == EXIT_WARNINGS and res.verdict == "passed-with-warnings"
    root = ET.parse(tmp_path / "o" / "junit.xml").getroot()
    assert root.get("failures") == "0" and "WARNING (warning)" in ET.tostring(root, encoding="unicode")


REPAIR_SCRIPT = r'''
import json, sys
from audit.check.base import Check, register
from audit.model import Category, Severity
from audit.check.parallel import AuditorSpec
from audit.gate.runner import run_gate

@register
class Gremlin(Check):
    """Flags the token GREMLIN, which can be repaired by deleting it.

    **Anti-pattern**

    A gremlin::

        Text GREMLIN here.

    **Best practice**

    None::

        Text here.
    """
    code = "ZZT001"; name = "gremlin"; category = Category.ENCODING; severity = Severity.ERROR; fixable = True
    def run(self, doc):
        i = doc.text.find("GREMLIN ")
        while i != -1:
            yield self.finding(doc, i, i + 8, "A gremlin.", replacement="")
            i = doc.text.find("GREMLIN ", i + 1)

spec = AuditorSpec(select=("ZZT001", "STR001"))
res = run_gate([sys.argv[1]], sys.argv[2], sys.argv[3], repair=True, spec=spec, workers=1)
print(json.dumps(res.counts))
'''


def test_repair_accepts_repairable_articles_after_re_audit(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    recs = [
        {"id": "fixme", "text": "GREMLIN " + NEWS * 3, "lang": "en"},
        {"id": "fixme-but-empty", "text": "GREMLIN ", "lang": "en"},  # repaired text is empty: STR001 error
        {"id": "clean", "text": NEWS * 3, "lang": "en"},
    ]
    batch.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    suite = tmp_path / "s.json"
    suite.write_text(json.dumps({"name": "r", "expectations": [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n_error_encoding", "max_value": 0}},
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n_error_structure", "max_value": 0}},
        {"type": "expect_column_mean_to_be_between", "kwargs": {"column": "quarantined", "max_value": 0.5}}]}))
    p = subprocess.run([sys.executable, "-c", REPAIR_SCRIPT, str(batch), str(suite), str(tmp_path / "o")],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    counts = json.loads(p.stdout.strip().splitlines()[-1])
    assert counts["accepted"] == 2 and counts["repaired"] == 1 and counts["quarantined"] == 1
    acc = {a["id"]: a for a in read_jsonl(tmp_path / "o" / "accepted.jsonl")}
    assert acc["fixme"]["text"] == NEWS * 3
    (edit,) = acc["fixme"]["_newsaudit"]["edits"]
    assert edit == {"check": "ZZT001", "category": "encoding", "start": 0, "end": 8, "before": "GREMLIN ", "after": ""}
    assert acc["fixme"]["_newsaudit"]["repaired"] is True
    (q,) = read_jsonl(tmp_path / "o" / "quarantined.jsonl")
    assert q["id"] == "fixme-but-empty" and q["text"] == "GREMLIN "  # quarantined with its original text
    assert verify_outputs(tmp_path / "o") == []


def test_gate_on_corpus_of_input_errors_only(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text("{bad\n[1, 2\n", encoding="utf-8")
    res = run_gate([str(batch)], trimmed_suite("default", tmp_path), tmp_path / "o", workers=1)
    assert res.counts == {"read": 2, "articles": 0, "accepted": 0, "repaired": 0, "quarantined": 2,
                          "input_errors": 2, "audit_errors": 0, "truncated": 0}
    assert res.exit_code == EXIT_FAILED
    _assert_reconciled(tmp_path / "o")


def test_report_option_writes_the_html_report_into_the_manifest(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    write_batch(batch)
    out = tmp_path / "out"
    res = run_gate([str(batch)], trimmed_suite("default", tmp_path), out, workers=1, report=out / "report.html")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "newsaudit gate: newsaudit-default" in html and "empty1" in html
    assert res.summary["report"]["articles"] == res.counts["articles"]
    assert _summary(out)["files"]["report.html"]["bytes"] == len(html.encode("utf-8"))
    assert verify_outputs(out) == []


def test_cli_bad_config_and_selection_exit_3_not_2(tmp_path: Path) -> None:
    """2 means "passed with warnings" for the gate: option mistakes must not look like it."""
    batch = tmp_path / "b.jsonl"
    write_batch(batch)
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text("[tool.newsaudit]\nbogus = 1\n")
    p = gate_cli(str(batch), "--config", str(cfg), "--out", str(tmp_path / "o"))
    assert p.returncode == EXIT_CONFIG and "unknown key(s) bogus" in p.stderr
    p = gate_cli(str(batch), "--select", "NOPE999", "--out", str(tmp_path / "o"))
    assert p.returncode == EXIT_CONFIG and "no check matches 'NOPE999'" in p.stderr
    p = gate_cli(str(batch), "--workers", "0", "--out", str(tmp_path / "o"))
    assert p.returncode == EXIT_CONFIG
    assert not (tmp_path / "o").exists()


def test_data_docs_site_is_built_for_teams_that_publish_them(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    write_batch(batch)
    res = run_gate([str(batch)], trimmed_suite("default", tmp_path), tmp_path / "o", workers=1,
                   data_docs=tmp_path / "docs")
    index = tmp_path / "docs" / "index.html"
    assert res.summary["data_docs"] == index.resolve().as_uri()
    pages = list((tmp_path / "docs" / "validations").rglob("*.html"))
    assert len(pages) == 1 and "n_error_structure" in pages[0].read_text(encoding="utf-8")
    assert "newsaudit-default" in index.read_text(encoding="utf-8")
