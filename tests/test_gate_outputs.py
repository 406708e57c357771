"""Gate outputs: atomic replacement, the summary.json manifest, a killed run; the feature frame."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_gate_support import read_jsonl, trimmed_suite, write_batch

from audit.gate import features as F
from audit.gate import outputs as O
from audit.model import Article, ArticleResult, Category, Finding, InputError, Origin


def test_atomic_writer_leaves_old_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "accepted.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), O.atomic_writer(target) as w:
        w.write("new, half")
        raise RuntimeError("killed")
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["accepted.jsonl"]  # temp file removed
    with O.atomic_writer(target) as w:
        w.write("a\nb\n")
    assert target.read_text() == "a\nb\n" and w.records == 2 and w.info()["bytes"] == 4


def test_verify_outputs_detects_a_mixed_set(tmp_path: Path) -> None:
    with O.atomic_writer(tmp_path / "accepted.jsonl") as a:
        a.write("{}\n")
    O.write_manifest_summary(tmp_path, {"verdict": "passed"}, {"accepted.jsonl": a.info()})
    assert O.verify_outputs(tmp_path) == []
    (tmp_path / "accepted.jsonl").write_text("{}\n{}\n")  # a newer file from another run
    assert O.verify_outputs(tmp_path) == ["accepted.jsonl: size 6 != 3 in summary.json"]
    (tmp_path / "accepted.jsonl").write_text("[]\n")
    assert O.verify_outputs(tmp_path) == ["accepted.jsonl: SHA-256 differs from summary.json"]
    O.begin_outputs(tmp_path)
    assert O.verify_outputs(tmp_path)[0].startswith("summary.json: missing")


KILL_SCRIPT = r'''
import os, signal, sys
import audit.gate.outputs as O
from audit.gate.runner import run_gate

def killed(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)

O.write_manifest_summary = killed   # die after the records are replaced, before the manifest
run_gate([sys.argv[1]], sys.argv[2], sys.argv[3], workers=1)
'''


def test_a_run_killed_before_the_manifest_is_detectable(tmp_path: Path) -> None:
    from audit.gate.runner import run_gate

    batch = tmp_path / "b.jsonl"
    write_batch(batch)
    suite = trimmed_suite("default", tmp_path)
    out = tmp_path / "out"
    run_gate([str(batch)], suite, out, workers=1)
    assert O.verify_outputs(out) == []
    write_batch(batch, n_good=20)  # the next batch differs
    p = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(batch), str(suite), str(out)],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == -9
    # the old manifest was removed first: the set is visibly incomplete, never silently mixed
    assert O.verify_outputs(out)[0].startswith("summary.json: missing")
    # each file is whole: the new accepted.jsonl parses completely
    assert len(read_jsonl(out / "accepted.jsonl")) == 20
    assert not list(out.glob(".*.tmp"))  # no half-written file under any name


# -- the feature frame -----------------------------------------------------------------------------
_cats = st.sampled_from([c.value for c in Category])
_sevs = st.sampled_from(["info", "warning", "error"])


@given(st.lists(st.tuples(_cats, _sevs, st.booleans()), max_size=30), st.text(max_size=200))
def test_feature_row_counts_are_consistent(specs: list[tuple[str, str, bool]], text: str) -> None:
    findings = [Finding.at(text, 0, 0, check="XXX001", category=c, severity=s, message="m",
                           replacement="" if fix else None) for c, s, fix in specs]
    row = F.feature_row(ArticleResult(article=Article(id="a", text=text), lang=None, findings=findings))
    assert row["n_findings"] == len(specs) == sum(row[f"n_{s}"] for s in F.SEVERITIES)
    assert sum(row[F.count_column(s, c)] for c in F.CATEGORIES for s in F.SEVERITIES) == len(specs)
    assert row["n_fixable"] == sum(1 for *_, fix in specs if fix)
    for c in F.CATEGORIES:
        ranks = [F.SEVERITY_RANK[s] for cc, s, _ in specs if cc == c]
        assert row[F.max_column(c)] == max(ranks, default=0)
    assert row["max_severity"] == max((F.SEVERITY_RANK[s] for _, s, _ in specs), default=0)
    assert set(F.FIXED_COLUMNS) <= set(row)
    assert row["n_chars"] == len(text)


def test_frame_has_stable_columns_and_types() -> None:
    a = Article(id="a", text="Ala ma kota.", author=" ", title="T", source="s")
    res = ArticleResult(article=a, lang="pl", scores={"mt_score": 0.25, "readability_formula": "fk"})
    err = InputError(Origin("f.jsonl", 3, 1), "invalid JSON", "{bad")
    rows = [F.feature_row(res), F.input_error_row(err)]
    df = F.to_frame([F.chunk_frame(rows)], ["mt_score", "readability_formula"], empty_scores=False)
    assert list(df["id"]) == ["a", "f.jsonl:3"] and df.at[1, "input_error"] == "invalid JSON"
    assert df["mt_score"].dtype == "float64" and df["n_error_encoding"].dtype == "int64"
    assert df["has_author"].tolist() == [False, False] and df["has_title"].tolist() == [True, False]
    assert "n_warning_machine_translation" in df.columns and "max_severity_spam_bio" in df.columns
    empty = F.to_frame([], [], empty_scores=True)
    assert len(empty) == 0 and set(F.DOCUMENTED_SCORES) <= set(empty.columns)


def test_findings_for_column_explains_the_failing_column() -> None:
    fs = [{"category": "encoding", "severity": "error", "check": "ENC001"},
          {"category": "encoding", "severity": "warning", "check": "ENC002"},
          {"category": "machine-translation", "severity": "warning", "check": "MT001", "replacement": ""}]
    assert [f["check"] for f in F.findings_for_column("n_error_encoding", fs)] == ["ENC001"]
    assert [f["check"] for f in F.findings_for_column("max_severity_encoding", fs)] == ["ENC001", "ENC002"]
    assert [f["check"] for f in F.findings_for_column("mt_score", fs)] == ["MT001"]
    assert [f["check"] for f in F.findings_for_column("n_warning", fs)] == ["ENC002", "MT001"]
    assert [f["check"] for f in F.findings_for_column("n_fixable", fs)] == ["MT001"]
    assert F.findings_for_column("source_reliability", fs) == []


def test_outputs_are_line_safe_and_readable_by_line_splitters(tmp_path: Path) -> None:
    from audit.gate.runner import run_gate

    batch = tmp_path / "b.jsonl"
    text = ("The council met on Tuesday.\u2028 The mayor's office said in a statement\u0085 that the budget passed "
            "after a four-hour debate. ") * 3
    batch.write_text(json.dumps({"id": "ls", "text": text, "lang": "en"}) + "\n", encoding="utf-8")
    run_gate([str(batch)], trimmed_suite("default", tmp_path, quarantined={"max_value": 1}), tmp_path / "o",
             workers=1)
    raw = "".join((tmp_path / "o" / name).read_text(encoding="utf-8") for name in ("accepted.jsonl",
                                                                                   "quarantined.jsonl"))
    (rec,) = [json.loads(line) for line in raw.splitlines()]
    assert rec["text"] == text
    assert os.stat(tmp_path / "o" / "accepted.jsonl").st_mode & 0o044  # not a private 0600 temp file
