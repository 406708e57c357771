"""Mojibake analysis shared by the encoding checks (computed once per article).

Mojibake is text that was encoded in one character set and decoded in another:
UTF-8 bytes read as Windows-1252 turn "Północnej" into "PÃ³Å‚nocnej". The analysis

1. finds *suspicious* characters: ftfy's ``BADNESS_RE`` (sequences that practically
   never occur in real text) plus two signals ftfy leaves out — letters of two scripts
   glued together inside one word ("espaГ±ol", UTF-8 read as Windows-1251) and a
   code-page symbol between two letters ("Pó³nocnej", ISO-8859-2 read as Latin-1);
2. groups the whitespace-delimited tokens holding them into runs (one line at most,
   gaps of plain ASCII only, which every code page decodes identically);
3. tries to undo the confusion on each run: first ftfy's own ``fix_encoding`` (which
   knows Windows-1252/Latin-1 best), then explicit decode chains for the confusions
   ftfy leaves alone (UTF-8 read as Windows-1250/1251/1253 when the text also holds
   characters outside that code page, and single-byte confusions such as ISO-8859-2
   read as Latin-1);
4. accepts a repair only if it lowers the weirdness of the run and its letters belong
   to the article's script (for same-length single-byte repairs: to its alphabet).

Each accepted repair is split back into per-word spans, so a finding points at the
garbled words and its ``replacement`` is the repaired text of exactly that span.
A run ftfy finds bad but nobody can repair is still reported, without a replacement.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from audit.text import Doc

#: Human names of the code pages, for messages.
CODEPAGE_NAMES = {
    "latin-1": "Latin-1 (ISO-8859-1)",
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "sloppy-windows-1250": "Windows-1250",
    "windows-1250": "Windows-1250",
    "sloppy-windows-1251": "Windows-1251",
    "windows-1251": "Windows-1251",
    "sloppy-windows-1253": "Windows-1253",
    "sloppy-windows-1254": "Windows-1254",
    "sloppy-windows-1257": "Windows-1257",
    "iso-8859-2": "ISO-8859-2",
    "macroman": "Mac Roman",
    "cp437": "DOS code page 437",
}

#: Script of each supported language (the letters a repair may produce).
LANG_SCRIPT = {
    "pl": "LATIN", "ro": "LATIN", "en": "LATIN", "de": "LATIN", "es": "LATIN", "fr": "LATIN",
    "bg": "CYRILLIC", "ru": "CYRILLIC", "uk": "CYRILLIC",
}

#: Letters beyond ASCII that each language's orthography uses. Only consulted for
#: same-length (single-byte to single-byte) repairs, which are weak evidence alone.
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґѝ"
ALPHABETS = {
    "pl": "ąćęłńóśźż",
    "ro": "ăâîșțşţ",
    "de": "äöüß",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "es": "áéíñóúü",
    "en": "",
    "bg": _CYRILLIC,
    "ru": _CYRILLIC,
    "uk": _CYRILLIC,
}

#: UTF-8 read as a single-byte code page: encode back with this code page, decode UTF-8.
UTF8_MISREADS = (
    "sloppy-windows-1252",
    "latin-1",
    "sloppy-windows-1250",
    "sloppy-windows-1251",
    "sloppy-windows-1253",
    "iso-8859-2",
    "sloppy-windows-1254",
    "sloppy-windows-1257",
    "macroman",
    "cp437",
)
#: A single-byte code page read as another: (read as, written in).
SINGLE_BYTE_MISREADS = (
    ("latin-1", "iso-8859-2"),
    ("sloppy-windows-1252", "windows-1250"),
    ("latin-1", "windows-1250"),
    ("sloppy-windows-1252", "windows-1251"),
    ("latin-1", "windows-1251"),
)

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_CYR = "\u0400-\u04ff"
_GREEK = "\u0370-\u03ff"
# Code-page symbols that have no business between two letters of a word
# (not « » „ “ ” ‘ ’ – — · which real text puts there).
_CP_SYMBOLS = "\u0080-\u009f¡¢£¤¥¦§¨©¬®¯°±²³´µ¶¸¹¼½¾¿‚ƒ†‡ˆ‰‹›•˜™€˘˙˝˛ˇ"
EXTRA_RE = re.compile(
    rf"[{_LATIN}][{_CYR}{_GREEK}]|[{_CYR}{_GREEK}][{_LATIN}]|[{_CYR}][{_GREEK}]|[{_GREEK}][{_CYR}]"
    rf"|[^\W\d_][{_CP_SYMBOLS}]+[^\W\d_]"
    r"|[ºª][^\W\d_]"  # "ºi" = Romanian "şi" in ISO-8859-2 read as Latin-1
)
_TOKEN_RE = re.compile(r"\S+")


@cache
def _utf8_detectors() -> tuple[re.Pattern[str], ...]:
    """For each code page, the character sequences that UTF-8 lead + continuation bytes
    turn into when read with it ("Ã³", "Ĺ‚", "Рѕ", "â€ž"). Candidates only: real text
    has some of them too, so a repair must still lower the weirdness to count."""
    _ftfy()  # the sloppy codecs
    out = []
    for enc in ("sloppy-windows-1252", "sloppy-windows-1250", "sloppy-windows-1251", "sloppy-windows-1253"):
        def chars(lo: int, hi: int, enc: str = enc) -> str:
            return re.escape(bytes(range(lo, hi + 1)).decode(enc, errors="replace").replace("\ufffd", ""))

        cont = chars(0x80, 0xBF) + "\ufffd"
        out.append(re.compile(
            f"[{chars(0xC2, 0xDF)}][{cont}]|[{chars(0xE0, 0xEF)}][{cont}]{{2}}|[{chars(0xF0, 0xF4)}][{cont}]{{3}}"
        ))
    return tuple(out)

_GAP_OK_RE = re.compile(r"[\x20-\x7e\t\u00a0]{0,40}")
_WORDCH_RE = re.compile(r"[\w\u0300-\u036f]")


@dataclass(frozen=True, slots=True)
class Mojibake:
    start: int
    end: int
    replacement: str | None  # None: suspicious but nothing repairs it
    codepage: str | None  # the code page the text was wrongly read as
    source: str  # what it was written in: "UTF-8", "ISO-8859-2"...
    lossy: bool  # the repair still holds U+FFFD: bytes were lost


@cache
def _ftfy() -> Any:
    import ftfy
    import ftfy.bad_codecs  # registers the sloppy-windows-* codecs
    from ftfy.badness import BADNESS_RE

    return ftfy, BADNESS_RE


def weirdness(text: str) -> int:
    """ftfy's badness plus the two extra signals (mixed scripts in a word, symbols between letters)."""
    _, bad_re = _ftfy()
    n = len(bad_re.findall(text)) + len(EXTRA_RE.findall(text))
    return n + sum(len(det.findall(text)) for det in _utf8_detectors())


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    if ch < "\u0080" or ch in "ªº":  # ordinal indicators: "nº", "1ª"
        return "LATIN"
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "OTHER"
    return name.split(" ", 1)[0]


