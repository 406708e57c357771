"""Run the selected checks and scorers over articles: the library API behind ``newsaudit check``.

>>> from audit.model import Article
>>> auditor = Auditor(select=["structure"])
>>> result = auditor.audit(Article(id="x", text="", lang="en"))
>>> [f.check for f in result.findings][:1]
['STR001']
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterable, Iterator
from typing import Any

from audit.check.base import Check, select_checks
from audit.check.langid import detect, normalize_lang
from audit.config import Config
from audit.lexicons import load as load_lexicon
from audit.model import Article, ArticleResult, Finding, InputError, Severity
from audit.text import Doc

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
    ) -> None:
        self.config = config or Config()
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
        from audit.score import article_scorers

        self.scorers = article_scorers()

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
        doc, lang, detected = self.make_doc(article)
        findings: list[Finding] = []
        errors: list[str] = []
        for check in self.checks:
            if check.languages and lang not in check.languages:
                continue
            try:
                findings.extend(check.run(doc))
            except Exception as exc:  # a bug in one check must not stop the batch
                errors.append(f"{check.code}: internal error {type(exc).__name__}: {exc}")
                _debug_traceback()
        findings.sort(key=lambda f: (f.field != "text", f.field, f.start, f.end, f.check))
        scores: dict[str, Any] = {}
        for name, scorer in self.scorers.items():
            try:
                scores.update(scorer(doc, findings))
            except Exception as exc:
                errors.append(f"scorer {name}: internal error {type(exc).__name__}: {exc}")
                _debug_traceback()
        result = ArticleResult(article=article, lang=lang, findings=findings, scores=scores, lang_detected=detected)
        if errors:
            result.scores["internal_errors"] = errors
        return result

    # -- a stream ------------------------------------------------------------------------
    def audit_stream(self, records: Iterable[Record]) -> Iterator[Result]:
        """Audit every article of a record stream, in input order; input errors pass through."""
        for rec in records:
            if isinstance(rec, InputError):
                yield rec
            else:
                yield self.audit(rec)


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
