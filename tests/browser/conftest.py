"""Fixtures for the report's browser tests: headless Debian Chromium driven by Playwright.

No browser is ever downloaded: the tests use /usr/bin/chromium (``apt-get install chromium``)
and are skipped with a clear reason when it is absent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from audit.model import Article, ArticleResult, Finding
from audit.report.bench import CHROMIUM, CHROMIUM_ARGS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

#: what the (future) checks report on the seeds, as (file, evidence, check, category, severity, message, replacement)
SEED_FINDINGS: list[tuple[str, str, str, str, str, str, str | None]] = [
    ("001", "wojny w Korei Północnej. Ukraina.", "MT004", "machine-translation", "error",
     "A sentence ends in a lone one-word fragment: a broken machine translation.", None),
    ("001", "Korea Północna wystartowała Korea Północna wystrzeliła", "MT002", "machine-translation", "error",
     "The same phrase is translated twice in a row.", "Korea Północna wystrzeliła"),
    ("001", "Północna wystartowała Korea", "DUP002", "duplication", "warning",
     "Repeated words inside one sentence.", None),
    ("001", "Wysoki Znaczenie", "MT003", "machine-translation", "warning",
     "Title-case words in the middle of a sentence (a translated headline fragment).", None),
    ("001", "Alina Lobzina Przyczynił się do raportów.", "MT005", "machine-translation", "warning",
     "A calqued byline ('contributed to this report').", None),
    ("001", "Pacyfiku . –", "STR004", "structure", "info", "A space before a full stop.", "Pacyfiku. –"),
    ("001", "„Dumny organizator. Alkoholowy ninja. Kujon kulinarny. Typowy entuzjasta telewizji. Zapalony czytelnik. "
     "Fanatyk niezależnej muzyki”.", "BIO001", "spam-bio", "error",
     "A template author bio of short 'Adjective noun.' fragments, typical of content farms.", ""),
    ("001", "More Stories", "LNK001", "unrelated-links", "warning",
     "A trailing block of headlines unrelated to the article.", None),
    ("002", "©℗", "ENC003", "encoding", "info", "Stray symbols at the end of the text (a scraping artifact).", ""),
    ("003", "Снимки: БТА/АП", "BP003", "boilerplate", "info", "A photo credit line.", None),
    ("004", "Sursa: Arhiva EVZ", "BP002", "boilerplate", "warning", "An image caption inside the text.", ""),
    ("004", "Sursa foto: Dreamstime", "BP002", "boilerplate", "warning", "An image caption inside the text.", ""),
    ("004", "Ne puteți urmări și pe Google News", "BP004", "boilerplate", "warning",
     "A call to action (follow us), not part of the story.", ""),
    ("004", "Financial Times", "ATT001", "attribution", "info", "Attribution to a named outlet.", None),
]

XSS = [
    "<script>window.__pwned = 1; alert('script')</script>",
    "<img src=x onerror=\"window.__pwned = 2; alert('img')\">",
    "</textarea><svg onload=\"window.__pwned = 3\">",
    "</script><script>window.__pwned = 4</script>",
    "javascript:window.__pwned=5",
]


def seed_results() -> list[ArticleResult]:
    """The five seeds with the findings their audit should produce (constructed), plus
    attribution spans, and the scores the scorers would give."""
    out = []
    for k, f in enumerate(sorted(SEEDS.glob("*.txt"))):
        text = f.read_text(encoding="utf-8")
        lang = {"000": "pl", "001": "pl", "002": "pl", "003": "bg", "004": "ro"}[f.name[:3]]
        findings = []
        for prefix, ev, check, cat, sev, msg, rep in SEED_FINDINGS:
            if f.name.startswith(prefix):
                s = text.index(ev)
                findings.append(Finding.at(text, s, s + len(ev), check=check, category=cat, severity=sev,
                                           message=msg, replacement=rep))
        for cue in ("Reuters", "Reutera", "Ройтерс", "KCNA", "Yonhap", "AP", "Kirby"):
            pos = text.find(cue)
            if pos >= 0:
                ps = text.rfind(" ", 0, max(0, pos - 20)) + 1
                findings.append(Finding.at(text, ps, pos + len(cue), check="ATT001", category="attribution",
                                           severity="info", message=f"Attribution to {cue}."))
        findings.sort(key=lambda x: (x.start, x.end, x.check))
        art = Article(id=f.stem, text=text, title=text.split("\n", 1)[0][:90], source=f"outlet-{k % 3}",
                      url=f"https://example.org/{f.stem}", lang=lang, author=None)
        scores = {"mt_score": [0.05, 0.91, 0.1, 0.08, 0.2][k], "attribution_density": [0.6, 0.1, 0.35, 0.55, 0.3][k],
                  "readability": [45.0, 38.5, 52.0, 40.1, 61.3][k]}
        out.append(ArticleResult(article=art, lang=lang, findings=findings, scores=scores))
    return out


def xss_result() -> ArticleResult:
    """An article whose every field carries markup and script."""
    payload = " ".join(XSS)
    text = f"Lead paragraph \U0001f600 \U0001f4f0. {payload}\nSecond paragraph {XSS[0]} end \U0001f600."
    art = Article(id="xss-" + XSS[3], text=text, title="Title " + XSS[1], author="Author " + XSS[2],
                  source="src " + XSS[0], url=XSS[4], lang="en", published="2023-09-13")
    s = text.index(XSS[1])
    findings = [
        Finding.at(text, s, s + len(XSS[1]), check="BP001", category="boilerplate", severity="warning",
                   message="Markup " + XSS[0] + " in the text.", replacement=""),
        Finding.at(art.author or "", 0, 6, check="BIO002", category="spam-bio", severity="warning",
                   message="Odd byline " + XSS[1], field="author"),
    ]
    return ArticleResult(article=art, lang="en", findings=findings, scores={"mt_score": 0.5})


def fake_sources(results: list[ArticleResult]) -> list[dict[str, Any]]:
    """SourceScore-shaped dicts (until audit.score.sources lands, and for deterministic tests)."""
    names = sorted({r.article.source or "(no source)" for r in results})
    out = []
    for k, name in enumerate(names):
        v = [0.9, 0.4, 0.7, 0.2, 0.6][k % 5]
        out.append({"source": name, "articles": sum(1 for r in results if r.article.source == name),
                    "score": 100 * v, "low": 100 * v - 12, "high": min(100, 100 * v + 9),
                    "components": {"clean_share": {"value": v, "weight": 0.5, "explanation": "share of clean articles"},
                                   "attribution": {"value": 1 - v / 2, "weight": 0.3, "explanation": "sourcing"},
                                   "mt_free": {"value": v ** 0.5, "weight": 0.2, "explanation": "no MT signs"}}})
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium) to run browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Opened:
    """A page opened on a report file, recording console errors, dialogs and requests."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.url = path.resolve().as_uri()
        self.page = browser.new_page(viewport={"width": 1360, "height": 1000})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_selector("html[data-ready]")

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u.split("#")[0] != self.url]


@pytest.fixture
def open_report(browser: Any) -> Iterator[Any]:
    pages: list[Opened] = []

    def _open(path: Path) -> Opened:
        o = Opened(browser, path)
        pages.append(o)
        return o

    yield _open
    for o in pages:
        o.page.close()
