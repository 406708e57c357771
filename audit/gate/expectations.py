"""newsaudit's checks as Great Expectations 1.x expectations, for your own GX suites.

Import this module and the expectations below are registered with GX, so a suite
(Python or JSON) can use them on any text column of any pandas batch::

    import great_expectations as gx
    import audit.gate.expectations as nx

    suite = gx.ExpectationSuite(name="articles")
    suite.add_expectation(nx.ExpectColumnValuesToBeFreeOfMojibake(column="body"))
    suite.add_expectation(nx.ExpectColumnValuesToHaveNoSpamBio(column="body", mostly=0.99))
    suite.add_expectation(nx.ExpectColumnValuesToHaveAttributionDensityAbove(
        column="body", min_value=0.05, min_words=250))

or, in suite JSON, ``{"type": "expect_column_values_to_be_free_of_mojibake",
"kwargs": {"column": "body"}}``. **The import is required**: GX silently drops an
expectation whose class was never imported when it loads a suite (``newsaudit gate``
detects that and refuses to run).

Each expectation runs the newsaudit checks of one category over each value (a row
is *unexpected* when a finding of at least ``min_severity`` is found), so it costs
what ``newsaudit check --select <category>`` costs. ``lang`` (optional) fixes the
language of every value; otherwise it is detected per value.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, ClassVar

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import ColumnMapExpectation
from great_expectations.expectations.metrics import ColumnMapMetricProvider, column_condition_partial

_SEV_RANK = {"info": 0, "warning": 1, "error": 2}


@lru_cache(maxsize=32)
def _auditor(select: tuple[str, ...], ignore: tuple[str, ...]) -> Any:
    from audit.check.engine import Auditor

    return Auditor(select=list(select), ignore=list(ignore), time_budget=None)


def _audit_value(value: Any, select: tuple[str, ...], ignore: tuple[str, ...], lang: str | None) -> Any:
    from audit.model import Article

    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return _auditor(select, ignore).audit(Article(id="value", text=text, lang=lang))


def _clean(column: Any, select: tuple[str, ...], ignore: tuple[str, ...], min_severity: str, lang: str | None) -> Any:
    if min_severity not in _SEV_RANK:
        raise ValueError(f"min_severity must be info, warning or error, not {min_severity!r}")
    floor = _SEV_RANK[min_severity]

    def ok(value: Any) -> bool:
        res = _audit_value(value, select, ignore, lang)
        return not any(_SEV_RANK.get(f.severity, 1) >= floor for f in res.findings)

    return column.map(ok).astype(bool)


def _as_tuple(v: Any) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return tuple(x.strip() for x in v.split(",") if x.strip())
    return tuple(str(x) for x in v)


# -- metrics ------------------------------------------------------------------------------
class ColumnValuesPassNewsauditChecks(ColumnMapMetricProvider):
    """True for each value on which the selected newsaudit checks find nothing of at
    least ``min_severity``."""

    condition_metric_name = "column_values.newsaudit_checks_pass"
    condition_value_keys = ("select", "ignore", "min_severity", "lang")

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column, select=None, ignore=None, min_severity="error", lang=None, **kwargs):
        return _clean(column, _as_tuple(select), _as_tuple(ignore), min_severity, lang)


class ColumnValuesAttributionDensityAbove(ColumnMapMetricProvider):
    """True for each value whose ``attribution_density`` score is at least ``min_value``
    (values shorter than ``min_words`` words are not judged)."""

    condition_metric_name = "column_values.newsaudit_attribution_density_above"
    condition_value_keys = ("min_value", "min_words", "lang")

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column, min_value=0.0, min_words=0, lang=None, **kwargs):
        def ok(value: Any) -> bool:
            res = _audit_value(value, ("attribution",), (), lang)
            from audit.text import WORD_RE

            text = res.article.text
            if min_words and sum(1 for _ in WORD_RE.finditer(text)) < min_words:
                return True
            density = res.scores.get("attribution_density")
            if density is None:
                if "attribution_density" not in res.scores:
                    raise RuntimeError(
                        "no attribution_density score: the attribution scorer is not installed in newsaudit"
                    )
                return True
            return float(density) >= float(min_value)

        return column.map(ok).astype(bool)


def _category_metric(category: str) -> str:
    """Define (once) the map metric "no finding of ``category``" and return its name."""
    name = f"column_values.newsaudit_no_{category.replace('-', '_')}"

    def _pandas(cls, column, min_severity="error", lang=None, **kwargs):
        return _clean(column, (category,), (), min_severity, lang)

    type(
        f"ColumnValuesNewsauditNo{category.title().replace('-', '')}",
        (ColumnMapMetricProvider,),
        {
            "__doc__": f"True for each value with no {category} finding of at least min_severity.",
            "condition_metric_name": name,
            "condition_value_keys": ("min_severity", "lang"),
            "_pandas": column_condition_partial(engine=PandasExecutionEngine)(_pandas),
        },
    )
    return name


_LIBRARY_METADATA: dict[str, Any] = {
    "maturity": "experimental",
    "tags": ["newsaudit", "text", "news"],
    "contributors": ["newsaudit"],
}


# -- expectations ---------------------------------------------------------------------------
class _NewsauditCategoryExpectation(ColumnMapExpectation):
    """Base: no finding of ``min_severity`` or worse from the checks of one category."""

    min_severity: str = "error"
    lang: str | None = None
    success_keys = ("min_severity", "lang", "mostly")
    library_metadata: ClassVar[dict[str, Any]] = _LIBRARY_METADATA

    @classmethod
    def is_abstract(cls) -> bool:
        return cls.__name__ == "_NewsauditCategoryExpectation"


class ExpectColumnValuesToBeFreeOfMojibake(_NewsauditCategoryExpectation):
    """Expect each text to be free of broken encoding (mojibake, replacement characters,
    stray control characters): newsaudit's ``encoding`` checks."""

    map_metric = _category_metric("encoding")


