"""Page furniture found by its structure rather than by a list of phrases (BP009-BP011).

A website's interface text that a scraper leaves in the body -- "Advertisement", a row of
share buttons, "Enter your email address", "This article is for subscribers only", "Tags:
economy, inflation", "Contact the author: a.smith@paper.com" -- has a shape that ordinary
article lines do not have:

* it is short (at most ``MAX_WORDS`` words) and fills its line;
* it speaks to the reader (a sentence opening with an imperative, a second-person word, the
  page speaking about itself: "this article", "our newsletter") or it is a verbless label;
* it is made of interface vocabulary: platform names (``any.toml``), UI words (app, newsletter,
  cookies, subscribers, comments…) -- per language in ``[furniture]`` of
  ``audit/lexicons/boilerplate/<lang>.toml``;
* it never reports speech (a reporting verb of ``audit/lexicons/attribution`` rules it out).

A line is furniture when it is a known UI label on its own, a row of platform/UI words
("Facebook | X | WhatsApp | E-mail"), or it addresses the reader *and* carries enough interface
vocabulary (score: imperative opener 2, second person 1, each platform 1 (at most 2), each UI
word 1 or 2 (strong: newsletter, cookie, subscribers…), at least 3). Keyword lines
("<label>: a, b, c") and author contact lines (an e-mail address or a handle) have patterns
of their own. Page metadata lines -- "Updated: 12 March 2024, 14:05 GMT", "Lesezeit: 4 Minuten",
"3 min czytania", "Listen to this article · 4 min" -- are a label of ``meta_labels`` with
nothing else on the line than numbers and ``meta_words`` (months, time and unit words, the
prepositions of a date), so that no list of fixed strings can hold them. Editorial notes open
with a phrase of ``note_openers`` ("This article was updated at 4.40pm to include…",
"Korrektur: In einer früheren Version…", "Новость дополняется"), and a breadcrumb trail starts
with a ``breadcrumb_roots`` word followed by short items between "›", "»", ">" or "/"
("Startseite › Sachsen › Bildung").

>>> [f.kind for f in map(lambda s: classify_line(s, "en"), [
...     "Advertisement", "Facebook | X | WhatsApp | Email", "Enter your email address to get our newsletter",
...     "Tags: economy, inflation, central bank", "Contact the author: a.smith@example.com",
...     "Updated: 12 March 2024, 14:05 GMT", "This story was updated to include a statement from the police.",
...     "Home › News › Politics"])]
['label', 'row', 'ui', 'tags', 'contact', 'meta', 'note', 'breadcrumb']
>>> classify_line("Facebook did not respond to a request for comment.", "en") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from audit.lexicons import SUPPORTED_LANGUAGES, load
from audit.text import WORD_RE, Doc

#: a furniture line has at most this many words. Interface lines in tests/corpus/dev and in the
#: hand-written forms of tests/test_boilerplate_furniture.py have 1-22 words (cookie notices are
#: the longest); news sentences that mention an app or a platform are usually longer.
MAX_WORDS = 30
#: ... and at most this many characters (30 words of furniture fit in ~250): a giant "word"
#: (a URL, base64, a fuzzer's run of letters) is never furniture, and no regex scans it
MAX_CHARS = 400
#: minimum furniture score of a reader-directed line (imperative 2 + one UI word 1 = 3):
#: two independent cues, so that one UI word in a reported sentence is never enough.
MIN_SCORE = 3
#: a line without a final full stop of at most this many words is a label (verbless)
LABEL_MAX_WORDS = 8
#: a tag item has at most this many words ("central bank", "Rada Miasta Krakowa")
TAG_ITEM_MAX_WORDS = 5

# (?<!…): a match starts only where a run of address characters starts, so a long run
# without "@" is scanned once, not once per position (quadratic: 9 s on a 40 KB line)
_EMAIL_RE = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}", re.IGNORECASE)
_HANDLE_RE = re.compile(r"(?:^|(?<=[\s(:,]))@[A-Za-z0-9_]{2,30}\b")
_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+|(?<![\w\-])[\w\-]+\.(?:com|pl|bg|ro|de|es|fr|ru|ua|net|org|eu|info)\b(?:/\S*)?",
                     re.IGNORECASE)
_DECO = " \t\u00a0-–—•·*▪■►▶»›>→#|:[](){}📱📧✉️👉🔔📩⬇️➡️"
_COUNT_RE = re.compile(r"[\s(\[]*\d+[\s)\]]*$")
_QUOTES = "\"'„“”«»‚‘’"
_QUOTED_RE = re.compile(r"^\s*[\"„“«‚‘»](?P<q>[^\"”“«»‘’]{2,300})[\"”“»‘’«]\s*[,.–—-]?\s*(?P<after>.*)$")
_TAG_SPLIT_RE = re.compile(r"\s*[,;|•·/]\s*|\s+(?=#)")
#: the tokens of a metadata line once its labels are removed: numbers, and words (with inner
#: dots: "p.m.") that must all be ``meta_words``
_META_TOKEN_RE = re.compile(r"\d+|[^\W\d_]+(?:\.[^\W\d_]+)*")
#: the separators of a breadcrumb trail ("Home › News › Politics")
_CRUMB_SPLIT_RE = re.compile(r"[›»>/→|]")
#: decoration before an editorial note ("*Материалът е актуализиран…") or a breadcrumb ("» Home › …")
_NOTE_DECO = " \t\u00a0*-–—•·▪■►▶»›>→#|[("


@dataclass
class Furniture:
    kind: str  # label | row | ui | tags | contact | meta | note | breadcrumb
    cues: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Lex:
    imperatives: frozenset[str]
    imperative_phrases: tuple[str, ...]
    imperatives_final: frozenset[str]
    final_blockers: frozenset[str]
    imperative_endings: tuple[str, ...]
    imperative_markers: frozenset[str]
    site_voice: frozenset[str]
    address: frozenset[str]
    address_cased: frozenset[str]
    self_ref: re.Pattern[str] | None
    ui_exact: dict[str, int]
    ui_strong_re: re.Pattern[str]
    ui_weak_re: re.Pattern[str]
    cue_re: re.Pattern[str]
    labels: frozenset[str]
    tag_re: re.Pattern[str]
    contact_re: re.Pattern[str]
    platforms: re.Pattern[str]
    row: re.Pattern[str]
    reporting: frozenset[str]
    reporting_prefix: tuple[str, ...]
    press: tuple[str, ...]  # press-office words ending in * in the lexicon: prefixes
    press_exact: frozenset[str]  # the others: whole words ("сми" is not "Смирнова")
    meta_re: re.Pattern[str]
    meta_words: frozenset[str]
    note_re: re.Pattern[str]
    crumb_re: re.Pattern[str]


def _langs(lang: str | None) -> tuple[str, ...]:
    return (lang, "en") if lang in SUPPORTED_LANGUAGES and lang != "en" else (
        ("en",) if lang == "en" else SUPPORTED_LANGUAGES)


def _vals(langs: tuple[str, ...], key: str) -> list[str]:
    out: dict[str, None] = {}
    for lg in langs:
        for v in load("boilerplate", lg).get("furniture", {}).get(key, []):
            out.setdefault(v, None)
    return list(out)


def _phrase_alt(phrases: list[str]) -> str:
    ps = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ps)


@cache
def _lexicon(lang: str | None) -> _Lex:
    langs = _langs(lang)
    imps = _vals(langs, "imperatives")
    ui_exact: dict[str, int] = {}
    ui_prefix: list[tuple[str, int]] = []
    for key, weight in (("ui", 1), ("ui_strong", 2)):
        for w in _vals(langs, key):
            if w.endswith("*"):
                ui_prefix.append((w[:-1], weight))
            else:
                ui_exact[w] = max(weight, ui_exact.get(w, 0))
    anyf = load("boilerplate", "any").get("furniture", {})
    row_only = set(anyf.get("row_only", []))
    platforms = [p for p in anyf.get("platforms", []) if p not in row_only]
    labels = frozenset(_norm_label(x) for x in _vals(langs, "labels"))
    row_vocab = (list(anyf.get("platforms", [])) + [x for x in labels if len(x.split()) <= 3]
                 + [w for w in ui_exact if len(w) > 2])
    selfref = _vals(langs, "self_reference")
    reporting: set[str] = set()
    reporting_prefix: list[str] = []
    for lg in langs:
        for v in load("attribution", lg).get("reporting_verbs", []):
            if " " in v:
                continue
            if v.endswith("*"):
                reporting_prefix.append(v[:-1].lower())
            else:
                reporting.add(v.lower())
    deco = r"[\s" + re.escape("-–—•·*▪■►▶»›>→#|[(") + r"]*"
    return _Lex(
        imperatives=frozenset(i for i in imps if " " not in i),
        imperative_phrases=tuple(i for i in imps if " " in i),
        imperatives_final=frozenset(_vals(langs, "imperatives_final")),
        final_blockers=frozenset(_vals(langs, "imperatives_final_blockers")),
        imperative_endings=tuple(_vals(langs, "imperative_endings")),
        imperative_markers=frozenset(_vals(langs, "imperative_markers")),
        site_voice=frozenset(_vals(langs, "site_voice")),
        address=frozenset(_vals(langs, "address")),
        address_cased=frozenset(_vals(langs, "address_cased")),
        self_ref=re.compile(rf"\b(?:{_phrase_alt(selfref)})\b") if selfref else None,
        ui_exact=ui_exact,
        ui_strong_re=_prefix_re([p for p, wt in ui_prefix if wt == 2]),
        ui_weak_re=_prefix_re([p for p, wt in ui_prefix if wt == 1]),
        # any cue at all: a line without one is ordinary text (checked first: most lines are);
        # short labels are cues too, so that a row of them ("Aceptar todas | Configurar") is seen
        cue_re=re.compile(
            rf"(?<![\w])(?:{_phrase_alt(list(ui_exact) + platforms + _vals(langs, 'tag_labels') + _vals(langs, 'site_voice') + [x for x in labels if len(x.split()) <= 3])})(?![\w])"
            rf"|(?<![\w])(?:{_phrase_alt([p for p, _ in ui_prefix])})|@|#\w|https?:|www\."),
        labels=labels,
        tag_re=re.compile(rf"{deco}(?:{_phrase_alt(_vals(langs, 'tag_labels'))})\s*[:：]\s*(?P<rest>\S.*)$",
                          re.IGNORECASE),
        contact_re=re.compile(rf"{deco}(?:{_phrase_alt(_vals(langs, 'contact_labels'))})\b", re.IGNORECASE),
        platforms=re.compile(rf"(?<![\w@.])(?:{_phrase_alt(platforms)})(?![\w])"),
        row=re.compile(rf"(?<![\w@.])(?:{_phrase_alt(row_vocab)})(?![\w])"),
        reporting=frozenset(reporting),
        reporting_prefix=tuple(reporting_prefix),
        press=tuple(w[:-1] for w in _vals(langs, "press_words") if w.endswith("*")),
        press_exact=frozenset(w for w in _vals(langs, "press_words") if not w.endswith("*")),
        meta_re=re.compile(rf"(?<![\w])(?:{_phrase_alt(_vals(langs, 'meta_labels'))})(?![\w])")
        if _vals(langs, "meta_labels") else re.compile(r"(?!)"),
        meta_words=frozenset(_vals(langs, "meta_words")),
        # \A: tried at the start of the (undecorated) line only, never rescanned along it
        note_re=re.compile(rf"\A(?:{_phrase_alt(_vals(langs, 'note_openers'))})(?![\w])")
        if _vals(langs, "note_openers") else re.compile(r"(?!)"),
        crumb_re=re.compile(rf"\A(?:{_phrase_alt(_vals(langs, 'breadcrumb_roots'))})\s*[›»>/→|]\s*\S")
        if _vals(langs, "breadcrumb_roots") else re.compile(r"(?!)"),
    )


def _prefix_re(prefixes: list[str]) -> re.Pattern[str]:
    return re.compile(f"(?:{_phrase_alt(prefixes)})" if prefixes else r"(?!)")


def _norm_label(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold().strip(_DECO + _QUOTES + ".!…")
    s = _COUNT_RE.sub("", s).strip(_DECO + _QUOTES + ".!…")
    return " ".join(s.replace("’", "'").split())


def _meta(lower: str, lex: _Lex) -> list[str] | None:
    """The metadata labels of a line made of labels, numbers and ``meta_words`` only."""
    hits = lex.meta_re.findall(lower)
    if not hits:
        return None
    rest = lex.meta_re.sub(" ", lower)
    if any(not t[0].isdigit() and t not in lex.meta_words for t in _META_TOKEN_RE.findall(rest)):
        return None
    return hits


def _ui_points(words: list[str], lex: _Lex) -> tuple[int, list[str]]:
    pts = 0
    hit: list[str] = []
    for w in dict.fromkeys(words):
        weight = lex.ui_exact.get(w, 0)
        if not weight and "-" in w and w not in ("e-mail", "e-mails"):
            weight = max((lex.ui_exact.get(p, 0) for p in w.split("-")[1:]), default=0)
        if not weight:
            weight = 2 if lex.ui_strong_re.match(w) else (1 if lex.ui_weak_re.match(w) else 0)
        if weight:
            pts += weight
            hit.append(w)
    return pts, hit


def _is_reporting(w: str, lex: _Lex) -> bool:
    return w in lex.reporting or (bool(lex.reporting_prefix) and len(w) > 4 and w.startswith(lex.reporting_prefix))


def reports_speech(line: str, lang: str | None) -> bool:
    """The line reports somebody's words (a reporting verb of ``audit/lexicons/attribution``)."""
    lex = _lexicon(lang)
    lw = [m.group().lower() for m in WORD_RE.finditer(line)]
    if any(_is_reporting(w, lex) for w in lw) and not any(w in lex.address for w in lw):
        return True  # "Have your say" speaks to the reader, "she said" reports
    # a quotation followed by its attribution: "« Abonnez-vous », a lancé l'influenceuse."
    m = _QUOTED_RE.match(line)
    return bool(m and len(WORD_RE.findall(m.group("after"))) >= 2)


