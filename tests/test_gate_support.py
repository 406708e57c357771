"""Shared helpers of the gate tests (no tests here): sample batches, suites trimmed to what is installed."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SUITES = ROOT / "expectations"
NEWSAUDIT = [sys.executable, "-m", "audit"]

NEWS = ("The city council approved the new budget on Tuesday after a four-hour debate, "
        "the mayor's office said in a statement. ")


def write_batch(path: Path, n_good: int = 8) -> dict[str, Any]:
    """A JSON Lines batch: ``n_good`` clean records, an empty text, a malformed line and a
    three-word body. Returns what a gate with the 'core' rules must decide."""
    lines = [
        json.dumps({"id": f"ok{i}", "text": NEWS * 3, "source": "paper-a" if i % 2 else "paper-b",
                    "author": "Ann Smith", "lang": "en", "extra_field": i})
        for i in range(n_good)
    ]
    lines.append(json.dumps({"id": "empty1", "text": "", "source": "paper-a", "lang": "en", "extra_field": "e"}))
    lines.append('{"id": "broken", "text": "unterminated')
    lines.append(json.dumps({"id": "short", "text": "Read more here", "source": "paper-b", "lang": "en"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"read": n_good + 3, "accepted": n_good, "quarantined": 3, "input_errors": 1,
            "quarantined_ids": {"empty1", "short"}}


@lru_cache(maxsize=1)
def produced_scores() -> frozenset[str]:
    """The score keys the installed scorers produce on a real article."""
    from audit.check.engine import Auditor
    from audit.model import Article

    text = (SEEDS / "000_bb2f05f5b41e6663.txt").read_text(encoding="utf-8")
    return frozenset(Auditor().audit(Article(id="x", text=text, lang="pl")).scores)


def has_sources() -> bool:
    return importlib.util.find_spec("audit.score.sources") is not None


def unavailable_columns(suite: dict[str, Any]) -> set[str]:
    """Columns a suite uses that this installation cannot produce (scores whose scorer
    is missing, per-source reliability before audit.score.sources exists)."""
    from audit.gate import features as F

    out: set[str] = set()
    for e in suite["expectations"]:
        col = e["kwargs"].get("column")
        if col in F.SOURCE_COLUMNS and not has_sources():
            out.add(col)
        elif col in F.DOCUMENTED_SCORES and col not in produced_scores():
            out.add(col)
    return out


def trimmed_suite(name: str, dest: Path, **replace_batch: Any) -> Path:
    """``expectations/<name>.json`` without the expectations this installation cannot
    evaluate yet; ``replace_batch`` overrides kwargs of batch rules by column."""
    suite = json.loads((SUITES / f"{name}.json").read_text(encoding="utf-8"))
    missing = unavailable_columns(suite)
    suite["expectations"] = [e for e in suite["expectations"] if e["kwargs"].get("column") not in missing]
    for e in suite["expectations"]:
        col = e["kwargs"].get("column")
        if col in replace_batch:
            e["kwargs"].update(replace_batch[col])
    p = dest / f"{name}-trimmed.json"
    p.write_text(json.dumps(suite, indent=1), encoding="utf-8")
    return p


def gate_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NEWSAUDIT, "gate", *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=600)


def read_jsonl(p: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
