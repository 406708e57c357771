"""ATT002 unsourced-article: a news-length article that attributes nothing to anyone."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.score.attribution import get
from audit.text import Doc


@register
class UnsourcedArticle(Check):
    """A news-length article with no attribution at all: no source, no quote, no agency.

    News reporting says where its information comes from. A story of news length in
    which no statement is tied to a person, an institution, an agency or a document is
    opinion, rewritten press material or fabricated filler. Short briefs are exempt.

    **Anti-pattern**

    A 160-word "report" that never says who said or showed any of it::

        The government will raise fuel taxes next month and the increase will hit rural
        drivers hardest. Prices at the pump are already at a record and many families
        will have to choose between driving to work and heating their homes this winter.
        The decision was taken behind closed doors and nobody in the capital cares about
        the regions. Smaller petrol stations will close, queues will grow longer and the
        black market in diesel will flourish again, as it did ten years ago. Farmers will
        pass the cost on to shoppers, so bread, milk and vegetables will cost more before
        Christmas. The opposition has no plan either, and the next election is still two
        years away. Economists have long known that fuel taxes fall hardest on those who
        earn least, yet the same mistake is made again and again. Drivers should fill up
        now, before the new rates apply, and keep receipts for the annual tax return. It
        is the only protection left to them in a system that was built for the cities
        and still ignores everyone who lives outside them, from the north to the south.

    **Best practice**

    The same length, but the claims are sourced::

        The government will raise fuel taxes next month, Finance Minister Anna Novak said
        on Monday, and the increase will hit rural drivers hardest, according to the
        national statistics office. "Prices at the pump are already at a record," said
        Piotr Lis, head of the drivers' association. Many families will have to choose
        between driving to work and heating their homes this winter, he added. The
        decision was taken at a closed cabinet meeting, two ministers told Reuters.
        Smaller petrol stations will close, queues will grow longer and the black market
        in diesel will flourish again, the association warned. Farmers will pass the cost
        on to shoppers, so bread, milk and vegetables will cost more before Christmas,
        the farmers' union said in a statement. The opposition has presented no plan of
        its own, and the next election is still two years away. Economists have long
        argued that fuel taxes fall hardest on those who earn least. Drivers should fill
        up now, before the new rates apply, and keep receipts for the annual tax return,
        the ministry said. The new rates apply from the first day of next month.
    """

    code = "ATT002"
    name = "unsourced-article"
    category = Category.ATTRIBUTION
    severity = Severity.WARNING
    groups = ("sourcing",)

    # min_words=150: below this an item is a brief or a flash, which wire services file with
    # only a dateline; a judgement call, checked on tests/corpus/dev (134 labelled articles,
    # 9 languages): at 150 words ATT002 flags 10 articles, all labelled unsourced (precision
    # 1.00, recall 0.50); 100 or 120 words add one, 180 loses four.
    def __init__(self, *, min_words: int = 150, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.min_words = min_words

    def run(self, doc: Doc) -> Iterator[Finding]:
        a = get(doc)
        n = len(doc.words)
        if n < self.min_words or a.attributions or not doc.nonblank_lines:
            return
        s, e = doc.nonblank_lines[0][0], doc.nonblank_lines[-1][1]
        yield self.finding(
            doc, s, e,
            f"No statement in this {n}-word article is attributed to a source (no quote, agency or 'said').",
            data={"words": n, "sentences": a.sentences, "unattributed_quotes": len(a.unattributed_quotes)},
        )
