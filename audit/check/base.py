"""The check framework: one rule per module, a stable code, documented by example.

Modelled on sqlfluff's rules: every check is a subclass of :class:`Check` living in
its own module under ``audit/check/rules/<family>/``, registered with
:func:`register`. A check declares

* ``code`` – stable id such as ``ENC001`` (never reused, never renumbered);
* ``name`` – a short kebab-case name such as ``mojibake``;
* ``category`` – one of :class:`audit.model.Category`;
* ``severity`` – the default severity of its findings;
* ``groups`` – extra selection groups (the category is always one);
* a docstring with a one-line summary, then an ``**Anti-pattern**`` section holding a
  flagged example and a ``**Best practice**`` section holding a clean example, each as
  an indented literal block after ``::`` (the docs page and the example tests are
  generated from them);
* thresholds as keyword arguments of ``__init__`` (configurable per check in
  ``[tool.newsaudit.checks.CODE]``), with a comment saying where each default comes from.

A check's :meth:`Check.run` takes a :class:`audit.text.Doc` and yields
:class:`audit.model.Finding` objects, built with :meth:`Check.finding` so that the
evidence always equals the text at the span.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, TypedDict

from audit.model import Article, Category, Finding, Severity
from audit.text import Doc

_CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")


class ExampleFields(TypedDict, total=False):
    """The article metadata a check's documented examples may be audited with."""

    title: str
    author: str
    source: str
    url: str
    lang: str
    published: str


class Check:
    """Base class of every check. Subclasses override :meth:`run`."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.WARNING
    groups: ClassVar[tuple[str, ...]] = ()
    #: True when the check offers replacements that ``--fix`` may apply
    fixable: ClassVar[bool] = False
    #: languages the check supports; empty means language-independent
    languages: ClassVar[tuple[str, ...]] = ()
    #: article fields (``lang``, ``title``, ``author``…) the documented examples are audited
    #: with, for checks whose finding depends on metadata (e.g. a declared language)
    example_fields: ClassVar[ExampleFields] = {}
    #: True when the documented examples spell characters no source file can hold (lone
    #: surrogates) as ``\\uXXXX``: the example article gets the code points themselves
    example_escapes: ClassVar[bool] = False

    def __init__(self, severity: str | None = None, **options: Any) -> None:
        if options:
            unknown = ", ".join(sorted(options))
            raise TypeError(f"{self.code}: unknown option(s) {unknown}")
        self.effective_severity = Severity(severity) if severity else self.severity

    # -- the one method a check implements --------------------------------------------
    def run(self, doc: Doc) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- helpers ----------------------------------------------------------------------
    def finding(
        self,
        doc: Doc,
        start: int,
        end: int,
        message: str,
        *,
        severity: Severity | str | None = None,
        replacement: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> Finding:
        return Finding.at(
            doc.text,
            start,
            end,
            check=self.code,
            category=self.category,
            severity=str(severity or self.effective_severity),
            message=message,
            replacement=replacement,
            data=data,
        )

    def field_finding(
        self,
        field_name: str,
        value: str,
        start: int,
        end: int,
        message: str,
        *,
        severity: Severity | str | None = None,
        replacement: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding whose span indexes another article field (``author``, ``title``…)."""
        return Finding.at(
            value,
            start,
            end,
            check=self.code,
            category=self.category,
            severity=str(severity or self.effective_severity),
            message=message,
            replacement=replacement,
            field=field_name,
            data=data,
        )

    # -- documentation ----------------------------------------------------------------
    @classmethod
    def doc(cls) -> CheckDoc:
        return CheckDoc.from_check(cls)

    @classmethod
    def options(cls) -> dict[str, Any]:
        """The configurable thresholds and their defaults."""
        sig = inspect.signature(cls.__init__)
        return {
            p.name: p.default
            for p in sig.parameters.values()
            if p.name not in ("self", "severity", "options")
            and p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
        }


