"""Measure the report on a big synthetic run: file size, time to ``load`` and to first
render in headless Chromium.

    python -m audit.report.bench --articles 100000 --out /tmp/report-100k.html

Results are generated directly (no checks run): the point is the report's cost, not the
audit's. Needs Debian's ``chromium`` and the ``playwright`` package (no browser download).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from audit.model import Article, ArticleResult, Finding

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

_WORDS = ("the minister said on Tuesday that talks with the union would resume after the budget vote "
          "according to officials quoted by agencies the council approved new rules for housing and "
          "transport while critics warned of delays in the region despite protests in the capital").split()
_LANGS = ("en", "pl", "de", "fr", "es", "ro", "bg", "ru", "uk")
_CHECKS = [
    ("ENC001", "encoding", "error"), ("MT001", "machine-translation", "warning"),
    ("MT003", "machine-translation", "error"), ("BIO001", "spam-bio", "error"),
    ("LNK001", "unrelated-links", "warning"), ("BP001", "boilerplate", "warning"),
    ("BP002", "boilerplate", "info"), ("DUP001", "duplication", "warning"),
    ("LNG001", "language", "error"), ("STR002", "structure", "warning"),
]


def synthetic_results(n: int, *, seed: int = 0, sources: int = 300, text_words: int = 600) -> Iterator[ArticleResult]:
    """``n`` plausible audit results: texts of ~``text_words`` words, 0–8 findings each
    (a third of the articles flagged), overlapping spans, repairs, attribution spans."""
    rnd = random.Random(seed)
    src_names = [f"news-{k:03d}.example.{rnd.choice(['com', 'pl', 'ro', 'de', 'bg'])}" for k in range(sources)]
    for i in range(n):
        words = rnd.choices(_WORDS, k=rnd.randint(text_words // 2, text_words))
        text = " ".join(words)
        findings: list[Finding] = []
        # attribution spans (info) on a few sentences
        for _ in range(rnd.randint(0, 4)):
            s = rnd.randrange(0, max(1, len(text) - 60))
            findings.append(Finding.at(text, s, s + rnd.randint(10, 60), check="ATT001", category="attribution",
                                       severity="info", message="Attribution to a named source."))
        if rnd.random() < 0.33:
            for _ in range(rnd.randint(1, 4)):
                code, cat, sev = rnd.choice(_CHECKS)
                s = rnd.randrange(0, max(1, len(text) - 200))
                e = min(len(text), s + rnd.randint(3, 200))
                rep = text[s:e].upper() if rnd.random() < 0.3 else None
                findings.append(Finding.at(text, s, e, check=code, category=cat, severity=sev,
                                           message=f"Synthetic {cat} finding for the size test.", replacement=rep))
        findings.sort(key=lambda f: (f.start, f.end, f.check))
        lang = rnd.choice(_LANGS)
        art = Article(id=f"art-{i:06d}", text=text, title=" ".join(words[:rnd.randint(6, 12)]).capitalize(),
                      author="Staff reporter", source=rnd.choice(src_names), url=f"https://example.com/a/{i}",
                      lang=lang)
        scores: dict[str, Any] = {
            "mt_score": round(rnd.betavariate(1.2, 6), 3),
            "attribution_density": round(rnd.betavariate(2, 4), 3),
            "readability": round(rnd.gauss(55, 15), 1),
        }
        yield ArticleResult(article=art, lang=lang, findings=findings, scores=scores)


def measure(path: str | Path, *, runs: int = 3) -> dict[str, float]:
    """Open ``path`` from disk in headless Chromium; median milliseconds to DOMContentLoaded,
    to ``load``, to the report's first render (``performance.mark('newsaudit:ready')``), and
    to sort the article list, filter it by a category and open the first article."""
    from playwright.sync_api import sync_playwright

    url = Path(path).resolve().as_uri()
    samples: list[dict[str, float]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page()
                page.goto(url, wait_until="load", timeout=120_000)
                page.wait_for_selector("html[data-ready]", timeout=120_000)
                t = page.evaluate("""() => {
                    const nav = performance.getEntriesByType('navigation')[0];
                    const ready = performance.getEntriesByName('newsaudit:ready')[0];
                    return {dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                            ready: ready ? ready.startTime : NaN};
                }""")
                t.update(page.evaluate("""() => {
                    const t0 = performance.now();
                    document.querySelector('#articles-table th button[data-col="5"]').click();
                    const t1 = performance.now();
                    const sel = document.getElementById('f-cat');
                    sel.value = '2'; sel.dispatchEvent(new Event('change'));
                    const t2 = performance.now();
                    document.querySelector('#articles-table tbody tr.row button.expander').click();
                    const t3 = performance.now();
                    return {sort: t1 - t0, filter: t2 - t1, open: t3 - t2};
                }"""))
                samples.append(t)
                page.close()
        finally:
            browser.close()

    def med(k: str) -> float:
        xs = sorted(s[k] for s in samples)
        return xs[len(xs) // 2]

    return {"dom_content_loaded_ms": med("dcl"), "load_ms": med("load"), "first_render_ms": med("ready"),
            "sort_ms": med("sort"), "filter_ms": med("filter"), "open_article_ms": med("open")}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--out", default="/tmp/newsaudit-report-bench.html")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--existing", help="only measure this report file")
    a = ap.parse_args(argv)
    from audit.report import write_report

    if a.existing:
        path = Path(a.existing)
    else:
        t0 = time.perf_counter()
        info = write_report(synthetic_results(a.articles), a.out, title=f"Synthetic run ({a.articles:,} articles)")
        print(f"wrote {info['path']}: {info['bytes'] / 1e6:.1f} MB, {info['articles']:,} articles, "
              f"{info['detailed']:,} with full text, in {time.perf_counter() - t0:.1f} s")
        path = Path(a.out)
    print(f"size: {path.stat().st_size / 1e6:.2f} MB")
    for k, v in measure(path, runs=a.runs).items():
        print(f"{k}: {v:.0f}")


if __name__ == "__main__":
    main()
