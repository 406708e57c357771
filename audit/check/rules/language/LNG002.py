"""LNG002 foreign-paragraph: a paragraph in another language than the article."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.check.rules.language._shared import letters, ranked, unquoted
from audit.lexicons import SUPPORTED_LANGUAGES
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class ForeignParagraph(Check):
    """A paragraph is written in another language than the rest of the article.

    An English paragraph inside a Polish article is usually an untranslated wire
    snippet, an embedded widget or boilerplate from another edition. Quoted passages
    are ignored (a quote may rightly stay in its original language), as are paragraphs
    too short to tell. The article's language is the one identified on the whole text
    (the declared one when the whole text is ambiguous).

    **Anti-pattern**

    A Polish report with an English paragraph::

        Prezydent Rosji Władimir Putin spotkał się w środę z przywódcą Korei Północnej Kim Dzong Unem na kosmodromie Wostocznyj. Rozmowy trwały prawie dwie godziny, po czym delegacje udały się na obiad.

        The two leaders met at the Vostochny Cosmodrome in Russia's Far East, where they held talks for several hours before moving to a lunch with their delegations.

        Według rosyjskich agencji Kim powiedział, że Rosja odniesie wielkie zwycięstwo w walce z Zachodem i że Pjongjang będzie ją wspierał.

    **Best practice**

    A Polish report quoting an English sentence::

        Prezydent Rosji Władimir Putin spotkał się w środę z przywódcą Korei Północnej Kim Dzong Unem na kosmodromie Wostocznyj. Rozmowy trwały prawie dwie godziny.

        Rzecznik Białego Domu powiedział: "We are watching this meeting very closely and we will respond to any arms deal". Według niego Waszyngton jest gotów nałożyć kolejne sankcje.
    """

    code = "LNG002"
    name = "foreign-paragraph"
    category = Category.LANGUAGE
    severity = Severity.WARNING

    # min_letters=100: about 17 words, where the restricted py3langid model is
    # reliable on the nine languages (100% on 60-word samples, measured on wordfreq
    # word lists for the issue #2 report); min_prob: see LNG001.
    def __init__(self, *, min_letters: int = 100, min_prob: float = 0.99,
                 max_article_prob: float = 0.01, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.min_letters = min_letters
        self.min_prob = min_prob
        self.max_article_prob = max_article_prob

    def run(self, doc: Doc) -> Iterator[Finding]:
        paras = doc.paragraphs
        if len(paras) < 2:
            return
        # the article's language is the one of its text as a whole (a wrong declared
        # language is LNG001's business), else the declared one
        probs = ranked(doc)
        best = max(probs, key=probs.__getitem__) if probs else None
        article = best if best and probs[best] >= self.min_prob else (doc.meta.get("declared_lang") or doc.lang)
        if article not in SUPPORTED_LANGUAGES:
            return
        from audit.check.langid import rank

        for s, e in paras:
            para = unquoted(doc.text[s:e])
            if letters(para) < self.min_letters:
                continue
            probs = dict(rank(para))
            best = max(probs, key=probs.__getitem__)
            if best == article or probs[best] < self.min_prob or probs.get(article, 0.0) > self.max_article_prob:
                continue
            yield self.finding(
                doc, s, e,
                f"This paragraph reads as '{best}' while the article is '{article}' "
                f"(probability {probs[best]:.2f}): untranslated or pasted text?",
                data={"article": article, "paragraph": best, "probability": round(probs[best], 4)},
            )
