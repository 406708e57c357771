"""Developer sessions: ``nox -s tests lint typecheck`` (and, as they land, eval, bench, docs)."""

from __future__ import annotations

import nox

PYPROJECT = nox.project.load_toml("pyproject.toml")

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True


@nox.session(python="3.11")
def tests(session: nox.Session) -> None:
    """The test suite (browser tests need Debian's chromium; they skip without it)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    """ruff: lint and formatting check."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", "audit", "tests", "noxfile.py")


@nox.session(python="3.11")
def typecheck(session: nox.Session) -> None:
    """mypy over the package."""
    session.install("-e", ".[dev]")
    session.run("mypy", "audit")


@nox.session(python="3.11")
def eval(session: nox.Session) -> None:
    """Precision/recall/F1 per category (article and span level) and per language on the
    labelled corpus; default: the held-out test split (issue #3)."""
    session.install("-e", ".")
    session.run("python", "-m", "audit.eval", *(session.posargs or ["tests/corpus", "--split", "test"]))


@nox.session(python="3.11")
def bench(session: nox.Session) -> None:
    """Speed and memory, side by side with datatrove's filters (issue #7)."""
    session.install("-e", ".")
    session.install(*nox.project.dependency_groups(PYPROJECT, "bench"))
    session.run("python", "tests/bench/bench.py", *session.posargs)


@nox.session(python="3.11")
def docs(session: nox.Session) -> None:
    """Regenerate the generated files: docs/checks.md from the checks' docstrings, and the
    calques' shipped indexes (audit/lexicons/mt_calques/<lang>.index.json) from their lexicons."""
    session.install("-e", ".")
    session.run("python", "-m", "audit.check.rules.mt.MT004")
    with open("docs/checks.md", "w", encoding="utf-8") as fh:
        session.run("newsaudit", "checks", "--format", "markdown", stdout=fh)
