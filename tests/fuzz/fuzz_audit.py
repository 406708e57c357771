"""atheris harness: the full Auditor (every registered check and scorer) on fuzzed
text and metadata (title, author, source, url, declared language).

Invariants (``invariants.py``): ``audit`` never raises, no check reports an
``internal-error``, no article runs out of the default 10 s budget (inputs are at most
a few KB: a timeout here is a super-linear check), every finding's span lies inside its
field and its evidence equals the field's text at that span.

Run: ``python tests/fuzz/run.py --harness audit --minutes 10``.
"""

from __future__ import annotations

import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
LANGS = (None, "pl", "bg", "ro", "en", "de", "es", "fr", "ru", "uk", "xx", "")
# the check and scorer modules are imported when the Auditor is built and first used
# (registry(), article_scorers(), lazy lexicons): do both inside the instrumenting block
with atheris.instrument_imports(include=["audit"]):
    from audit.check.engine import Auditor
    from audit.model import Article

    AUDITOR = Auditor()
    for _lang in LANGS:
        AUDITOR.audit(Article(id="warm", text="Warm up the lazy models, said Jan. " * 5, lang=_lang))

from invariants import fail_on, fuzz, result_problems  # noqa: E402


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = LANGS[fdp.ConsumeIntInRange(0, len(LANGS) - 1)]
    meta = [fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 80)) if fdp.ConsumeBool() else None
            for _ in range(4)]
    # ConsumeUnicode may hold lone surrogates: as JSON "\ud800" escapes deliver them
    text = fdp.ConsumeUnicode(fdp.remaining_bytes())
    article = Article(id="fuzz", text=text, title=meta[0], author=meta[1], source=meta[2], url=meta[3], lang=lang)
    result = AUDITOR.audit(article)
    problems = result_problems(article, result)
    fail_on(problems)


def main() -> None:
    fuzz(TestOneInput)


if __name__ == "__main__":
    main()
