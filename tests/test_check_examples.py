"""Every check documents a flagged and a clean example; both are executed here.

Like sqlfluff's rule docs and Vale's fixtures: the docs page is generated from the same
examples, so a documented example that stops working fails the suite.
"""

from __future__ import annotations

import pytest

from audit.check.base import example_article, registry
from audit.check.engine import Auditor

CHECKS = sorted(registry())


@pytest.mark.parametrize("code", CHECKS)
def test_check_is_documented(code: str) -> None:
    d = registry()[code].doc()
    assert d.summary, f"{code} has no one-line summary"
    assert d.anti_pattern, f"{code} documents no flagged example (**Anti-pattern** + '::' block)"
    assert d.best_practice, f"{code} documents no clean example (**Best practice** + '::' block)"


@pytest.mark.parametrize("code", CHECKS)
def test_flagged_example_is_flagged(code: str) -> None:
    article = example_article(registry()[code], "flagged")
    example = article.text
    result = Auditor(select=[code]).audit(article)
    hits = [f for f in result.findings if f.check == code]
    assert hits, f"{code}: its own flagged example raises nothing"
    for f in hits:
        value = example if f.field == "text" else getattr(article, f.field)
        assert value[f.start : f.end] == f.evidence


@pytest.mark.parametrize("code", CHECKS)
def test_clean_example_is_clean(code: str) -> None:
    article = example_article(registry()[code], "clean")
    result = Auditor(select=[code]).audit(article)
    hits = [f for f in result.findings if f.check == code and f.severity != "info"]
    assert not hits, f"{code}: its own clean example is flagged: {[h.evidence for h in hits]}"
