"""Report security (issue #8): a corpus of HTML/JS injection strings in every article field
(text, title, author, source, url, id), run through the real pipeline (``newsaudit report`` on
a JSON Lines file: loader, every check, report), opens in headless Chromium and runs nothing.

Each payload sets ``window.__pwned`` (or calls ``alert``) if it ever executes. After opening
every tab, every source and every article detail (original and repaired text), the page must
show the payloads as text, hold only its own two ``<script>`` elements, no event-handler
attribute, no ``javascript:`` link, no frame, and log no error (a CSP violation is an error).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from audit.cli.main import app

pytestmark = pytest.mark.browser

BASE = [
    "<script>window.__pwned=1;alert(1)</script>",
    "<img src=x onerror=\"window.__pwned=2;alert(2)\">",
    "</script><script>window.__pwned=3</script>",
    "</textarea><svg onload=\"window.__pwned=4\">",
    "</title><script>window.__pwned=5</script>",
    "</style><script>window.__pwned=6</script>",
    "javascript:window.__pwned=7",
    "<a href=\"javascript:window.__pwned=8\">click</a>",
    "<div style=\"background:url(javascript:window.__pwned=9)\">x</div>",
    "<style>*{width:expression(window.__pwned=10)}</style>",
    "<svg><script>window.__pwned=11</script></svg>",
    "<iframe srcdoc=\"<script>parent.__pwned=12</script>\"></iframe>",
    "\"><script>window.__pwned=13</script>",
    "'><img src=x onerror=window.__pwned=14>",
    "<!--<script>window.__pwned=15</script>-->",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=16>",
    "<base href=\"javascript:window.__pwned=17//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__pwned=18\">",
    "${window.__pwned=19}",
    "{{constructor.constructor('window.__pwned=20')()}}",
    "<details open ontoggle=\"window.__pwned=21\">",
    "<body onload=window.__pwned=22>",
    "</SCRIPT ><SCRIPT>window.__pwned=23</SCRIPT >",
    "<scr<script>ipt>window.__pwned=24</scr</script>ipt>",
    "<object data=\"javascript:window.__pwned=25\"></object>",
    "<form action=\"javascript:window.__pwned=26\"><button>go</button></form>",
    "<input autofocus onfocus=window.__pwned=27>",
    "<video><source onerror=\"window.__pwned=28\"></video>",
    "\u2028\u2029<script>window.__pwned=29</script>",
    "\uff1cscript\uff1ewindow.__pwned=30\uff1c/script\uff1e",  # fullwidth brackets
    "&lt;script&gt;window.__pwned=31&lt;/script&gt;",  # entities stay literal text
    "%3Cscript%3Ewindow.__pwned=32%3C/script%3E",
    "<img src=x onerror=\"window.__pwned=33\"\x00>",
    "<a href=\"jav&#x09;ascript:window.__pwned=34\">tab</a>",
    "data:text/html,<script>window.__pwned=35</script>",
]


def _records() -> list[dict[str, Any]]:
    recs = []
    for i, p in enumerate(BASE):
        body = (f"The council met on Monday to discuss the budget, the mayor said. {p} "
                f"Officials said the vote would take place next week. Ã© Ã³ {p}\n\n"
                f"Read also: {p}\nMore from the author {p}")
        recs.append({"id": f"x{i}-{p}", "text": body, "title": f"Title {p}", "author": f"Author {p}",
                     "source": f"src{i % 4} {p}", "url": p if i % 2 else f"https://example.org/{i}?q={p}",
                     "lang": ["en", "pl", "de", None][i % 4]})
    return recs


@pytest.fixture(scope="module")
def injected_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("inject")
    src = d / "inject.jsonl"
    # ensure_ascii: every "<" reaches the loader as the escape \u003c, decoded back to "<"
    src.write_text("".join(json.dumps(r, ensure_ascii=i % 2 == 0).replace("<", "\\u003c" if i % 3 == 0 else "<")
                           + "\n" for i, r in enumerate(_records())), encoding="utf-8")
    out = d / "inject.html"
    res = CliRunner().invoke(app, ["report", str(src), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.output
    return out


_DANGER_JS = """() => {
  const all = [...document.querySelectorAll('*')];
  return {
    handlers: all.filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on'))).map(e => e.outerHTML.slice(0, 120)),
    jsLinks: all.filter(e => ['href', 'src', 'action', 'data', 'formaction'].some(n => (e.getAttribute(n) || '').replace(/[\\s\\x00-\\x1f]/g, '').toLowerCase().startsWith('javascript:'))).map(e => e.outerHTML.slice(0, 120)),
    frames: document.querySelectorAll('iframe, object, embed, base, video, source, math, form:not(#filters)').length,
    metas: [...document.querySelectorAll('meta[http-equiv]')].map(m => m.getAttribute('http-equiv').toLowerCase()),
    scripts: document.scripts.length,
    styles: document.querySelectorAll('style').length,
    pwned: window.__pwned === undefined ? null : window.__pwned,
  };
}"""


def test_injection_corpus_runs_nothing_in_the_report(injected_report: Path, open_report: Any) -> None:
    o = open_report(injected_report)
    p = o.page
    before = p.evaluate(_DANGER_JS)
    for tab in ("sources", "articles", "overview"):
        p.click(f'a.tab[data-tab="{tab}"]')
    p.click('a.tab[data-tab="sources"]')
    for b in p.query_selector_all("#sources-table tbody tr.row button.expander"):
        b.click()
    p.click('a.tab[data-tab="articles"]')
    rows = p.query_selector_all("#articles-table tbody tr.row button.expander")
    assert len(rows) == len(BASE)
    for b in rows:
        b.click()
    assert p.locator("#articles-table tr.detail").count() == len(BASE)
    p.mouse.move(300, 300)
    p.keyboard.press("Tab")
    p.wait_for_timeout(300)
    after = p.evaluate(_DANGER_JS)
    assert after["pwned"] is None and o.dialogs == []
    assert after["handlers"] == [] and after["jsLinks"] == []
    assert after["frames"] == 0
    assert after["metas"] == before["metas"] == ["content-security-policy"]
    assert after["scripts"] == 2 and after["styles"] == before["styles"]
    assert o.errors == []  # a blocked inline script would log a CSP violation here
    assert o.foreign_requests() == []
    # escaped, not stripped: the payloads read as text in the article bodies and headers
    details = p.locator("#articles-table tr.detail").all_inner_texts()
    shown = "\n".join(details)
    for payload in BASE:
        visible = payload.replace("\x00", "\ufffd") if "\x00" in payload else payload
        core = visible.replace("\u2028", "").replace("\u2029", "")
        assert core[:30] in shown or core[:30].replace("\x00", "") in shown, payload
