"""The labelled evaluation corpus: its record schema, the authored source format, the split.

Records (one JSON object per line in ``tests/corpus/{dev,test}/<lang>.jsonl``)::

    {"id", "text", "title", "author", "source", "url", "lang", "published",
     "labels": [{"category", "start", "end", "note", ["optional": true]}],
     "provenance": "seed" | "written" | "generated:<recipe>+<base id>",
     "style", "topic", "attribution_level": "wire-dense" | "moderate" | "unsourced"}

Hand-written articles live in ``tests/corpus/src/<lang>.txt``; a defect is marked inline
as ``⟦cat|note⟧text⟦/⟧`` (``cat`` one of :data:`MARKERS`; ``bp?`` marks an *optional*
boilerplate label, ``enc:<codec>`` turns the text into mojibake with that codec) and the
builder turns the markers into exact character spans.

>>> text, labels = parse_markers("Ala ma kota. ⟦bio|template bio⟧Dumny ninja. Zapalony nerd.⟦/⟧", "x:1")
>>> text[labels[0]["start"]:labels[0]["end"]]
'Dumny ninja. Zapalony nerd.'
>>> labels[0]["category"]
'spam-bio'
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

#: the categories a corpus label may carry
CATEGORIES: tuple[str, ...] = (
    "encoding",
    "machine-translation",
    "spam-bio",
    "unrelated-links",
    "boilerplate",
    "duplication",
)
ATTRIBUTION_LEVELS: tuple[str, ...] = ("unsourced", "moderate", "wire-dense")  # ascending
MARKERS = {"enc": "encoding", "mt": "machine-translation", "bio": "spam-bio", "lnk": "unrelated-links",
           "bp": "boilerplate", "dup": "duplication"}
RECORD_KEYS = ("id", "text", "title", "author", "source", "url", "lang", "published",
               "labels", "provenance", "style", "topic", "attribution_level")
DEV_FRACTION = 0.4
SPLITS = ("dev", "test")

_MARK_RE = re.compile(r"⟦([^|⟧]+)\|([^⟧]*)⟧(.*?)⟦/⟧", re.S)
_HEADER_RE = re.compile(r"^([a-z_]+):\s*(.*)$")


class CorpusError(ValueError):
    """A corpus source or record is malformed; the message names file and line."""


# -- mojibake -------------------------------------------------------------------------------
def _sloppy_decode(data: bytes, codec: str) -> str:
    """Decode bytes the way broken pipelines do: undefined bytes fall back to Latin-1."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def mojibake(text: str, how: str) -> str:
    """Garble ``text`` as a mis-declared charset would.

    ``how`` is ``cp1252``/``cp1251``/``latin-1`` (UTF-8 bytes read as that charset), or
    ``cp1251>cp1252`` (a Cyrillic Windows-1251 page read as Windows-1252).

    >>> mojibake("zażółć", "cp1252")
    'zaÅ¼Ã³Å‚Ä‡'
    >>> mojibake("Привет", "cp1251")
    'РџСЂРёРІРµС‚'
    """
    if ">" in how:
        src, dst = how.split(">", 1)
        return _sloppy_decode(text.encode(src, errors="replace"), dst)
    return _sloppy_decode(text.encode("utf-8"), how)


