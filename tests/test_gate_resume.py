"""Resuming a killed gate run (issue #8, "Large runs can resume from where they stopped").

A gate subprocess is SIGKILLed after at least one checkpoint (from outside, polling the
checkpoint file, and at deterministic points: mid-chunk, just after a checkpoint, after the
audit, before the commit), then rerun with ``--resume``: it must say it resumed, take the
checkpointed records without auditing them again, and produce outputs identical to an
uninterrupted run (every record exactly once). A changed job (input, suite, --select)
starts afresh and says what changed. How: audit/gate/checkpoint.py, docs/gate.md.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.gate import GateConfigError, verify_outputs
from audit.gate import checkpoint as C
from audit.gate import features as F
from audit.gate import outputs as O

ROOT = Path(__file__).resolve().parent.parent
N = 1500  # records in the batch
EVERY = 250  # --checkpoint-every
BROKEN = (700, 1201)  # malformed JSON lines: input errors, quarantined


def _batch(path: Path, n: int = N, seed: int = 5) -> Path:
    """Varied short articles (random words: no near-duplicates), some empty (quarantined by
    the suite), two malformed lines."""
    rng = random.Random(seed)
    words = ["".join(rng.choice("abcdefghijklmnoprstuwyz") for _ in range(rng.randint(3, 9))) for _ in range(3000)]

    def sentence() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(6, 16))).capitalize() + "."

    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if i in BROKEN:
                fh.write(f'{{"id": "broken{i}", "text": "unterminated\n')
                continue
            text = "" if i % 97 == 0 else " ".join(sentence() for _ in range(rng.randint(3, 12)))
            fh.write(json.dumps({"id": f"a{i}", "text": text, "source": f"s{i % 5}", "lang": "en"}) + "\n")
    return path


def _suite(path: Path, max_quarantined: float = 0.5) -> Path:
    path.write_text(json.dumps({"name": "resume", "expectations": [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n_error_structure", "max_value": 0}},
        {"type": "expect_column_mean_to_be_between", "kwargs": {"column": "quarantined",
                                                                "max_value": max_quarantined}}]}))
    return path


def _args(batch: Path, suite: Path, out: Path, *extra: str) -> list[str]:
    return ["gate", str(batch), "--suite", str(suite), "--out", str(out), "--select", "structure",
            "--workers", "1", "--checkpoint-every", str(EVERY), *extra]


def _gate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True, timeout=600,
                          cwd=ROOT)


def _comparable(out: Path) -> dict[str, Any]:
    """The output set, minus what differs between two runs of the same job anyway: the start
    time, the wall times (summary and junit.xml) and the resume field."""
    summary = json.loads((out / "summary.json").read_text())
    for k in ("started_at", "wall_time_s", "resumed_records"):
        summary.pop(k)
    summary["files"].pop("junit.xml")
    junit = re.sub(r'time="[0-9.]+"', 'time=""', (out / "junit.xml").read_text())
    return {"accepted": (out / "accepted.jsonl").read_bytes(), "quarantined": (out / "quarantined.jsonl").read_bytes(),
            "summary": summary, "junit": junit}


def _state(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if C.STATE_RE.fullmatch(p.name) or p.name.startswith(".gate-spool"))


def _checkpoint(out: Path) -> dict[str, Any] | None:
    for p in out.glob(".gate-checkpoint-*.json"):
        try:
            return json.loads(p.read_text())
        except (OSError, ValueError):  # (replaced atomically, so only while it is being renamed)
            return None
    return None


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    d = tmp_path_factory.mktemp("resume")
    batch, suite = _batch(d / "batch.jsonl"), _suite(d / "suite.json")
    ref = d / "ref"
    p = _gate(*_args(batch, suite, ref))
    assert p.returncode == 0, p.stderr[-2000:]
    assert _state(ref) == []  # a committed run keeps no checkpoint
    # a previous output set (another batch) that a killed run must leave untouched
    prev = d / "prev"
    p = _gate(*_args(_batch(d / "old.jsonl", 40, seed=9), suite, prev))
    assert p.returncode == 0, p.stderr[-2000:]
    return {"dir": d, "batch": batch, "suite": suite, "ref": _comparable(ref), "prev": prev,
            "prev_set": {n: (prev / n).read_bytes() for n in O.NAMES}}


def _fresh_out(env: dict[str, Any], name: str) -> Path:
    out = Path(env["dir"]) / name
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(env["prev"], out, symlinks=True)
    return out


def _assert_previous_set(env: dict[str, Any], out: Path) -> None:
    assert verify_outputs(out) == []
    assert {n: (out / n).read_bytes() for n in O.NAMES} == env["prev_set"]


def _resume_and_compare(env: dict[str, Any], out: Path, *, workers: str = "1") -> int:
    """Rerun with --resume; the outputs must equal the uninterrupted run's. Returns the
    number of records taken from the checkpoint."""
    ck = _checkpoint(out)
    assert ck is not None and ck["records"] >= EVERY, "the killed run must have left a checkpoint"
    p = _gate(*_args(env["batch"], env["suite"], out, "--resume"), "--workers", workers)
    assert p.returncode == 0, p.stderr[-2000:]
    summary = json.loads((out / "summary.json").read_text())
    reused = summary["resumed_records"]
    assert reused == ck["records"]  # exactly what was checkpointed: nothing audited twice
    assert f"resuming the interrupted run in {out}: {reused} records reused from its checkpoint" in p.stderr
    assert f"Resumed an interrupted run: {reused} record(s) taken from its checkpoint" in p.stdout
    assert verify_outputs(out) == []
    assert _comparable(out) == env["ref"]
    # every input record exactly once: nothing lost, nothing doubled
    acc = [json.loads(x) for x in (out / "accepted.jsonl").read_text().splitlines()]
    qua = [json.loads(x) for x in (out / "quarantined.jsonl").read_text().splitlines()]
    ids = [r["id"] for r in acc] + [r["id"] for r in qua if "id" in r]
    assert sorted(ids) == sorted(f"a{i}" for i in range(N) if i not in BROKEN)
    errors = [r["_newsaudit"]["origin"] for r in qua if "id" not in r]
    assert errors == [f"{env['batch']}:{i + 1}" for i in BROKEN]  # the input errors survived the resume
    c = summary["counts"]
    assert c["read"] == N == c["accepted"] + c["quarantined"] and c["input_errors"] == len(BROKEN)
    assert _state(out) == []  # the checkpoint goes with the commit
    return int(reused)


def test_sigkill_from_outside_after_a_checkpoint_then_resume(env: dict[str, Any]) -> None:
    """The plain case: kill -9 the gate once it has checkpointed 500 records, resume on 2 workers."""
    out = _fresh_out(env, "outside")
    proc = subprocess.Popen([sys.executable, "-m", "audit", *_args(env["batch"], env["suite"], out)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        ck = _checkpoint(out)
        if ck and ck["records"] >= 2 * EVERY and not ck["complete"]:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    _assert_previous_set(env, out)
    assert _resume_and_compare(env, out, workers="2") >= 2 * EVERY


KILL = r'''
import os, signal, sys
from audit.gate import checkpoint as C, outputs as O, runner as R
from audit.cli.main import app

mode, at = sys.argv[1], int(sys.argv[2])
def die():
    os.kill(os.getpid(), signal.SIGKILL)

if mode == "record":        # just after record `at` reached the spool (between two checkpoints)
    real_add, seen = R._Spool.add, [0]
    def add(self, obj):
        real_add(self, obj)
        seen[0] += 1
        if seen[0] == at:
            die()
    R._Spool.add = add
elif mode == "checkpoint":  # just after the checkpoint of `at` records (0: the one saying the audit is complete)
    real_cp = C.Job.checkpoint
    def checkpoint(self, *, records, articles, complete=False):
        real_cp(self, records=records, articles=articles, complete=complete)
        if (complete if at == 0 else records == at):
            die()
    C.Job.checkpoint = checkpoint
elif mode == "commit":      # every output written into its run directory, not yet switched to
    O.OutputSet.commit = lambda self, names: die()
sys.argv = ["newsaudit", *sys.argv[3:]]
app()
'''


@pytest.mark.parametrize(("mode", "at"), [
    ("record", 1 + 4 * EVERY + EVERY // 2),  # mid-chunk: the spool and rows run past the checkpoint
    ("record", BROKEN[0] + 1),  # just after an input error reached the spool
    ("checkpoint", 4 * EVERY),  # just after a chunk's checkpoint
    ("checkpoint", 0),  # the audit is complete (the resume audits nothing)
    ("commit", 0),  # the outputs are written but not published
], ids=["mid-chunk", "after-input-error", "at-checkpoint", "audit-complete", "before-commit"])
def test_sigkill_at_a_kill_point_then_resume(env: dict[str, Any], mode: str, at: int) -> None:
    out = _fresh_out(env, f"kill-{mode}-{at}")
    p = subprocess.run([sys.executable, "-c", KILL, mode, str(at), *_args(env["batch"], env["suite"], out)],
                       capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert p.returncode == -signal.SIGKILL, p.stderr[-2000:]
    _assert_previous_set(env, out)
    expected = {"record": (at - 1) // EVERY * EVERY, "checkpoint": at or N, "commit": N}[mode]
    assert _resume_and_compare(env, out) == expected


@pytest.fixture(scope="module")
def killed(env: dict[str, Any]) -> Path:
    """The state a run killed after 2 checkpoints leaves (copied by the tests below)."""
    out = _fresh_out(env, "killed")
    p = subprocess.run([sys.executable, "-c", KILL, "checkpoint", str(2 * EVERY),
                        *_args(env["batch"], env["suite"], out)], capture_output=True, text=True, timeout=600,
                       cwd=ROOT)
    assert p.returncode == -signal.SIGKILL, p.stderr[-2000:]
    assert len(_state(out)) == 3
    return out


def _copy(src: Path, name: str) -> Path:
    out = src.parent / name
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(src, out, symlinks=True)
    return out


@pytest.mark.parametrize("change", ["input", "suite", "select"])
def test_another_job_starts_afresh_and_says_what_changed(env: dict[str, Any], killed: Path, change: str) -> None:
    out = _copy(killed, f"changed-{change}")
    d = Path(env["dir"])
    batch, suite, extra = Path(env["batch"]), Path(env["suite"]), []
    if change == "input":  # the same bytes, touched: size + mtime are the input's identity
        batch = d / "touched.jsonl"
        shutil.copy(env["batch"], batch)
        os.utime(batch, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    elif change == "suite":
        suite = _suite(d / "suite2.json", max_quarantined=0.4)
    else:
        extra = ["--select", "structure,encoding"]
    p = _gate(*_args(batch, suite, out, "--resume", *extra))
    assert p.returncode == 0, p.stderr[-2000:]
    label = {"input": "input files", "suite": "suite", "select": "checks and their options"}[change]
    lines = [x for x in p.stderr.splitlines() if x.strip()]
    assert lines == [f"newsaudit gate: --resume: the checkpoint in {out} is of another job (changed: {label}); "
                     "starting from the first record"]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["resumed_records"] == 0 and "Resumed" not in p.stdout
    c = summary["counts"]
    assert c["read"] == N == c["accepted"] + c["quarantined"] and c["input_errors"] == len(BROKEN)
    if change == "input":  # the same records: the same outputs as the reference
        assert _comparable(out)["accepted"] == env["ref"]["accepted"]
    assert _state(out) == []  # the commit removes every job's checkpoint, the other job's too


def test_without_resume_a_checkpoint_is_overwritten_with_a_notice(env: dict[str, Any], killed: Path) -> None:
    out = _copy(killed, "no-resume")
    p = _gate(*_args(env["batch"], env["suite"], out))
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stderr.strip() == (f"newsaudit gate: {out} holds the checkpoint of an interrupted run of this job "
                                f"({2 * EVERY} records audited); starting over (--resume continues it)")
    assert json.loads((out / "summary.json").read_text())["resumed_records"] == 0
    assert _comparable(out) == env["ref"] and _state(out) == []


def test_resume_with_nothing_to_resume_and_on_stdin(env: dict[str, Any], tmp_path: Path) -> None:
    small = _batch(tmp_path / "small.jsonl", 30)
    out = tmp_path / "out"
    p = _gate(*_args(small, env["suite"], out, "--resume"))
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stderr.strip() == f"newsaudit gate: --resume: no checkpoint to resume in {out}; starting from the first record"
    with small.open("rb") as stdin:
        q = subprocess.run([sys.executable, "-m", "audit", *_args(Path("-"), env["suite"], out, "--resume")],
                           stdin=stdin, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert q.returncode == 0, q.stderr[-2000:]
    assert "the input is stdin, which cannot be read again: nothing to resume" in q.stderr
    assert json.loads((out / "summary.json").read_text())["counts"]["read"] == 30
    assert _state(out) == []


def test_resume_on_dask_is_a_usage_error(env: dict[str, Any], tmp_path: Path) -> None:
    p = _gate(*_args(env["batch"], env["suite"], tmp_path / "out", "--resume", "--engine", "dask"))
    assert p.returncode == 3
    assert p.stderr.strip() == ("newsaudit: error: --resume works with --engine local only "
                                "(a run killed on dask can be resumed with --engine local)")
    assert not (tmp_path / "out").exists()


# -- the checkpoint files, in-process -----------------------------------------------------------
FP = C.Fingerprint({"input files": "i", "suite": "s"})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(0, 30), at=st.integers(0, 30), tail=st.binary(max_size=40))
def test_a_resumed_job_drops_everything_after_its_checkpoint(tmp_path: Path, n: int, at: int, tail: bytes) -> None:
    """Whatever was written after the last checkpoint (whole records, a torn line, bytes
    that are not even UTF-8), the resumed job has exactly the checkpointed records."""
    at = min(at, n)
    out = Path(tempfile.mkdtemp(dir=tmp_path))
    job = C.start(out, FP, resume=False)
    for i in range(n):
        job.spool_fh.write(json.dumps({"kind": "article", "i": i}) + "\n")
        job.rows.write(json.dumps([{"id": str(i)}, None]) + "\n")
        if i + 1 == at:
            job.checkpoint(records=at, articles=at)
    job.close()
    for path in (job.spool_path, job.rows_path):
        with open(path, "ab") as fh:
            fh.write(tail)
    again = C.start(out, FP, resume=True)
    assert again.resume is not None and again.resume.records == at
    assert [r["id"] for r, _ in again.replay()] == [str(i) for i in range(at)]
    again.spool_fh.write(json.dumps({"kind": "article", "i": "next"}) + "\n")
    again.close()
    lines = job.spool_path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["i"] for x in lines] == [*range(at), "next"]


def test_a_checkpoint_whose_files_are_torn_is_not_continued(tmp_path: Path) -> None:
    job = C.start(tmp_path, FP, resume=False)
    for i in range(3):
        job.spool_fh.write(f'{{"i": {i}}}\n')
        job.rows.write(f'[{{"id": "{i}"}}, null]\n')
    job.checkpoint(records=3, articles=3)
    job.close()
    os.truncate(job.spool_path, 10)  # lost by the file system after the checkpoint said 3 records
    again = C.start(tmp_path, FP, resume=True)
    assert again.resume is None
    assert again.notice == (f"the checkpoint in {tmp_path} cannot be continued (its {job.spool_path.name} is "
                            "shorter than checkpointed); starting from the first record")
    assert job.spool_path.read_bytes() == b""  # started afresh


def test_clean_stale_keeps_a_checkpointed_job_and_removes_the_rest(tmp_path: Path) -> None:
    job = C.start(tmp_path, FP, resume=False)
    job.close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    orphan = ".gate-spool-0123456789abcdef.jsonl"  # no checkpoint: a leftover
    tmp = f"..gate-checkpoint-{FP.key}.json.{dead}-abc123.tmp"  # a checkpoint write that was killed
    for n in (orphan, tmp):
        (tmp_path / n).write_text("x")
        os.utime(tmp_path / n, (1_000_000_000, 1_000_000_000))
    assert sorted(O.clean_stale(tmp_path)) == sorted([orphan, tmp])
    assert _state(tmp_path) == sorted([job.spool_path.name, job.rows_path.name, job.checkpoint_path.name])
    C.discard_all(tmp_path)
    assert _state(tmp_path) == []


def test_a_live_writer_of_the_same_job_is_refused(tmp_path: Path) -> None:
    job = C.start(tmp_path, FP, resume=False)
    job.close()
    doc = json.loads(job.checkpoint_path.read_text())
    doc["pid"] = os.getppid()  # a process that is alive (not this one)
    job.checkpoint_path.write_text(json.dumps(doc))
    with pytest.raises(GateConfigError, match=r"gate process \d+ is running the same job into this directory"):
        C.start(tmp_path, FP, resume=True)


_FINDING = st.builds(
    lambda cat, sev, fix: {"check": "X001", "category": cat, "severity": sev, "start": 0, "end": 1,
                           "message": "m", "evidence": "a", **({"replacement": ""} if fix else {})},
    st.sampled_from([*F.CATEGORIES, "unknown-category"]), st.sampled_from([*F.SEVERITIES, "odd"]), st.booleans())
_SCORE = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True), st.text(max_size=3))


@given(findings=st.lists(_FINDING, max_size=6), scores=st.dictionaries(st.sampled_from(["mt_score", "n_words", "z"]),
                                                                         _SCORE, max_size=3),
       text=st.text(max_size=30), author=st.one_of(st.none(), st.text(max_size=3)))
def test_a_checkpointed_feature_row_reads_back_identical(findings: list[dict[str, Any]], scores: dict[str, Any],
                                                         text: str, author: str | None) -> None:
    """The rows file stores each feature row without its empty fixed columns; read back
    through JSON it is the same row: same keys in the same order, same values and types."""
    from audit.gate.runner import _compact_row, _expand_row, dumps_line
    from audit.model import Article, ArticleResult, Finding

    art = Article(id="a", text=text, source="s", author=author)
    row = F.feature_row(ArticleResult(article=art, lang="en", scores=scores,
                                      findings=[Finding.from_dict(f) for f in findings]))
    back = _expand_row(json.loads(dumps_line(_compact_row(row))))
    assert list(back) == list(row)
    for k, v in row.items():
        assert type(back[k]) is type(v) and (back[k] == v or (v != v and back[k] != back[k])), k
