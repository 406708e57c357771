"""The gate stage: validate a batch of articles against a Great Expectations suite.

``newsaudit gate INPUT --suite expectations/default.json --out DIR`` audits every
record, builds the *feature frame* (:mod:`audit.gate.features`: one row of finding
counts, severities and scores per record), validates it with a GX 1.x suite
(:mod:`audit.gate.suite`) and writes ``accepted.jsonl``, ``quarantined.jsonl``,
``junit.xml`` and, last, ``summary.json`` (:mod:`audit.gate.outputs`).

Per-article expectations decide which records are quarantined; batch-level
expectations decide the verdict. The library API::

    from audit.gate import run_gate
    result = run_gate(["feed.jsonl"], "expectations/default.json", "out/")
    result.exit_code, result.counts

This module is light: Great Expectations and pandas are imported only when a gate runs.
"""

from __future__ import annotations

from typing import Any

#: exit codes of ``newsaudit gate``
EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_WARNINGS = 2  # passed with warnings (only with --warn-exit)
EXIT_CONFIG = 3  # configuration or input error: nothing was decided


class GateConfigError(Exception):
    """The suite, the input or the options cannot be used (exit 3). One-line message."""


__all__ = [
    "EXIT_CONFIG",
    "EXIT_FAILED",
    "EXIT_PASSED",
    "EXIT_WARNINGS",
    "GateConfigError",
    "GateResult",
    "run_gate",
    "verify_outputs",
]


def __getattr__(name: str) -> Any:  # lazy: importing audit.gate must stay cheap
    if name in ("run_gate", "GateResult"):
        from audit.gate import runner

        return getattr(runner, name)
    if name == "verify_outputs":
        from audit.gate.outputs import verify_outputs

        return verify_outputs
    raise AttributeError(name)