#: What a repair may produce beyond ASCII: the letters of the Latin and Cyrillic
#: alphabets of European languages, Latin-1 punctuation, typographic punctuation, the
#: euro and numero signs, emoji. Anything else ("ʌ", "ӣ", Hebrew points) means the
#: "repair" decoded a coincidence, not mojibake.
_ALLOWED_RE = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u017f\u0218-\u021b\u0400-\u045f\u0490\u0491"
    "\u2010-\u2030\u2039\u203a\u20ac\u2100-\u214f\ufffd\U0001f000-\U0001faff\u2600-\u27bf]*"
)


def _letters_ok(repaired: str, original: str, lang: str | None, same_length: bool, script: str | None) -> bool:
    """Do the characters a repair introduces belong to the article's script (or alphabet)?"""
    if not _ALLOWED_RE.fullmatch(repaired):
        return False
    new = {ch for ch in repaired if ch.isalpha() and ch not in original}
    if not new:
        return True
    scripts = {_script(ch) for ch in new}
    if len(scripts) > 1 or (script is not None and scripts != {script}):
        return False
    if same_length:
        # a single-byte confusion is weak evidence: every accented letter of the
        # repaired text must belong to one language's alphabet ("oŹô" mixes pl and fr)
        letters = {ch.lower() for ch in repaired if ch.isalpha() and not ch.isascii()}
        alphabet = ALPHABETS.get(lang or "")
        if alphabet is None:
            return any(letters <= set(a) for a in ALPHABETS.values() if a)
        return letters <= set(alphabet)
    return True


