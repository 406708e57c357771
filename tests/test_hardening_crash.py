"""Crash safety of the gate's outputs (issue #8): a gate killed with SIGKILL at any moment
leaves the stable output names giving exactly the previous complete set or exactly the new
one, the next run removes what the killed one left, and rerunning produces the same
outputs as an uninterrupted run.

How (audit/gate/outputs.py): a run writes its files into ``DIR/.runs/<run-id>/`` and
publishes them by swapping the ``DIR/.current`` symlink (one rename); ``DIR/accepted.jsonl``
... are symlinks to ``.current/...``. Plain files from an older newsaudit are migrated
first, name by name, without changing any name's bytes. Not covered: resuming a killed run
(docs/hardening.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_gate_support import NEWS

from audit.gate import verify_outputs

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ("accepted.jsonl", "quarantined.jsonl", "junit.xml", "summary.json")
MISSING = "summary.json: missing (the run was interrupted or is still writing)"


def _batch(path: Path, n: int, salt: str) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = "" if i % 97 == 0 else f"{NEWS * (1 + i % 3)}Item {salt}{i}."
            fh.write(json.dumps({"id": f"{salt}{i}", "text": text, "source": f"s{i % 5}", "lang": "en"}) + "\n")
    return path


def _suite(path: Path) -> Path:
    path.write_text(json.dumps({"name": "crash", "expectations": [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n_error_structure", "max_value": 0}},
        {"type": "expect_column_mean_to_be_between", "kwargs": {"column": "quarantined", "max_value": 0.5}}]}))
    return path


def _cmd(batch: Path, suite: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "audit", "gate", str(batch), "--suite", str(suite), "--out", str(out),
            "--select", "structure", "--workers", "1"]


def _digest(out: Path) -> dict[str, str]:
    return {n: hashlib.sha256((out / n).read_bytes()).hexdigest() for n in OUTPUTS[:2] if (out / n).exists()}


def _bytes(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in OUTPUTS}


def _leftovers(out: Path) -> list[str]:
    """Temporary files of a run (ours by name) still in DIR, and run directories beyond current + previous."""
    tmp = [p.name for p in out.iterdir() if p.name.startswith(".gate-spool-") or p.name.endswith(".tmp")]
    runs = sorted(p.name for p in (out / ".runs").iterdir()) if (out / ".runs").is_dir() else []
    return tmp + (runs if len(runs) > 2 else [])


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A reference run of the new batch and a previous set (another batch) to be replaced."""
    d = tmp_path_factory.mktemp("crash")
    suite = _suite(d / "suite.json")
    new, old = _batch(d / "new.jsonl", 2000, "n"), _batch(d / "old.jsonl", 300, "o")
    ref, prev = d / "ref", d / "prev"
    t = time.monotonic()
    subprocess.run(_cmd(new, suite, ref), check=True, capture_output=True, timeout=900, cwd=ROOT)
    duration = time.monotonic() - t
    subprocess.run(_cmd(old, suite, prev), check=True, capture_output=True, timeout=900, cwd=ROOT)
    assert verify_outputs(ref) == [] and verify_outputs(prev) == []
    return {"dir": d, "suite": suite, "new": new, "old": old, "ref": _digest(ref), "prev": _digest(prev),
            "prev_bytes": _bytes(prev), "prev_dir": prev, "duration": duration,
            "ref_counts": json.loads((ref / "summary.json").read_text())["counts"]}


def _previous_set(runs: dict[str, object], out: Path, *, legacy: bool = False) -> None:
    """The previous run's set in ``out``: as the gate leaves it (symlinks into .runs/), or
    as plain files (an older newsaudit, or the per-file fallback) that must be migrated."""
    import shutil

    if out.exists():
        shutil.rmtree(out)
    if legacy:
        out.mkdir()
        for n, data in runs["prev_bytes"].items():  # type: ignore[attr-defined]
            (out / n).write_bytes(data)
    else:
        shutil.copytree(runs["prev_dir"], out, symlinks=True)  # type: ignore[arg-type]
        assert (out / "accepted.jsonl").is_symlink()


def _check_after_kill(runs: dict[str, object], out: Path) -> str:
    """The stable names give exactly the previous set (every byte) or exactly the new one."""
    assert verify_outputs(out) == [], "after a kill the stable names must give one complete set"
    if _bytes(out) == runs["prev_bytes"]:
        return "previous"
    assert _digest(out) == runs["ref"], "a verified set that is neither the old nor the new one"
    assert json.loads((out / "summary.json").read_text())["counts"] == runs["ref_counts"]
    return "new"


