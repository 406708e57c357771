"""The report in a real browser (headless Debian Chromium): offline, interactive, safe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from audit.cli.main import app
from audit.report import write_report

from .conftest import SEEDS, XSS, fake_sources, seed_results, xss_result

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any]]:
    results = [*seed_results(), xss_result()]
    path = tmp_path_factory.mktemp("report") / "demo.html"
    write_report(results, path, verdict={"status": "warn", "label": "PASS WITH WARNINGS", "details": ["2 quarantined"]},
                 summary={"Quarantined": 2}, sources=fake_sources(results), title="Demo")
    return path, results


def _visible_rows(page: Any) -> list[str]:
    return page.eval_on_selector_all("#articles-table tbody tr.row", "rs => rs.map(r => r.querySelector('.art-id') ? r.querySelector('.art-id').textContent : r.cells[0].textContent)")


def test_seeds_report_from_the_command_opens_offline_without_errors(tmp_path: Path, open_report: Any) -> None:
    out = tmp_path / "seeds.html"
    res = CliRunner().invoke(app, ["report", str(SEEDS), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.output
    o = open_report(out)
    assert o.errors == []
    assert o.foreign_requests() == []
    assert o.page.inner_text(".card .v") == "5"
    o.page.click('a.tab[data-tab="articles"]')
    assert len(_visible_rows(o.page)) == 5


def test_no_console_error_and_no_request_but_the_file(demo_report: tuple[Path, list[Any]], open_report: Any) -> None:
    o = open_report(demo_report[0])
    for tab in ("sources", "articles", "overview"):
        o.page.click(f'a.tab[data-tab="{tab}"]')
        assert o.page.is_visible(f"#{tab}")
    o.page.click('a.tab[data-tab="articles"]')
    for row in o.page.query_selector_all("#articles-table tbody tr.row"):
        row.query_selector("button.expander").click()
    assert o.page.locator("#articles-table tr.detail").count() == 6
    assert o.errors == []
    assert o.foreign_requests() == []
    assert o.page.inner_text(".verdict-value") == "PASS WITH WARNINGS"


def test_filters_narrow_the_article_list(demo_report: tuple[Path, list[Any]], open_report: Any) -> None:
    o = open_report(demo_report[0])
    p = o.page
    p.click('a.tab[data-tab="articles"]')
    assert len(_visible_rows(p)) == 6
    p.select_option("#f-cat", label="spam-bio")
    assert sorted(_visible_rows(p)) == sorted(["001_df6dc53cd25a6e55", "xss-" + XSS[3]])
    p.select_option("#f-sev", value="2")  # spam-bio at error level: the bio, not the XSS byline (warning)
    assert _visible_rows(p) == ["001_df6dc53cd25a6e55"]
    p.click("#filters button[type=reset]")
    p.wait_for_function("() => document.querySelectorAll('#articles-table tbody tr.row').length === 6")
    p.select_option("#f-lang", label="bg")
    assert _visible_rows(p) == ["003_9a82abe3e3e380b3"]
    p.select_option("#f-lang", value="")
    p.select_option("#f-src", label="outlet-2 (1)")
    assert len(_visible_rows(p)) == 1
    p.select_option("#f-src", value="")
    p.fill("#f-q", "Dreamstime")  # only in the body text of one article
    p.wait_for_function("() => document.querySelectorAll('#articles-table tbody tr.row').length === 1")
    assert _visible_rows(p) == ["004_34b67d16e7c3daa1"]
    assert "of 1 article" in p.inner_text("#result-count")
    p.fill("#f-q", "no such phrase anywhere")
    p.wait_for_function("() => document.querySelectorAll('#articles-table tbody tr.row').length === 0")
    assert "No article matches" in p.inner_text("#articles-table")
    p.select_option("#f-sev", value="clean")
    p.fill("#f-q", "")
    p.wait_for_function("() => document.querySelectorAll('#articles-table tbody tr.row').length === 3")


def test_sorting_by_click_and_keyboard(demo_report: tuple[Path, list[Any]], open_report: Any) -> None:
    o = open_report(demo_report[0])
    p = o.page
    p.click('a.tab[data-tab="articles"]')
    th = p.locator("#articles-table th", has_text="MT")
    th.locator("button").click()
    assert th.get_attribute("aria-sort") == "descending"
    mts = p.eval_on_selector_all("#articles-table tbody tr.row", "rs => rs.map(r => r.cells[6].textContent)")
    nums = [float(x) for x in mts if x != "–"]
    assert nums == sorted(nums, reverse=True) and nums[0] == 0.91
    # keyboard: the header button keeps the focus; Enter flips the order
    p.keyboard.press("Enter")
    th = p.locator("#articles-table th", has_text="MT")
    assert th.get_attribute("aria-sort") == "ascending"
    mts = p.eval_on_selector_all("#articles-table tbody tr.row", "rs => rs.map(r => r.cells[6].textContent)")
    nums = [float(x) for x in mts if x != "–"]
    assert nums == sorted(nums)
    # sources: sort by reliability, ascending with Space
    p.click('a.tab[data-tab="sources"]')
    rel = p.locator("#sources-table th", has_text="Reliability")
    assert rel.get_attribute("aria-sort") == "descending"
    rel.locator("button").focus()
    p.keyboard.press(" ")
    assert p.locator("#sources-table th", has_text="Reliability").get_attribute("aria-sort") == "ascending"
    scores = p.eval_on_selector_all("#sources-table tbody tr.row .score-big .val", "xs => xs.map(x => +x.textContent)")
    assert scores == sorted(scores) and len(scores) == 4


def test_a_source_expands_to_its_articles_with_the_keyboard(demo_report: tuple[Path, list[Any]], open_report: Any) -> None:
    o = open_report(demo_report[0])
    p = o.page
    p.click('a.tab[data-tab="sources"]')
    btn = p.locator("#sources-table tbody tr.row", has_text="outlet-0").locator("button.expander")
    btn.focus()
    p.keyboard.press("Enter")
    assert btn.get_attribute("aria-expanded") == "true"
    detail = p.locator("#" + btn.get_attribute("aria-controls"))
    assert detail.locator("tbody tr").count() == 2  # outlet-0 has two articles
    detail.get_by_text("Show in the article list").click()
    assert p.is_visible("#articles")
    assert len(_visible_rows(p)) == 2
    assert p.input_value("#f-src") != ""  # the source filter is set


def test_article_marks_equal_the_findings_evidence(demo_report: tuple[Path, list[Any]], open_report: Any) -> None:
    path, results = demo_report
    o = open_report(path)
    p = o.page
    p.click('a.tab[data-tab="articles"]')
    assert sum(1 for r in results[:5] for f in r.findings if f.category == "attribution") >= 3
    for r in results:
        p.fill("#f-q", r.article.id)
        p.wait_for_function("id => { const rs = document.querySelectorAll('#articles-table tbody tr.row');"
                            " return rs.length === 1 && rs[0].textContent.includes(id); }", arg=r.article.id)
        row = p.locator("#articles-table tbody tr.row")
        btn = row.locator("button.expander")
        btn.focus()
        p.keyboard.press("Space")
        detail = p.locator("#" + btn.get_attribute("aria-controls"))
        marks = detail.locator(".text:not(.fixed) mark, .field-val mark").evaluate_all(
            "ms => ms.map(m => [m.dataset.f, m.dataset.cats, m.textContent, m.title])")
        by_finding: dict[int, list[str]] = {}
        cats_of: dict[int, set[str]] = {}
        for f_attr, cats, text, title in marks:
            for k in map(int, f_attr.split()):
                by_finding.setdefault(k, []).append(text)
                cats_of.setdefault(k, set()).update(cats.split())
                assert r.findings[k].message in title  # the message on hover
        for k, f in enumerate(r.findings):
            assert "".join(by_finding[k]) == f.evidence, (r.article.id, f.check)
            assert f.category in cats_of[k]
        listed = detail.locator(".findings-list li").count()
        assert listed == len(r.findings)
        n_att = sum(1 for f in r.findings if f.category == "attribution")
        if n_att:  # attribution spans (info) use the lighter style
            assert detail.locator("mark.light").count() >= 1
        btn.click()  # close again
    p.fill("#f-q", "")
    # overlapping findings: one segment carries two categories
    row = p.locator("#articles-table tbody tr.row", has_text="001_df6dc53cd25a6e55")
    row.locator("button.expander").click()
    multi = p.locator("#articles-table tr.detail .text:not(.fixed) mark.multi").first
    assert set(multi.get_attribute("data-cats").split()) == {"machine-translation", "duplication"}
    # the repaired text is shown beside the original, with the replacement in place
    fixed = p.locator("#articles-table tr.detail .text.fixed")
    assert "Pacyfiku. –" in fixed.inner_text()
    assert "Dumny organizator" not in fixed.inner_text()
    assert o.errors == []


def test_injected_markup_is_shown_as_text_and_runs_nothing(demo_report: tuple[Path, list[Any]], open_report: Any) -> None:
    o = open_report(demo_report[0])
    p = o.page
    p.click('a.tab[data-tab="sources"]')
    p.locator("#sources-table tbody tr.row", has_text="src <script>").locator("button.expander").click()
    p.click('a.tab[data-tab="articles"]')
    p.fill("#f-q", "xss-")
    p.wait_for_function("() => document.querySelectorAll('#articles-table tbody tr.row').length === 1")
    p.locator("#articles-table tbody tr.row button.expander").click()
    detail = p.locator("#articles-table tr.detail")
    text = detail.locator(".text:not(.fixed)").inner_text()
    for x in XSS[:4]:
        assert x in text
    # the repaired text (offsets in UTF-16 after emoji) is exactly what apply_fixes produces
    from audit.fix import apply_fixes

    r = xss_result()
    assert detail.locator(".text.fixed").evaluate("e => e.textContent") == apply_fixes(r.article.text, r.findings)[0]
    head = detail.locator(".art-head").inner_text()
    assert "Title " + XSS[1] in head and "Author " + XSS[2] in head
    assert XSS[4] in head  # the javascript: URL as text...
    assert detail.locator("a.url").count() == 0  # ...never as a link
    assert p.locator("#articles-table tbody tr.row").first.inner_text().count("src <script>") == 1
    # the finding message with markup shows literally in the side list and the mark's title
    assert "Markup " + XSS[0] in detail.locator(".findings-list").inner_text()
    p.mouse.move(5, 5)
    p.wait_for_timeout(200)
    assert o.dialogs == []
    assert p.evaluate("window.__pwned") is None
    assert p.locator("body img").count() == 0
    assert p.locator("svg[onload], [onerror], [onload]").count() == 0
    assert p.evaluate("document.scripts.length") == 2  # the data block and the report script
    assert o.errors == []
    assert o.foreign_requests() == []


def test_safe_links_and_print_layout(demo_report: tuple[Path, list[Any]], open_report: Any) -> None:
    o = open_report(demo_report[0])
    p = o.page
    p.click('a.tab[data-tab="articles"]')
    p.locator("#articles-table tbody tr.row", has_text="000_").locator("button.expander").click()
    link = p.locator("#articles-table tr.detail a.url")
    assert link.get_attribute("href") == "https://example.org/000_bb2f05f5b41e6663"
    assert "noopener" in (link.get_attribute("rel") or "")
    p.emulate_media(media="print")
    assert p.is_visible("#overview") and p.is_visible("#sources") and p.is_visible("#articles")
    assert not p.is_visible("#filters")
    assert not p.is_visible(".tabs")


def test_keyboard_reaches_filters_and_rows(demo_report: tuple[Path, list[Any]], open_report: Any) -> None:
    o = open_report(demo_report[0])
    p = o.page
    p.click('a.tab[data-tab="articles"]')
    p.focus("#f-q")
    seen = []
    for _ in range(30):
        p.keyboard.press("Tab")
        seen.append(p.evaluate("document.activeElement.id || document.activeElement.className"))
        if seen[-1] == "expander":
            break
    assert {"f-src", "f-cat", "f-sev", "f-lang"} <= set(seen)
    assert seen[-1] == "expander"
    p.keyboard.press("Enter")
    assert p.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    # focus is visible: the focused element gets an outline
    outline = p.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_real_audit_of_the_seeds_marks_every_finding_in_place(tmp_path: Path, open_report: Any) -> None:
    """Whatever the checks find on the seeds, each text finding's marks spell its evidence."""
    import json
    import re

    out = tmp_path / "seeds.html"
    assert CliRunner().invoke(app, ["report", str(SEEDS), "-o", str(out), "--workers", "1"]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="report-data">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    o = open_report(out)
    p = o.page
    p.click('a.tab[data-tab="articles"]')
    checked = 0
    for d in data["details"]:
        btn = p.locator("#articles-table tbody tr.row", has_text=d["id"]).locator("button.expander")
        btn.click()
        detail = p.locator("#" + btn.get_attribute("aria-controls"))
        marks = detail.locator(".text:not(.fixed) mark, .field-val mark").evaluate_all("ms => ms.map(m => [m.dataset.f, m.textContent])")
        got: dict[int, str] = {}
        for f_attr, text in marks:
            for k in map(int, f_attr.split()):
                got[k] = got.get(k, "") + text
        for k, f in enumerate(d["f"]):
            if f[4] == "text":
                assert got.get(k, "") == f[5], (d["id"], f[0])
                checked += 1
        btn.click()
    assert checked > 0
    assert o.errors == [] and o.foreign_requests() == []


def test_opening_an_article_from_its_source(demo_report: tuple[Path, list[Any]], open_report: Any) -> None:
    o = open_report(demo_report[0])
    p = o.page
    p.click('a.tab[data-tab="sources"]')
    p.locator("#sources-table tbody tr.row", has_text="outlet-2").locator("button.expander").click()
    p.locator("#sources-table tr.detail button.expander").first.click()
    assert p.is_visible("#articles")
    assert _visible_rows(p) == ["002_2fe5b3f9881300d8"]
    assert p.locator("#articles-table tr.detail .text:not(.fixed)").count() == 1
    p.click("#filters button[type=reset]")
    p.wait_for_function("() => document.querySelectorAll('#articles-table tbody tr.row').length === 6")
