"""Evaluation: the labelled corpus (``tests/corpus``), its builder and defect injector, and
the harness that scores the checks on it (``python -m audit.eval``)."""

from audit.eval.harness import main

__all__ = ["main"]
