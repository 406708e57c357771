"""MT003 mt-titlecase-run: common words in Title Case in the middle of a sentence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from audit.check.base import Check, register
from audit.check.rules.mt._common import (
    DetectorMixin,
    Signal,
    cue_set,
    cues,
    enclosing_span,
    english_affinity,
    family_zipf,
    in_spans,
    is_capitalised,
    quote_spans,
    title_lines,
    word_case_counts,
    zipf,
)
from audit.lexicons import SUPPORTED_LANGUAGES
from audit.model import Category, Finding, Severity
from audit.text import Doc

_LICENSING = set(":-–—([{„“«\"‚‘»/|•")


@register
class TitleCaseRun(DetectorMixin, Check):
    """Two or more common words written in Title Case in the middle of a sentence.

    English headlines capitalise every word; a machine-translated fragment of a headline
    pasted into a sentence keeps the capitals: "…podobnie jak wojna na Ukrainie Wysoki
    Znaczenie przywódcy…" ("High Importance"). The check finds runs of capitalised words
    inside a sentence (not at its start, not after a colon, dash, bracket or opening quote,
    not in a headline line or quotes) and keeps the words that are ordinary vocabulary:

    * written in lowercase elsewhere in the article (the article's own evidence, which
      also covers rare inflected forms), or else frequent in the article's language
      (``wordfreq`` Zipf >= ``min_zipf``) and:
    * not international: proper names (``Donald``, ``Putin``, ``Korea``) are about as
      frequent in English as in the language, ordinary words (``wysoki``, ``значение``)
      are not (Cyrillic is transliterated, inflected forms are matched through their stem);
    * not written as a name elsewhere in the article (capitalised again, never in lowercase);
    * not an institution head or name part listed in ``mt_cues`` (``Rada``, ``Bank``,
      ``Dom``, ``Bundesamt``, ``Północna``…): a run holding one is an institution name;
    * not right after a role word (``premier``, ``prezydent``…) that introduces a name, nor
      after a noun for a kind of place or body (``place_intro`` in ``mt_cues``), directly or
      through function words: "la comarca de Tierras Altas", "w gminie Stare Miasto".

    Evidence beyond word frequency (issue #3: injected pairs are often rare or look
    international, "Roboty", "Record"):

    * a capitalised closed-class word (``never_name`` in ``mt_cues``: "Przez", "Который",
      "Sobre", "Dans", "Oder", "Would"; name particles such as "de", "van", "Le", "Sans" are
      not listed) or, outside German and English, a capitalised finite verb ("Kierowała",
      "Обжаловал", "Recurrió": the ending belongs to a paradigm of ``verbs`` in ``mt_cues``
      whose other forms, the infinitive among them, are in the word list) marks a pair with
      its capitalised neighbour even when the neighbour is rare, international or an
      institution word: names never hold such words in capitals mid-sentence;
    * a rare form of a frequent word family ("Заправочным": all the words starting with
      its stem are frequent together) counts as ordinary vocabulary.

    A run right after a numeral that is not a year ("18 Национални Отбора") or right after
    the sentence's first word when that is plain vocabulary capitalised by position only
    ("Niektórzy | Trenerzy Tenisa"; not an article, which opens institution names: "El
    Servicio Municipal") is judged like any mid-sentence run.

    A single capitalised noun counted by a numeral ("ponad 40 Domów", "120 Мешканців") is a
    weaker signal (0.6) of its own: a counted noun is never a name where only names are
    capitalised.

    German capitalises every noun, so there a run is flagged only when a non-final word is
    an adjective (it declines through -e/-en/-er/-es/-em); English capitalises names in
    Title Case, so there a run is a weaker signal (0.5 instead of 0.8).

    Severity: like every MT signal, a finding is a warning only when the article as a
    whole is judged machine translated (MT010 fires: ``mt_score`` over its threshold and
    at least two kinds of evidence agree); otherwise it is ``info``, an observation
    (see :mod:`audit.check.rules.mt._common`).

    **Anti-pattern**

    A headline fragment ("Sharp Increase") inside a Polish sentence::

        Ceny energii w regionie wzrosły w zeszłym miesiącu Gwałtowny Wzrost kosztów ogrzewania odczuły przede wszystkim rodziny z dziećmi.

    **Best practice**

    Institution names written in Title Case, as Polish spelling requires::

        Decyzję o stopach procentowych podejmie w środę Rada Polityki Pieniężnej, a komentarz przedstawi Narodowy Bank Polski.
    """

    code = "MT003"
    name = "mt-titlecase-run"
    category = Category.MACHINE_TRANSLATION
    severity = Severity.WARNING
    languages = SUPPORTED_LANGUAGES
    kind = "titlecase"

    # min_zipf=3.5: once per ~300k words; below that a capitalised word is usually a
    # name or a rare term. Measured on the pl/ro/bg seeds: every capitalised word at
    # zipf < 3.5 mid-sentence is a name (Lobzina, Wostocznyj, Ciucă, Iohannis).
    # name_margin=2.0: names score within 2 Zipf points of their English frequency
    # (donald -0.2, putin 0.2, jan 0.3, kowalski 1.4, tusk 1.5, merz 1.6, sánchez 1.9),
    # ordinary words far above it (wysoki 4.6, znaczenie 5.0, hohe 3.4, mare 2.6, alta 2.0).
    # min_words=2: a single capitalised word is too often a name we cannot recognise.
    def __init__(self, *, min_zipf: float = 3.5, name_margin: float = 2.0, min_words: int = 2,
                 **kw: Any) -> None:
        super().__init__(**kw)
        self.min_zipf = min_zipf
        self.name_margin = name_margin
        self.min_words = min_words

    def detect(self, doc: Doc, *, min_zipf: float, name_margin: float, min_words: int) -> list[Signal]:
        lang = doc.lang or ""
        text = doc.text
        conf = cues(lang).get("titlecase", {})
        mode = conf.get("mode", "sentence")
        if mode == "off":
            return []
        heads = cue_set(lang, "titlecase", "name_words")
        stems = tuple(cue_set(lang, "titlecase", "name_stems") | cue_set(lang, "titlecase", "name_stems_places"))
        intro = cue_set(lang, "titlecase", "name_intro")
        places = cue_set(lang, "titlecase", "place_intro")
        suffixes = tuple(cue_set(lang, "titlecase", "surname_suffixes"))
        function = cue_set(lang, "titlecase", "function_words")
        never = cue_set(lang, "titlecase", "never_name")
        particles = cue_set(lang, "titlecase", "verb_particles")
        verbs = verb_paradigms(lang)
        quotes = quote_spans(doc)
        titles = title_lines(doc)
        capforms, lowerforms = word_case_counts(doc)
        cap_prefixes: dict[str, int] = {}
        for f, c in capforms.items():
            if len(f) >= 5:
                cap_prefixes[f[:5]] = cap_prefixes.get(f[:5], 0) + c
        lower_stems: dict[str, list[str]] = {}
        for w in lowerforms:
            if len(w) > _MIN_STEM:
                lower_stems.setdefault(w[:_MIN_STEM], []).append(w)
        out: list[Signal] = []

        def is_head(lw: str) -> bool:
            return lw in heads or (bool(stems) and lw.startswith(stems))

        def name_like(lw: str) -> str | None:
            if mode != "title" and lw in lowerforms:
                return None  # written in lowercase elsewhere in this article: not a name
            z = zipf(lw, lang)
            if z < min_zipf:
                return "rare"
            if mode != "title" and english_affinity(lw) >= z - name_margin:
                return "international"
            if (mode != "nouns" and lw not in lowerforms
                    and (capforms.get(lw, 0) >= 2 or (len(lw) >= 5 and cap_prefixes.get(lw[:5], 0) >= 2))):
                return "name elsewhere"
            # surname endings (-ski, -ov, -escu) also end adjectives (готова, rosyjska):
            # only words below 4.3 Zipf count (Kowalski 4.1, Morawiecki 4.1; готова 4.6)
            if suffixes and z < 4.3 and lw.endswith(suffixes):
                return "surname"
            return None

        for ss, se in doc.sentences:
            if in_spans(titles, ss, se):
                continue
            words = doc.words_in(ss, se)
            k = 1
            while k < len(words):
                s, e = words[k]
                if not is_capitalised(text[s:e]) or _licensed(text, words[k - 1][1], s):
                    k += 1
                    continue
                run = [k]
                while run[-1] + 1 < len(words):
                    a = run[-1] + 1
                    ws, we = words[a]
                    w = text[ws:we]
                    capital = is_capitalised(w) or (len(w) == 1 and w.isupper() and w.lower() in function)
                    if not capital or text[words[a - 1][1]:ws].strip():
                        break
                    run.append(a)
                nxt = run[-1] + 1
                prev_word = text[words[k - 1][0]:words[k - 1][1]]
                k = nxt
                if len(run) < min_words:
                    continue
                lws = [text[words[i][0]:words[i][1]].lower() for i in run]
                strong = self._strong_pair(doc, words, run, lws, k - 1, lang, mode, name_like, is_head,
                                           never, verbs, particles, suffixes)
                if strong is not None:
                    if not _quoted_title(doc, quotes, words[strong[0]][0], words[strong[-1]][1], len(run)):
                        toks = [text[words[i][0]:words[i][1]] for i in strong]
                        out.append(Signal("titlecase", words[strong[0]][0], words[strong[-1]][1],
                                          strength=_STRONG_STRENGTH.get(mode, 0.8),
                                          data={"words": toks, "mode": mode, "evidence": "not-a-name word",
                                                "zipf": [round(zipf(t.lower(), lang), 2) for t in toks]}))
                    continue
                opener = run[0] == 1 and _ordinary_opener(prev_word.lower(), lang, function, intro, name_like,
                                                          is_head, min_zipf)
                counted = prev_word.isdigit() and not _YEAR.fullmatch(prev_word)
                if (not prev_word[:1].islower() and not opener and not counted) or prev_word.lower() in intro:
                    continue  # after a year, an acronym, a name or a role word ("premier Jan Nowak")
                if places and _introduced(text, words, run[0], places, function):
                    continue  # a place or body named after its kind ("comarca de Tierras Altas")
                after = text[words[nxt][0]:words[nxt][1]] if nxt < len(words) else ""
                garbled = _inner_function_word(
                    lws, function, lambda w: name_like(w) or ("head" if is_head(w) else None),
                    continues_lowercase=after[:1].islower())
                if garbled is not None:
                    s0, e0 = words[run[0]][0], words[run[-1]][1]
                    if not _quoted_title(doc, quotes, s0, e0, len(run)):
                        toks = [text[words[i][0]:words[i][1]] for i in run]
                        out.append(Signal("titlecase", s0, e0, strength=0.5 if mode == "title" else 0.8,
                                          data={"words": toks, "mode": mode, "function_word": garbled,
                                                "zipf": [round(zipf(w, lang), 2) for w in lws]}))
                    continue
                chained = _chained(text, words, run, function) if mode != "nouns" else []
                if any(is_head(w) for w in lws) or any(is_head(w) for w in chained):
                    continue  # an institution name, maybe joined by function words ("Centro para el Desarrollo")
                # the sentence's first word is capitalised by position, not as a name part:
                # it does not lengthen the run ("Некоторые из | Осиных Гнёзд")
                joined = len(chained) - (bool(chained) and _chained_first(text, words, run, function))
                if (mode != "nouns" and len(run) + joined >= _MAX_RUN
                        and all(name_like(w) in (None, "rare") for w in lws)):
                    continue  # a long proper name ("Krajowego Ośrodka Wsparcia Rolnictwa")
                # keep maximal sub-runs of ordinary words, where a rare word counts when
                # another form of it (same stem) is written in lowercase in this article
                # ("…Заправочным Пистолетом" with "пистолет" elsewhere), holding at least one
                # ordinary word of its own right
                pair = self._anchored_pair(lws, mode, lowerforms, capforms, name_like, is_head, suffixes)
                if pair is not None:
                    sig = self._signal(doc, words, run, mode, lang, quotes, strength=_ANCHORED_STRENGTH)
                    if sig:
                        out.append(sig)
                    continue
                sub: list[int] = []
                ordinary = 0
                for idx, lw in zip([*run, -1], [*lws, ""], strict=True):
                    reason = name_like(lw) if idx >= 0 else "end"
                    if reason is None or (reason == "rare" and _stem_in(lw, lower_stems)):
                        sub.append(idx)
                        ordinary += reason is None
                        continue
                    if reason == "rare" and mode == "sentence" and _frequent_family(lw, lang, min_zipf):
                        sub.append(idx)  # a rare form of a frequent word ("Климатической")
                        ordinary += 1
                        continue
                    if len(sub) >= min_words and ordinary:
                        sig = self._signal(doc, words, sub, mode, lang, quotes)
                        if sig:
                            out.append(sig)
                    sub = []
                    ordinary = 0
        out.extend(_calendar_signals(doc, titles, quotes, covered=out))
        if mode == "sentence":
            out.extend(_after_number_signals(doc, titles, quotes, covered=out, min_zipf=_COUNTED_ZIPF,
                                             name_margin=name_margin, is_head=is_head))
        return out

    @staticmethod
    def _strong_pair(doc: Doc, words: list[tuple[int, int]], run: list[int], lws: list[str], prev: int,
                     lang: str, mode: str, name_like: Callable[[str], str | None],
                     is_head: Callable[[str], bool], never: frozenset[str],
                     verbs: tuple[Paradigm, ...], particles: frozenset[str],
                     suffixes: tuple[str, ...]) -> list[int] | None:
        """The part of a capitalised run held together by a word that is never part of a
        name: a closed-class word (``never_name``: "Przez", "Который", "Sobre", "Dans",
        "Oder", "Would"), or, outside German and English, a finite verb — a form whose
        paradigm (``verbs`` in ``mt_cues``: "zdobyła" / "zdobył" / "zdobyli" / "zdobyć")
        the language's word list holds, or the word right after a verb particle ("да
        Заеме", "să Plece"). Names keep such words in lowercase, so with a capitalised
        neighbour that is not itself a name (not capitalised again in the article, not an
        institution head, not a surname) the pair is a garbled headline fragment even when
        the neighbour is rare or international. Returns the run indices of the pair
        (the strong word and its neighbour), or ``None``."""
        text = doc.text
        prev_word = text[words[prev][0]:words[prev][1]].lower() if prev >= 0 else ""
        gap = text[words[prev][1]:words[run[0]][0]] if prev >= 0 else ""
        # after a capitalised word the run may still be glued to a name, unless a comma
        # or the like separates them ("Rzecznik Praw Obywatelskich, Który Wskazał")
        if prev_word[:1].isupper() and not any(c in gap for c in ",;"):
            return None

        def strong(j: int) -> str | None:
            lw = lws[j]
            if lw in never:
                return "closed"
            if mode != "sentence" or len(lw) < 5 or name_like(lw) in ("name elsewhere", "surname"):
                return None
            if zipf(lw, "en") >= zipf(lw, lang) - 1.0 > 0:
                return None  # an international word (Marine, Programme)
            after_particle = j == 0 and prev_word in particles and not gap.strip()
            return "verb" if after_particle or _verb_form(lw, lang, verbs) else None

        def partner_ok(j: int, why: str, before: bool) -> bool:
            lw = lws[j]
            if lw in never:
                return True
            reason = name_like(lw)
            if reason == "name elsewhere" or (before and why == "verb" and reason is not None):
                return False  # a name, then a capitalised verb: a byline ("Anna Nowak Przyczyniła…")
            # a capitalised closed-class word is itself the slip: any neighbour will do; a
            # verb read off its endings needs a neighbour that is not a name part
            return why == "closed" or not (is_head(lw) or (suffixes and lw.endswith(suffixes)
                                                           and zipf(lw, lang) < 4.3))

        for j in range(len(run)):
            why = strong(j)
            if why is None:
                continue
            for p in (j + 1, j - 1):
                if 0 <= p < len(run) and partner_ok(p, why, p < j):
                    lo, hi = min(j, p), max(j, p)
                    return run[lo:hi + 1]
        return None

    @staticmethod
    def _anchored_pair(lws: list[str], mode: str, lowerforms: frozenset[str], capforms: dict[str, int],
                       name_like: Callable[[str], str | None], is_head: Callable[[str], bool],
                       suffixes: tuple[str, ...]) -> str | None:
        """A two-word run in which one word is written in lowercase elsewhere in this article
        (the article's own proof that it is ordinary vocabulary) and the other is a rare or
        international-looking word that is not a name by any other test — not capitalised
        again in the article, not an institution head, not a surname ending: "Sezonie Roboty",
        "Como Parte", "Najlepszych Szachistów" with "najlepszych" elsewhere. Returns the
        partner word, or ``None``. Only in ``sentence`` mode (not English, not German)."""
        if mode != "sentence" or len(lws) != 2:
            return None
        for anchor, other in ((lws[0], lws[1]), (lws[1], lws[0])):
            if anchor not in lowerforms or other in lowerforms or min(len(anchor), len(other)) < 4:
                continue
            if name_like(other) not in ("international", "rare"):
                continue
            if is_head(other) or is_head(anchor) or (suffixes and other.endswith(suffixes)):
                continue
            if capforms.get(other, 0) >= 2:
                continue
            return other
        return None

    def _signal(self, doc: Doc, words: list[tuple[int, int]], sub: list[int], mode: str,
                lang: str, quotes: list[tuple[int, int]], strength: float | None = None) -> Signal | None:
        text = doc.text
        start, end = words[sub[0]][0], words[sub[-1]][1]
        if _quoted_title(doc, quotes, start, end, len(sub)):
            return None
        toks = [text[words[i][0]:words[i][1]] for i in sub]
        if mode == "nouns":
            # German: start at the first capitalised adjective that precedes a noun
            first = next((j for j, t in enumerate(toks[:-1]) if _declines_like_adjective(t.lower(), lang)), None)
            if first is None:
                return None
            sub, toks = sub[first:], toks[first:]
            start = words[sub[0]][0]
        if strength is None:
            strength = 0.5 if mode == "title" else 0.8
        return Signal("titlecase", start, end, strength=strength,
                      data={"words": toks, "mode": mode,
                            "zipf": [round(zipf(t.lower(), lang), 2) for t in toks]})

    def run(self, doc: Doc) -> Iterator[Finding]:
        for sig in self.signals(doc):
            phrase = " ".join(sig.data["words"])
            msg = (f"{phrase!r}: a weekday or month name capitalised mid-sentence, as English writes it."
                   if sig.data["mode"] == "calendar" else
                   f"{phrase!r}: ordinary words capitalised mid-sentence, like a machine-translated "
                   "headline fragment (they are not a name or an institution).")
            yield self.finding(
                doc, sig.start, sig.end, msg,
                severity=self.severity_of(doc, sig), data=dict(sig.data),
            )


_MIN_STEM = 5
# _CALENDAR_STRENGTH=0.5: the English capital on a weekday or month name is the weakest
# Title-Case evidence (a style-sheet slip does it too): it never decides MT010 alone
_CALENDAR_STRENGTH = 0.5


def _mid_sentence_capitals(doc: Doc, titles: list[tuple[int, int]]
                           ) -> Iterator[tuple[list[tuple[int, int]], int, str, str]]:
    """Every capitalised word after a sentence's first, outside heading lines, as
    ``(the sentence's words, its index, the word before, the word after or "")``."""
    text = doc.text
    for ss, se in doc.sentences:
        if in_spans(titles, ss, se):
            continue
        words = doc.words_in(ss, se)
        for k in range(1, len(words)):
            s, e = words[k]
            if is_capitalised(text[s:e]):
                nxt = text[words[k + 1][0]:words[k + 1][1]] if k + 1 < len(words) else ""
                yield words, k, text[words[k - 1][0]:words[k - 1][1]], nxt


def _calendar_signals(doc: Doc, titles: list[tuple[int, int]], quotes: list[tuple[int, int]],
                      covered: list[Signal]) -> list[Signal]:
    """Weekday and month names (``calendar`` in ``mt_cues``; languages that write them in
    lowercase) capitalised in mid-sentence: "antes del mediodía del Miércoles". Not at a
    sentence start or after a colon, dash, bracket or quote; not in a heading or a quote;
    not after a number ("14 Juillet", a holiday's name) and not inside a name (a capitalised
    neighbour: "Plaza de Mayo" has "Plaza", "Piątek Kowalski" has "Kowalski")."""
    lang = doc.lang or ""
    names = cue_set(lang, "titlecase", "calendar")
    if not names:
        return []
    text = doc.text
    out: list[Signal] = []
    for words, k, prev, nxt in _mid_sentence_capitals(doc, titles):
        s, e = words[k]
        w = text[s:e]
        if w.lower() not in names or _licensed(text, words[k - 1][1], s):
            continue
        if not prev[:1].islower() or nxt[:1].isupper():
            continue  # after a number ("14 Juillet"), a name or a capital; before a name
        if k >= 2 and text[words[k - 2][0]:words[k - 2][1]][:1].isupper() and len(prev) <= 3:
            continue  # "Plaza de Mayo", "Avenida de Mayo": a name joined by a particle
        if in_spans(quotes, s, e) or any(c.start <= s < c.end for c in covered):
            continue
        out.append(Signal("titlecase", s, e, strength=_CALENDAR_STRENGTH,
                          data={"words": [w], "mode": "calendar", "zipf": [round(zipf(w.lower(), lang), 2)]}))
    return out


# _COUNTED_STRENGTH=0.6: one capitalised noun after a numeral is a slip a hurried editor can
# make too; it needs another kind of evidence. _COUNTED_ZIPF=2.5: the counted nouns seen in
# the sixth-wave dev half ("42 Trasy z 11 Baz", "5000 Gatunków", "1,5 мільйона Доз") reach
# 3.3-4.7; below 2.5 a word is a rare name or a code. On tests/corpus/dev (waves 1-5) the
# rule fires in no article without an MT label except on copyright lines ("© 2024 Свободное
# мнение"), which the year rule below excludes.
_COUNTED_STRENGTH = 0.6
_COUNTED_ZIPF = 2.5
_NUMBER = re.compile(r"\d[\d\s.,\u00a0\u202f]*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _after_number_signals(doc: Doc, titles: list[tuple[int, int]], quotes: list[tuple[int, int]],
                          covered: list[Signal], *, min_zipf: float, name_margin: float,
                          is_head: Callable[[str], bool]) -> list[Signal]:
    """A capitalised common noun counted by a numeral in mid-sentence: "co najmniej 40 Domów
    zostało zasypanych", "obsługiwała 42 Trasy z 11 Baz", "понад 1,5 мільйона Доз". A
    counted noun is never a name in the languages that capitalise only names (this rule
    runs in ``sentence`` mode: not German, not English). Not after a year ("© 2024
    Свободное мнение", "Euro 2024"), not a name part (an institution head, a word
    capitalised again in the article and never in lowercase, one about as frequent in
    English: "1 Grand Prix"), not a month (the calendar rule's) nor a date that names a
    holiday, street or square (``counted_ok`` in ``mt_cues``: "3 Maja"), not before
    another capital (a name: "11 Listopada Street"), not in a heading or quote."""
    lang = doc.lang or ""
    text = doc.text
    calendar = cue_set(lang, "titlecase", "calendar") | cue_set(lang, "titlecase", "counted_ok")
    capforms, lowerforms = word_case_counts(doc)
    out: list[Signal] = []
    for words, k, prev, nxt in _mid_sentence_capitals(doc, titles):
        s, e = words[k]
        w = text[s:e]
        if not prev[:1].isdigit() or not _NUMBER.fullmatch(prev):
            continue
        if _YEAR.fullmatch(prev) or text[words[k - 1][1]:s] not in (" ", "\u00a0", "\u202f"):
            continue
        lw = w.lower()
        if nxt[:1].isupper() or lw in calendar or is_head(lw) or len(lw) < 3:
            continue
        z = zipf(lw, lang)
        if z < min_zipf or english_affinity(lw) >= z - name_margin:
            continue
        if lw not in lowerforms and capforms.get(lw, 0) >= 2:
            continue  # written as a name again in this article
        if in_spans(quotes, s, e) or any(c.start < e and s < c.end for c in covered):
            continue
        out.append(Signal("titlecase", s, e, strength=_COUNTED_STRENGTH,
                          data={"words": [w], "mode": "counted", "zipf": [round(z, 2)]}))
    return out


# _ANCHORED_STRENGTH=0.7: a pair held by one word the article writes in lowercase elsewhere
# is weaker evidence than two ordinary words (0.8): the partner may be an unknown name.
_ANCHORED_STRENGTH = 0.7
# _MAX_RUN=3: runs of three or more capitalised words (counting those chained by function
# words) made only of common or rare words are proper names (institutions, titles: "Instytut
# Meteorologii i Gospodarki Wodnej", "Miejskiego Ośrodka Pomocy Społecznej": 7 of the 8
# Title-Case notes on the dev articles of tests/corpus/dev/pl.2.jsonl), never flagged unless
# garbled by a capitalised function word. A run that also holds a name ("Ukrainie Wysoki
# Znaczenie") is a headline fragment glued to that name. German, which capitalises nouns, is
# exempt.
_MAX_RUN = 3


def _stem_in(lw: str, stems: dict[str, list[str]]) -> bool:
    """Another form of the word is in ``stems`` (lowercase forms by their first
    ``_MIN_STEM`` letters): the two share all but their last three letters, and at least
    ``_MIN_STEM`` ("пистолетом" / "пистолет", "климатической" / "климатические")."""
    if len(lw) <= _MIN_STEM:
        return False
    for other in stems.get(lw[:_MIN_STEM], ()):
        k = _MIN_STEM
        while k < min(len(lw), len(other)) and lw[k] == other[k]:
            k += 1
        if k >= max(_MIN_STEM, min(len(lw), len(other)) - 3):
            return True
    return False


def _introduced(text: str, words: list[tuple[int, int]], first: int, nouns: frozenset[str],
                function: frozenset[str]) -> bool:
    """The run starting at word ``first`` follows a noun for a kind of place or body
    (``place_intro`` in ``mt_cues``), directly or through up to three lowercase function
    words: "la comarca de Tierras Altas", "le ministère de la Santé Publique", "w gminie
    Stare Miasto". The run is then that place's or body's name."""
    j, hops = first - 1, 0
    while j >= 0 and hops <= 3:
        w = text[words[j][0]:words[j][1]]
        lw = w.lower()
        if lw in nouns:
            return True
        if lw not in function or not w[:1].islower():
            return False
        j, hops = j - 1, hops + 1
    return False


def _quoted_title(doc: Doc, quotes: list[tuple[int, int]], start: int, end: int, n: int) -> bool:
    """The run is (nearly) all of a quoted passage: a title of a work, „Wielki Gatsby”.
    A run inside a longer quoted sentence is still flagged (quoted speech gets garbled too)."""
    span = enclosing_span(quotes, start, end)
    return span is not None and len(doc.words_in(*span)) <= n + 2


def _chained(text: str, words: list[tuple[int, int]], run: list[int], function: frozenset[str]) -> list[str]:
    """Capitalised words joined to the run by up to three lowercase function words on
    either side ("Centro para el | Desarrollo Tecnológico | y la Innovación"), lowercased."""
    out: list[str] = []
    for step, edge in ((-1, run[0]), (1, run[-1])):
        k = edge + step
        hops = 0
        while 0 <= k < len(words) and hops <= 3:
            w = text[words[k][0]:words[k][1]]
            if w.lower() in function and w[:1].islower():
                hops += 1
                k += step
                continue
            if hops and is_capitalised(w):
                out.append(w.lower())
                hops = 0
                k += step
                continue
            break
    return out


def _ordinary_opener(lw: str, lang: str, function: frozenset[str], intro: frozenset[str],
                     name_like: Callable[[str], str | None], is_head: Callable[[str], bool],
                     min_zipf: float) -> bool:
    """The sentence's first word is capitalised only by position and is plain vocabulary
    ("Niektórzy | Trenerzy Tenisa", "Власники | Закладів"), not a function word (the
    articles and short prepositions of ``function_words``, which open institutions' names:
    "El | Servicio Municipal"), a role word, a head or a name: a run right after it is then
    mid-sentence like any other (a head inside the run still makes it a name)."""
    if len(lw) < 4 or lw in function or lw in intro or is_head(lw):
        return False
    return zipf(lw, lang) >= min_zipf + 1.0 and name_like(lw) is None


def _chained_first(text: str, words: list[tuple[int, int]], run: list[int], function: frozenset[str]) -> bool:
    """The word :func:`_chained` joins on the left (through one to three lowercase function
    words) is the sentence's first word."""
    k = run[0] - 1
    while k > 0 and text[words[k][0]:words[k][1]].lower() in function and text[words[k][0]][:1].islower():
        k -= 1
    return k == 0 and 1 <= run[0] - 1 <= 3 and is_capitalised(text[words[0][0]:words[0][1]])


def _inner_function_word(lws: list[str], function: frozenset[str],
                         name_like: Callable[[str], str | None], *, continues_lowercase: bool) -> str | None:
    """A capitalised function word after a capitalised word of the run, followed by an
    ordinary capitalised word ("Fonction De Rappel", "Funktion Der Untertitel", "Roli W
    Zespole", "Contributed To The Report") or, at the end of the run, by the sentence
    going on in lowercase ("Fasady Które były…"). Names keep such words lowercase;
    "Robert De Niro" is excluded because "Niro" is rare, "Plan A" because "A" ends it."""
    for i in range(1, len(lws)):
        if lws[i] not in function:
            continue
        nxt = next((w for w in lws[i + 1:] if w not in function), None)
        if nxt is not None and name_like(nxt) is None:
            return lws[i]
        if nxt is None and i == len(lws) - 1 and len(lws[i]) > 1 and continues_lowercase:
            return lws[i]
    return None


def _licensed(text: str, prev_end: int, start: int) -> bool:
    """Punctuation between two words that licenses a capital (colon, dash, bracket, quote)."""
    gap = text[prev_end:start]
    return any(c in _LICENSING for c in gap) or any(c in ".!?…" for c in gap)


_ADJ_ENDINGS = ("em", "en", "er", "es", "e")


def _declines_like_adjective(word: str, lang: str) -> bool:
    """German adjectives occur in all five endings (hohe/hohen/hoher/hohes/hohem, each at
    least ``_ADJ_FORM_ZIPF``); nouns ending in -e (Woche, Frage, Ende, Beamte) lack the -em
    or -es form (0.0)."""
    for suf in _ADJ_ENDINGS:
        if word.endswith(suf) and len(word) > len(suf) + 2:
            stem = word[: -len(suf)]
            return all(zipf(stem + x, lang) >= _ADJ_FORM_ZIPF for x in _ADJ_ENDINGS)
    return False


# _ADJ_FORM_ZIPF=1.5: the rarest form of a longer adjective is its -em form (unabhängigem 1.8,
# importiertem 1.9, wichtigem 2.8); the -e nouns have none (wochem, fragem, endem, beamtem,
# familiem 0.0). It was 2.5 until the seventh wave's dev half showed "eine Unabhängige
# Untersuchung" missed; on the German dev halves the change adds that label and no hit
# outside a label.
_ADJ_FORM_ZIPF = 1.5


# _STRONG_STRENGTH: a pair held by a word names never contain is as strong as two ordinary
# words (0.8); in English, where titles of works are Title Case ("Dancing With the Stars"),
# 0.6 (between the 0.5 of a plain English run and 0.8).
_STRONG_STRENGTH = {"sentence": 0.8, "nouns": 0.8, "title": 0.6}


@dataclass(frozen=True)
class Paradigm:
    """One row of the ``[titlecase] verbs`` table of ``mt_cues``."""

    endings: tuple[str, ...]  # every form of the paradigm, by its ending
    own: tuple[str, ...]  # endings a capitalised word may carry to be read as a verb
    need: tuple[str, ...] = ()  # forms that must exist (the infinitive where there is one)
    unless: tuple[str, ...] = ()  # forms that make it an adjective or a noun
    min: int = 2  # other forms that must exist


@cache
def verb_paradigms(lang: str) -> tuple[Paradigm, ...]:
    """The verb paradigms of a language (``mt_cues`` ``[titlecase] verbs``)."""
    out = []
    for row in cues(lang).get("titlecase", {}).get("verbs", []):
        def low(key: str, row: dict[str, Any] = row) -> tuple[str, ...]:
            return tuple(str(x).lower() for x in row.get(key, []))
        out.append(Paradigm(low("endings"), low("own") or low("endings"), low("need"), low("unless"),
                            int(row.get("min", _PARADIGM_MIN))))
    return tuple(out)


# _PARADIGM_ZIPF=1.5: a form the word list holds at all (wordfreq's lists stop near 1.0);
# _PARADIGM_MIN=2: two other forms of the paradigm besides the word itself, the infinitive
# among them where the language has one ("zdobyła": "zdobyć", "zdobył", "zdobyli"). Nouns that
# share an ending with a verb lack the infinitive ("szkoła", "Wisła"); Romance 3rd-person
# presents are nouns too often ("Junta", "Reina", "Dépêche": measured on the clean dev
# articles), so only their past and future tenses are listed.
_PARADIGM_ZIPF = 1.5
_PARADIGM_MIN = 2


def _verb_form(lw: str, lang: str, verbs: tuple[Paradigm, ...]) -> bool:
    """The word carries a verb ending of one of the language's paradigms and the
    paradigm's other forms exist ("сработал": "сработать", "сработала", "сработали"),
    while none of the ``unless`` forms does (adjectives with the same endings: "biała"
    has "białego", "мала" has "малого")."""
    for par in verbs:
        for end in par.own:
            if not lw.endswith(end) or len(lw) - len(end) < 3:
                continue
            stem = lw[: len(lw) - len(end)]
            if not all(zipf(stem + e, lang) >= _PARADIGM_ZIPF for e in par.need if e != end):
                continue
            others = sum(zipf(stem + e, lang) >= _PARADIGM_ZIPF for e in par.endings if e != end)
            if others < par.min:
                continue
            if any(zipf(stem + u, lang) >= _PARADIGM_ZIPF for u in par.unless):
                continue
            return True
    return False


# _FAMILY_MARGIN=0.5: a rare form counts as ordinary when all the words sharing its stem
# together reach min_zipf + 0.5 (4.0 by default: "климатическ-" 4.0, "kontynuow-" 4.6,
# surnames and places stay below: "kaszlinsk-" 0, "skierniewic-" 3.3, "cordobes-" 3.5).
_FAMILY_MARGIN = 0.5


def _frequent_family(lw: str, lang: str, min_zipf: float) -> bool:
    """A rare inflected form of a frequent word: its stem (the word minus 1-3 final
    letters, at least 6 left) starts words that together are frequent, and the word is
    not English-like (names are international)."""
    cut = 1 if len(lw) <= 7 else 2 if len(lw) <= 10 else 3
    stem = lw[: len(lw) - cut]
    if len(stem) < 6:
        return False
    if zipf(lw, "en") > 0 or english_affinity(lw) >= 3.0:
        return False
    return family_zipf(stem, lang) >= min_zipf + _FAMILY_MARGIN
