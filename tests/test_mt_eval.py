"""Precision and recall of the MT family on labelled data, and its per-article cost.

Two labelled sources:

* the passages of tests/test_mt_checks.py (one article each: FLAGGED with the expected
  evidence as the label, CLEAN with no MT label);
* the development split of the evaluation corpus, tests/corpus/dev/<lang>.jsonl
  (records with ``labels``: ``{category, start, end, note}``), when present. The test
  split (tests/corpus/test) is never read here.

A finding is a true positive when its span overlaps an MT label of its article. A label
is recalled by a check when a finding of that check overlaps it; labels are assigned to
checks by the words of their note (heuristic: the corpus notes are free text). Run
``python tests/test_mt_eval.py`` for the full report and the cost per article.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from audit.check.engine import Auditor
from audit.model import Article

HERE = Path(__file__).resolve().parent
DEV = HERE / "corpus" / "dev"

#: which check a corpus label note speaks of (lowercase substrings of the note)
NOTE_KEYS: dict[str, tuple[str, ...]] = {
    "MT001": ("lone", "one-word fragment"),
    "MT002": ("fused", "duplicate clause"),
    "MT003": ("title-case", "title case"),
    "MT004": ("calque",),
    "MT005": ("space before", "spacing", "space inside"),
    "MT006": ("untranslated",),
}


@dataclass
class Record:
    id: str
    text: str
    lang: str
    labels: list[dict[str, Any]]
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Report:
    tp: Counter[str] = field(default_factory=Counter)  # per check (warning+ / "(info)")
    fp: Counter[str] = field(default_factory=Counter)
    label_hit: Counter[str] = field(default_factory=Counter)
    label_n: Counter[str] = field(default_factory=Counter)
    articles: Counter[str] = field(default_factory=Counter)  # tp/fp/fn/tn of MT010
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)

    def precision(self, key: str) -> float | None:
        n = self.tp[key] + self.fp[key]
        return self.tp[key] / n if n else None

    def recall(self, code: str) -> float | None:
        return self.label_hit[code] / self.label_n[code] if self.label_n[code] else None

    def article_pr(self) -> tuple[float | None, float | None]:
        a = self.articles
        p = a["tp"] / (a["tp"] + a["fp"]) if a["tp"] + a["fp"] else None
        r = a["tp"] / (a["tp"] + a["fn"]) if a["tp"] + a["fn"] else None
        return p, r


def table_records() -> list[Record]:
    sys.path.insert(0, str(HERE))
    from test_mt_checks import CLEAN, FLAGGED

    out = []
    for i, (code, lang, text, evidence) in enumerate(FLAGGED):
        start = text.index(evidence)
        out.append(Record(f"flagged-{i}", text, lang, [{"category": "machine-translation", "start": start,
                                                         "end": start + len(evidence), "check": code}]))
    for i, (_code, lang, text) in enumerate(CLEAN):
        out.append(Record(f"clean-{i}", text, lang, []))
    return out


def dev_records() -> list[Record]:
    out = []
    for path in sorted(DEV.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            labels = [lb for lb in (r.get("labels") or []) if lb.get("category") == "machine-translation"]
            out.append(Record(r["id"], r["text"], r.get("lang") or path.stem, labels,
                              {k: r.get(k) for k in ("title", "author")}))
    return out


def evaluate(records: list[Record], *, article_level: bool = True) -> Report:
    auditor = Auditor(select=["MT"])
    rep = Report()
    for rec in records:
        res = auditor.audit(Article(id=rec.id, text=rec.text, lang=rec.lang, **rec.meta))
        for f in res.findings:
            hit = any(f.start < lb["end"] and lb["start"] < f.end for lb in rec.labels)
            key = f.check if f.severity != "info" else f"{f.check}(info)"
            (rep.tp if hit else rep.fp)[key] += 1
            if not hit:
                rep.false_positives.append((rec.id, key, f.evidence))
        for lb in rec.labels:
            codes = [lb["check"]] if "check" in lb else [
                c for c, keys in NOTE_KEYS.items() if any(k in lb.get("note", "").lower() for k in keys)]
            for code in codes:
                rep.label_n[code] += 1
                if any(f.check == code and f.start < lb["end"] and lb["start"] < f.end for f in res.findings):
                    rep.label_hit[code] += 1
        if article_level:
            # the harness's rule (audit/eval/harness.py): an article is flagged by any MT finding
            # of severity >= warning, i.e. MT010 or a signal strong on its own (a byline calque)
            flagged = any(f.severity != "info" for f in res.findings)
            rep.articles[("tp" if flagged else "fn") if rec.labels else ("fp" if flagged else "tn")] += 1
    return rep


def test_table_passages_every_check_is_exact() -> None:
    rep = evaluate(table_records(), article_level=False)
    for code in ("MT001", "MT002", "MT003", "MT004", "MT005", "MT006"):
        assert rep.recall(code) == 1.0, code
    # the clean passages may carry info notes, never a warning
    assert [fp for fp in rep.false_positives if not fp[1].endswith("(info)")] == []


@pytest.mark.skipif(not any(DEV.glob("*.jsonl")), reason="tests/corpus/dev not built yet")
def test_dev_corpus_article_verdicts() -> None:
    rep = evaluate(dev_records())
    precision, recall = rep.article_pr()
    # the floors leave room for corpus growth; measured values are in the module's report
    assert precision is not None and precision >= 0.9, rep.articles
    assert recall is not None and recall >= 0.8, rep.articles
    warn_tp = sum(v for k, v in rep.tp.items() if "(info)" not in k)
    warn_fp = sum(v for k, v in rep.fp.items() if "(info)" not in k)
    assert warn_tp / max(1, warn_tp + warn_fp) >= 0.9, rep.false_positives


# -- the report and the cost (python tests/test_mt_eval.py) -----------------------------------

def cost_per_article(records: list[Record]) -> tuple[float, float, float]:
    """(median ms, mean ms, mean KB) of the MT checks + mt_score on one fresh Doc each,
    after a warm-up pass that loads the word lists."""
    from audit.check.base import select_checks
    from audit.score.mt import mt_scores
    from audit.text import Doc

    checks = [c() for c in select_checks(["MT"])]

    def one(rec: Record) -> float:
        doc = Doc(rec.text, rec.lang, meta=dict(rec.meta))
        t = time.perf_counter()
        findings = [f for c in checks for f in c.run(doc)]
        mt_scores(doc, findings)
        return (time.perf_counter() - t) * 1000

    for rec in records:
        one(rec)
    times = [one(rec) for rec in records]
    kb = statistics.mean(len(r.text.encode("utf-8")) for r in records) / 1024
    return statistics.median(times), statistics.mean(times), kb


def _print(name: str, rep: Report) -> None:
    print(f"== {name}")
    keys = sorted(set(rep.tp) | set(rep.fp))
    for k in keys:
        p = rep.precision(k)
        print(f"  {k:12} precision {p:.2f} ({rep.tp[k]} TP / {rep.fp[k]} FP)" if p is not None else k)
    for code in sorted(rep.label_n):
        print(f"  {code} label recall {rep.label_hit[code]}/{rep.label_n[code]} = {rep.recall(code):.2f}")
    if rep.articles:
        p, r = rep.article_pr()
        print(f"  article (MT warning+) precision {p} recall {r} {dict(rep.articles)}")
    for fp in rep.false_positives:
        print("  FP", *fp)


if __name__ == "__main__":
    t0 = time.perf_counter()
    import wordfreq  # noqa: F401

    print(f"import wordfreq: {(time.perf_counter() - t0) * 1000:.0f} ms")
    _print("test passages", evaluate(table_records(), article_level=False))
    dev = dev_records()
    if dev:
        _print(f"corpus dev ({len(dev)} articles)", evaluate(dev))
        med, mean, kb = cost_per_article(dev)
        print(f"cost: median {med:.2f} ms, mean {mean:.2f} ms per article (mean {kb:.1f} KB); "
              f"{med / kb * 4:.2f} ms per 4 KB at the median (the mean carries CPU-contention spikes)")