# -- authored sources -----------------------------------------------------------------------
def parse_markers(body: str, where: str) -> tuple[str, list[dict[str, Any]]]:
    """Strip ``⟦cat|note⟧text⟦/⟧`` markers from ``body``; return the text and exact labels."""
    out: list[str] = []
    labels: list[dict[str, Any]] = []
    pos = 0
    length = 0
    for m in _MARK_RE.finditer(body):
        chunk = body[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        kind, note, inner = m.group(1).strip(), m.group(2).strip(), m.group(3)
        optional = kind.endswith("?")
        kind = kind.rstrip("?")
        codec = None
        if kind.startswith("enc:"):
            kind, codec = "enc", kind[4:]
        if kind not in MARKERS:
            raise CorpusError(f"{where}: unknown defect marker {kind!r} (use one of {', '.join(MARKERS)})")
        if "⟦" in inner:
            raise CorpusError(f"{where}: nested defect markers are not allowed")
        if codec:
            inner = mojibake(inner, codec)
            note = f"{note} ({codec})" if note else codec
        label: dict[str, Any] = {"category": MARKERS[kind], "start": length, "end": length + len(inner), "note": note}
        if optional:
            label["optional"] = True
        labels.append(label)
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    if "⟦" in text or "⟧" in text:
        raise CorpusError(f"{where}: unbalanced defect marker")
    return text, labels


def parse_source(path: Path) -> list[dict[str, Any]]:
    """Read one authored file: blocks that start with ``### <id>``, a header, a blank line, a body.

    The language is the file name up to its first dot (``src/pl.txt``, ``src2/pl.dev.txt``).
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks: list[tuple[int, list[str]]] = []
    for i, line in enumerate(lines, 1):
        if line.startswith("### "):
            blocks.append((i, [line]))
        elif blocks:
            blocks[-1][1].append(line)
        elif line.strip() and not line.startswith("#"):
            raise CorpusError(f"{path}:{i}: text before the first '### <id>' block")
    records = []
    for lineno, block in blocks:
        rid = block[0][4:].strip()
        header: dict[str, str] = {}
        k = 1
        while k < len(block) and block[k].strip():
            m = _HEADER_RE.match(block[k])
            if not m:
                raise CorpusError(f"{path}:{lineno + k}: expected 'key: value' in the header of {rid}")
            header[m.group(1)] = m.group(2).strip()
            k += 1
        body = "\n".join(block[k:]).strip()
        where = f"{path}:{lineno}"
        for key in ("title", "source", "published", "style", "topic", "attr"):
            if key not in header:
                raise CorpusError(f"{where}: article {rid} has no '{key}:' header")
        text, labels = parse_markers(body, where)
        records.append({
            "id": rid,
            "text": text,
            "title": header["title"],
            "author": header.get("author") or None,
            "source": header["source"],
            "url": header.get("url") or f"https://{header['source']}/{header['published'][:7].replace('-', '/')}/{rid}",
            "lang": path.name.split(".", 1)[0],
            "published": header["published"],
            "labels": labels,
            "provenance": "written",
            "style": header["style"],
            "topic": header["topic"],
            "attribution_level": header["attr"],
            "_base": header.get("base", "yes") != "no",
        })
    return records


# -- split ----------------------------------------------------------------------------------
def _hash(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def group_key(rec: dict[str, Any]) -> str:
    """Generated variants share their base article's group, so that a body text never
    appears in both dev and test."""
    prov = rec.get("provenance", "")
    if prov.startswith("generated:") and "+" in prov:
        return prov.rsplit("+", 1)[1]
    return rec["id"]


def label_tag(recs: Iterable[dict[str, Any]]) -> str:
    cats = sorted({lab["category"] for r in recs for lab in r["labels"] if not lab.get("optional")})
    return "+".join(cats) or "clean"


def assign_splits(records: list[dict[str, Any]], dev_fraction: float = DEV_FRACTION) -> dict[str, str]:
    """``{id: "dev"|"test"}``: stratified systematic split over hashed groups.

    Within each language, groups are ordered by (label stratum, sha1 of group key) and every
    group whose running quota crosses an integer goes to dev, so each stratum gets its share
    of dev within one group and the assignment depends only on ids and labels.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        groups.setdefault(group_key(r), []).append(r)
    by_lang: dict[str, list[tuple[str, str, str]]] = {}
    for key, members in groups.items():
        lang = members[0]["lang"]
        by_lang.setdefault(lang, []).append((label_tag(members), _hash(key), key))
    out: dict[str, str] = {}
    for lang in sorted(by_lang):
        acc = 0.5
        for _tag, _h, key in sorted(by_lang[lang]):
            before = int(acc)
            acc += dev_fraction
            split = "dev" if int(acc) > before else "test"
            for r in groups[key]:
                out[r["id"]] = split
    return out


# -- reading and validating records ---------------------------------------------------------
def validate(rec: dict[str, Any], where: str) -> None:
    """Raise :class:`CorpusError` when a record breaks the schema."""
    for key in RECORD_KEYS:
        if key not in rec:
            raise CorpusError(f"{where}: record has no {key!r}")
    text = rec["text"]
    if not isinstance(text, str) or not text:
        raise CorpusError(f"{where}: empty text")
    if rec["attribution_level"] not in ATTRIBUTION_LEVELS:
        raise CorpusError(f"{where}: attribution_level {rec['attribution_level']!r} not in {ATTRIBUTION_LEVELS}")
    prov = rec["provenance"]
    if not (prov in ("seed", "written") or re.fullmatch(r"generated:[\w.\-/]+\+[\w\-]+", prov)):
        raise CorpusError(f"{where}: bad provenance {prov!r}")
    for lab in rec["labels"]:
        if lab.get("category") not in CATEGORIES:
            raise CorpusError(f"{where}: label category {lab.get('category')!r} not in {CATEGORIES}")
        s, e = lab.get("start"), lab.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            raise CorpusError(f"{where}: label span {s}:{e} outside text of length {len(text)}")
        if not isinstance(lab.get("note"), str):
            raise CorpusError(f"{where}: label without a note")


def iter_corpus(paths: Iterable[str | Path]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(origin, record)`` from JSONL files or folders of them, validated."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise CorpusError(f"{path}: no such file or folder")
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for f in files:
            with f.open(encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    where = f"{f}:{lineno}"
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise CorpusError(f"{where}: invalid JSON ({exc.msg})") from None
                    if not isinstance(rec, dict):
                        raise CorpusError(f"{where}: a record must be a JSON object")
                    validate(rec, where)
                    yield where, rec


def dump_record(rec: dict[str, Any]) -> str:
    """One JSONL line. Unicode line breaks (NEL, LS, PS: mojibake produces NEL) are escaped so
    that tools splitting on every line boundary still see one record per line.

    >>> dump_record(dict.fromkeys(RECORD_KEYS, "a" + chr(0x85))).count(chr(0x85))
    0
    """
    line = json.dumps({k: rec[k] for k in RECORD_KEYS}, ensure_ascii=False, sort_keys=False)
    return line.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def shared_paragraphs(new: list[dict[str, Any]], others: list[dict[str, Any]],
                      min_chars: int = 80) -> list[tuple[str, str, set[str]]]:
    """``(id, paragraph start, other owners)`` for every paragraph (over ``min_chars``) of a
    ``new`` article that another article (new or not) also holds: a wave must bring text of
    its own, not copies. A paragraph labelled boilerplate from end to end in every article
    that holds it is exempt: site furniture is repeated word for word by its nature (the
    Ukrainian "Якщо ви помітили помилку, виділіть … Ctrl+Enter" prompt is the same on
    every page of every outlet that uses it).

    >>> a = {"id": "a", "text": "x" * 90 + "\\nshort"}
    >>> sorted(shared_paragraphs([a], [{"id": "b", "text": "x" * 90}])[0][2])
    ['a', 'b']
    >>> bp = [{"category": "boilerplate", "start": 0, "end": 90}]
    >>> shared_paragraphs([dict(a, labels=bp)], [{"id": "b", "text": "x" * 90, "labels": bp}])
    []
    """
    owners: dict[str, set[str]] = {}
    furniture: dict[str, bool] = {}
    for r in others + new:
        pos = 0
        for para in r["text"].split("\n"):
            if len(para) > min_chars:
                owners.setdefault(para, set()).add(r["id"])
                labelled = any(lab["category"] == "boilerplate" and lab["start"] <= pos
                               and pos + len(para) <= lab["end"] for lab in r.get("labels", ()))
                furniture[para] = furniture.get(para, True) and labelled
            pos += len(para) + 1
    return [(r["id"], para[:60], owners[para]) for r in new for para in r["text"].split("\n")
            if len(para) > min_chars and owners[para] != {r["id"]} and not furniture[para]]
