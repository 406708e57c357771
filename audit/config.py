"""Configuration: ``[tool.newsaudit]`` in ``pyproject.toml``, like ruff's ``[tool.ruff]``.

.. code-block:: toml

    [tool.newsaudit]
    select = ["ALL"]            # codes, prefixes, names, categories or groups
    ignore = ["ENC004"]
    max-article-chars = 2000000 # longer texts are audited on their first N chars
    time-budget = 10            # seconds per article; a slower article is a "timeout"
    max-articles = 0            # refuse larger inputs (0 = no limit)

    [tool.newsaudit.checks.MT003]
    min-run = 2                 # per-check thresholds: the check's constructor options
    severity = "error"          # any check's severity can be overridden

Command-line ``--select``/``--ignore`` replace the file's lists.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file and key."""


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    check_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    max_article_chars: int = 2_000_000
    #: seconds one article may take before it is reported as a timeout (0 = unlimited)
    time_budget: float = 10.0
    #: refuse inputs with more records than this (0 = unlimited): a safety cap for gates
    max_articles: int = 0
    path: Path | None = None

    def options_for(self, code: str) -> dict[str, Any]:
        raw = self.check_options.get(code, {})
        return {k.replace("-", "_"): v for k, v in raw.items()}


def find_pyproject(start: Path | None = None) -> Path | None:
    """The nearest ``pyproject.toml`` with a ``[tool.newsaudit]`` table, upward from ``start``."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        p = d / "pyproject.toml"
        if p.is_file():
            try:
                data = tomllib.loads(p.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError):
                continue
            if "newsaudit" in data.get("tool", {}):
                return p
    return None


def load_config(path: Path | None = None, *, discover: bool = True) -> Config:
    """Read ``[tool.newsaudit]`` from ``path`` (or the nearest pyproject.toml)."""
    if path is None and discover:
        path = find_pyproject()
    if path is None:
        return Config()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from exc
    table = data.get("tool", {}).get("newsaudit", data if "select" in data else {})
    return config_from_table(table, Path(path))


def config_from_table(table: dict[str, Any], path: Path | None = None) -> Config:
    where = f"{path}: [tool.newsaudit]" if path else "[tool.newsaudit]"

    def str_list(key: str) -> list[str]:
        v = table.get(key, [])
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise ConfigError(f"{where}.{key} must be a list of strings")
        return list(v)

    checks = table.get("checks", {})
    if not isinstance(checks, dict) or not all(isinstance(v, dict) for v in checks.values()):
        raise ConfigError(f"{where}.checks must be tables like [tool.newsaudit.checks.ENC001]")
    known = {"select", "ignore", "checks", "max-article-chars", "time-budget", "max-articles"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}")
    max_chars = table.get("max-article-chars", 2_000_000)
    if not isinstance(max_chars, int) or max_chars <= 0:
        raise ConfigError(f"{where}.max-article-chars must be a positive integer")
    budget = table.get("time-budget", 10.0)
    if isinstance(budget, bool) or not isinstance(budget, (int, float)) or budget < 0:
        raise ConfigError(f"{where}.time-budget must be a number of seconds (0 = unlimited)")
    max_articles = table.get("max-articles", 0)
    if isinstance(max_articles, bool) or not isinstance(max_articles, int) or max_articles < 0:
        raise ConfigError(f"{where}.max-articles must be a whole number (0 = unlimited)")
    return Config(
        select=str_list("select"),
        ignore=str_list("ignore"),
        check_options={k.upper(): dict(v) for k, v in checks.items()},
        max_article_chars=max_chars,
        time_budget=float(budget),
        max_articles=max_articles,
        path=path,
    )
