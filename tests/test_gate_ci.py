"""The CI recipe (docs/ci/) and the promise that only `gate` pays for Great Expectations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_gate_support import NEWS, ROOT, trimmed_suite, write_batch

HOOK = ROOT / "docs" / "ci" / "newsaudit-gate-hook.sh"
WORKFLOW = ROOT / "docs" / "ci" / "github-actions-gate.yml"
PRECOMMIT = ROOT / "docs" / "ci" / "pre-commit-hooks.yaml"


def test_cli_and_check_do_not_import_great_expectations_or_pandas() -> None:
    code = "import audit.cli.main, sys; print('great_expectations' in sys.modules, 'pandas' in sys.modules)"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.stdout.split() == ["False", "False"], p.stderr
    # the spot-check itself, end to end, stays light too
    code = ("import sys, runpy; sys.argv = ['newsaudit', 'check', sys.argv[1]];\n"
            "try:\n    runpy.run_module('audit', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print('GX', 'great_expectations' in sys.modules, 'pandas' in sys.modules, file=sys.stderr)")
    p = subprocess.run([sys.executable, "-c", code, str(ROOT / "seeds" / "000_bb2f05f5b41e6663.txt")],
                       capture_output=True, text=True, timeout=120)
    assert "GX False False" in p.stderr, p.stderr[-2000:]


def _hook(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    e = {**os.environ, "NEWSAUDIT": f"{sys.executable} -m audit", **env}
    return subprocess.run(["sh", str(HOOK), *args], capture_output=True, text=True, cwd=cwd, env=e, timeout=300)


def test_hook_blocks_a_bad_batch_and_passes_a_good_one(tmp_path: Path) -> None:
    suite = trimmed_suite("default", tmp_path)
    (tmp_path / "in dir").mkdir()
    good = tmp_path / "in dir" / "good batch.jsonl"  # spaces survive the hook
    good.write_text("".join(json.dumps({"id": f"g{i}", "text": NEWS * 3, "source": "s", "lang": "en"}) + "\n"
                            for i in range(3)), encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    write_batch(bad)
    notes = tmp_path / "README.md"
    notes.write_text("not an article file")
    common = {"NEWSAUDIT_SUITE": str(suite), "NEWSAUDIT_GATE_ARGS": "--workers 1"}

    p = _hook([str(good), str(notes)], tmp_path, **common)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Verdict: PASSED" in p.stdout

    out = tmp_path / "out"
    p = _hook([str(bad), str(good)], tmp_path, NEWSAUDIT_GATE_OUT=str(out), **common)
    assert p.returncode == 1
    assert f"see {out}/quarantined.jsonl" in p.stderr
    s = json.loads((out / "summary.json").read_text())
    assert s["counts"]["read"] == 11 + 3 and s["verdict"] == "failed"

    p = _hook([str(notes)], tmp_path, **common)
    assert p.returncode == 0 and "no article files" in p.stdout

    broken = tmp_path / "broken-suite.json"
    broken.write_text("{")
    p = _hook([str(good)], tmp_path, NEWSAUDIT_SUITE=str(broken), NEWSAUDIT_GATE_ARGS="--workers 1")
    assert p.returncode == 3 and "malformed JSON" in p.stderr


def test_ci_recipe_files_are_valid_and_call_the_gate() -> None:
    import yaml

    wf = yaml.safe_load(WORKFLOW.read_text())
    steps = wf["jobs"]["gate"]["steps"]
    run = next(s["run"] for s in steps if s.get("id") == "gate")
    assert "newsaudit gate data/incoming --suite expectations/default.json --out gate-out" in run
    assert any("junit.xml" in json.dumps(s) for s in steps)
    (hook,) = yaml.safe_load(PRECOMMIT.read_text())
    assert hook["id"] == "newsaudit-gate" and (ROOT / hook["entry"]).is_file()
    p = subprocess.run(["sh", "-n", str(HOOK)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