@dataclass(frozen=True)
class CheckDoc:
    code: str
    name: str
    category: str
    severity: str
    groups: tuple[str, ...]
    summary: str
    description: str
    anti_pattern: str
    best_practice: str
    options: dict[str, Any]
    fixable: bool

    @classmethod
    def from_check(cls, check: type[Check]) -> CheckDoc:
        raw = inspect.getdoc(check) or ""
        summary, _, rest = raw.partition("\n")
        sections = _split_sections(rest)
        return cls(
            code=check.code,
            name=check.name,
            category=str(check.category),
            severity=str(check.severity),
            groups=check.groups,
            summary=summary.strip(),
            description=sections.get("", "").strip(),
            anti_pattern=_literal_block(sections.get("anti-pattern", "")),
            best_practice=_literal_block(sections.get("best practice", "")),
            options=check.options(),
            fixable=check.fixable,
        )


_SECTION_RE = re.compile(r"^\*\*(Anti-pattern|Best practice)\*\*\s*$", re.MULTILINE | re.IGNORECASE)


def _split_sections(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    parts = _SECTION_RE.split(text)
    out[""] = parts[0]
    for i in range(1, len(parts) - 1, 2):
        out[parts[i].lower()] = parts[i + 1]
    return out


def _literal_block(section: str) -> str:
    """The first ``::`` indented literal block of a docstring section, dedented."""
    lines = section.splitlines()
    for i, line in enumerate(lines):
        if line.rstrip().endswith("::"):
            block: list[str] = []
            for ln in lines[i + 1 :]:
                if ln.strip() and not ln.startswith((" ", "\t")):
                    break
                block.append(ln)
            return textwrap.dedent("\n".join(block)).strip("\n")
    return ""


# -- registry ------------------------------------------------------------------------
_REGISTRY: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: add a check to the registry (codes are unique and stable)."""
    if not _CODE_RE.match(cls.code):
        raise ValueError(f"bad check code {cls.code!r} on {cls.__name__}")
    if not cls.name:
        raise ValueError(f"check {cls.code} has no name")
    Category(cls.category)  # validates
    other = _REGISTRY.get(cls.code)
    if other is not None and other.__qualname__ != cls.__qualname__:
        raise ValueError(f"check code {cls.code} used by {other.__name__} and {cls.__name__}")
    _REGISTRY[cls.code] = cls
    return cls


def registry() -> dict[str, type[Check]]:
    """Every registered check, by code, in code order (imports all rule modules once)."""
    from audit.check import rules

    rules.load_all()
    return dict(sorted(_REGISTRY.items()))


def select_checks(
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[type[Check]]:
    """Pick checks like ruff: ``select``/``ignore`` take codes, code prefixes
    (``ENC``, ``MT0``), names, categories or groups. An empty ``select`` means all."""
    all_checks = registry()
    sel = [s.strip() for s in select if s.strip()]
    ign = [s.strip() for s in ignore if s.strip()]
    for token in (*sel, *ign):
        if not any(_matches(c, token) for c in all_checks.values()):
            raise UnknownSelector(token)
    chosen = [c for c in all_checks.values() if not sel or any(_matches(c, t) for t in sel)]
    return [c for c in chosen if not any(_matches(c, t) for t in ign)]


class UnknownSelector(ValueError):
    def __init__(self, token: str) -> None:
        super().__init__(
            f"no check matches {token!r} (give a code like ENC001, a prefix like ENC, "
            "a check name, a category or a group; `newsaudit checks` lists them)"
        )
        self.token = token


def _matches(check: type[Check], token: str) -> bool:
    t = token.strip()
    if not t:
        return False
    if t.upper() == "ALL":
        return True
    if t[:1].isalpha() and check.code.startswith(t.upper()):
        return True
    tl = t.lower()
    return tl in (check.name, str(check.category)) or tl in check.groups


_UESCAPE_RE = re.compile(r"\\u([0-9a-fA-F]{4})")


def example_article(check: type[Check], which: str) -> Article:
    """The article a check's documented example (``"flagged"`` or ``"clean"``) stands for."""
    d = check.doc()
    text = d.anti_pattern if which == "flagged" else d.best_practice
    if check.example_escapes:
        text = _UESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return Article(id=f"{check.code}-{which}-example", text=text, **check.example_fields)
