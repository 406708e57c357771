"""The score stage: numbers per article (and, in :mod:`audit.score.sources`, per source).

An *article scorer* is a function ``(doc, findings) -> dict`` registered with
:func:`article_scorer`; its keys land in the ``scores`` object of every result
(``check --format jsonl``). Scorers live one family per module in this package and,
like checks, import heavy libraries lazily.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from typing import Any

from audit.model import Finding
from audit.text import Doc

ArticleScorer = Callable[[Doc, list[Finding]], dict[str, Any]]

_SCORERS: dict[str, ArticleScorer] = {}
_REQUIRES: dict[str, tuple[str, ...]] = {}
_loaded = False


def article_scorer(name: str, *, requires: tuple[str, ...] = ()) -> Callable[[ArticleScorer], ArticleScorer]:
    """Register a scorer. ``requires`` names the categories whose checks it belongs to:
    the scorer runs only when at least one check of those categories is selected
    (``--select encoding`` does not pay for machine-translation scores). Empty: always."""

    def deco(fn: ArticleScorer) -> ArticleScorer:
        _SCORERS[name] = fn
        _REQUIRES[name] = tuple(requires)
        return fn

    return deco


def _load() -> None:
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__, prefix=__name__ + "."):
            importlib.import_module(info.name)
        _loaded = True


def article_scorers(categories: Iterable[str] | None = None) -> dict[str, ArticleScorer]:
    """The registered article scorers, by name (imports the scorer modules once);
    with ``categories``, only those whose required categories are among them."""
    _load()
    cats = None if categories is None else set(categories)
    return {
        name: fn
        for name, fn in sorted(_SCORERS.items())
        if cats is None or not _REQUIRES[name] or cats.intersection(_REQUIRES[name])
    }