def _rerun_matches_reference(runs: dict[str, object], out: Path) -> None:
    p = subprocess.run(_cmd(runs["new"], runs["suite"], out), capture_output=True, text=True, timeout=900,  # type: ignore[arg-type]
                       cwd=ROOT)
    assert p.returncode in (0, 2), p.stderr[-2000:]
    assert verify_outputs(out) == []
    assert _digest(out) == runs["ref"]
    assert json.loads((out / "summary.json").read_text())["counts"] == runs["ref_counts"]
    assert _leftovers(out) == []  # the killed run's spool, temp files and unpublished run dir are gone
    assert all((out / n).is_symlink() for n in OUTPUTS)


def test_sigkill_at_random_moments_gives_the_old_or_the_new_set(runs: dict[str, object]) -> None:
    rng = random.Random(8)
    duration = float(runs["duration"])  # type: ignore[arg-type]
    delays = sorted({round(rng.uniform(0.3, duration * 1.05), 2) for _ in range(3)} | {round(duration * 0.97, 2)})
    seen = []
    for k, delay in enumerate(delays):
        out = Path(runs["dir"]) / f"kill{k}"  # type: ignore[arg-type]
        _previous_set(runs, out, legacy=k % 2 == 1)
        proc = subprocess.Popen(_cmd(runs["new"], runs["suite"], out), cwd=ROOT,  # type: ignore[arg-type]
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        seen.append((delay, _check_after_kill(runs, out)))
        _rerun_matches_reference(runs, out)
    print("states after SIGKILL (delay s, state):", seen)  # -s shows them; all were allowed


KILL_AT = r'''
import os, signal, sys
from audit.cli.main import app
target = int(sys.argv[1])
calls = {"n": 0}

def step(real):
    def f(*a, **k):
        calls["n"] += 1
        if calls["n"] == target:          # die just before the k-th file-system step lands
            os.kill(os.getpid(), signal.SIGKILL)
        r = real(*a, **k)
        if calls["n"] == -target:         # (negative: just after it)
            os.kill(os.getpid(), signal.SIGKILL)
        return r
    return f

# every rename, symlink and hard link of the run (the outputs, the migration, the switch, the links)
os.replace, os.symlink, os.link = step(os.replace), step(os.symlink), step(os.link)
sys.argv = ["newsaudit", *sys.argv[2:]]
try:
    app()
finally:
    print("STEPS", calls["n"], file=sys.stderr)
'''


def _steps(runs: dict[str, object], out: Path, target: int) -> subprocess.CompletedProcess[str]:
    args = _cmd(runs["small"], runs["suite"], out)[3:]  # type: ignore[arg-type]
    return subprocess.run([sys.executable, "-c", KILL_AT, str(target), *args], capture_output=True, text=True,
                          timeout=900, cwd=ROOT)


@pytest.mark.parametrize("legacy", [False, True], ids=["symlinked-previous", "plain-file-previous"])
def test_sigkill_at_each_step_of_the_commit(runs: dict[str, object], legacy: bool) -> None:
    """Deterministic kill points: before every rename / symlink / hard link the run makes
    (each output landing in the run directory, the migration of plain files, the switch of
    .current, the stable links). After each: exactly the old or the new set, and a rerun
    cleans up and reproduces the reference."""
    d = Path(runs["dir"])  # type: ignore[arg-type]
    small = runs.setdefault("small", _batch(d / "small.jsonl", 12, "s"))
    ref = d / "small-ref"
    if not ref.exists():
        subprocess.run(_cmd(small, runs["suite"], ref), check=True, capture_output=True, timeout=900, cwd=ROOT)  # type: ignore[arg-type]
    small_ref = {**runs, "new": small, "ref": _digest(ref),
                 "ref_counts": json.loads((ref / "summary.json").read_text())["counts"]}
    out = d / f"steps-{legacy}"
    _previous_set(runs, out, legacy=legacy)
    full = _steps(runs, out, 0)  # no kill: count the steps
    assert full.returncode in (0, 2), full.stderr[-2000:]
    n_steps = int(full.stderr.rsplit("STEPS", 1)[1])
    assert n_steps >= (9 if legacy else 6)
    states = []
    for target in [*range(1, n_steps + 1), -n_steps]:
        _previous_set(runs, out, legacy=legacy)
        p = _steps(runs, out, target)
        assert p.returncode == -signal.SIGKILL, (target, p.stderr[-2000:])
        states.append(_check_after_kill(small_ref, out))
        _rerun_matches_reference(small_ref, out)
    # the switch of .current is the last step: a kill before any step gives the old set, after it the new one
    assert states == ["previous"] * n_steps + ["new"]
    print("states per step:", states)
