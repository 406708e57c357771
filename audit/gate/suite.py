"""Read a gate suite (Great Expectations 1.x ``ExpectationSuite`` JSON) and refuse a partial one.

GX builds a suite from JSON by looking each expectation ``type`` up in its registry;
a type whose class was never imported (a custom expectation from a package that is
not installed, a typo) is *logged and dropped*, and the suite then validates without
it. A gate that passed on such a suite would report a pass on rules it never ran, so
:func:`load_suite` builds every expectation itself, names the first one GX cannot
build and raises :class:`~audit.gate.GateConfigError` (exit 3).

Each expectation gets a *level*:

* ``article`` (per-article: its failing rows are quarantined) — every column-map
  expectation (``expect_column_values_to_…``, pair and multicolumn map expectations);
* ``batch`` (decides the verdict) — every aggregate expectation (means, minimums,
  row counts…).

``"meta": {"newsaudit": {"level": "batch"}}`` makes a map expectation batch-level (e.g.
unique ids: fail the gate, quarantine nobody). ``meta.newsaudit.reason`` is the short
human label used in quarantine reasons and summaries.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.gate import GateConfigError

LEVELS = ("article", "batch")
_COLUMN_KEYS = ("column", "column_A", "column_B")
_COLUMN_LIST_KEYS = ("column_list", "column_set")


@dataclass
class SuiteItem:
    index: int
    type: str
    kwargs: dict[str, Any]
    meta: dict[str, Any]
    level: str
    severity: str  # critical | warning | info (GX 1.x failure severity)
    expectation: Any = None  # the GX Expectation object

    @property
    def column(self) -> str | None:
        col = self.kwargs.get("column")
        if col is None and "column_list" in self.kwargs:
            return ",".join(map(str, self.kwargs["column_list"]))
        if col is None and "column_A" in self.kwargs:
            return f"{self.kwargs['column_A']},{self.kwargs.get('column_B')}"
        return col

    @property
    def reason(self) -> str:
        raw = self.meta.get("newsaudit")
        na: dict[str, Any] = raw if isinstance(raw, dict) else {}
        label = na.get("reason") or self.meta.get("reason")
        return str(label) if label else f"{self.type}({self.column or ''})"

    def columns(self) -> set[str]:
        cols: set[str] = set()
        for k in _COLUMN_KEYS:
            if isinstance(self.kwargs.get(k), str):
                cols.add(self.kwargs[k])
        for k in _COLUMN_LIST_KEYS:
            v = self.kwargs.get(k)
            if isinstance(v, list):
                cols.update(x for x in v if isinstance(x, str))
        cols.update(_condition_columns(self.kwargs.get("row_condition")))
        return cols

    def describe(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "type": self.type,
            "column": self.column,
            "level": self.level,
            "severity": self.severity,
            "reason": self.reason,
            "kwargs": self.kwargs,
        }


@dataclass
class LoadedSuite:
    name: str
    path: str
    sha256: str
    items: list[SuiteItem] = field(default_factory=list)

    def level(self, level: str) -> list[SuiteItem]:
        return [i for i in self.items if i.level == level]

    def columns(self) -> set[str]:
        out: set[str] = set()
        for i in self.items:
            out |= i.columns()
        return out


def _condition_columns(cond: Any) -> set[str]:
    """Column names used by a serialised GX 1.x row condition (comparison/nullity/and/or)."""
    out: set[str] = set()
    if isinstance(cond, dict):
        col = cond.get("column")
        if isinstance(col, dict) and isinstance(col.get("name"), str):
            out.add(col["name"])
        for sub in cond.get("conditions", []) or []:
            out |= _condition_columns(sub)
    return out


def read_suite_json(path: str | Path) -> tuple[dict[str, Any], str]:
    """The suite file parsed and shape-checked (no GX needed). Returns ``(data, sha256)``."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise GateConfigError(f"suite {p}: cannot read ({exc.strerror or exc})") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise GateConfigError(f"suite {p}: not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise GateConfigError(f"suite {p}:{exc.lineno}:{exc.colno}: malformed JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise GateConfigError(f"suite {p}: expected a JSON object with 'name' and 'expectations'")
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise GateConfigError(f"suite {p}: 'name' must be a non-empty string")
    exps = data.get("expectations")
    if not isinstance(exps, list) or not exps:
        raise GateConfigError(f"suite {p}: 'expectations' must be a non-empty list")
    for i, e in enumerate(exps):
        where = f"suite {p}: expectations[{i}]"
        if not isinstance(e, dict):
            raise GateConfigError(f"{where}: expected an object with 'type' and 'kwargs'")
        if "expectation_type" in e and "type" not in e:
            raise GateConfigError(
                f"{where}: 'expectation_type' is the GX 0.x format; GX 1.x suites use 'type'"
            )
        if not isinstance(e.get("type"), str) or not e["type"]:
            raise GateConfigError(f"{where}: 'type' must be an expectation name like expect_column_values_to_be_null")
        if not isinstance(e.get("kwargs", {}), dict):
            raise GateConfigError(f"{where} ({e['type']}): 'kwargs' must be an object")
        if not isinstance(e.get("meta", {}) or {}, dict):
            raise GateConfigError(f"{where} ({e['type']}): 'meta' must be an object")
        na = (e.get("meta") or {}).get("newsaudit")
        if na is not None and not isinstance(na, dict):
            raise GateConfigError(f"{where} ({e['type']}): meta.newsaudit must be an object")
        if na and na.get("level") not in (None, *LEVELS):
            raise GateConfigError(f"{where} ({e['type']}): meta.newsaudit.level must be 'article' or 'batch'")
    return data, hashlib.sha256(raw).hexdigest()


@contextlib.contextmanager
def quiet_gx() -> Iterator[None]:
    """Run Great Expectations calls without its log records and warnings (its progress and
    deprecation chatter is not the user's business; errors still raise)."""
    gx_logger = logging.getLogger("great_expectations")
    old = gx_logger.level
    gx_logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        gx_logger.setLevel(old)


def import_gx() -> Any:
    """Import Great Expectations quietly (no analytics, no progress bars) and register
    newsaudit's expectation pack. Returns the ``great_expectations`` module."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import great_expectations as gx

        import audit.gate.expectations  # noqa: F401  (registers the pack)
    return gx


def load_suite(path: str | Path) -> LoadedSuite:
    """Read, check and build a suite; raise :class:`GateConfigError` rather than drop anything."""
    data, digest = read_suite_json(path)
    import_gx()
    from great_expectations.exceptions import ExpectationNotFoundError
    from great_expectations.expectations.expectation import (
        ColumnMapExpectation,
        ColumnPairMapExpectation,
        MulticolumnMapExpectation,
    )
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration
    from great_expectations.expectations.registry import get_expectation_impl

    suite = LoadedSuite(name=data["name"], path=str(path), sha256=digest)
    for i, e in enumerate(data["expectations"]):
        etype = e["type"]
        where = f"suite {path}: expectations[{i}] {etype}"
        try:
            impl = get_expectation_impl(etype)
        except ExpectationNotFoundError:
            raise GateConfigError(
                f"{where}: unknown expectation (not installed or not imported); GX would silently drop it, "
                "so the gate refuses to run a partial suite. newsaudit's own expectations are in "
                "audit.gate.expectations; see docs/gate.md"
            ) from None
        conf = {k: v for k, v in e.items() if k in ("type", "kwargs", "meta", "severity", "notes", "rendered_content")}
        conf.setdefault("kwargs", {})
        meta = dict(e.get("meta") or {})
        level_meta = (meta.get("newsaudit") or {}).get("level")
        try:
            with quiet_gx():
                exp = ExpectationConfiguration(**conf).to_domain_obj()
        except Exception as exc:  # pydantic validation errors, bad kwargs
            msg = " ".join(str(exc).split())
            raise GateConfigError(f"{where}: invalid configuration ({msg[:300]})") from None
        is_map = issubclass(impl, ColumnMapExpectation | ColumnPairMapExpectation | MulticolumnMapExpectation)
        level = level_meta or ("article" if is_map else "batch")
        if level == "article" and not is_map:
            raise GateConfigError(
                f"{where}: meta.newsaudit.level 'article' needs a per-row (column map) expectation"
            )
        sev = getattr(exp, "severity", None) or e.get("severity") or "critical"
        severity = str(getattr(sev, "value", sev)).lower()
        suite.items.append(SuiteItem(i, etype, dict(conf["kwargs"]), meta, level, severity, exp))
    _cross_check_with_gx(data, suite, path)
    return suite


def _cross_check_with_gx(data: dict[str, Any], suite: LoadedSuite, path: str | Path) -> None:
    """Belt and braces: let GX build the suite its own way and compare what it kept."""
    import great_expectations as gx

    try:
        with quiet_gx():
            built = gx.ExpectationSuite(
                name=data["name"],
                expectations=[{k: v for k, v in e.items() if k in ("type", "kwargs", "meta", "severity")}
                              for e in data["expectations"]],
            )
    except Exception as exc:
        raise GateConfigError(f"suite {path}: Great Expectations cannot build it ({exc})") from None
    kept = [e.expectation_type for e in built.expectations]
    wanted = [e["type"] for e in data["expectations"]]
    if kept != wanted:
        missing = [t for t in wanted if t not in kept] or wanted
        raise GateConfigError(
            f"suite {path}: Great Expectations dropped {', '.join(sorted(set(missing)))} while loading the suite; "
            "refusing to run a partial suite"
        )
