"""MT002 mt-fused-duplicate: two translations of one phrase glued together."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from audit.check.base import Check, register
from audit.check.rules.mt._common import (
    DetectorMixin,
    Signal,
    cue_set,
    cues,
    english_zipf,
    in_spans,
    is_capitalised,
    quote_spans,
    stopwords,
    word_case_counts,
    zipf,
)
from audit.lexicons import SUPPORTED_LANGUAGES
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class FusedDuplicate(DetectorMixin, Check):
    """Two translations of one clause glued together: the subject or the opening repeats.

    When a content farm's pipeline translates a headline and its body sentence, or keeps two
    candidate translations, the clause is restarted inside the sentence. Nine shapes:

    * the same capitalised phrase recurs verbatim after one or two words, with only spaces
      between: "Korea Północna wystartowała Korea Północna wystrzeliła" ("North Korea
      launched North Korea fired"); a conjunction or "vs" in the gap ("Legia Warszawa i
      Legia Warszawa II") is not flagged (listed per language in ``mt_cues``);
    * the opening words of a clause recur after a comma and go on differently: "Es bleibt
      zu sehen, es bleibt abzuwarten, ob…" (not the idiom "es ist, wie es ist", which ends);
    * in languages with articles, a capitalised article restarts a clause between two
      lowercase words: "The player has written The sportswoman announced…" (not after a
      noun that introduces a title: "the film The artist", listed in ``mt_cues``);
    * two renderings of one attribution: two reporting verbs (``attribution`` lexicons) with
      only a comma between them ("poinformowała, oświadczyła, że…", "a confirmat a declarat"),
      or a second reporting clause after a bare comma that restates the subject ("…a dit que
      le trafic, le président de l'autorité a déclaré que…"), or a pronoun said again between
      two reporting verbs ("Вона сказала вона заявила, що…"), or the first verb's subject
      said again between them with no comma ("a spus că rețeaua a declarat că…", "a dit
      qu'elle a déclaré qu'…", "a spus compania a declarat…"; not in English or German, where
      "she said she told them" is grammatical); a gerund ("said, adding that"),
      a conjunction or relative pronoun ("…, which he said…") or a closing "…, he said." is
      the writer's own construction (``gerund_suffixes``, ``clause_linkers`` in ``mt_cues``);
    * the sentence's subject starts the clause again in lowercase, glued to the word before
      it, one verb or more later: "La organización dijo la organización indicó que…", "La
      société a déclaré la société a indiqué que…" (not after a conjunction,
      complementiser or preposition, "Firma podała, że firma…", nor in a parallel, "Menos
      flores significa menos alimento");
    * a phrase of three words said again within three words, or a content word said again
      after one other content word, with no punctuation anywhere: "Nous avons été surpris
      nous avons été très surpris", "críticas mixtas críticas tibias" (not "año tras año");
    * the subject is said again in lowercase after a clause inserted between commas, and
      goes on with its verb: "Studiul, care a implicat 40 de instituții, studiul a durat…"
      (edited copy goes on with the verb); or right after the first comma, with no clause
      inserted ("Cumpărătorul nu a fost identificat, cumpărătorul a rămas anonim"), a weak
      signal, because a contrast is written so too ("ceny paliw wzrosły, ceny prądu spadły");
    * the two words or more before a comma are said again right after it: "беше продадено,
      беше продадено", "zagra w finale, w finale zmierzy się…".

    Severity: like every MT signal, a finding is a warning only when the article as a
    whole is judged machine translated (MT010 fires: ``mt_score`` over its threshold and
    at least two kinds of evidence agree); otherwise it is ``info``, an observation
    (see :mod:`audit.check.rules.mt._common`).

    **Anti-pattern**

    The subject translated twice, once per candidate verb::

        Bank Centralny podniósł Bank Centralny zwiększył w czwartek stopy procentowe o pół punktu procentowego, aby ograniczyć inflację.

    **Best practice**

    The same team name twice, separated by punctuation in a results line::

        W finale pucharu Wisła Kraków pokonała po dogrywce zespół Wisła Płock, a kibice świętowali do rana.
    """

    code = "MT002"
    name = "mt-fused-duplicate"
    category = Category.MACHINE_TRANSLATION
    severity = Severity.WARNING
    languages = SUPPORTED_LANGUAGES
    kind = "fused"

    # min_len=2: a single repeated word ("Smith and Smith", "bardzo bardzo") is common in
    # clean text; two identical capitalised words repeated within two words never occurred
    # in the clean seed articles nor in the hard negatives of tests/test_mt_checks.py.
    # max_gap=2: the fused clauses seen in content-farm copy have one verb in between;
    # two allows for a verb plus an adverb.
    def __init__(self, *, min_len: int = 2, max_gap: int = 2, **kw: Any) -> None:
        super().__init__(**kw)
        self.min_len = min_len
        self.max_gap = max_gap

    def detect(self, doc: Doc, *, min_len: int, max_gap: int) -> list[Signal]:
        text = doc.text
        lang = doc.lang or ""
        skip_gap = cue_set(lang, "fused", "skip_gap")
        restart = cue_set(lang, "fused", "restart_words")
        title_nouns = cue_set(lang, "fused", "title_nouns")
        quotes = quote_spans(doc)
        out: list[Signal] = []
        weak: list[Signal] = []
        for ss, se in doc.sentences:
            words = doc.words_in(ss, se)
            toks = [text[s:e] for s, e in words]
            low = [t.lower() for t in toks]
            n = len(toks)
            i = 0
            while i < n:
                # a repetition of length L after gap g puts low[i] again at i+L+g
                window = low[i + 1:i + _MAX_LEN + max_gap + 1]
                sig = None
                if low[i] in window:
                    sig = self._repeat_at(doc, words, toks, low, i, ss, min_len, max_gap, skip_gap, quotes)
                if sig is not None:
                    out.append(sig)
                    i = sig.data["next"]
                    continue
                if restart and 0 < i < n - 1 and low[i] in restart and is_capitalised(toks[i]):
                    sig = self._restart_at(doc, words, toks, low, i, title_nouns, quotes)
                    if sig is not None:
                        out.append(sig)
                        i += 1
                        continue
                if 0 < i < n - 1 and text[words[i - 1][1]:words[i][0]].strip() == ",":
                    sig = self._clause_echo_at(doc, words, toks, low, i, quotes)
                    if sig is not None:
                        out.append(sig)
                        i = sig.data["next"]
                        continue
                if low[i] in window:
                    sig = self._loose_repeat_at(doc, words, low, i, quotes)
                    if sig is not None:
                        out.append(sig)
                        i = sig.data["next"]
                        continue
                i += 1
            for shape in (self._subject_glued_again, self._subject_resumed, self._pronoun_reports_twice):
                sig = shape(doc, words, toks, low, ss, quotes)
                if sig is not None and sig.data.get("spliced"):
                    weak.append(sig)  # the weak comma splice yields to any stronger reading
                elif sig is not None and not any(f.start < sig.end and sig.start < f.end for f in out):
                    out.append(sig)
        out.extend(self._doubled_reports(doc, out, quotes))
        out.extend(w for w in weak if not any(f.start < w.end and w.start < f.end for f in out))
        for sig in out:
            sig.data.pop("next", None)
        out.sort(key=lambda sg: (sg.start, sg.end))
        return out

    def _doubled_reports(self, doc: Doc, found: list[Signal], quotes: list[tuple[int, int]]) -> list[Signal]:
        """Two reporting verbs glued together, with nothing but a comma between them: the
        pipeline kept two renderings of "said" ("poinformowała, oświadczyła, że…", "a confirmat
        a declarat luni că…"). A participle or gerund after the first ("said, adding that…",
        "powiedział, podkreślając…") is the writer's own and is not flagged (``mt_cues``
        ``[fused] gerund_suffixes``)."""
        from audit.score.attribution import reporting_verb_spans

        text = doc.text
        gerund = tuple(cue_set(doc.lang or "", "fused", "gerund_suffixes"))
        verbs = reporting_verb_spans(doc)
        out: list[Signal] = []
        for (s1, e1), (s2, e2) in pairwise(verbs):
            gap = text[e1:s2]
            second = text[s2:e2].split()[-1].lower()
            if gerund and second.endswith(gerund):
                continue
            if len(gap) > 3 or gap.strip(" ,") or gap.count(",") > 1:
                again = self._second_report(doc, s1, e1, s2, e2) or self._restated_subject(doc, s1, e1, s2, e2)
                strength = 0.7 if again else 0.0
            elif "," in gap or len(text[s1:e1].split()) == len(text[s2:e2].split()) >= 2:
                strength = 0.8  # glued: "oświadczyła, poinformowała", "a confirmat a declarat"
            else:
                # without a comma only two whole analytic forms count: one word after another
                # is one verb ("a-t-elle déclaré") or a doubled word
                strength = 0.0
            if not strength or in_spans(quotes, s1, e2) or any(f.start < e2 and s1 < f.end for f in found):
                continue
            out.append(Signal("fused", s1, e2, strength=strength,
                              data={"first": text[s1:e1], "second": text[s2:e2], "shape": "reporting"}))
        return out

    def _repeat_at(self, doc: Doc, words: list[tuple[int, int]], toks: list[str], low: list[str], i: int,
                   sent_start: int, min_len: int, max_gap: int, skip_gap: frozenset[str],
                   quotes: list[tuple[int, int]]) -> Signal | None:
        """A phrase at ``i`` repeated after 1-``max_gap`` words: verbatim and capitalised with
        only spaces between ("Korea Północna wystartowała Korea Północna wystrzeliła"), or
        case-insensitively as a restarted clause after a comma ("Es bleibt zu sehen, es
        bleibt abzuwarten, ob…")."""
        text = doc.text
        n = len(toks)
        sig = self._stutter_at(doc, words, toks, i, min_len, quotes) or self._doubled_word_at(doc, words, low, i, quotes)
        if sig is not None:
            return sig
        for g in range(1, max_gap + 1):
            for exact in (True, False):
                seq = toks if exact else low
                if exact and not (is_capitalised(toks[i]) or toks[i].isupper()):
                    continue
                length = _repeat_len(seq, i, g, min_len)
                if not length:
                    continue
                j = i + length + g
                gap_words = low[i + length:j]
                between = text[words[i + length - 1][1]:words[j][0]]
                if exact:
                    if any(w in skip_gap for w in gap_words) or not _only_spaces_between(text, words, i, j + length):
                        continue
                else:
                    # a restarted clause: the first copy opens the sentence or follows a comma,
                    # a comma separates the copies, and the second copy goes on ("es ist, wie
                    # es ist" ends there and is an idiom)
                    before = text[words[i - 1][1]:words[i][0]] if i else ""
                    if "," not in between or (i and "," not in before) or j + length >= n:
                        continue
                    if not _only_spaces_between(text, words, i, i + length) or \
                            not _only_spaces_between(text, words, j, j + length):
                        continue
                start, end = words[i][0], words[j + length - 1][1]
                if j + length < n:
                    end = words[j + length][1]  # include the second verb
                if in_spans(quotes, start, end):
                    continue
                return Signal("fused", start, end, strength=0.9 if exact else 0.8,
                              data={"phrase": " ".join(toks[i:i + length]), "gap": " ".join(toks[i + length:j]),
                                    "next": j + length})
        return self._subject_restart_at(doc, words, toks, low, i, sent_start, max_gap, quotes)

    def _stutter_at(self, doc: Doc, words: list[tuple[int, int]], toks: list[str], i: int, min_len: int,
                    quotes: list[tuple[int, int]]) -> Signal | None:
        """A capitalised phrase of ``min_len``+ words written twice in a row, character for
        character, the sentence going on after the copy: "Die Proben Die Proben laufen…",
        "Dodał, że Dodał, że rząd…". Only spaces join the copies ("New York, New York" has a
        comma), and the phrase starts with a capital in both (a restarted clause)."""
        text = doc.text
        n = len(toks)
        # a one-letter capital opens a clause too ("W kampanii W kampanii…", "К счастью К счастью")
        if not (is_capitalised(toks[i]) or (len(toks[i]) == 1 and toks[i].isupper() and i + 1 < n
                                            and toks[i + 1][:1].islower())):
            return None
        for length in range(min(_MAX_LEN, (n - i - 1) // 2), min_len - 1, -1):
            j = i + length
            if toks[i:j] != toks[j:j + length] or j + length >= n:
                continue
            first = text[words[i][0]:words[j - 1][1]]
            second = text[words[j][0]:words[j + length - 1][1]]
            if first != second or text[words[j - 1][1]:words[j][0]].strip():
                continue
            start, end = words[i][0], words[j + length - 1][1]
            if in_spans(quotes, start, end):
                return None
            return Signal("fused", start, end, strength=0.9,
                          data={"phrase": first, "gap": "", "stutter": True, "next": j + length})
        return None

    def _doubled_word_at(self, doc: Doc, words: list[tuple[int, int]], low: list[str], i: int,
                         quotes: list[tuple[int, int]]) -> Signal | None:
        """A lowercase content word written twice in a row, only a space between: "La Comisión
        propuso propuso incluir…" (two candidate renderings of one verb kept). Function words
        ("that that", "die die" after a comma) and the words writers double on purpose
        (``doubling_ok`` in ``mt_cues``: "bardzo bardzo", "very very") are not flagged, nor
        words under 4 letters. A weaker signal (0.6) than a capitalised phrase: a typist can
        double a word too, so it counts only beside other evidence."""
        if i + 1 >= len(low) or low[i] != low[i + 1]:
            return None
        text = doc.text
        (s0, e0), (s1, e1) = words[i], words[i + 1]
        w = text[s0:e0]
        if len(w) < _MIN_DOUBLED or not w.isalpha() or not w[:1].islower() or text[s1:e1] != w:
            return None
        if text[e0:s1] not in (" ", "\u00a0"):
            return None
        lang = doc.lang or ""
        if low[i] in cue_set(lang, "fused", "doubling_ok") or low[i] in stopwords(lang):
            return None
        if in_spans(quotes, s0, e1):
            return None
        return Signal("fused", s0, e1, strength=0.6,
                      data={"phrase": w, "gap": "", "stutter": True, "next": i + 2})

    def _clause_echo_at(self, doc: Doc, words: list[tuple[int, int]], toks: list[str], low: list[str], i: int,
                        quotes: list[tuple[int, int]]) -> Signal | None:
        """The clause after a comma opens with the words of the clause before it, then goes on
        with a paraphrase: two renderings of one clause kept side by side ("Закон обязывает
        компании, закон требует от компаний…", "проголосували за вирок, проголосували за
        засудження", "Die Behörde verhängte die Strafe, die Behörde bestrafte…").

        The echoed words (1-3) hold a content word (4+ letters, not a function word of the
        language), stand within ``_ECHO_WINDOW`` words before the comma with no other comma
        between (a list: "детям, людям с…"), are not a name (the second copy is lowercase),
        and each copy goes on with a different content word (the two verbs: "die Leistung
        der Module, die Leistung des Akkus" goes on with articles and is a parallel). One
        echoed word counts only when it opened the first clause (the subject restarted). A
        contrast ("ceny paliw wzrosły, ceny prądu spadły") has the same shape, which is why a
        lone echo is a weak signal (0.6) beside the 0.75 of a longer one."""
        n = len(toks)
        if not toks[i][:1].islower():
            return None
        stop = stopwords(doc.lang or "")
        for length in (3, 2, 1):
            if i + length >= n:
                continue
            phrase = low[i:i + length]
            if not any(len(w) >= 4 and w.isalpha() and w not in stop for w in phrase):
                continue
            if not _only_spaces_between(doc.text, words, i, i + length):
                continue
            lo = max(0, i - _ECHO_WINDOW)
            for p in range(i - length, lo - 1, -1):
                if low[p:p + length] != phrase:
                    continue
                opens = p == 0 or doc.text[words[p - 1][1]:words[p][0]].strip() in (",", ";", ":", "–", "—")
                if length == 1 and not opens:
                    break
                if toks[p][:1].isupper() and not opens:
                    break  # a name repeated mid-sentence ("… Mercedes won, Mercedes lost")
                text = doc.text
                # the words right before the comma said again right after it, verbatim, are
                # one rendering kept twice ("беше продадено, беше продадено", "w finale, w finale
                # zagra"): no list or contrast repeats two words so
                immediate = p + length == i and length >= 2
                if not immediate:
                    if p + length >= i or any(c in text[words[p + length - 1][1]:words[i - 1][1]] for c in ",;:"):
                        break  # a list ("детям, людям с…", "cojile…, zațul…, cojile…"), not one clause
                    nxt1, nxt2 = low[p + length], low[i + length]
                    if nxt1 == nxt2 or nxt1 in stop or nxt2 in stop or not (nxt1.isalpha() and nxt2.isalpha()):
                        break  # a paraphrase goes on with two different content words (two verbs)
                # a paraphrase's span takes in the word where the two copies part; an echo's ends
                start, end = words[p][0], words[i + length - immediate][1]
                if in_spans(quotes, start, end):
                    return None
                return Signal("fused", start, end, strength=0.6 if length == 1 else 0.75,
                              data={"phrase": text[words[i][0]:words[i + length - 1][1]], "gap": "",
                                    "echo": True, "next": i + length})
        return None

    def _subject_restart_at(self, doc: Doc, words: list[tuple[int, int]], toks: list[str], low: list[str],
                            i: int, sent_start: int, max_gap: int,
                            quotes: list[tuple[int, int]]) -> Signal | None:
        """The sentence's first word, an ordinary capitalised word (not a name: frequent in
        the language, written in lowercase elsewhere in the article or far more frequent than
        in English), recurs capitalised after one to ``max_gap + 1`` words with only spaces
        between: the clause restarted with a second verb ("Statek wywrócił się Statek
        przewrócił się…"). Names repeat legitimately ("Smith said Smith…" never does with
        only spaces, but a one-word check keeps to common words to be safe)."""
        if i != 0 or not is_capitalised(toks[0]) or words[0][0] != sent_start or len(low[0]) < 4:
            return None
        lang = doc.lang or ""
        if low[0] in cue_set(lang, "fused", "restart_words") or low[0] in cue_set(lang, "titlecase", "function_words"):
            return None  # an article or a function word ("The striker … The footballer")
        text = doc.text
        n = len(toks)
        for g in range(1, max_gap + 2):
            j = 1 + g
            if j >= n - 1 or toks[j] != toks[0]:
                continue
            if not _only_spaces_between(text, words, 0, j + 1) or not _ordinary_word(doc, low[0]):
                return None
            start, end = words[0][0], words[j + 1][1]
            if in_spans(quotes, start, end):
                return None
            return Signal("fused", start, end, strength=0.8,
                          data={"phrase": toks[0], "gap": " ".join(toks[1:j]), "next": j + 1})
        return None

    def _restart_at(self, doc: Doc, words: list[tuple[int, int]], toks: list[str], low: list[str], i: int,
                    title_nouns: frozenset[str], quotes: list[tuple[int, int]]) -> Signal | None:
        """A capitalised article between two lowercase words, with only spaces around it:
        a second clause glued onto the first ("The player has written The sportswoman
        announced…"). Not after a noun that introduces a title ("the film The artist")."""
        text = doc.text
        prev, nxt = toks[i - 1], toks[i + 1]
        if not (prev[:1].islower() and nxt[:1].islower() and prev.isalpha() and nxt.isalpha()):
            return None
        if not _only_spaces_between(text, words, i - 1, i + 2) or low[i - 1] in title_nouns:
            return None
        start, end = words[i - 1][0], words[i + 1][1]
        if in_spans(quotes, start, end):
            return None
        return Signal("fused", start, end, strength=0.7,
                      data={"phrase": toks[i], "gap": "", "restart": True, "next": i + 1})

    def _subject_glued_again(self, doc: Doc, words: list[tuple[int, int]], toks: list[str], low: list[str],
                             sent_start: int, quotes: list[tuple[int, int]]) -> Signal | None:
        """The sentence's opening subject (its first one or two words, holding a content
        word) recurs in lowercase later in the sentence, glued to the word before it with no
        punctuation and to a next word, and that word before it is no function word: the
        pipeline kept two renderings of the whole clause one after the other ("La société a
        déclaré la société a indiqué que…", "Ratownicy próbują utrzymać zwierzęta mokre
        i chłodne ratownicy starają się…", "Обе кампании направили наблюдателей в счётные
        центры обе кампании отправили…").

        Edited copy repeats a subject only after a conjunction, a complementiser or a
        preposition ("Firma podała, że firma…": function words of the language), after
        punctuation, or, in languages that drop the complementiser (``bare_report_clause``
        in ``mt_cues``: English, German), after a reporting verb ("said the company would").
        Words that build parallels ("Menos flores significa menos alimento", "the more…
        the more": ``parallel_words``) and very frequent words (Zipf >= 6) are not subjects."""
        n = len(toks)
        if not words or words[0][0] != sent_start:
            return None
        lang = doc.lang or ""
        stop = stopwords(lang)
        parallel = cue_set(lang, "fused", "parallel_words")
        bare_report = _bare_report_clause(lang)
        text = doc.text
        for k in (2, 1):
            if n < 2 * k + 3:
                continue
            head = low[:k]
            content = [w for w in head if w.isalpha() and len(w) >= 4 and w not in stop]
            if not content or any(w in parallel for w in head) or zipf(content[0], lang) >= _FUNCTION_ZIPF:
                continue
            if k == 1 and zipf(head[0], lang) < 3.0:
                continue  # a rare first word is likely a name
            for j in range(k + 1, min(n - k, _GLUED_WINDOW)):
                if low[j:j + k] != head or not toks[j][:1].islower():
                    continue
                if text[words[j - 1][1]:words[j][0]].strip() or not low[j - 1].isalpha():
                    continue
                # after a function word edited copy may name the subject again; a reporting
                # verb some stop lists hold ("dit") is none where the language needs "que"
                if low[j - 1] in stop and (bare_report or not _is_report(doc, words[j - 1])):
                    continue
                if text[words[j + k - 1][1]:words[j + k][0]].strip():
                    continue  # the second copy goes on with its own verb, no comma between
                if bare_report and _is_report(doc, words[j - 1]):
                    continue
                start, end = words[0][0], words[j + k][1]
                if in_spans(quotes, start, end):
                    return None
                return Signal("fused", start, end, strength=0.8,
                              data={"phrase": text[words[j][0]:words[j + k - 1][1]], "gap": "", "glued": True})
        return None

    def _pronoun_reports_twice(self, doc: Doc, words: list[tuple[int, int]], toks: list[str], low: list[str],
                               sent_start: int, quotes: list[tuple[int, int]]) -> Signal | None:
        """A pronoun and a reporting verb said twice in a row with nothing between: "Вона
        сказала вона заявила, що…", "Ona powiedziała ona oświadczyła" — two renderings of
        "she said". Not in languages that drop the complementiser (``bare_report_clause``:
        English "he said he told them" is grammatical), nor in quotes."""
        lang = doc.lang or ""
        if _bare_report_clause(lang):
            return None
        stop = stopwords(lang)
        text = doc.text
        for i in range(len(low) - 3):
            if low[i] != low[i + 2] or low[i] not in stop or not low[i].isalpha():
                continue
            if any(text[words[j][1]:words[j + 1][0]].strip() for j in range(i, i + 3)):
                continue
            if not (_is_report(doc, words[i + 1]) and _is_report(doc, words[i + 3])):
                continue
            start, end = words[i][0], words[i + 3][1]
            if in_spans(quotes, start, end):
                continue
            return Signal("fused", start, end, strength=0.8,
                          data={"shape": "reporting", "phrase": toks[i],
                                "first": f"{toks[i]} {toks[i + 1]}", "second": f"{toks[i + 2]} {toks[i + 3]}"})
        return None

    def _loose_repeat_at(self, doc: Doc, words: list[tuple[int, int]], low: list[str], i: int,
                         quotes: list[tuple[int, int]]) -> Signal | None:
        """A phrase said twice in a row in other words, with no punctuation anywhere: three
        or more words recurring (in any case) after one to three others ("Nous avons été
        surpris nous avons été très surpris"), or a content word recurring after one other
        content word, the sentence going on ("recibió críticas mixtas críticas tibias"): two
        candidate renderings kept side by side. Edited copy repeats words this close only
        with a function word between ("año tras año", "paso a paso") or with punctuation
        ("New York, New York"). On tests/corpus/dev (waves 1-6) every such repeat is inside a
        machine-translation label."""
        text = doc.text
        n = len(low)
        stop = stopwords(doc.lang or "")
        for g in range(1, _LOOSE_GAP + 1):
            j = i + _LOOSE_LEN + g
            if j + _LOOSE_LEN <= n and low[i:i + _LOOSE_LEN] == low[j:j + _LOOSE_LEN]:
                start, end = words[i][0], words[j + _LOOSE_LEN - 1][1]
                if not _PUNCT.search(text, start, end) and not in_spans(quotes, start, end):
                    return Signal("fused", start, end, strength=0.7,
                                  data={"phrase": text[words[i][0]:words[i + _LOOSE_LEN - 1][1]],
                                        "gap": text[words[i + _LOOSE_LEN][0]:words[j - 1][1]], "next": j + _LOOSE_LEN})
        w = low[i]
        if (i + 3 < n and low[i + 2] == w and len(w) >= _LOOSE_MIN_WORD and w.isalpha() and w not in stop
                and low[i + 1] not in stop):
            start, end = words[i][0], words[i + 3][1]
            if not _PUNCT.search(text, start, end) and not in_spans(quotes, start, end):
                return Signal("fused", start, end, strength=0.6,
                              data={"phrase": text[words[i][0]:words[i][1]],
                                    "gap": text[words[i + 1][0]:words[i + 1][1]], "next": i + 3})
        return None

    def _subject_resumed(self, doc: Doc, words: list[tuple[int, int]], toks: list[str], low: list[str],
                         sent_start: int, quotes: list[tuple[int, int]]) -> Signal | None:
        """The sentence's opening subject, interrupted by an inserted clause between commas,
        is said again in lowercase after the closing comma and goes on with its verb: the
        pipeline rendered the English subject, then restarted the main clause with it
        ("Studiul, care a implicat peste 40 de instituții, studiul a durat aproape șapte
        ani", "The minister of Health, María Elena Ortiz, the minister called…",
        "Купувачът, който пожела да остане анонимен, купувачът не беше идентифициран").
        Edited copy goes on with the verb ("Studiul, care a implicat…, a durat…") or, after a
        long insertion, with a pronoun; the same noun again in lowercase right after the
        comma, with no conjunction, is the restart. The subject is the first word, or the
        first two when the first is a function word ("The minister", "La police"); a word
        that builds parallels (``parallel_words``) or a very frequent word (Zipf >= 6) is
        not taken; a rare one is (a name is never written again in lowercase)."""
        n = len(toks)
        if n < 6 or not words or words[0][0] != sent_start:
            return None
        lang = doc.lang or ""
        stop = stopwords(lang)
        parallel = cue_set(lang, "fused", "parallel_words")
        text = doc.text
        k = 2 if low[0] in stop and n > 2 else 1
        head = low[:k]
        noun = head[-1]
        if (not noun.isalpha() or len(noun) < 4 or noun in stop or any(w in parallel for w in head)
                or zipf(noun, lang) >= _FUNCTION_ZIPF):
            return None
        opened = False  # a comma after the subject opens the inserted clause
        for j in range(k, min(n - k, _RESUME_WINDOW)):
            if j < k + 2:  # the inserted clause has two words at least ("Podatki, podatki")
                opened = opened or "," in text[words[j - 1][1]:words[j][0]]
                continue
            gap = text[words[j - 1][1]:words[j][0]]
            if low[j:j + k] == head and gap.strip() == "," and toks[j][:1].islower():
                if text[words[j + k - 1][1]:words[j + k][0]].strip():
                    return None  # the noun again, then punctuation: a list, not a restart
                start, end = words[0][0], words[j + k][1]
                if in_spans(quotes, start, end):
                    return None
                # without an inserted clause the restart is a comma splice ("Cumpărătorul nu
                # a fost identificat, cumpărătorul a rămas anonim"), which a contrast also
                # makes ("ceny paliw wzrosły, ceny prądu spadły"): a weak signal
                return Signal("fused", start, end, strength=0.8 if opened else _SPLICE_STRENGTH,
                              data={"phrase": text[words[j][0]:words[j + k - 1][1]], "gap": "",
                                    "resumed" if opened else "spliced": True})
            if "," in gap:
                opened = True
        return None

    def _second_report(self, doc: Doc, s1: int, e1: int, s2: int, e2: int) -> bool:
        """A second reporting clause joined to the first by a bare comma: "Le chef de
        l'autorité a dit que le trafic, le président de l'autorité a déclaré que la
        circulation…", "Міністерка сказала, що…, вона сказала, що…". The words between the
        comma and the second verb (its subject: one to :data:`_SUBJECT_WORDS`; none is the
        writer's post-posed attribution, "…, sostiene la acusación") hold no
        conjunction or relative pronoun (``clause_linkers`` in ``mt_cues``: "…, which he
        said", "…, and the minister said"), the two verbs are in one sentence and line,
        at least :data:`_REPORTED_WORDS` words follow the second one, and no quotation mark
        comes between them ("«…», сказал он, — «…», добавил он")."""
        text = doc.text
        between = text[e1:s2]
        comma = between.rfind(",")
        if comma < 0 or "\n" in between or len(between) > _REPORT_SPAN or _QUOTE_MARKS.intersection(between):
            return False
        if _report_sentence(doc, s1, e2) is None:
            return False  # "…, he said." closing the sentence is the writer's attribution
        subject = [w.strip(".;:()'’").lower() for w in between[comma + 1:].split()]
        linkers = cue_set(doc.lang or "", "fused", "clause_linkers")
        return 0 < len(subject) <= _SUBJECT_WORDS and not any(
            w in linkers or w.split("'")[0] in linkers for w in subject)

    def _restated_subject(self, doc: Doc, s1: int, e1: int, s2: int, e2: int) -> bool:
        """A second reporting verb right after the first, its subject said again between them
        with no comma: "Вона сказала вона заявила журналістам, що…", "Rețeaua a spus că
        rețeaua a declarat că…", "a dit qu'elle a déclaré qu'elle…", "a spus compania a
        declarat că…", or after the writer's post-posed subject and a comma: "…, a spus Johan
        Lindqvist, a declarat Johan Lindqvist, care…". Between the verbs: one to three words
        (an auxiliary of the second verb aside: "que le ministère | a indiqué"), no other
        punctuation; a complementiser (``report_complementisers`` in ``mt_cues``) may
        open them, after the comma some languages put before it ("Компанията каза, че
        компанията заяви, че…"), and then they must be a subject pronoun
        (``subject_pronouns``; not after such a comma, where "she said that she told them"
        is grammatical) or repeat a
        word of the first verb's subject ("X said that the ministry declared…" is reported
        speech of someone else); without one, no conjunction or relative pronoun
        (``clause_linkers``). Not in English or German, which drop the complementiser ("she
        said she told them"); at least :data:`_REPORTED_WORDS` words follow, no quotes."""
        lang = doc.lang or ""
        if _bare_report_clause(lang):
            return False
        text = doc.text
        between = text[e1:s2]
        name_gap = _NAME_GAP.fullmatch(between)
        complementisers = cue_set(lang, "fused", "report_complementisers")
        # languages that put a comma before "that" ("каза, че", "powiedziała, że"): that comma
        # opens the reported clause and does not split it
        comma = _COMMA_OPENING.match(between)
        punctuated = comma is not None and comma.group(1).lower() in complementisers
        tested = between[comma.start(1):] if punctuated and comma else between
        if name_gap is None and (_GAP_PUNCT.search(tested) or not between.strip()):
            return False
        sent = _report_sentence(doc, s1, e2)
        if sent is None:
            return False
        if name_gap is not None:
            return True  # "a spus Johan Lindqvist, a declarat": the subject's name, then "said" again
        # the shared words, with elided ones apart ("qu'elle" -> "qu", "elle")
        toks = [part for a, b in doc.words_in(e1, s2) for part in _ELISION.split(text[a:b].lower()) if part]
        opened = bool(toks) and toks[0] in complementisers
        rest = toks[1:] if opened else toks
        # one auxiliary left over from the second verb's analytic form, after a content word
        # ("que le ministère | a indiqué"), is not part of the restated subject; a negation
        # before it keeps the gap long ("că ea nu a declarat": the writer's own clause)
        if opened and len(rest) >= 2 and rest[-1] in stopwords(lang) and rest[-2] not in stopwords(lang):
            rest = rest[:-1]
        if not 1 <= len(rest) + opened <= 3:
            return False
        if not rest:
            return False  # "a spus că a declarat": the subject dropped, one report of another's
        if any(t in cue_set(lang, "fused", "clause_linkers") for t in rest):
            return False  # "a salué l'annonce mais a averti": a conjunction joins two clauses
        if not punctuated and all(t in cue_set(lang, "fused", "subject_pronouns") for t in rest):
            return True
        before = [text[a:b].lower() for a, b in doc.words_in(sent[0], s1)][-_SUBJECT_WORDS - 3:]
        head = rest[-1]
        if len(head) >= 3 and head not in stopwords(lang) and any(
                w == head or (len(head) >= 5 and w[:5] == head[:5]) for w in before):
            return True  # the first verb's subject said again ("Rețeaua a spus că rețeaua…")
        return not opened  # no complementiser: "a spus compania a declarat că…"

    def run(self, doc: Doc) -> Iterator[Finding]:
        for sig in self.signals(doc):
            if sig.data.get("stutter"):
                msg = (f"{sig.data['phrase']!r} is written twice in a row: two translations of the "
                       "same phrase fused together.")
            elif sig.data.get("echo"):
                msg = (f"The clause after the comma starts again with {sig.data['phrase']!r} and says the "
                       "same thing in other words: two translations fused together.")
            elif sig.data.get("shape") == "reporting":
                msg = (f"Two reporting verbs glued together ({sig.data['first']!r}, {sig.data['second']!r}): "
                       "two translations of one 'said' fused together.")
            elif sig.data.get("glued"):
                msg = (f"The sentence starts again with its subject {sig.data['phrase']!r} in mid-sentence, with "
                       "no punctuation or conjunction: two translations of one clause fused together.")
            elif sig.data.get("restart"):
                msg = (f"A new clause starts with a capitalised {sig.data['phrase']!r} in mid-sentence: "
                       "two translations fused together.")
            else:
                msg = (f"{sig.data['phrase']!r} repeats right after {sig.data['gap']!r}: two translations "
                       "of the same phrase fused together.")
            yield self.finding(doc, sig.start, sig.end, msg, severity=self.severity_of(doc, sig),
                               data=dict(sig.data))


_MAX_LEN = 6  # the longest repeated phrase looked for (a subject of up to six words)
# _MIN_DOUBLED=4: the doubled function words of edited copy are short ("that that", "had had",
# "die die", "że że" typos); content words a translation doubles are longer ("propuso propuso")
_MIN_DOUBLED = 4
# _ECHO_WINDOW=10: the clause a paraphrase repeats is short (5-8 words in the dev corpus)
_ECHO_WINDOW = 10
# _SUBJECT_WORDS=5: the restated subject of a second reporting clause ("le président de
# l'autorité", "el banco central", "вона") is one to five words in the fourth-wave dev half
_SUBJECT_WORDS = 5
# _REPORT_SPAN=300: two reporting clauses of one sentence lie within 300 characters
_REPORT_SPAN = 300
# _REPORTED_WORDS=3: a fused second clause goes on with what was said ("…, вона сказала, що
# розслідування буде незалежним"); fewer words after it close the sentence ("…, he said.")
_REPORTED_WORDS = 3
_QUOTE_MARKS = frozenset("\"„“”«»‚‘’")
#: punctuation that ends or splits a clause (a restated subject between two reporting verbs
#: has none; an apostrophe stays: "qu'elle")
_GAP_PUNCT = re.compile(r"[,;:.!?()\[\]\"„“”«»–—\n]")
#: the writer's post-posed subject (one to four capitalised words) and a comma between two
#: reporting verbs: "a spus Johan Lindqvist, a declarat"
_NAME_GAP = re.compile(r"[ \u00a0](?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐ][\w'’.-]*[ \u00a0]){0,3}[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐ][\w'’.-]*,[ \u00a0]")
# _GLUED_WINDOW=30: the second rendering of a clause starts within 30 words of the sentence
# start (4-17 in the fifth-wave dev half)
_GLUED_WINDOW = 30
# _SPLICE_STRENGTH=0.6: the subject said again right after the first comma, with no clause
# inserted, added a signal inside a label in 3 dev articles no other shape had read so (en4-d04,
# ro6-d05, ro8-d06) and none in the 457 dev articles without an MT label (tests/corpus/dev,
# waves 1-8); a contrast has the same shape, so it is weak, like a one-word clause echo
_SPLICE_STRENGTH = 0.6
# _FUNCTION_ZIPF=6.0: once per thousand words and more frequent are function-like words
# ("más" 6.6, "more" 6.4, "mehr" 6.3, "больше" 6.0); subject nouns stay below ("société" 5.5,
# "company" 5.6, "производители" 4.0)
_FUNCTION_ZIPF = 6.0
# _LOOSE_LEN=3, _LOOSE_GAP=3: a phrase of three words said again within three words with no
# punctuation between; shorter phrases recur in edited copy ("more and more", "day by day")
_LOOSE_LEN = 3
_LOOSE_GAP = 3
# _LOOSE_MIN_WORD=5: one letter more than a doubled word needs (_MIN_DOUBLED), to keep out the
# short words a stop list misses; the dev hits are nouns of 5-8 letters ("паром", "críticas")
_LOOSE_MIN_WORD = 5
_PUNCT = re.compile(r"[^\w\s'’-]")
# _RESUME_WINDOW=40: an inserted clause ("…, care a implicat peste 40 de instituții din 12
# țări, …") runs up to about 30 words in the sixth-wave dev half; 40 leaves room and stays
# within one sentence
_RESUME_WINDOW = 40


_ELISION = re.compile(r"['’\-‐]")
#: a comma, then the first word after it (a complementiser in the languages that write
#: "каза, че", "powiedziała, że", "сказала, що")
_COMMA_OPENING = re.compile(r"\A[ \u00a0]*,[ \u00a0]*(\w+)")


def _report_sentence(doc: Doc, s1: int, e2: int) -> tuple[int, int] | None:
    """The sentence holding two reporting verbs (the first starting at ``s1``, the second
    ending at ``e2``) when at least :data:`_REPORTED_WORDS` words follow the second one
    (what was said); ``None`` otherwise ("…, he said." closes the sentence)."""
    sent = next(((ss, se) for ss, se in doc.sentences if ss <= s1 and e2 <= se), None)
    if sent is None or len(doc.words_in(e2, sent[1])) < _REPORTED_WORDS:
        return None
    return sent


def _bare_report_clause(lang: str) -> bool:
    """The language drops the complementiser after a reporting verb ("said the company
    would…": English, German; ``bare_report_clause`` in ``mt_cues``)."""
    return bool(cues(lang).get("fused", {}).get("bare_report_clause"))


def _is_report(doc: Doc, word: tuple[int, int]) -> bool:
    """``word`` is (the end of) a reporting verb of the article's language."""
    from audit.score.attribution import reporting_verb_spans

    return any(s <= word[0] < e for s, e in reporting_verb_spans(doc))


def _repeat_len(toks: list[str], i: int, gap: int, min_len: int, max_len: int = _MAX_LEN) -> int:
    """Length ``L`` (longest first) such that ``toks[i:i+L]`` recurs right after ``gap`` words."""
    for length in range(max_len, min_len - 1, -1):
        j = i + length + gap
        if j + length <= len(toks) and toks[i:i + length] == toks[j:j + length]:
            return length
    return 0


def _ordinary_word(doc: Doc, lw: str) -> bool:
    """A common word of the language, not a name: written in lowercase elsewhere in the
    article, or frequent (Zipf >= 3.5) and at least 2 Zipf points more frequent than in
    English, where names are about as frequent (MT003's name test, on the exact word)."""
    if lw in word_case_counts(doc)[1]:
        return True
    lang = doc.lang or ""
    z = zipf(lw, lang)
    return z >= 3.5 and english_zipf(lw) < z - 2.0


def _only_spaces_between(text: str, words: list[tuple[int, int]], i: int, k: int) -> bool:
    for w in range(i, k - 1):
        if text[words[w][1]:words[w + 1][0]].strip():
            return False
    return True
