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


def _killed_before_manifest(tmp_path: Path, env: dict[str, str]) -> tuple[Path, dict[str, bytes]]:
    from audit.gate.runner import run_gate

    batch = tmp_path / "b.jsonl"
    write_batch(batch)
    suite = trimmed_suite("default", tmp_path)
    out = tmp_path / "out"
    p = subprocess.run([sys.executable, "-c", "import sys; from audit.gate.runner import run_gate; "
                        "run_gate([sys.argv[1]], sys.argv[2], sys.argv[3], workers=1)", str(batch), str(suite),
                        str(out)], capture_output=True, text=True, timeout=300, env={**os.environ, **env})
    assert p.returncode == 0, p.stderr[-2000:]
    assert O.verify_outputs(out) == []
    before = {n: (out / n).read_bytes() for n in O.NAMES}
    write_batch(batch, n_good=20)  # the next batch differs
    p = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(batch), str(suite), str(out)],
                       capture_output=True, text=True, timeout=300, env={**os.environ, **env})
    assert p.returncode == -9
    del run_gate
    return out, before


def test_a_run_killed_before_the_switch_leaves_the_previous_set(tmp_path: Path) -> None:
    out, before = _killed_before_manifest(tmp_path, {})
    # the new files were written into their own run directory: the stable names still give the old set
    assert O.verify_outputs(out) == []
    assert {n: (out / n).read_bytes() for n in O.NAMES} == before
    assert all((out / n).is_symlink() and os.readlink(out / n) == f".current/{n}" for n in O.NAMES)
    (unpublished,) = [d for d in (out / ".runs").iterdir() if d.name != os.path.basename(os.readlink(out / ".current"))]
    assert len(read_jsonl(unpublished / "accepted.jsonl")) == 20  # the killed run's files, never visible
    assert list(out.glob(".gate-spool-*.jsonl"))  # the spool of the killed run is still there...
    from audit.gate.runner import run_gate

    write_batch(tmp_path / "c.jsonl", n_good=3)
    run_gate([str(tmp_path / "c.jsonl")], trimmed_suite("default", tmp_path), out, workers=1)
    assert not list(out.glob(".gate-spool-*.jsonl"))  # ...and the next run removed it
    assert not unpublished.exists() and len(list((out / ".runs").iterdir())) == 2  # current + previous
    assert len(read_jsonl(out / "accepted.jsonl")) == 3 and O.verify_outputs(out) == []


def test_without_symlinks_a_run_killed_before_the_manifest_is_detectable(tmp_path: Path) -> None:
    out, _ = _killed_before_manifest(tmp_path, {O.NO_SYMLINKS_ENV: "1"})
    # per-file fallback: the old manifest was removed first: visibly incomplete, never silently mixed
    assert O.verify_outputs(out)[0].startswith("summary.json: missing")
    assert not (out / "accepted.jsonl").is_symlink() and not (out / ".runs").exists()
    # each file is whole: the new accepted.jsonl parses completely
    assert len(read_jsonl(out / "accepted.jsonl")) == 20
    assert not list(out.glob(".*.tmp"))  # no half-written file under any name


def test_clean_stale_removes_only_our_dead_leftovers(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()  # a PID that has exited
    alive = str(os.getppid())
    names = {
        f".gate-spool-{dead}-abc_12.jsonl": True, f".gate-spool-{alive}-abc_12.jsonl": False,
        ".gate-spool-k2j4h1.jsonl": True,  # older naming without a PID: older than the run start
        f".accepted.jsonl.{dead}-x1y2.tmp": True, f".summary.json.{alive}-x1y2.tmp": False,
        ".junit.xml.q9w8e7.tmp": True, f".report.html.{dead}-zz.tmp": True, f".current.{dead}-ab12.tmp": True,
        # user files, however close to ours
        "accepted.jsonl.tmp": False, ".gate-spool-notes.txt": False, ".mydata.jsonl.123-x.tmp": False,
        "notes.jsonl": False, f".accepted.jsonl.{dead}-x1y2.tmp.bak": False,
    }
    for n in names:
        (tmp_path / n).write_text("x")
    old = 1_000_000_000
    for n in names:
        os.utime(tmp_path / n, (old, old))
    (tmp_path / ".runs" / f"{'1' * 20}-{dead}-abcdef").mkdir(parents=True)
    (tmp_path / ".runs" / f"{'2' * 20}-{alive}-abcdef").mkdir()
    (tmp_path / ".runs" / "mine").mkdir()
    removed = O.clean_stale(tmp_path, ("report.html",))
    assert sorted(removed) == sorted([n for n, gone in names.items() if gone] + [f".runs/{'1' * 20}-{dead}-abcdef"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([n for n, gone in names.items() if not gone] + [".runs"])
    assert sorted(p.name for p in (tmp_path / ".runs").iterdir()) == [f"{'2' * 20}-{alive}-abcdef", "mine"]
    # a temp file without a PID written after the run started is left alone (another writer)
    (tmp_path / ".junit.xml.fresh1.tmp").write_text("x")
    assert O.clean_stale(tmp_path, started=old) == []


def test_output_set_migrates_plain_files_and_switches_atomically(tmp_path: Path) -> None:
    for n in O.NAMES:
        (tmp_path / n).write_text(f"old {n}\n")
    (tmp_path / "user.txt").write_text("mine")
    st = O.OutputSet(tmp_path)
    assert st.symlinks and st.dir.parent == tmp_path / ".runs"
    for n in O.NAMES:
        st.path(n).write_text(f"new {n}\n")
        assert (tmp_path / n).read_text() == f"old {n}\n"  # not visible before the commit
    st.commit(list(O.NAMES))
    assert {n: (tmp_path / n).read_text() for n in O.NAMES} == {n: f"new {n}\n" for n in O.NAMES}
    runs = sorted(p.name for p in (tmp_path / ".runs").iterdir())
    assert len(runs) == 2 and runs[1].startswith("legacy-")  # the migrated old set is kept as the previous one
    assert (tmp_path / ".runs" / runs[1] / "accepted.jsonl").read_text() == "old accepted.jsonl\n"
    assert (tmp_path / "user.txt").read_text() == "mine"
    for k in range(2):  # two more runs: only current and previous stay
        st = O.OutputSet(tmp_path)
        for n in O.NAMES:
            st.path(n).write_text(f"run{k} {n}\n")
        st.commit(list(O.NAMES))
    assert (tmp_path / "junit.xml").read_text() == "run1 junit.xml\n"
    kept = sorted((tmp_path / ".runs").iterdir())
    assert [p.joinpath("junit.xml").read_text() for p in kept] == ["run0 junit.xml\n", "run1 junit.xml\n"]


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
