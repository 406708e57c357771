"""atheris harness: the HTML report's escaping and highlight segmenting.

Fuzzed text, title, author, source, url, lang, id and findings (valid spans on any
field, fuzzed messages, evidence and replacements) go through ``render_report``.
Invariants: the page holds exactly the template's two ``<script`` elements and two
``</script`` end tags (no user string opens or closes one), the CSP meta is the first
element after ``<head>``'s charset, no user string containing ``<`` appears raw, the
embedded data is valid JSON, and every embedded text's highlight pieces concatenate
back to the article text with each mark covering exactly the spans it names.

Run: ``python tests/fuzz/run.py --harness report --minutes 10``.
"""

from __future__ import annotations

import json
import os
import re
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with atheris.instrument_imports(include=["audit.report"]):
    from audit.report import render_report
    from audit.report.segments import segments

from invariants import fail_on, fuzz

from audit.model import Article, ArticleResult, Finding

CATS = ("encoding", "boilerplate", "spam-bio", "structure")
SEVS = ("info", "warning", "error")
FIELDS = ("text", "title", "author")
_DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)
TOKENS = ("<script>", "</script>", "</textarea>", "<!--", "<svg onload=x>", "javascript:", "\u2028", "&", '"',
          "'", "`", "${", "\\u003c", "<img src=x onerror=y>", "expression(", "</style>")


_BASE: list[str] = []


def _baseline() -> str:
    """A page about a harmless article: strings of the template itself are not injections."""
    if not _BASE:
        art = Article(id="b", text="Plain text.", title="t", author="a", source="s", url="u", lang="en")
        _BASE.append(render_report([ArticleResult(article=art, lang="en", scores={"mt_score": 0.5})]))
    return _BASE[0]


def _str(fdp: atheris.FuzzedDataProvider, n: int) -> str:
    s = fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, n))
    if fdp.ConsumeBool():  # splice a known dangerous token in
        t = TOKENS[fdp.ConsumeIntInRange(0, len(TOKENS) - 1)]
        k = fdp.ConsumeIntInRange(0, len(s))
        s = s[:k] + t + s[k:]
    return s


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    fields = {f: _str(fdp, 60) for f in ("id", "title", "author", "source", "url", "lang")}
    text = _str(fdp, 400)
    art = Article(id=fields["id"] or "x", text=text, title=fields["title"], author=fields["author"],
                  source=fields["source"], url=fields["url"], lang=fields["lang"] or None)
    findings: list[Finding] = []
    for _ in range(fdp.ConsumeIntInRange(0, 6)):
        field = FIELDS[fdp.ConsumeIntInRange(0, 2)]
        value = getattr(art, field) or ""
        s = fdp.ConsumeIntInRange(0, len(value))
        e = fdp.ConsumeIntInRange(s, len(value))
        findings.append(Finding.at(value, s, e, check=f"XX{fdp.ConsumeIntInRange(0, 999):03d}",
                                   category=CATS[fdp.ConsumeIntInRange(0, 3)], severity=SEVS[fdp.ConsumeIntInRange(0, 2)],
                                   message=_str(fdp, 40) or "m", field=field,
                                   replacement=_str(fdp, 10) if fdp.ConsumeBool() else None))
    findings.sort(key=lambda f: (f.field != "text", f.field, f.start, f.end, f.check))
    result = ArticleResult(article=art, lang=art.lang, findings=findings, scores={"mt_score": 0.5})
    html = render_report([result])
    low = html.lower()
    problems = []
    if low.count("<script") != 2 or low.count("</script") != 2:
        problems.append(f"{low.count('<script')} <script / {low.count('</script')} </script in the page")
    head = low.split("<title>", 1)[0]
    if head.count("content-security-policy") != 1:
        problems.append("the CSP meta is not in the head exactly once")
    for v in [*fields.values(), text, *(f.message for f in findings)]:
        if "<" in v and len(v) > 3 and v in html and v not in _baseline():
            problems.append(f"raw user string in the page: {v[:60]!r}")
    m = _DATA.search(html)
    if not m:
        problems.append("no report-data element")
    else:
        payload = json.loads(m.group(1))
        for d in payload["details"]:
            got = "".join(p if isinstance(p, str) else p[0] for p in d["text"])
            if got != text:
                problems.append("text pieces do not concatenate to the text")
    spans = [(f.start, f.end) for f in findings]
    segs = segments(len(text), spans)
    if segs and (segs[0][0] != 0 or segs[-1][1] != len(text)):
        problems.append("segments do not cover the text")
    for (a, b, cover), nxt in zip(segs, [*segs[1:], None], strict=False):
        if nxt is not None and nxt[0] != b:
            problems.append("segments are not contiguous")
        want = tuple(i for i, (s, e) in enumerate(spans) if s <= a and b <= e and s < e)
        if cover != want:
            problems.append(f"segment {a}:{b} covered by {cover}, expected {want}")
    fail_on(problems)


def main() -> None:
    fuzz(TestOneInput)


if __name__ == "__main__":
    main()