def _accept(run: str, repaired: str, lang: str | None, script: str | None) -> bool:
    if repaired == run or not repaired.strip():
        return False
    if len(repaired) > len(run):
        return False
    if repaired.count("\ufffd") > run.count("\ufffd"):
        return False
    if any(unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in "\t\n\r" for ch in repaired):
        return False
    if weirdness(repaired) >= weirdness(run):
        return False
    if ("’" in run or "‘" in run) and not weirdness(run.replace("’", " ").replace("‘", " ")):
        return False  # "Ã’s": a real apostrophe after a capital, not "Ò" mis-decoded
    _, bad_re = _ftfy()
    if not bad_re.search(run) and not EXTRA_RE.search(run) and not any(ch.islower() for ch in run):
        # only the UTF-8 sequence detector fired, on capitals: "ВІРІ" (Ukrainian caps)
        # reads as UTF-8 "²в" by coincidence
        return False
    return _letters_ok(repaired, run, lang, len(repaired) == len(run), script)


def _utf8_chain(text: str, enc: str) -> str | None:
    ftfy, _ = _ftfy()
    try:
        raw = text.encode(enc)
    except UnicodeEncodeError:
        return None
    if enc.startswith("sloppy") and b"\x1a" in raw:
        raw = ftfy.fixes.replace_lossy_sequences(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("utf-8-variants")
        except UnicodeDecodeError:
            return None


def _single_chain(text: str, read_as: str, written_in: str) -> str | None:
    try:
        return text.encode(read_as).decode(written_in)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


@dataclass(frozen=True, slots=True)
class _Repair:
    text: str
    codepage: str | None
    source: str
    redo: tuple  # how to re-apply the repair to a piece of the run


def _apply(redo: tuple, piece: str) -> str | None:
    kind = redo[0]
    if kind == "plan":
        ftfy, _ = _ftfy()
        try:
            return ftfy.apply_plan(piece, list(redo[1]))
        except (UnicodeError, ValueError, LookupError):
            return None
    if kind == "utf8":
        return _utf8_chain(piece, redo[1])
    return _single_chain(piece, redo[1], redo[2])


def _repair(run: str, lang: str | None, script: str | None) -> _Repair | None:
    ftfy, _ = _ftfy()
    fixed, plan = ftfy.fix_encoding_and_explain(run)
    if plan and _accept(run, fixed, lang, script):
        enc = next((step[1] for step in plan if step[0] == "encode"), None)
        return _Repair(fixed, enc, "UTF-8", ("plan", tuple(tuple(s) for s in plan)))
    for enc in UTF8_MISREADS:
        out = _utf8_chain(run, enc)
        if out is not None and _accept(run, out, lang, script):
            return _Repair(out, enc, "UTF-8", ("utf8", enc))
    for read_as, written_in in SINGLE_BYTE_MISREADS:
        out = _single_chain(run, read_as, written_in)
        if out is not None and _accept(run, out, lang, script):
            return _Repair(out, read_as, CODEPAGE_NAMES.get(written_in, written_in), ("single", read_as, written_in))
    return None


def _word_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    while start > lo and _WORDCH_RE.match(text[start - 1]):
        start -= 1
    while end < hi and _WORDCH_RE.match(text[end]):
        end += 1
    return start, end


def _diff_span(a: str, b: str) -> tuple[int, int, int]:
    """Common prefix length and the end of the differing region in ``a`` and ``b``."""
    p = 0
    n = min(len(a), len(b))
    while p < n and a[p] == b[p]:
        p += 1
    q = 0
    while q < n - p and a[len(a) - 1 - q] == b[len(b) - 1 - q]:
        q += 1
    return p, len(a) - q, len(b) - q


def _findings_for_run(text: str, rs: int, re_: int, lang: str | None, script: str | None) -> list[Mojibake]:
    run = text[rs:re_]
    rep = _repair(run, lang, script)
    if rep is None:
        return []
    out: list[Mojibake] = []
    # re-apply the repair token by token, to point at the garbled words only
    pieces: list[tuple[int, int, str]] = []
    for m in _TOKEN_RE.finditer(run):
        fixed = _apply(rep.redo, m.group())
        if fixed is None:
            pieces = []
            break
        if fixed != m.group():
            pieces.append((rs + m.start(), rs + m.end(), fixed))
    rebuilt = None
    if pieces:
        parts, pos = [], rs
        for s, e, fx in pieces:
            parts.append(text[pos:s])
            parts.append(fx)
            pos = e
        parts.append(text[pos:re_])
        rebuilt = "".join(parts)
    if rebuilt != rep.text:  # the repair needs the whole run at once (e.g. a lost NBSP)
        pieces = [(rs, re_, rep.text)]
    # merge neighbouring pieces separated by whitespace only
    merged: list[list[Any]] = []
    for s, e, fx in pieces:
        if merged and not text[merged[-1][1] : s].strip():
            merged[-1][2] = merged[-1][2] + text[merged[-1][1] : s] + fx
            merged[-1][1] = e
        else:
            merged.append([s, e, fx])
    for s, e, fx in merged:
        seg = text[s:e]
        p, qa, _ = _diff_span(seg, fx)
        ws, we = _word_bounds(text, s + p, s + qa, s, e)
        repl = fx[ws - s : len(fx) - (e - we)]
        out.append(Mojibake(ws, we, repl, rep.codepage, rep.source, "\ufffd" in fx))
    return out


def _runs(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Group the tokens holding suspicious characters into runs on one line."""
    tokens: list[tuple[int, int]] = []
    for ms, me in marks:
        # the token(s) around this match
        s = ms
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        e = me
        while e < len(text) and not text[e].isspace():
            e += 1
        if tokens and s <= tokens[-1][1]:
            tokens[-1] = (tokens[-1][0], max(e, tokens[-1][1]))
        else:
            tokens.append((s, e))
    runs: list[tuple[int, int]] = []
    for s, e in tokens:
        if runs:
            gap = text[runs[-1][1] : s]
            if "\n" not in gap and "\r" not in gap and _GAP_OK_RE.fullmatch(gap):
                runs[-1] = (runs[-1][0], e)
                continue
        runs.append((s, e))
    return runs


def find_mojibake(text: str, lang: str | None) -> list[Mojibake]:
    """Every mojibake span of ``text``, repaired where a decode chain explains it."""
    if text.isascii():
        return []
    _, bad_re = _ftfy()
    spans = {m.span() for m in bad_re.finditer(text)} | {m.span() for m in EXTRA_RE.finditer(text)}
    for det in _utf8_detectors():
        spans.update(m.span() for m in det.finditer(text))
    marks = sorted(spans)
    if not marks:
        return []
    runs = _runs(text, marks)
    script = LANG_SCRIPT.get(lang or "") or _dominant_script(text, runs)
    out: list[Mojibake] = []
    for rs, re_ in runs:
        found = _findings_for_run(text, rs, re_, lang, script)
        if not found:
            # the whole run does not decode: try its tokens one by one
            for m in _TOKEN_RE.finditer(text, rs, re_):
                found.extend(_findings_for_run(text, m.start(), m.end(), lang, script))
        if not found and bad_re.search(text, rs, re_) and _looks_utf8(text[rs:re_]):
            s, e = _trim_unrepaired(text, rs, re_, bad_re)
            found = [Mojibake(s, e, None, None, "", False)]
        out.extend(found)
    return out


_LATIN_LETTER_RE = re.compile(f"[{_LATIN}]")
_CYR_LETTER_RE = re.compile(f"[{_CYR}]")


def _dominant_script(text: str, runs: list[tuple[int, int]]) -> str | None:
    """The script of the letters outside the suspicious runs (None when too few to tell)."""
    parts, pos = [], 0
    for s, e in runs:
        parts.append(text[pos:s])
        pos = e
    parts.append(text[pos:])
    rest = "".join(parts)
    latin = len(_LATIN_LETTER_RE.findall(rest))
    cyr = len(_CYR_LETTER_RE.findall(rest))
    if latin + cyr < 40:
        return None
    return "LATIN" if latin > cyr else "CYRILLIC"


def _looks_utf8(run: str) -> bool:
    """Unrepaired runs are reported only when they hold misread UTF-8 sequences or C1
    controls: ftfy's badness alone also fires on leetspeak ("MÄ£ÄM ÌÑÌ")."""
    return any(det.search(run) for det in _utf8_detectors()) or bool(_C1_RE.search(run))


_C1_RE = re.compile("[\x80-\x9f]")


def _trim_unrepaired(text: str, rs: int, re_: int, bad_re: re.Pattern[str]) -> tuple[int, int]:
    """The words of a run that hold ftfy's bad sequences."""
    hits = [m.span() for m in bad_re.finditer(text, rs, re_)]
    s, e = hits[0][0], hits[-1][1]
    return _word_bounds(text, s, e, rs, re_)


def analyse(doc: Doc) -> list[Mojibake]:
    """The mojibake of a document, shared by the encoding checks via ``doc.memo``."""
    # the declared language only: a language identified on garbled text may be wrong
    return doc.memo("encoding.mojibake", lambda d: find_mojibake(d.text, d.meta.get("declared_lang")))


def covered(spans: list[Mojibake], start: int, end: int) -> bool:
    """Is ``[start, end)`` inside a mojibake span (reported by ENC001 already)?"""
    return any(m.start <= start and end <= m.end for m in spans)
