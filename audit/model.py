"""The data model every stage shares: articles in, findings and scores out.

Data flows ``load -> check -> score -> gate -> report``. Each stage speaks in the
types defined here, so that a loader, a check, a scorer, the gate and the report
never need to know about each other.

>>> a = Article(id="a1", text="Ala ma kota.")
>>> f = Finding.at(a.text, 0, 3, check="XXX000", category="structure",
...                severity="info", message="example")
>>> (f.start, f.end, f.evidence)
(0, 3, 'Ala')
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a finding is. Ordered: ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(StrEnum):
    """The fixed vocabulary every check maps to (issue #2). Never extend casually:
    suites, reports and downstream consumers key on these strings."""

    ENCODING = "encoding"
    MACHINE_TRANSLATION = "machine-translation"
    SPAM_BIO = "spam-bio"
    UNRELATED_LINKS = "unrelated-links"
    BOILERPLATE = "boilerplate"
    DUPLICATION = "duplication"
    LANGUAGE = "language"
    ATTRIBUTION = "attribution"
    STRUCTURE = "structure"


#: The canonical article fields. Anything else a loader finds goes to ``Article.extra``.
CANONICAL_FIELDS = ("id", "text", "title", "author", "source", "url", "lang", "published")


@dataclass(slots=True)
class Origin:
    """Where a record came from, for messages like ``feed.jsonl:812``."""

    path: str
    line: int | None = None  # 1-based line for line-oriented formats
    index: int = 0  # 0-based position of the record in the whole input stream

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(slots=True)
class Article:
    """One canonical news article. ``text`` is never ``None`` (may be empty)."""

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    published: str | None = None
    extra: dict[str, Any] = dc_field(default_factory=dict)
    origin: Origin | None = None

    def to_record(self) -> dict[str, Any]:
        """The article as a flat record: canonical fields first, extras kept untouched."""
        rec: dict[str, Any] = {k: getattr(self, k) for k in CANONICAL_FIELDS}
        rec = {k: v for k, v in rec.items() if v is not None or k in ("id", "text")}
        for k, v in self.extra.items():
            rec.setdefault(k, v)
        return rec


@dataclass(slots=True)
class InputError:
    """A record that could not be read. It is an output too: nothing is lost."""

    origin: Origin
    message: str
    raw: str | None = None  # the raw line or a prefix of it, when there is one
    fatal: bool = False  # the whole file could not be read (vs. one record)

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(slots=True)
class Finding:
    """One explainable problem (or, for ``info``, one observation) in one article.

    ``start``/``end`` are character offsets into the *original* text (Python ``str``
    indices, i.e. code points), ``evidence == text[start:end]`` always holds.
    ``replacement`` is set when the check knows the repaired text for the span
    (``""`` means the span should be removed).
    """

    check: str
    category: str
    severity: str
    start: int
    end: int
    evidence: str
    message: str
    replacement: str | None = None
    field: str = "text"  # which article field the span indexes (text, title, author…)
    data: dict[str, Any] = dc_field(default_factory=dict)

    @classmethod
    def at(
        cls,
        text: str,
        start: int,
        end: int,
        *,
        check: str,
        category: str,
        severity: str,
        message: str,
        replacement: str | None = None,
        field: str = "text",
        data: dict[str, Any] | None = None,
    ) -> Finding:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} outside text of length {len(text)}")
        return cls(
            check=check,
            category=str(category),
            severity=str(severity),
            start=start,
            end=end,
            evidence=text[start:end],
            message=message,
            replacement=replacement,
            field=field,
            data=dict(data or {}),
        )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "check": self.check,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "message": self.message,
        }
        if self.field != "text":
            d["field"] = self.field
        if self.replacement is not None:
            d["replacement"] = self.replacement
        if self.data:
            d["data"] = self.data
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        return cls(
            check=d["check"],
            category=d["category"],
            severity=d["severity"],
            start=int(d["start"]),
            end=int(d["end"]),
            evidence=d["evidence"],
            message=d["message"],
            replacement=d.get("replacement"),
            field=d.get("field", "text"),
            data=dict(d.get("data") or {}),
        )


@dataclass(slots=True)
class ArticleResult:
    """What the check stage produced for one article."""

    article: Article
    lang: str | None
    findings: list[Finding] = dc_field(default_factory=list)
    scores: dict[str, Any] = dc_field(default_factory=dict)
    lang_detected: bool = False  # True when ``lang`` was identified, not declared
    #: problems auditing this article that are not findings about its text:
    #: ``"timeout"`` (the per-article time budget ran out) or ``"internal-error: …"``.
    #: An article with errors was not fully audited; the gate quarantines it.
    errors: list[str] = dc_field(default_factory=list)
    #: the compact per-source aggregation row (``audit.score.sources.row_from_result``),
    #: computed in the worker that audited the article when asked for; never serialised
    source_row: dict[str, Any] | None = None

    @property
    def worst(self) -> str | None:
        if not self.findings:
            return None
        return max(self.findings, key=lambda f: Severity(f.severity).rank).severity

    def has_errors(self) -> bool:
        return any(f.severity == Severity.ERROR for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """The ``check --format jsonl`` object for this article."""
        d: dict[str, Any] = {
            "id": self.article.id,
            "source": self.article.source,
            "lang": self.lang,
            "findings": [f.to_dict() for f in self.findings],
            "scores": self.scores,
        }
        if self.errors:
            d["errors"] = list(self.errors)
        return d
