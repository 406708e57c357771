"""MT006 mt-untranslated: a run of English words left untranslated inside a sentence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from audit.check.base import Check, register
from audit.check.rules.mt._common import (
    DetectorMixin,
    Signal,
    cue_set,
    cues,
    enclosing_span,
    is_capitalised,
    quote_spans,
    stopwords,
    zipf,
)
from audit.lexicons import SUPPORTED_LANGUAGES
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class Untranslated(DetectorMixin, Check):
    """Ordinary words of the source language left untranslated inside a sentence.

    When a pipeline fails on part of a sentence it passes the source text through: "Rząd
    ogłosił, że the new rules will apply od stycznia." The check looks for runs of
    consecutive Latin-script words that are each common English (``wordfreq`` Zipf >=
    ``min_en_zipf``) and clearly more English than the article's language (by
    ``margin`` Zipf points). A run counts when it

    * has ``min_words`` words and an English function word ("the new rules will apply"), or
    * in Cyrillic text, has two lowercase words ("below analysts' expectations", "war risk
      cover", or joined by hyphens: "peer-reviewed", "like-for-like"): Bulgarian, Russian
      and Ukrainian news transliterate English loans, so lowercase Latin-script English is
      never their own vocabulary, or
    * in other languages, has ``min_words`` lowercase words that are all clearly English
      ("home court advantage"), a weaker signal (a loan compound is possible);
    * is a lowercase hyphenated English compound ("peer-reviewed", "like-for-like",
      "single-use", "smoke-free"): every part an English word of three letters or more, one
      clearly English; strong (0.8) in Cyrillic text, weak (0.4) in Latin script, where
      loans have the same shape ("spin-off", "full-time": on the dev halves of waves 1-10 the
      weak form found 8 labels and fired in 6 clean articles, all on such loans; 0.4 needs a
      strong second kind of evidence, a calque, fused clause or fragment of 0.8).

    A name at either edge of a run is cut off with the lowercase function words it holds
    ("according to the | Centers for Disease Control and Prevention"); when names inside the
    run make most of its content words capitalised, the longest lowercase stretch between
    them is judged on its own ("…, with Leila | ranking first in | Lyon and the Grand Est").

    Chunks of the other wire languages (``source_languages`` of ``mt_cues/<lang>.toml``:
    German, French, Spanish, Italian, Portuguese and, for English text, Polish and
    Romanian) are found the same way in every language: a run of two or more words clearly of one of them (Zipf
    ``margin`` over the article's language and English), with a function word of that
    language or three words long ("Sin embargo, no major damage…", "…w jelitach, das Risiko
    sei nicht zu unterschätzen, powiedziała…").

    Text in a script none of our languages writes (Chinese, Japanese, Korean, Arabic…: two
    characters or more) is the source passed through in any language, even in quotation
    marks ("the "渔光互补" model"); so are two or more lowercase Cyrillic words outside quotes
    in a Latin-script article ("…said that ситуация под контролем").

    Runs in quotes, runs whose content words are capitalised (names, titles of works such as
    "Carnegie Endowment for International Peace" or "Game of Thrones"), established loan
    phrases listed per language in ``mt_cues`` ("know how", "fake news"; in English "de
    facto", "coup d'état") and URLs are not flagged.

    Severity: like every MT signal, a finding is a warning only when the article as a
    whole is judged machine translated (MT010 fires: ``mt_score`` over its threshold and
    at least two kinds of evidence agree); otherwise it is ``info``, an observation
    (see :mod:`audit.check.rules.mt._common`).

    **Anti-pattern**

    An English clause left inside a Polish sentence::

        Ministerstwo Zdrowia poinformowało w poniedziałek, że the new vaccination rules will apply od początku przyszłego roku.

    **Best practice**

    An English title of a work and a loan phrase are fine::

        Serial „The Crown” zdobył kolejną nagrodę, a twórcy podkreślają, że ich know how pochodzi z teatru.
    """

    code = "MT006"
    name = "mt-untranslated"
    category = Category.MACHINE_TRANSLATION
    severity = Severity.WARNING
    languages = SUPPORTED_LANGUAGES
    kind = "untranslated"
    # standalone=0.9: an untranslated clause of three or more words with a function word
    # ("the new rules will apply") is a warning on its own: a pipeline passed the source
    # through, no writer does that outside quotes. Measured on tests/corpus/dev, waves 1-4:
    # none of the 313 articles without an MT label holds one; two machine-translated articles
    # held one and no second kind. (A stranded fragment of 0.9 stays an observation: a
    # typo'd split word alone is not a translation.)
    standalone = 0.9

    # min_words=3: two-word English phrases are mostly loanwords or names ("soft power",
    # "Global Hawk"); the brief sets three common words as the bar.
    # min_en_zipf=3.0: once per million English words, covers all function words and
    # everyday vocabulary. margin=1.5: a word counts as clearly English when it is 1.5 Zipf
    # points (30x) more frequent in English; 'to', 'do', 'on' in Polish, 'was', 'in' in
    # German, 'a' in Spanish score within 1.1 and never count as clearly English. Words
    # as common in both languages ('vaccination' in French, 'new' in Polish) may join a
    # run, which needs two clearly English words and an English function word.
    # pair_words=2: two clearly English lowercase words ("shadow fleet", "free cash flow"'s
    # tail) are a weak signal (0.5) that needs another kind of evidence to count; they missed
    # 13 of 22 untranslated labels on tests/corpus/dev before. single_min_zipf=3.5: a lone
    # lowercase Latin-script word in Cyrillic text counts (0.5) when it is everyday English
    # (once per 300,000 words: "guidance", "deadline"), not a code or a rare brand.
    def __init__(self, *, min_words: int = 3, min_en_zipf: float = 3.0, margin: float = 1.5,
                 pair_words: int = 2, single_min_zipf: float = 3.5, **kw: Any) -> None:
        super().__init__(**kw)
        self.min_words = min_words
        self.min_en_zipf = min_en_zipf
        self.margin = margin
        self.pair_words = pair_words
        self.single_min_zipf = single_min_zipf

    def detect(self, doc: Doc, *, min_words: int, min_en_zipf: float, margin: float,
               pair_words: int, single_min_zipf: float) -> list[Signal]:
        lang = doc.lang or ""
        out = [] if lang == "en" else self._english_runs(doc, min_words, min_en_zipf, margin, pair_words,
                                                          single_min_zipf)
        # English runs first, then other source languages, then other scripts: a later kind
        # only where no earlier one was found
        for more in (self._foreign_runs(doc, min_words, min_en_zipf, margin), _script_runs(doc)):
            out += [sg for sg in more if not any(o.start < sg.end and sg.start < o.end for o in out)]
        return sorted(out, key=lambda sg: (sg.start, sg.end))

    def _english_runs(self, doc: Doc, min_words: int, min_en_zipf: float, margin: float,
                      pair_words: int, single_min_zipf: float) -> list[Signal]:
        """Runs of English words in a text of another language."""
        lang = doc.lang or ""
        text = doc.text
        function = cue_set("en", "source", "function_words")
        loans = cue_set(lang, "untranslated", "loan_phrases")
        quotes = quote_spans(doc)
        cyrillic = lang in _CYRILLIC
        shortest = 2 if cyrillic else min_words
        out: list[Signal] = []

        kind_of = _english_kinds(lang, min_en_zipf, margin)
        words = doc.words
        lows = doc.lower_words
        kinds_all = [kind_of(w) for w in lows]
        run: list[int] = []
        for k in range(len(words) + 1):
            kind = kinds_all[k] if k < len(words) else 0
            if kind and (not run or _joined(text, words[k - 1][1], words[k][0])):
                run.append(k)
                continue
            if run:
                # the name at either edge goes first, then merely compatible words at the
                # edges (function words stay)
                part = _trim(_without_name(text, words, run, lows, function), kinds_all, lows, function)
                clear = sum(kinds_all[i] == 2 for i in part)
                sig = None
                if len(part) >= min(shortest, pair_words) and clear >= 2:
                    sig = self._check_run(doc, words, part, function, loans, quotes,
                                          min_words=min_words, cyrillic=cyrillic,
                                          all_clear=clear == len(part), pair_words=pair_words)
                    if sig is None:
                        sig = self._lowercase_stretch(doc, words, part, kinds_all, lows, function, loans,
                                                      quotes, min_words=min_words, cyrillic=cyrillic,
                                                      pair_words=pair_words)
                elif cyrillic and len(part) == 1 and clear == 1:
                    sig = self._single_in_cyrillic(doc, words[part[0]], loans, quotes, single_min_zipf)
                if sig:
                    out.append(sig)
            run = [k] if kind else []
        out += [sg for sg in self._compounds(doc, kind_of, function, loans, quotes, cyrillic)
                if not any(o.start < sg.end and sg.start < o.end for o in out)]
        return out

    def _lowercase_stretch(self, doc: Doc, words: list[tuple[int, int]], part: list[int], kinds_all: list[int],
                           lows: list[str], function: frozenset[str], loans: frozenset[str],
                           quotes: list[tuple[int, int]], *, min_words: int, cyrillic: bool,
                           pair_words: int) -> Signal | None:
        """A run judged a name as a whole (most content words capitalised) may still hold an
        English clause around a name inside it: "…restent fortes, with Muhammad ranking first in
        London and the West Midlands" holds "ranking first in". The longest lowercase stretch
        between its capitalised words counts when it has ``min_words`` words, a content word
        and two clearly English ones (names hold at most two lowercase function words in a
        row: "Museum of the City of New York", "Gone with the Wind")."""
        text = doc.text
        stretches: list[list[int]] = [[]]
        for i in part:
            if text[words[i][0]].isupper():
                stretches.append([])
            else:
                stretches[-1].append(i)
        best = max((_trim(st, kinds_all, lows, function) for st in stretches), key=len)
        if (len(best) < min_words or all(lows[i] in function for i in best)
                or sum(kinds_all[i] == 2 for i in best) < 2):
            return None
        return self._check_run(doc, words, best, function, loans, quotes, min_words=min_words,
                               cyrillic=cyrillic, all_clear=all(kinds_all[i] == 2 for i in best),
                               pair_words=pair_words)

    @staticmethod
    def _compounds(doc: Doc, kind_of: Callable[[str], int], function: frozenset[str],
                   loans: frozenset[str], quotes: list[tuple[int, int]], cyrillic: bool) -> list[Signal]:
        """A lowercase hyphenated English compound ("описани в peer-reviewed статия",
        "like-for-like продажби", "una medida nanny-state"): two or more English content
        words of three letters or more ("e-mail" is a loan), one of them clearly English, with
        English function words between them allowed. In Cyrillic text it is as strong as a
        lowercase pair (0.8); in Latin script weak (0.4), since loans have the same shape
        ("spin-off", "full-time")."""
        text = doc.text
        out: list[Signal] = []
        for (start, end), lw in zip(doc.words, doc.lower_words, strict=True):
            if "-" not in lw or not lw.isascii() or lw != text[start:end]:
                continue
            parts = lw.split("-")
            content = [p for p in parts if p not in function]
            kinds = [kind_of(p) for p in content]
            if len(content) < 2 or any(len(p) < 3 for p in content) or 0 in kinds or 2 not in kinds:
                continue  # every part an English word, one of them clearly English
            if " ".join(parts) in loans or lw in loans:
                continue
            if _quoted(doc, quotes, start, end) or not _free_standing(text, start, end):
                continue
            out.append(Signal("untranslated", start, end, strength=0.8 if cyrillic else 0.4,
                              data={"phrase": text[start:end]}))
        return out

    def _single_in_cyrillic(self, doc: Doc, word: tuple[int, int], loans: frozenset[str],
                            quotes: list[tuple[int, int]], min_zipf: float) -> Signal | None:
        """One lowercase English word inside Cyrillic text ("сохранила свой guidance"): a weak
        signal. Bulgarian, Russian and Ukrainian transliterate loans; Latin script is kept for
        names, brands and codes, which are capitalised, mixed-case, short or rare English."""
        start, end = word
        tok = doc.text[start:end]
        if (len(tok) < 4 or not tok.islower() or zipf(tok, "en") < min_zipf or tok in loans
                or _quoted(doc, quotes, start, end) or not _free_standing(doc.text, start, end)
                or "-" in (doc.text[start - 1:start], doc.text[end:end + 1])):  # "online-трансляция"
            return None
        return Signal("untranslated", start, end, strength=0.5, data={"phrase": tok})

    def _foreign_runs(self, doc: Doc, min_words: int, min_zipf: float, margin: float) -> list[Signal]:
        """Runs of words clearly of one of the article language's ``source_languages``
        (``mt_cues/<lang>.toml``: Spanish, French, German… wire copy is translated from) that
        are not English (English has its own rules, :meth:`_english_runs`)."""
        lang = doc.lang or ""
        text = doc.text
        words = doc.words
        lows = doc.lower_words
        loans = cue_set(lang, "untranslated", "loan_phrases")
        quotes = quote_spans(doc)
        out: list[Signal] = []
        for src in cues(lang).get("untranslated", {}).get("source_languages", ()):
            if src in (lang, "en"):
                continue
            is_src = _source_words(src, lang, min_zipf, margin)
            stop = stopwords(src)
            run: list[int] = []
            for k in range(len(words) + 1):
                ok = k < len(words) and is_src(lows[k])
                if ok and (not run or _joined(text, words[k - 1][1], words[k][0])):
                    run.append(k)
                    continue
                if len(run) >= 2 and (len(run) >= min_words or any(lows[i] in stop for i in run)):
                    start, end = words[run[0]][0], words[run[-1]][1]
                    toks = [text[words[i][0]:words[i][1]] for i in run]
                    phrase = " ".join(lows[i] for i in run)
                    content = [t for t, i in zip(toks, run, strict=True) if lows[i] not in stop] or toks
                    # a name: its content words capitalised ("Comunidad de Madrid", "Partido
                    # Popular"); German capitalises nouns, so there only an all-capitals run
                    named = all(t[:1].isupper() for t in (toks if src == "de" else content))
                    nxt = run[-1] + 1
                    if ((src != "de" or toks[0][:1].isupper()) and lows[run[-1]] in stop and nxt < len(words)
                            and text[words[nxt][0]:words[nxt][1]][:1].isupper()
                            and not text[end:words[nxt][0]].strip()):
                        named = True  # "… Comunidad de | Madrid", "Bild am | Sonntag": the run
                        # ends inside a name (not "… teilte das Unternehmen mit. | Proiectul": a
                        # new sentence; not "teilte das | Bundesarbeitsministerium mit": German
                        # capitalises every noun, so a lowercase verb and an article before one
                        # are no name)
                    if not (named
                            or any(lp in phrase for lp in loans) or _quoted(doc, quotes, start, end)
                            or any(o.start < end and start < o.end for o in out)):
                        out.append(Signal("untranslated", start, end, strength=0.9,
                                          data={"phrase": text[start:end], "source": src}))
                run = [k] if ok else []
        out.sort(key=lambda s: (s.start, s.end))
        return out

    def _check_run(self, doc: Doc, words: list[tuple[int, int]], run: list[int], function: frozenset[str],
                   loans: frozenset[str], quotes: list[tuple[int, int]], *, min_words: int,
                   cyrillic: bool, all_clear: bool, pair_words: int) -> Signal | None:
        text = doc.text
        start, end = words[run[0]][0], words[run[-1]][1]
        toks = [text[words[i][0]:words[i][1]] for i in run]
        low = [t.lower() for t in toks]
        lowercase = all(t[:1].islower() for t in toks)
        if any(t in function for t in low) and len(run) >= min_words:
            strength = 0.9
        elif cyrillic and lowercase:
            strength = 0.8  # lowercase Latin-script English inside Cyrillic text
        elif lowercase and all_clear and len(run) >= min_words:
            strength = 0.7  # no function word: an English compound, maybe a loan
        elif lowercase and all_clear and len(run) >= pair_words:
            strength = 0.5  # two clearly English words ("shadow fleet"): loans look the same
        else:
            return None
        content = [t for t, lw in zip(toks, low, strict=True) if lw not in function]
        if content and sum(is_capitalised(t) or t.isupper() for t in content) * 2 >= len(content):
            return None  # a name or a title of a work
        phrase = " ".join(low)
        if any(lp in phrase for lp in loans):
            return None
        if _quoted(doc, quotes, start, end):
            return None
        if not _free_standing(text, start, end):
            return None  # part of a URL, an e-mail address or a hashtag
        return Signal("untranslated", start, end, strength=strength, data={"phrase": text[start:end]})

    def run(self, doc: Doc) -> Iterator[Finding]:
        for sig in self.signals(doc):
            yield self.finding(
                doc, sig.start, sig.end,
                f"Untranslated {_NAMES.get(sig.data.get('source', 'en'), 'source-language')} "
                f"{sig.data['phrase']!r} inside a{'n' if doc.lang == 'en' else ''} {_NAMES.get(doc.lang or '', doc.lang)} "
                "sentence: the translation pipeline passed the source text through.",
                severity=self.severity_of(doc, sig), data=dict(sig.data),
            )


@lru_cache(maxsize=64)
def _english_kinds(lang: str, min_en_zipf: float, margin: float) -> Callable[[str], int]:
    """A cached classifier of lowercased words: 2 clearly English (``margin`` Zipf more
    frequent in English), 1 compatible (as common in English as in ``lang``), 0 not English."""

    @lru_cache(maxsize=131_072)
    def kind(lw: str) -> int:
        if not lw.isascii() or not lw.isalpha():
            return 0
        ze = zipf(lw, "en")
        if ze < min_en_zipf:
            return 0
        diff = ze - zipf(lw, lang)
        return 2 if diff >= margin else 1 if diff >= -0.5 else 0

    return kind


def _quoted(doc: Doc, quotes: list[tuple[int, int]], start: int, end: int) -> bool:
    """The run is inside a quotation in another language: a speaker quoted in the original
    ("„It was a good race for June, I'm happy with that”"). A run inside a quote in the
    article's own language («Последние пять кругов были absolutely mental, честно говоря»)
    is not: the pipeline left part of the quoted sentence untranslated. The quote is in the
    article's language when a lowercase word outside the run is clearly of that language
    (``_OWN_MARGIN`` Zipf more frequent in it than in English and the other wire languages:
    „Każda jednostka krwi ma znaczenie, especially during the holiday season”); words two
    languages share ("sa", "public", "participation") and names decide nothing, so « Chaque
    génération doit trouver sa propre voie » in a Romanian article and «strategic lawsuits
    against public participation» in a French one stay the speaker's."""
    span = enclosing_span(quotes, start, end)
    if span is None:
        return False
    lang = doc.lang or ""
    others = tuple(x for x in ("en", *cues(lang).get("untranslated", {}).get("source_languages", ())) if x != lang)
    text = doc.text
    for ws, we in doc.words_in(*span):
        w = text[ws:we]
        if not w.isalpha() or not w.islower() or start <= ws < end:
            continue
        z = zipf(w, lang)
        if z >= _OWN_ZIPF and z - max(zipf(w, o) for o in others) >= _OWN_MARGIN:
            return False  # a word of the article's own language: the quote is not foreign
    return True


# _OWN_ZIPF=3.0, _OWN_MARGIN=1.5: a word clearly of the article's language, by MT006's own
# margin for clearly English words (the Polish "jednostka" 4.3 / English 0, the Russian "уйдём");
# words shared by two languages (ro/fr "sa", fr/en "public") stay below the margin.
_OWN_ZIPF = 3.0
_OWN_MARGIN = 1.5


def _free_standing(text: str, start: int, end: int) -> bool:
    """Not part of a URL, an e-mail address, a hashtag or a file name."""
    before = text[max(0, start - 1):start]
    after = text[end:end + 1]
    return not ((before and before in "/@.#_") or after in ("/", "@", "_") or text[end:end + 2] in (".c", ".o", ".n"))


def _without_name(text: str, words: list[tuple[int, int]], run: list[int],
                  lows: list[str], function: frozenset[str]) -> list[int]:
    """The run without the name that starts or ends it (capitalised words, with the lowercase
    function words a name holds between them: "according to the Centers for Disease Control and
    Prevention" -> "according to the"; "with Muhammad ranking first in London and the West
    Midlands" -> "with Muhammad ranking first in"); capitals inside a lowercase run, or a run all
    in capitals, are judged as a whole.

    >>> t = "according to the Centers for Disease Control and Prevention"
    >>> ws = [(m.start(), m.end()) for m in __import__("re").finditer(r"\\w+", t)]
    >>> idx = _without_name(t, ws, list(range(len(ws))), [t[s:e].lower() for s, e in ws],
    ...                     frozenset({"to", "the", "for", "and"}))
    >>> " ".join(t[ws[i][0]:ws[i][1]] for i in idx)
    'according to the'
    """
    caps = [text[words[i][0]].isupper() for i in run]
    if all(caps):
        return run

    def name_end(order: list[int]) -> int:
        """How many positions of ``order`` (run positions from one edge inwards) the name takes."""
        n = 0
        while True:
            m = n
            while m < len(order) and caps[order[m]]:
                m += 1
            if m == n:
                return n
            n = m
            j = n  # function words between two capitalised words belong to the name
            while j < len(order) and not caps[order[j]] and lows[run[order[j]]] in function:
                j += 1
            if n < j < len(order) and caps[order[j]]:
                n = j
                continue
            return n

    positions = list(range(len(run)))
    b = len(run) - name_end(positions[::-1])
    a = name_end(positions[:b])
    return run[a:b]


def _trim(run: list[int], kinds_all: list[int], lows: list[str], function: frozenset[str]) -> list[int]:
    """The run without merely compatible words (as common in the article's language as in
    English) at its edges; English function words stay."""
    a, b = 0, len(run)
    while a < b and kinds_all[run[a]] == 1 and lows[run[a]] not in function:
        a += 1
    while b > a and kinds_all[run[b - 1]] == 1 and lows[run[b - 1]] not in function:
        b -= 1
    return run[a:b]


def _joined(text: str, prev_end: int, start: int) -> bool:
    """Only spaces (or a comma, or a possessive apostrophe: "analysts' expectations")
    between two words of the run."""
    gap = text[prev_end:start]
    return not gap.strip(" \u00a0,'’")


_CYRILLIC = frozenset({"bg", "ru", "uk"})
#: scripts none of the supported languages writes: Hebrew and Arabic, Devanagari, Thai,
#: Japanese kana, Chinese, Korean
_FOREIGN_CHARS = "\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
#: a run of them, spaces allowed inside
_FOREIGN_SCRIPT = re.compile(f"[{_FOREIGN_CHARS}](?:[{_FOREIGN_CHARS}\\s]*[{_FOREIGN_CHARS}])?")
#: lowercase Cyrillic words in a Latin-script article, two or more in a row
_CYRILLIC_RUN = re.compile(r"(?<![\w-])[а-яёіїєґ][а-яёіїєґ'’]*(?:[ \u00a0]+[а-яёіїєґ][а-яёіїєґ'’]*)+(?![\w-])")
# _SCRIPT_MIN=2: one character of Chinese is often a cited sign ("the character 福"); a term
# of two or more is the source passed through ("the "渔光互补" model")
_SCRIPT_MIN = 2


def _script_runs(doc: Doc) -> list[Signal]:
    """Text in a script the article's language does not write, inside a sentence of it:
    Chinese, Japanese, Korean, Arabic, Hebrew, Thai or Devanagari characters (two or more)
    in any of our languages, and lowercase Cyrillic words (two or more; names are
    capitalised) in a Latin-script article. The translation pipeline passed a term or a
    clause of its source through ("The station adopts the "渔光互补" model", "The ministry
    said that ситуация под контролем"). A quotation in the original in a Latin-script
    article is the speaker's words (its Cyrillic is not flagged); a foreign-script term is
    flagged even in quotation marks, which is how the pipeline prints it."""
    text = doc.text
    found = [m for m in _FOREIGN_SCRIPT.finditer(text) if sum(not c.isspace() for c in m.group()) >= _SCRIPT_MIN]
    if (doc.lang or "") not in _CYRILLIC:
        quotes = quote_spans(doc)
        found += [m for m in _CYRILLIC_RUN.finditer(text) if enclosing_span(quotes, m.start(), m.end()) is None]
    return [Signal("untranslated", m.start(), m.end(), strength=0.8, data={"phrase": m.group(), "source": "script"})
            for m in found]

_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "pl": "Polish", "ro": "Romanian",
          "it": "Italian", "pt": "Portuguese", "script": "foreign-script",
          "bg": "Bulgarian", "ru": "Russian", "uk": "Ukrainian"}


@lru_cache(maxsize=128)
def _source_words(src: str, target: str, min_zipf: float, margin: float) -> Callable[[str], bool]:
    """A cached test: the lowercased word is common in ``src`` and ``margin`` Zipf points
    more frequent there than in the ``target`` language and in English ("sin", "embargo",
    "laut"; not "de", "la", "in"): English is compared too because every language's web text
    holds English words, and an English word in a German text is :meth:`_english_runs`' case."""

    @lru_cache(maxsize=65_536)
    def test(lw: str) -> bool:
        if not lw.isalpha():
            return False
        z = zipf(lw, src)
        return z >= min_zipf and z - max(zipf(lw, target), zipf(lw, "en")) >= margin

    return test

