"""ENC006 html-tag: HTML markup left in the text (<p>, <br/>, <a href=…>, <script>…)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.text import Doc

_BLOCK = ("p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "blockquote", "section", "article", "header", "footer", "figure", "figcaption", "hr",
          "dl", "dt", "dd", "tbody", "thead", "tfoot", "td", "th", "nav", "aside", "main", "pre")
_INLINE = ("a", "b", "i", "u", "s", "em", "strong", "span", "img", "font", "sup", "sub", "small",
           "big", "abbr", "cite", "code", "q", "strike", "del", "ins", "mark", "time", "iframe",
           "source", "picture", "video", "audio", "noscript", "meta", "link", "button", "form",
           "input", "label", "select", "option", "svg", "path", "embed", "object", "param",
           "wbr", "center", "caption", "col", "colgroup", "html", "head", "body", "title", "base",
           "template", "amp-img", "o:p")
_NAMES = "|".join(sorted((re.escape(n) for n in _BLOCK + _INLINE), key=len, reverse=True))
# A tag: "<", optional "/", a known element name, then whitespace+attributes or the end.
# "a < b" (space after "<") and "<3" (no element name) never match. The attribute part
# is one bounded negated class: no nested quantifier, no backtracking blow-up.
_TAG_RE = re.compile(
    rf"<(?P<block>(?P<el>script|style)\b[^>]{{0,300}}>.{{0,20000}}?</(?P=el)\s*>)"
    rf"|<!--.{{0,5000}}?-->"
    rf"|<(?P<close>/?)(?P<name>{_NAMES})(?=[\s/>])[^<>]{{0,1000}}>",
    re.IGNORECASE | re.DOTALL,
)
_BLOCK_SET = frozenset(_BLOCK)


@register
class HtmlTag(Check):
    """HTML markup left in the text: tags, comments, script or style blocks.

    Paragraph and line-break tags, links, inline formatting, comments and whole
    ``<script>``/``<style>`` blocks that a scraper did not strip. Only known element
    names count, so comparisons ("a < b", "x<y") and hearts ("<3") in prose are not
    tags. The replacement removes inline markup and turns a block tag glued to text
    into a line break.

    **Anti-pattern**

    Markup in the body::

        <p>Der Bundestag hat am Donnerstag <a href="https://example.org/x">das Gesetz</a> beschlossen.<br/>Die Opposition stimmte dagegen.</p>

    **Best practice**

    Plain text, with a comparison in prose::

        Der Bundestag hat am Donnerstag das Gesetz beschlossen, obwohl die Zustimmung < 50 % lag <3
    """

    code = "ENC006"
    name = "html-tag"
    category = Category.ENCODING
    severity = Severity.WARNING
    fixable = True

    def run(self, doc: Doc) -> Iterator[Finding]:
        text = doc.text
        if "<" not in text:
            return
        for m in _TAG_RE.finditer(text):
            s, e = m.span()
            if m.group("block"):
                kind, repl = f"<{m.group('el').lower()}> block", ""
            elif m.group().startswith("<!--"):
                kind, repl = "HTML comment", ""
            else:
                name = m.group("name").lower()
                kind = f"HTML tag <{m.group('close')}{name}>"
                glued = (s > 0 and not text[s - 1].isspace()) and (e < len(text) and not text[e].isspace())
                repl = "\n" if name in _BLOCK_SET and glued else ""
            yield self.finding(doc, s, e, f"Leftover markup: {kind}; remove it.", replacement=repl)