class ExpectColumnValuesToHaveNoSpamBio(_NewsauditCategoryExpectation):
    """Expect each text to carry no template author bio ("Proud organizer. Alcohol ninja.
    …"): newsaudit's ``spam-bio`` checks."""

    map_metric = _category_metric("spam-bio")


class ExpectColumnValuesToHaveNoUnrelatedLinks(_NewsauditCategoryExpectation):
    """Expect each text to end without a block of unrelated headlines ("More stories"):
    newsaudit's ``unrelated-links`` checks."""

    map_metric = _category_metric("unrelated-links")


class ExpectColumnValuesToHaveNoMachineTranslationGarble(_NewsauditCategoryExpectation):
    """Expect each text to show no machine-translation damage (fused duplicate
    translations, calqued bylines, broken sentences): newsaudit's ``machine-translation`` checks."""

    map_metric = _category_metric("machine-translation")


class ExpectColumnValuesToHaveNoBoilerplate(_NewsauditCategoryExpectation):
    """Expect each text to hold no scraped page furniture (captions, calls to action,
    repeated title): newsaudit's ``boilerplate`` checks."""

    map_metric = _category_metric("boilerplate")


class ExpectColumnValuesToPassNewsauditChecks(ColumnMapExpectation):
    """Expect each text to pass the selected newsaudit checks (``select``/``ignore`` take
    codes, prefixes, names or categories, as on the command line)."""

    map_metric = "column_values.newsaudit_checks_pass"
    select: list[str] | str | None = None
    ignore: list[str] | str | None = None
    min_severity: str = "error"
    lang: str | None = None
    success_keys = ("select", "ignore", "min_severity", "lang", "mostly")
    library_metadata: ClassVar[dict[str, Any]] = _LIBRARY_METADATA


class ExpectColumnValuesToHaveAttributionDensityAbove(ColumnMapExpectation):
    """Expect each news-length text (at least ``min_words`` words) to attribute at least
    ``min_value`` of its sentences to a source (newsaudit's ``attribution_density``)."""

    map_metric = "column_values.newsaudit_attribution_density_above"
    min_value: float = 0.0
    min_words: int = 0
    lang: str | None = None
    success_keys = ("min_value", "min_words", "lang", "mostly")
    library_metadata: ClassVar[dict[str, Any]] = _LIBRARY_METADATA


#: the pack, by snake_case type name (what a suite JSON names)
PACK = {
    "expect_column_values_to_be_free_of_mojibake": ExpectColumnValuesToBeFreeOfMojibake,
    "expect_column_values_to_have_no_spam_bio": ExpectColumnValuesToHaveNoSpamBio,
    "expect_column_values_to_have_no_unrelated_links": ExpectColumnValuesToHaveNoUnrelatedLinks,
    "expect_column_values_to_have_no_machine_translation_garble": ExpectColumnValuesToHaveNoMachineTranslationGarble,
    "expect_column_values_to_have_no_boilerplate": ExpectColumnValuesToHaveNoBoilerplate,
    "expect_column_values_to_pass_newsaudit_checks": ExpectColumnValuesToPassNewsauditChecks,
    "expect_column_values_to_have_attribution_density_above": ExpectColumnValuesToHaveAttributionDensityAbove,
}
