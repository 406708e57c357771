"""Limits and budgets set from the command line or [tool.newsaudit] (issue #8)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def _feed(path: Path, n: int, text: str = "Ala ma kota, a kot ma Alę. " * 20) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "text": text, "lang": "pl"}) + "\n")
    return path


def test_max_articles_stops_check_with_a_clear_message(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 12)
    p = run("check", str(feed), "--max-articles", "10", "-f", "jsonl")
    assert p.returncode == 2
    assert "more than 10 records" in p.stderr and "feed.jsonl:11" in p.stderr
    assert "Traceback" not in p.stderr
    ok = run("check", str(feed), "--max-articles", "12", "-f", "jsonl")
    assert ok.returncode in (0, 1) and len(ok.stdout.splitlines()) == 12


def test_max_articles_from_config_makes_the_gate_refuse_before_writing(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 5)
    (tmp_path / "pyproject.toml").write_text("[tool.newsaudit]\nmax-articles = 3\n", encoding="utf-8")
    out = tmp_path / "out"
    p = run("gate", str(feed), "--out", str(out), cwd=tmp_path)
    assert p.returncode == 3, p.stdout + p.stderr
    assert "more than 3 records" in p.stderr
    assert not (out / "accepted.jsonl").exists()


def test_truncation_is_reported(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 1, text="Słowo jest tutaj. " * 400)
    (tmp_path / "pyproject.toml").write_text("[tool.newsaudit]\nmax-article-chars = 1000\n", encoding="utf-8")
    p = run("check", str(feed), "-f", "jsonl", cwd=tmp_path)
    obj = json.loads(p.stdout)
    assert obj["scores"]["truncated_at"] == 1000
    assert "longer than max-article-chars (1,000)" in p.stderr
    g = run("gate", str(feed), "--out", str(tmp_path / "g"), cwd=tmp_path)
    summary = json.loads((tmp_path / "g" / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["truncated"] == 1
    assert "audited on their first max-article-chars" in g.stdout


def test_time_budget_is_configurable_and_quarantines_with_reason_timeout(tmp_path: Path) -> None:
    from audit.check.parallel import AuditorSpec
    from audit.config import config_from_table

    cfg = config_from_table({"time-budget": 0.25})
    assert AuditorSpec(config=cfg).build().time_budget == 0.25
    assert AuditorSpec(config=config_from_table({"time-budget": 0})).build().time_budget is None
    assert AuditorSpec(config=cfg, time_budget=3.0).build().time_budget == 3.0
    # a pathological article under a tiny budget, through the real CLI: reason "timeout"
    feed = _feed(tmp_path / "feed.jsonl", 2, text=("Wysoki Znaczenie " * 20000) + ".")
    p = run("gate", str(feed), "--out", str(tmp_path / "g"), "--time-budget", "0.001", "-j", "1")
    assert p.returncode in (0, 1), p.stderr
    rows = [json.loads(x) for x in (tmp_path / "g" / "quarantined.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2
    reasons = {r["reason"] for row in rows for r in row["_newsaudit"]["reasons"]}
    assert "timeout" in reasons


def test_bad_limits_are_usage_errors(tmp_path: Path) -> None:
    p = run("check", "seeds/", "--time-budget", "-1")
    assert p.returncode == 2 and "--time-budget" in p.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.newsaudit]\ntime-budget = "fast"\n', encoding="utf-8")
    p = run("check", str(ROOT / "seeds"), cwd=tmp_path)
    assert p.returncode == 2 and "time-budget" in p.stderr