def _clause_starts(line: str) -> list[int]:
    """Sentence starts plus the clause after a colon or a dash ("Nie przegap: pobierz aplikację")."""
    starts = _sentence_starts(line)
    starts += [m.end() for m in re.finditer(r"(?:[:–—]|\s-)\s+", line)]
    return sorted(set(starts))


def _sentence_starts(line: str) -> list[int]:
    """Offsets in ``line`` where a sentence begins (the line start and after . ! ? …)."""
    starts = [0]
    for m in re.finditer(r"[.!?…]+[\"'”’»)]*\s+", line):
        starts.append(m.end())
    return starts


def classify_line(line: str, lang: str | None) -> Furniture | None:
    """The furniture kind of one line of text, or ``None`` for an ordinary line."""
    words = [m for m in WORD_RE.finditer(line)]
    return _classify(line, words, _lexicon(lang))


def _classify(line: str, words: list[re.Match[str]], lex: _Lex) -> Furniture | None:
    n = len(words)
    if n == 0 or n > MAX_WORDS or len(line) > MAX_CHARS:
        return None
    lower = line.lower()
    lw = [m.group().lower() for m in words]
    # 1. a UI label alone on its line ("Advertisement", "Comments (12)", "Accept all")
    if n <= LABEL_MAX_WORDS and _norm_label(line) in lex.labels:
        return Furniture("label", [_norm_label(line)])
    # 2. a page metadata line: "Updated: 12 March 2024, 14:05", "Lesezeit: 4 Minuten"
    meta = _meta(lower, lex)
    if meta:
        return Furniture("meta", meta)
    # 3. an editorial note about the page itself: "This article was updated at 4.40pm to include…"
    m = lex.note_re.match(lower.lstrip(_NOTE_DECO))
    if m:
        return Furniture("note", [m.group()])
    # 4. a breadcrumb trail: "Startseite › Sachsen › Bildung"
    if lex.crumb_re.match(lower.lstrip(_NOTE_DECO)):
        items = [x.strip() for x in _CRUMB_SPLIT_RE.split(line.strip(_DECO)) if x.strip()]
        if len(items) >= 2 and all(1 <= len(WORD_RE.findall(x)) <= TAG_ITEM_MAX_WORDS for x in items) and not (
                line.rstrip().endswith((".", "!", "?"))):
            return Furniture("breadcrumb", items)
    if not lex.cue_re.search(lower):
        return None
    # 2. a keyword line: "Tags: economy, inflation"
    m = lex.tag_re.match(line)
    if m:
        rest = m.group("rest").strip()
        items = [x.strip(" #.") for x in _TAG_SPLIT_RE.split(rest) if x.strip(" #.")]
        if items and not rest.endswith((".", ":")) and all(
                1 <= len(WORD_RE.findall(x)) <= TAG_ITEM_MAX_WORDS for x in items) and (
                len(items) >= 2 or len(WORD_RE.findall(rest)) <= 3):
            return Furniture("tags", items)
    stripped = line.strip(_DECO)
    if stripped.count("#") >= 2 and all(t.startswith("#") for t in stripped.split()):
        return Furniture("tags", stripped.split())
    reporting = (any(_is_reporting(w, lex) for w in lw) and not any(w in lex.address for w in lw)) or bool(
        (q := _QUOTED_RE.match(line)) and len(WORD_RE.findall(q.group("after"))) >= 2)
    # 3. an author contact line: an e-mail address or a handle, with a label or nothing else
    contact = _EMAIL_RE.search(line) or _HANDLE_RE.search(line)
    if contact and n <= 20 and not reporting and not any(
            w in lex.press_exact or w.startswith(lex.press) for w in lw):
        rest_words = len(WORD_RE.findall(_HANDLE_RE.sub(" ", _EMAIL_RE.sub(" ", line))))
        if lex.contact_re.match(line) or rest_words <= 6 or lw[0] in lex.imperatives:
            return Furniture("contact", [contact.group()])
    # 4. a row of platform names / UI words ("Facebook Twitter WhatsApp E-mail")
    row_hits = lex.row.findall(lower)
    if len(row_hits) >= 2:
        left = lex.row.sub(" ", lower)
        if not any(ch.isalpha() for ch in left):
            return Furniture("row", row_hits)
    if reporting or stripped[:1] in _QUOTES:
        return None
    # 5. a reader-directed line with interface vocabulary
    imp: str | bool = False
    for s in _clause_starts(line):
        raw = line[s:].lstrip(_DECO + _QUOTES)
        head = raw.lower()
        first = WORD_RE.match(head)
        if first is None:
            continue
        w = first.group()
        if (w in lex.imperatives or w.split("-")[0] in lex.imperatives
                or any(w.endswith(x) and w[: -len(x)] in lex.imperatives for x in lex.imperative_endings)
                or any(head.startswith(p) for p in lex.imperative_phrases)):
            imp = w
            break
        # "Diskutieren Sie mit…": a verb and the polite pronoun open an imperative (not a question)
        second = WORD_RE.match(raw, first.end() + 1) if first.end() < len(raw) else None
        sentence = re.match(r"[^.!?]*[.!?]?", raw).group()  # type: ignore[union-attr]
        if second and second.group() in lex.imperative_markers and w.isalpha() and not sentence.endswith("?"):
            imp = w
            break
    if not imp and lex.imperatives_final:
        for m in re.finditer(r"([^\W\d_][\w\-]*)[\s\"'”»]*[.!]*(?=\s*(?:[|]|$))|([^\W\d_][\w\-]*)\s*[.!]+(?=\s)", line):
            w = (m.group(1) or m.group(2)).lower()
            if w not in lex.imperatives_final:
                continue
            before = WORD_RE.findall(line[max(0, m.start() - 24):m.start()].lower())
            if not (before and before[-1] in lex.final_blockers):
                imp = w  # not "… lehnte es ab, den Fall zu kommentieren." (an infinitive clause)
                break
    starts = set(_sentence_starts(line))
    addr = any(w in lex.address for w in lw) or any(
        m.group() in lex.address_cased and m.start() not in starts
        and line[:m.start()].strip(_DECO + _QUOTES) != "" for m in words)
    selfref = bool(lex.self_ref and lex.self_ref.search(lower))
    terminal = line.rstrip(_QUOTES + " )").endswith((".", "!", "?", "…"))
    platforms = list(dict.fromkeys(lex.platforms.findall(lower)))
    # the imperative is not also an interface word: "Share prices fell" has one cue, not two
    ui, ui_hit = _ui_points([w for w in lw if w != imp], lex)
    cue = min(len(platforms), 2) + min(ui, 4)
    if _URL_RE.search(line):
        cue += 1
    # a line about cookies or apps that speaks to nobody is reporting ("the regulator fined the
    # site for setting cookies"): a reader-directed form or a verbless label is required
    reader = imp or addr or selfref or (not terminal and n <= LABEL_MAX_WORDS)
    # "Let us know", "Tell us": the site asks the reader to write to it -- a cue only with an
    # imperative and another sign of address ("Let us not forget the victims" is an op-ed)
    if imp and (addr or cue) and any(w in lex.site_voice for w in lw):
        cue += 1
        ui_hit.append("us")
    score = cue + 2 * bool(imp) + addr
    if reader and cue >= 1 and score >= MIN_SCORE:
        cues = (["imperative"] if imp else []) + (["addresses the reader"] if addr else []) + (
            ["the page speaks about itself"] if selfref else []) + platforms + ui_hit
        return Furniture("ui", cues)
    return None


def classify(doc: Doc, start: int, end: int) -> Furniture | None:
    """The furniture kind of the line ``doc.text[start:end]`` (long lines are rejected on the
    shared word segmentation before anything else is computed)."""
    if len(doc.words_in(start, end)) > MAX_WORDS:
        return None
    return classify_line(doc.text[start:end], doc.lang)
