"""Render check documentation (``newsaudit checks``, ``docs/checks.md``) from the checks themselves."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from audit.check.base import Check
from audit.jsonl import escape_surrogates


def render_text(checks: Sequence[type[Check]], *, full: bool = False) -> str:
    if not full:
        rows = [f"{c.code:<8} {c.name:<32} {c.category!s:<20} {c.severity!s:<8}{' fix' if c.fixable else ''}"
                for c in checks]
        return "\n".join([f"{'CODE':<8} {'NAME':<32} {'CATEGORY':<20} SEVERITY", *rows, f"\n{len(checks)} checks. `newsaudit checks CODE` shows one."])
    parts = []
    for c in checks:
        d = c.doc()
        lines = [f"{d.code} {d.name}", f"  category: {d.category}   severity: {d.severity}"
                 + (f"   groups: {', '.join(d.groups)}" if d.groups else "") + ("   fixable" if d.fixable else ""),
                 "", textwrap.indent(d.summary, "  ")]
        if d.description:
            lines += ["", textwrap.indent(d.description, "  ")]
        if d.anti_pattern:
            lines += ["", "  Flagged:", textwrap.indent(d.anti_pattern, "      ")]
        if d.best_practice:
            lines += ["", "  Clean:", textwrap.indent(d.best_practice, "      ")]
        if d.options:
            lines += ["", "  Options ([tool.newsaudit.checks." + d.code + "]):"]
            lines += [f"      {k.replace('_', '-')} = {json.dumps(v)}" for k, v in d.options.items()]
        parts.append("\n".join(lines))
    return escape_surrogates("\n\n".join(parts))


def render_json(checks: Sequence[type[Check]]) -> str:
    out = []
    for c in checks:
        d = c.doc()
        out.append({
            "code": d.code, "name": d.name, "category": d.category, "severity": d.severity,
            "groups": list(d.groups), "summary": d.summary, "description": d.description,
            "flagged_example": d.anti_pattern, "clean_example": d.best_practice,
            "options": d.options, "fixable": d.fixable,
        })
    return escape_surrogates(json.dumps(out, ensure_ascii=False, indent=2))


def render_markdown(checks: Sequence[type[Check]]) -> str:
    """The docs page ``docs/checks.md`` (regenerate with ``nox -s docs``)."""
    lines = ["# Checks", "", "Generated from the checks' own docstrings by `newsaudit checks --format markdown`.", "",
             "| code | name | category | severity | fix |", "|---|---|---|---|---|"]
    for c in checks:
        lines.append(f"| [{c.code}](#{c.code.lower()}) | {c.name} | {c.category} | {c.severity} | {'yes' if c.fixable else ''} |")
    for c in checks:
        d = c.doc()
        lines += ["", f"## {d.code}", "", f"**{d.name}** — category `{d.category}`, severity `{d.severity}`"
                  + (f", groups {', '.join('`'+g+'`' for g in d.groups)}" if d.groups else ""), "", d.summary]
        if d.description:
            lines += ["", d.description]
        if d.anti_pattern:
            lines += ["", "**Flagged**", "", "```text", d.anti_pattern, "```"]
        if d.best_practice:
            lines += ["", "**Clean**", "", "```text", d.best_practice, "```"]
        if d.options:
            lines += ["", f"**Options** (`[tool.newsaudit.checks.{d.code}]`)", ""]
            lines += [f"- `{k.replace('_', '-')}` = `{json.dumps(v)}`" for k, v in d.options.items()]
    return escape_surrogates("\n".join(lines) + "\n")
