"""The feature frame: one row of numbers per input record, the table a gate suite validates.

Every column is derived from the check stage (findings and scores), never from the
text itself, so the frame is small (a few hundred bytes per article) and the texts
need not be held in memory. The columns are stable: the counts and severities
exist for every :class:`~audit.model.Category` whether or not a check of that
category ran, so a suite written today keeps working when checks are added.

>>> from audit.model import Article, ArticleResult, Finding
>>> a = Article(id="a1", text="Caf\u00c3\u00a9 au lait, said the chef.", source="s", author="Ann")
>>> f = Finding.at(a.text, 0, 5, check="ENC001", category="encoding", severity="error", message="m")
>>> row = feature_row(ArticleResult(article=a, lang="en", findings=[f], scores={"mt_score": 0.1}))
>>> row["n_error_encoding"], row["max_severity_encoding"], row["max_severity_spam_bio"], row["mt_score"]
(1, 3, 0, 0.1)
>>> row["has_author"], row["n_words"], row["input_error"]
(True, 6, None)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from audit.model import ArticleResult, Category, InputError, Severity
from audit.text import WORD_RE

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: severity rank in the ``max_severity_*`` columns: 0 = no finding of that category.
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
SEVERITIES = tuple(s.value for s in Severity)  # info, warning, error
CATEGORIES = tuple(c.value for c in Category)


def slug(category: str) -> str:
    """``machine-translation`` -> ``machine_translation`` (a valid column fragment)."""
    return category.replace("-", "_")


def count_column(severity: str, category: str) -> str:
    return f"n_{severity}_{slug(category)}"


def max_column(category: str) -> str:
    return f"max_severity_{slug(category)}"


#: identity and bookkeeping columns (strings or null)
ID_COLUMNS = ("id", "source", "lang", "origin", "input_error", "audit_error")
#: the fixed numeric columns, present in every frame
FIXED_NUMERIC = (
    "n_words",
    "n_chars",
    "n_findings",
    "n_fixable",
    *(f"n_{s}" for s in SEVERITIES),
    "max_severity",
    *(count_column(s, c) for c in CATEGORIES for s in SEVERITIES),
    *(max_column(c) for c in CATEGORIES),
)
FIXED_BOOL = ("has_author", "has_title")
FIXED_COLUMNS = (*ID_COLUMNS, *FIXED_NUMERIC, *FIXED_BOOL)

#: documented article scores (docs/architecture.md). A score column exists in a frame
#: when some article of the batch carries it; these are also added to an empty frame.
DOCUMENTED_SCORES = (
    "mt_score",
    "attribution_density",
    "named_sources",
    "anonymous_share",
    "quote_count",
    "readability",
)
#: columns the gate adds: the per-source reliability joined on ``source`` and, after the
#: per-article expectations, the quarantine flag (0/1) for batch-level rules.
SOURCE_COLUMNS = ("source_reliability", "source_reliability_low", "source_reliability_high", "source_articles")
QUARANTINED = "quarantined"

# which findings explain a failing column (for the quarantine reasons)
_CATEGORY_OF_SCORE = {
    "mt_score": Category.MACHINE_TRANSLATION.value,
    "attribution_density": Category.ATTRIBUTION.value,
    "named_sources": Category.ATTRIBUTION.value,
    "anonymous_share": Category.ATTRIBUTION.value,
    "quote_count": Category.ATTRIBUTION.value,
}


def _words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


def empty_row() -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ID_COLUMNS)
    row.update(dict.fromkeys(FIXED_NUMERIC, 0))
    row.update(dict.fromkeys(FIXED_BOOL, False))
    return row


def feature_row(result: ArticleResult) -> dict[str, Any]:
    """The feature row of one audited article (numbers, flags and scores; no text)."""
    art = result.article
    row = empty_row()
    row["id"] = art.id
    row["source"] = art.source
    row["lang"] = result.lang
    row["origin"] = str(art.origin) if art.origin else None
    errors = list(getattr(result, "errors", None) or [])
    internal = result.scores.get("internal_errors") if isinstance(result.scores, dict) else None
    if internal:
        errors.extend(str(e) for e in internal)
    row["audit_error"] = "; ".join(errors) if errors else None
    row["n_words"] = _words(art.text)
    row["n_chars"] = len(art.text)
    row["has_author"] = bool(art.author and str(art.author).strip())
    row["has_title"] = bool(art.title and str(art.title).strip())
    worst = 0
    for f in result.findings:
        sev = f.severity if f.severity in SEVERITY_RANK else "warning"
        cat = f.category if f.category in CATEGORIES else None
        row["n_findings"] += 1
        row[f"n_{sev}"] += 1
        if f.replacement is not None:
            row["n_fixable"] += 1
        rank = SEVERITY_RANK[sev]
        worst = max(worst, rank)
        if cat is not None:
            row[count_column(sev, cat)] += 1
            mc = max_column(cat)
            row[mc] = max(row[mc], rank)
    row["max_severity"] = worst
    for key, value in result.scores.items():
        if key in row or key == "internal_errors":
            continue
        if value is None or isinstance(value, bool | int | float | str):
            row[key] = value
    return row


def input_error_row(err: InputError) -> dict[str, Any]:
    row = empty_row()
    row["id"] = f"{err.origin}"
    row["origin"] = str(err.origin)
    row["input_error"] = err.message or "unreadable record"
    return row


def findings_for_column(column: str, findings: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings (as dicts) that explain a value of ``column``: the findings of the
    column's category (and severity, for ``n_<severity>_<category>``)."""
    fs = list(findings)
    for cat in CATEGORIES:
        if column == max_column(cat):
            return [f for f in fs if f.get("category") == cat]
        for sev in SEVERITIES:
            if column == count_column(sev, cat):
                return [f for f in fs if f.get("category") == cat and f.get("severity") == sev]
    for sev in SEVERITIES:
        if column == f"n_{sev}":
            return [f for f in fs if f.get("severity") == sev]
    if column in ("n_findings", "max_severity"):
        return fs
    if column == "n_fixable":
        return [f for f in fs if "replacement" in f]
    score_cat = _CATEGORY_OF_SCORE.get(column)
    if score_cat is not None:
        return [f for f in fs if f.get("category") == score_cat]
    if column.startswith("repetition_"):
        return [f for f in fs if f.get("category") == Category.DUPLICATION.value]
    return []


def to_frame(chunks: list[pd.DataFrame], score_columns: Iterable[str], *, empty_scores: bool) -> pd.DataFrame:
    """Concatenate the chunk frames and give every frame the same column set."""
    import pandas as pd

    if chunks:
        df = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0].reset_index(drop=True)
    else:
        df = pd.DataFrame({c: pd.Series(dtype="object") for c in FIXED_COLUMNS})
    extra = list(score_columns)
    if empty_scores:
        extra += [s for s in DOCUMENTED_SCORES if s not in extra]
    for col in (*FIXED_COLUMNS, *extra):
        if col not in df.columns:
            df[col] = None
    for col in FIXED_NUMERIC:
        df[col] = df[col].fillna(0).astype("int64")
    for col in FIXED_BOOL:
        df[col] = df[col].fillna(False).astype(bool)
    for col in extra:
        if col in df.columns and df[col].dtype == object:
            conv = pd.to_numeric(df[col], errors="coerce")
            if conv.notna().sum() == df[col].notna().sum():
                df[col] = conv.astype("float64")
    return df


def chunk_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(rows)
