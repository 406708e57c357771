"""The evaluation harness: run the Auditor over a labelled split and score it per category.

``python -m audit.eval [PATH ...] [--split dev|test|all] [--format text|json]``

Counting rules (also in ``tests/corpus/README.md``):

* **Article level** — for each category, an article is *gold-positive* when it has at least
  one non-optional label of that category and *predicted-positive* when the Auditor reports
  at least one finding of that category with severity >= ``--min-severity`` (default
  ``warning``; ``info`` is an observation, not an accusation — this holds for boilerplate
  too). Articles whose only labels of a category are *optional* (a lone photo credit, a stray
  ``©``: "at most minor" per seeds/EXPECTED.md) are left out of that category's article cell.
* **Span level** — predicted spans are the text-field findings of that category at or above
  the severity floor (identical spans from several checks count once); a prediction matches
  a gold span of the same category per :func:`audit.eval.metrics.span_match` (inside the
  gold span, or IoU >= 0.3). Precision = matching predictions / predictions, recall = gold
  spans found / gold spans. Predictions matching an optional label are not counted.
* **Per language** — article-level F1 per category and language.
* **Attribution ordering** (issue #4) — when the scorers provide ``attribution_density``,
  the share of article pairs with different ``attribution_level`` whose scores are ordered
  the same way (ties count one half; 0.5 = chance).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from audit.eval.corpus import ATTRIBUTION_LEVELS, CATEGORIES, CorpusError, iter_corpus
from audit.eval.metrics import PRF, article_counts, span_counts
from audit.model import Article, ArticleResult, Severity

DEFAULT_ROOT = Path("tests/corpus")


def resolve_paths(paths: Sequence[str], split: str) -> list[Path]:
    """Corpus roots (folders holding ``dev/`` and ``test/``) expand to the chosen split."""
    roots = [Path(p) for p in paths] or [DEFAULT_ROOT]
    out: list[Path] = []
    for p in roots:
        if p.is_dir() and ((p / "dev").is_dir() or (p / "test").is_dir()):
            out.extend(p / s for s in (("dev", "test") if split == "all" else (split,)))
        else:
            out.append(p)
    return out


def to_article(rec: dict[str, Any]) -> Article:
    """The record as the Auditor sees it: canonical fields only, never the labels."""
    return Article(id=rec["id"], text=rec["text"], title=rec.get("title"), author=rec.get("author"),
                   source=rec.get("source"), url=rec.get("url"), lang=rec.get("lang"),
                   published=rec.get("published"))


def evaluate(records: Iterable[dict[str, Any]], results: Iterable[ArticleResult], *,
             min_severity: str = "warning") -> dict[str, Any]:
    """Score ``results`` against the gold ``records`` (same order)."""
    floor = Severity(min_severity).rank
    art = {c: PRF() for c in CATEGORIES}
    span = {c: PRF() for c in CATEGORIES}
    per_lang: dict[str, dict[str, PRF]] = {}
    langs: dict[str, int] = {}
    clean_total = clean_flagged = 0
    attr: list[tuple[int, float]] = []
    errors: dict[str, dict[str, list[str]]] = {c: {"false_positive": [], "false_negative": []} for c in CATEGORIES}
    n = 0
    for rec, res in zip(records, results, strict=True):
        n += 1
        lang = rec.get("lang") or "?"
        langs[lang] = langs.get(lang, 0) + 1
        cells = per_lang.setdefault(lang, {c: PRF() for c in CATEGORIES})
        found = [f for f in res.findings if f.category in CATEGORIES and Severity(f.severity).rank >= floor]
        required = [lab for lab in rec["labels"] if not lab.get("optional")]
        if not required:
            clean_total += 1
            clean_flagged += bool(found)
        for cat in CATEGORIES:
            gold = [(lab["start"], lab["end"]) for lab in required if lab["category"] == cat]
            opt = [(lab["start"], lab["end"]) for lab in rec["labels"] if lab.get("optional") and lab["category"] == cat]
            preds = [(f.start, f.end) for f in found if f.category == cat and f.field == "text"]
            pred_any = any(f.category == cat for f in found)
            if gold or not opt:
                c = article_counts(bool(gold), pred_any)
                art[cat].add(c)
                cells[cat].add(c)
                if bool(gold) != pred_any:
                    errors[cat]["false_negative" if gold else "false_positive"].append(rec["id"])
            span[cat].add(span_counts(preds, gold, opt))
        density = res.scores.get("attribution_density")
        if isinstance(density, int | float) and rec.get("attribution_level") in ATTRIBUTION_LEVELS:
            attr.append((ATTRIBUTION_LEVELS.index(rec["attribution_level"]), float(density)))
    return {
        "articles": n,
        "languages": dict(sorted(langs.items())),
        "min_severity": min_severity,
        "categories": {c: {"article": art[c].to_dict(), "span": span[c].to_dict()} for c in CATEGORIES},
        "per_language": {lang: {c: round(cells[c].f1, 4) for c in CATEGORIES} for lang, cells in sorted(per_lang.items())},
        "per_language_counts": {lang: {c: cells[c].to_dict() for c in CATEGORIES} for lang, cells in sorted(per_lang.items())},
        "clean_articles": clean_total,
        "clean_articles_flagged": clean_flagged,
        "attribution": attribution_ordering(attr),
        "article_errors": errors,
    }


def attribution_ordering(pairs: Sequence[tuple[int, float]]) -> dict[str, Any]:
    """Concordance of ``attribution_density`` with the labelled level (an AUC over level pairs).

    >>> attribution_ordering([(0, 0.1), (1, 0.3), (2, 0.5), (2, 0.2)])["concordance"]
    0.8
    """
    if not pairs:
        return {"articles": 0, "concordance": None, "mean_by_level": {}}
    good = total = 0.0
    for i, (li, si) in enumerate(pairs):
        for lj, sj in pairs[i + 1:]:
            if li == lj:
                continue
            total += 1
            hi, lo = (si, sj) if li > lj else (sj, si)
            good += 1.0 if hi > lo else 0.5 if hi == lo else 0.0
    means = {}
    for k, level in enumerate(ATTRIBUTION_LEVELS):
        vals = [s for lv, s in pairs if lv == k]
        if vals:
            means[level] = round(sum(vals) / len(vals), 4)
    return {"articles": len(pairs), "concordance": round(good / total, 4) if total else None, "mean_by_level": means}


def format_text(report: dict[str, Any], title: str) -> str:
    out = [f"newsaudit eval: {title}",
           f"{report['articles']} articles, {len(report['languages'])} languages "
           f"({', '.join(f'{k} {v}' for k, v in report['languages'].items())}); "
           f"checks: {report.get('checks', '?')}; findings counted at severity >= {report['min_severity']}", ""]
    head = f"{'category':<20} {'art P':>6} {'art R':>6} {'art F1':>6} {'tp/pred/gold':>13}   {'span P':>6} {'span R':>6} {'span F1':>7} {'tp/pred':>9} {'found/gold':>10}"
    out += [head, "-" * len(head)]
    for cat, cell in report["categories"].items():
        a, s = cell["article"], cell["span"]
        out.append(f"{cat:<20} {a['precision']:>6.2f} {a['recall']:>6.2f} {a['f1']:>6.2f} "
                   f"{a['tp_gold']:>4}/{a['n_pred']:>3}/{a['n_gold']:>3}   "
                   f"{s['precision']:>6.2f} {s['recall']:>6.2f} {s['f1']:>7.2f} {s['tp_pred']:>4}/{s['n_pred']:<4} "
                   f"{s['tp_gold']:>4}/{s['n_gold']:<4}")
    langs = list(report["per_language"])
    out += ["", "article-level F1 per language", f"{'category':<20} " + " ".join(f"{lg:>5}" for lg in langs)]
    for cat in CATEGORIES:
        out.append(f"{cat:<20} " + " ".join(f"{report['per_language'][lg][cat]:>5.2f}" for lg in langs))
    out.append("")
    out.append(f"clean articles with any finding in these categories: "
               f"{report['clean_articles_flagged']}/{report['clean_articles']}")
    at = report["attribution"]
    if at["concordance"] is None:
        out.append("attribution ordering: n/a (no attribution_density score)")
    else:
        means = ", ".join(f"{k} {v:.3f}" for k, v in at["mean_by_level"].items())
        out.append(f"attribution ordering: concordance {at['concordance']:.3f} over {at['articles']} articles "
                   f"(mean attribution_density: {means})")
    return "\n".join(out)


def run(paths: Sequence[Path], *, min_severity: str = "warning", select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None) -> dict[str, Any]:
    """Audit every record under ``paths`` with the full Auditor and score the results."""
    from audit.check.engine import Auditor

    records = [rec for _where, rec in iter_corpus(paths)]
    auditor = Auditor(select=select, ignore=ignore)
    results = [auditor.audit(to_article(r)) for r in records]
    report = evaluate(records, results, min_severity=min_severity)
    report["checks"] = len(auditor.checks)
    report["paths"] = [str(p) for p in paths]
    internal = sum(1 for r in results if r.scores.get("internal_errors"))
    report["articles_with_internal_errors"] = internal
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m audit.eval`` and of the nox ``eval`` session."""
    ap = argparse.ArgumentParser(prog="python -m audit.eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="corpus root, split folder or JSONL files (default: tests/corpus)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test",
                    help="which split of a corpus root to use (default: test)")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    ap.add_argument("--min-severity", choices=("info", "warning", "error"), default="warning")
    ap.add_argument("--select", action="append", help="only these checks (codes, prefixes, categories)")
    ap.add_argument("--ignore", action="append", help="skip these checks")
    args = ap.parse_args(argv)
    paths = resolve_paths(args.paths, args.split)
    try:
        report = run(paths, min_severity=args.min_severity, select=args.select, ignore=args.ignore)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # unknown selector
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        try:
            print(format_text(report, ", ".join(str(p) for p in paths)))
        except BrokenPipeError:  # `| head`
            return 0
        if report["articles_with_internal_errors"]:
            print(f"warning: {report['articles_with_internal_errors']} articles hit internal check errors", file=sys.stderr)
    return 0
