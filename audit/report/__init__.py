"""The report stage: one self-contained HTML page about an audit run.

:func:`write_report` takes the results of an audit (``ArticleResult`` and
``InputError`` items, or row dicts such as ``check --format jsonl`` objects) and writes
one HTML file: all CSS, JavaScript and SVG charts inline, the data embedded as escaped
JSON, a Content-Security-Policy that forbids every request, so that the file opens
from disk, offline, and an article full of ``<script>`` cannot run anything.

>>> from audit.model import Article, ArticleResult, Finding
>>> a = Article(id="a1", text="Caf\u00c3\u00a9 <b>", source="example.com", lang="fr")
>>> f = Finding.at(a.text, 0, 5, check="ENC001", category="encoding", severity="error",
...                message="mojibake", replacement="Caf\u00e9")
>>> html = render_report([ArticleResult(article=a, lang="fr", findings=[f])])
>>> "<b>" in html, "\\\\u003cb\\\\u003e" in html
(False, True)
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from audit.report.data import CATEGORIES, SCORE_COLUMNS, SEVERITIES, ReportCollector, ReportLimits, histogram

__all__ = ["ReportLimits", "embed_json", "render_report", "write_report"]

#: one colour per category, used by the charts, the marks and the legend
CATEGORY_COLORS: dict[str, str] = {
    "encoding": "#7c3aed",
    "machine-translation": "#dc2626",
    "spam-bio": "#db2777",
    "unrelated-links": "#ea580c",
    "boilerplate": "#b7791f",
    "duplication": "#0891b2",
    "language": "#2563eb",
    "attribution": "#16a34a",
    "structure": "#64748b",
}
SEVERITY_COLORS: dict[str, str] = {"error": "#b91c1c", "warning": "#c2410c", "info": "#64748b"}

_VERDICT_STATUSES = ("pass", "warn", "fail")


def embed_json(obj: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: ``<``, ``>``, ``&``
    and the JavaScript line terminators U+2028/U+2029 are written as ``\\uXXXX`` escapes,
    so no ``</script>`` or ``<!--`` can appear in the page.

    >>> embed_json({"t": "</script><b>&\u2028"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def normalise_verdict(verdict: Any) -> dict[str, Any] | None:
    """The gate's verdict as ``{"status": pass|warn|fail|info, "label", "details": [str]}``.
    Accepts a string (``"pass"``), a mapping with ``status``/``passed``, ``label`` and
    ``details``/``reasons``, or an object with ``to_dict()``/those attributes."""
    if verdict is None:
        return None
    if hasattr(verdict, "to_dict"):
        verdict = verdict.to_dict()
    if isinstance(verdict, str):
        st = verdict.strip().lower()
        return {"status": st if st in _VERDICT_STATUSES else "info", "label": verdict.strip().upper(), "details": []}
    get = verdict.get if isinstance(verdict, Mapping) else lambda k, d=None: getattr(verdict, k, d)
    status = get("status")
    if status is None and get("passed") is not None:
        status = "pass" if get("passed") else "fail"
    status = str(status or "info").lower()
    if status not in _VERDICT_STATUSES:
        status = {"passed": "pass", "ok": "pass", "failed": "fail", "warning": "warn"}.get(status, "info")
    details = get("details") or get("reasons") or []
    if isinstance(details, str):
        details = [details]
    return {"status": status, "label": str(get("label") or status.upper()), "details": [str(d) for d in details]}


@cache
def _asset(name: str) -> str:
    return resources.files("audit.report.templates").joinpath(name).read_text(encoding="utf-8")


@cache
def _env() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("audit.report", "templates"),
        autoescape=True,  # every value is escaped unless marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = _fmt_num
    env.filters["compact"] = _fmt_compact
    return env


def _fmt_num(v: Any, decimals: int = 0) -> str:
    if v is None:
        return "–"
    if isinstance(v, int) or decimals == 0:
        return f"{round(v):,}".replace(",", "\u202f")
    return f"{v:,.{decimals}f}".replace(",", "\u202f")


def _fmt_compact(v: float) -> str:
    """Axis labels: 950, 9.2k, 12k, 1.3M."""
    for div, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(v) >= div:
            x = v / div
            return f"{x:.1f}{suffix}" if x < 10 else f"{x:.0f}{suffix}"
    return f"{v:g}"


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def render_report(
    results_or_rows: Iterable[Any],
    *,
    verdict: Any = None,
    summary: Mapping[str, Any] | None = None,
    title: str | None = None,
    inputs: Iterable[str] | None = None,
    limits: ReportLimits | None = None,
    sources: Iterable[Any] | None = None,
    generated: _dt.datetime | None = None,
) -> str:
    """The report page as a string (see :func:`write_report`)."""
    col = ReportCollector(limits)
    col.add_all(results_or_rows)
    return _render(col, verdict=verdict, summary=summary, title=title, inputs=inputs, sources=sources,
                   generated=generated)


def write_report(
    results_or_rows: Iterable[Any],
    path: str | Path,
    *,
    verdict: Any = None,
    summary: Mapping[str, Any] | None = None,
    title: str | None = None,
    inputs: Iterable[str] | None = None,
    limits: ReportLimits | None = None,
    sources: Iterable[Any] | None = None,
    generated: _dt.datetime | None = None,
) -> dict[str, Any]:
    """Write the self-contained HTML report to ``path`` (parent folders are created).

    ``results_or_rows``: ``ArticleResult`` / ``InputError`` items, or dicts (the
    ``check --format jsonl`` object, optionally with ``text``/``title``/``author``/``url``;
    or a compact row with ``counts`` instead of ``findings``); consumed once, streaming.
    ``verdict``: the gate's verdict (see :func:`normalise_verdict`), shown as a badge.
    ``summary``: extra key numbers for the overview (label -> value).
    ``sources``: precomputed ``SourceScore`` objects; by default the report calls
    :func:`audit.score.sources.score_sources` itself.
    Returns what was written: ``{"path", "bytes", "articles", "detailed", "input_errors"}``.
    """
    col = ReportCollector(limits)
    col.add_all(results_or_rows)
    html = _render(col, verdict=verdict, summary=summary, title=title, inputs=inputs, sources=sources,
                   generated=generated)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = html.encode("utf-8", errors="replace")
    out.write_bytes(data)
    return {"path": str(out), "bytes": len(data), "articles": len(col.cols["id"]),
            "detailed": col.last_detailed, "input_errors": col.n_input_errors}


def _render(col: ReportCollector, *, verdict: Any, summary: Mapping[str, Any] | None, title: str | None,
            inputs: Iterable[str] | None, sources: Iterable[Any] | None, generated: _dt.datetime | None) -> str:
    from audit import __version__
    from audit.report.data import source_score_json

    n = len(col.cols["id"])
    details, dropped = col.details()
    col.last_detailed = len(details)
    if sources is not None:
        src_scores, src_note = [source_score_json(s) for s in sources], None
    else:
        src_scores, src_note = col.source_scores()
    try:
        from audit.check.base import registry

        names = {code: cls.name for code, cls in registry().items()}
    except Exception:  # pragma: no cover - the registry always imports
        names = {}
    source_names = list(col.sources)
    stats = [col.source_stats.get(i, [0, 0, 0]) for i in range(len(source_names))]
    left_out = n - len(details)
    note = None
    if left_out > 0 and details:
        note = (f"Full text, findings and repairs are embedded for {len(details):,} of {n:,} articles "
                f"(the most serious first); the other {left_out:,} are listed with their counts and scores only.")
    elif left_out > 0:
        note = f"Article texts are not embedded: the {n:,} articles are listed with their counts and scores only."
    if dropped:
        note = (note or "") + f" {dropped:,} more flagged articles did not fit in the size budget."
    payload = {
        "cats": list(CATEGORIES),
        "sevs": list(SEVERITIES),
        "colors": CATEGORY_COLORS,
        "names": names,
        "scores": {short: [label, key] for key, (short, label, _d) in SCORE_COLUMNS.items()},
        "rows": col.cols,
        "srcNames": source_names,
        "srcStats": stats,
        "srcScores": src_scores,
        "langs": list(col.langs),
        "details": details,
        "auditErrors": col.audit_errors[:1000],
        "note": note,
    }
    data_json = embed_json(payload)

    by_cat: list[dict[str, Any]] = []  # the template's per-category rows (mixed value types)
    for cat in CATEGORIES:
        counts = {s: col.cat_sev.get((cat, s), 0) for s in SEVERITIES}
        by_cat.append({"cat": cat, "color": CATEGORY_COLORS[cat], "counts": counts, "total": sum(counts.values())})
    max_cat = max([c["total"] for c in by_cat] + [1])
    hists = []
    for key, (short, label, dec) in SCORE_COLUMNS.items():
        vals = col.raw_scores[key]
        fixed = key != "readability"
        h = histogram(vals, lo=0.0 if fixed else None, hi=1.0 if fixed else None)
        h.update(key=key, label=label, decimals=dec if fixed else 0, missing=n - len(vals), short=short)
        hists.append(h)
    lang_list = list(col.langs)
    lc = [0] * len(lang_list)
    for li in col.cols["l"]:
        lc[li] += 1
    languages = sorted(zip(lang_list, lc, strict=True), key=lambda x: (-x[1], x[0]))
    checks = sorted(col.check_findings.items(), key=lambda x: (-x[1], x[0]))
    findings_total = sum(col.cat_sev.values())
    sev_totals = {s: sum(v for (c, sv), v in col.cat_sev.items() if sv == s) for s in SEVERITIES}
    js = _asset("report.js")
    css = _asset("report.css")
    ctx = {
        "title": title or "newsaudit report",
        "generated": (generated or _dt.datetime.now(_dt.UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
        "inputs": list(inputs or []),
        "verdict": normalise_verdict(verdict),
        "summary": list((summary or {}).items()),
        "n": n,
        "flagged": col.flagged,
        "with_errors": col.with_errors,
        "n_input_errors": col.n_input_errors,
        "input_errors": col.input_errors,
        "n_audit_errors": len(col.audit_errors),
        "n_sources": len(source_names),
        "languages": languages,
        "findings_total": findings_total,
        "sev_totals": sev_totals,
        "by_cat": by_cat,
        "max_cat": max_cat,
        "hists": hists,
        "checks": [{"code": c, "name": names.get(c, ""), "cat": col.check_category.get(c, ""),
                    "color": CATEGORY_COLORS.get(col.check_category.get(c, ""), "#64748b"),
                    "findings": k, "articles": col.check_articles[c]} for c, k in checks[:30]],
        "cat_colors": CATEGORY_COLORS,
        "sev_colors": SEVERITY_COLORS,
        "severities": SEVERITIES,
        "note": note,
        "src_note": src_note,
        "data_json": data_json,
        "css": css,
        "js": js,
        "csp_script": _script_hash(js),
    }
    return _env().get_template("report.html.j2").render(**ctx)
