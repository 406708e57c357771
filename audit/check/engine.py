"""Run the selected checks and scorers over articles: the library API behind ``newsaudit check``.

>>> from audit.model import Article
>>> auditor = Auditor(select=["structure"])
>>> result = auditor.audit(Article(id="x", text="", lang="en"))
>>> [f.check for f in result.findings][:1]
['STR001']
"""

from __future__ import annotations

import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from audit.check.base import Check, select_checks
from audit.check.langid import detect, normalize_lang
from audit.config import Config
from audit.lexicons import load as load_lexicon
from audit.model import Article, ArticleResult, Finding, InputError, Severity
from audit.text import Doc


class _FromConfig:
    """Sentinel: take the value from the configuration."""


FROM_CONFIG = _FromConfig()

Record = Article | InputError
Result = ArticleResult | InputError


class Auditor:
    """Holds the instantiated checks and scorers; reuse one for a whole stream."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        check_options: dict[str, dict[str, Any]] | None = None,
        time_budget: float | _FromConfig | None = FROM_CONFIG,
    ) -> None:
        self.config = config or Config()
        #: seconds one article may take (``None`` = unlimited); by default the config's
        #: ``time-budget``, 10 s: ~500x the measured median cost of a 4 KB article, so only
        #: pathological input hits it.
        if isinstance(time_budget, _FromConfig):
            time_budget = self.config.time_budget or None
        self.time_budget: float | None = time_budget
        sel = list(select) if select is not None else self.config.select
        ign = list(ignore) if ignore is not None else self.config.ignore
        classes = select_checks(sel, ign)
        opts = dict(self.config.check_options)
        for code, o in (check_options or {}).items():
            opts.setdefault(code.upper(), {}).update(o)
        self.checks: list[Check] = []
        for cls in classes:
            raw = {k.replace("-", "_"): v for k, v in opts.get(cls.code, {}).items()}
            try:
                self.checks.append(cls(**raw))
            except TypeError as exc:
                from audit.config import ConfigError

                raise ConfigError(f"[tool.newsaudit.checks.{cls.code}]: {exc}") from exc
        #: shared with the checks through ``doc.memo("auditor:checks")`` so that a family's
        #: article-level analysis can use its sibling checks' configured thresholds
        self._checks_by_code = {c.code: c for c in self.checks}
        from audit.score import article_scorers

        self.scorers = article_scorers({str(c.category) for c in self.checks})

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self.checks]

    # -- one article ---------------------------------------------------------------------
    def make_doc(self, article: Article) -> tuple[Doc, str | None, bool]:
        text = article.text
        declared = normalize_lang(article.lang)
        detected = False
        lang = declared
        if lang is None:
            lang, _ = detect(text)
            detected = lang is not None
        abbreviations = frozenset(load_lexicon("abbreviations", lang).get("abbreviations", [])) if lang else frozenset()
        meta = {k: v for k, v in article.to_record().items() if k != "text"}
        meta["declared_lang"] = declared
        doc = Doc(text, lang, abbreviations=abbreviations, meta=meta)
        return doc, lang, detected

    def audit(self, article: Article) -> ArticleResult:
        """Audit one article. Never raises for a problem in the article or in a check:
        a check that crashes or an article that exceeds ``time_budget`` seconds ends up
        in ``ArticleResult.errors`` (the gate quarantines such an article)."""
        try:
            with _deadline(self.time_budget) as expired:
                return self._audit(article, expired)
        except _BudgetExceeded:
            return ArticleResult(article=article, lang=normalize_lang(article.lang),
                                 errors=[self._timeout_message()])

    def _timeout_message(self) -> str:
        return f"timeout: the article took more than {self.time_budget:g} s to audit"

    def _audit(self, article: Article, expired: Callable[[], bool]) -> ArticleResult:
        limit = self.config.max_article_chars
        truncated = len(article.text) > limit
        if truncated:
            # audit a prefix: spans stay valid offsets into the full text
            article_view = _replace_text(article, article.text[:limit])
        else:
            article_view = article
        doc, lang, detected = self.make_doc(article_view)
        doc.memo("auditor:checks", lambda _d: self._checks_by_code)
        findings: list[Finding] = []
        errors: list[str] = []
        try:
            for check in self.checks:
                if expired():
                    raise _BudgetExceeded
                if check.languages and lang not in check.languages:
                    continue
                try:
                    findings.extend(check.run(doc))
                except Exception as exc:  # a bug in one check must not stop the batch
                    errors.append(f"internal-error: {check.code}: {type(exc).__name__}: {exc}")
                    _debug_traceback()
        except _BudgetExceeded:
            errors.append(self._timeout_message())
        findings.sort(key=lambda f: (f.field != "text", f.field, f.start, f.end, f.check))
        scores: dict[str, Any] = {}
        if not errors or not errors[-1].startswith("timeout"):
            for name, scorer in self.scorers.items():
                try:
                    scores.update(scorer(doc, findings))
                except Exception as exc:
                    errors.append(f"internal-error: scorer {name}: {type(exc).__name__}: {exc}")
                    _debug_traceback()
        if truncated:
            scores["truncated_at"] = limit
        return ArticleResult(article=article, lang=lang, findings=findings, scores=scores,
                             lang_detected=detected, errors=errors)

    # -- a stream ------------------------------------------------------------------------
    def audit_stream(self, records: Iterable[Record]) -> Iterator[Result]:
        """Audit every article of a record stream, in input order; input errors pass through."""
        for rec in records:
            if isinstance(rec, InputError):
                yield rec
            else:
                yield self.audit(rec)


class _BudgetExceeded(BaseException):
    """Raised (from a timer signal or between checks) when an article's time is up.
    A BaseException so that a check's own ``except Exception`` cannot swallow it."""


@contextmanager
def _deadline(seconds: float | None) -> Iterator[Callable[[], bool]]:
    """Enforce a time budget. In the main thread a real-time timer interrupts even a
    runaway regular expression; elsewhere (threads) the budget is checked between checks."""
    if not seconds or seconds <= 0:
        yield lambda: False
        return
    end = time.monotonic() + seconds

    def expired() -> bool:
        return time.monotonic() > end

    use_signal = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not use_signal:
        yield expired
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise _BudgetExceeded

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield expired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _replace_text(article: Article, text: str) -> Article:
    import dataclasses

    return dataclasses.replace(article, text=text)


def _debug_traceback() -> None:
    import os

    if os.environ.get("NEWSAUDIT_DEBUG"):
        traceback.print_exc(file=sys.stderr)


def worst_severity(results: Iterable[ArticleResult]) -> Severity | None:
    worst: Severity | None = None
    for r in results:
        for f in r.findings:
            s = Severity(f.severity)
            if worst is None or s.rank > worst.rank:
                worst = s
    return worst
