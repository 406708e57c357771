"""MT005 mt-spacing: a space before a full stop or comma, or inside brackets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from audit.check.base import Check, register
from audit.check.rules.mt._common import DetectorMixin, Signal, cues
from audit.lexicons import SUPPORTED_LANGUAGES
from audit.model import Category, Finding, Severity
from audit.text import Doc

# spaces (incl. no-break and thin spaces) before a punctuation mark, then the mark, then
# something that is not part of a number, an ellipsis or a domain name
_SPACES = "[ \t\u00a0\u202f\u2009]+"


@cache
def _before_re(marks: str) -> re.Pattern[str]:
    cls = "".join(re.escape(c) for c in marks)
    return re.compile(rf"(?<=[\w\"”’»)])({_SPACES})([{cls}])(?![.…\w])")


_OPEN_BRACKET_RE = re.compile(rf"\(({_SPACES})(?=[^\W\d_])")
_CLOSE_BRACKET_RE = re.compile(rf"(?<=[^\W_])({_SPACES})\)")


@register
class Spacing(DetectorMixin, Check):
    """A space before a full stop or comma, or just inside brackets: a mark of MT pipelines.

    Translation pipelines that tokenise, translate and detokenise leave spaces around
    punctuation ("…Rosyjskiej Floty Pacyfiku . – powiedział", "( Reuters )"). Which marks
    may take a space is a per-language rule kept in ``mt_cues`` (``[spacing] marks``):
    French typography puts a space before ; : ! ? and inside « », so there only . and ,
    are checked (elsewhere also ; : ! ?: a space before a colon in English text is the
    French source's typography). Ellipses, decimals (".5"), domain names, "…" and scores or
    times set with spaces ("2 : 1") are never flagged.
    The fix removes the space.

    Severity: like every MT signal, a finding is a warning only when the article as a
    whole is judged machine translated (MT010 fires: ``mt_score`` over its threshold and
    at least two kinds of evidence agree); otherwise it is ``info``, an observation
    (see :mod:`audit.check.rules.mt._common`).

    **Anti-pattern**

    A space before the full stop and before the comma::

        Sąd okręgowy w Poznaniu uniewinnił w piątek byłego burmistrza , a prokuratura zapowiedziała apelację . Wyrok jest nieprawomocny.

    **Best practice**

    French spacing before a colon and a question mark is correct typography::

        Le tribunal a tranché : l'ancien maire est relaxé. Faut-il faire appel ? Le parquet réfléchit encore.
    """

    code = "MT005"
    name = "mt-spacing"
    category = Category.MACHINE_TRANSLATION
    severity = Severity.WARNING
    fixable = True
    languages = SUPPORTED_LANGUAGES
    kind = "spacing"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)

    def detect(self, doc: Doc) -> list[Signal]:
        conf = cues(doc.lang or "").get("spacing", {})
        marks = conf.get("marks", ".,;!?")
        text = doc.text
        out: list[Signal] = []
        for m in _before_re(marks).finditer(text):
            s, e = m.span(1)
            if m.group(2) == ":" and (text[s - 1].isdigit() or text[m.end():m.end() + 2].strip()[:1].isdigit()):
                continue  # a score or a time set with spaces ("2 : 1", "12 : 30")
            out.append(Signal("spacing", s, m.end(), strength=0.4,
                              data={"mark": m.group(2), "replacement": m.group(2)}))
        if conf.get("brackets", True):
            for rx, what in ((_OPEN_BRACKET_RE, "("), (_CLOSE_BRACKET_RE, ")")):
                for m in rx.finditer(text):
                    s, e = m.span(1)
                    if what == "(":
                        out.append(Signal("spacing", s - 1, e, strength=0.3,
                                          data={"mark": "(", "replacement": "("}))
                    else:
                        out.append(Signal("spacing", s, e + 1, strength=0.3,
                                          data={"mark": ")", "replacement": ")"}))
        out.sort(key=lambda x: x.start)
        return out

    def run(self, doc: Doc) -> Iterator[Finding]:
        for sig in self.signals(doc):
            mark = sig.data["mark"]
            msg = (f"Space before {mark!r}: spacing left by a machine-translation pipeline."
                   if mark not in "()" else f"Space inside the bracket {mark!r}: spacing left by a "
                   "machine-translation pipeline.")
            yield self.finding(doc, sig.start, sig.end, msg, replacement=sig.data["replacement"],
                               severity=self.severity_of(doc, sig), data={"mark": mark})
