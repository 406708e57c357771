"""The score stage: numbers per article (and, in :mod:`audit.score.sources`, per source).

An *article scorer* is a function ``(doc, findings) -> dict`` registered with
:func:`article_scorer`; its keys land in the ``scores`` object of every result
(``check --format jsonl``). Scorers live one family per module in this package and,
like checks, import heavy libraries lazily.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from audit.model import Finding
from audit.text import Doc

ArticleScorer = Callable[[Doc, list[Finding]], dict[str, Any]]

_SCORERS: dict[str, ArticleScorer] = {}
_loaded = False


def article_scorer(name: str) -> Callable[[ArticleScorer], ArticleScorer]:
    def deco(fn: ArticleScorer) -> ArticleScorer:
        _SCORERS[name] = fn
        return fn

    return deco


def article_scorers() -> dict[str, ArticleScorer]:
    """Every registered article scorer, by name (imports the scorer modules once)."""
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__, prefix=__name__ + "."):
            importlib.import_module(info.name)
        _loaded = True
    return dict(sorted(_SCORERS.items()))
