"""How input fields map to the canonical article, and other loader options.

>>> fm = FieldMap(text="maintext", url="meta.url")
>>> fm.get({"maintext": "Body", "meta": {"url": "https://x.pl/a"}}, "url")
'https://x.pl/a'
>>> fm.get({"maintext": "Body"}, "title") is MISSING
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The canonical fields a :class:`FieldMap` maps, in order.
MAPPED_FIELDS = ("id", "text", "title", "author", "source", "url", "lang", "published")

#: The formats a reader exists for (``LoadOptions.format`` / ``--input-format``).
FORMATS = ("jsonl", "json", "csv", "tsv", "parquet", "txt")


class _Missing:
    """Sentinel: the field is absent (unlike a present ``null``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class FieldMap:
    """Which input field holds each canonical field (``--text-field maintext`` …).

    A name may be a dotted path into nested JSON objects (``meta.url``); a key that
    literally contains the dot wins over the path. Only top-level keys that are
    mapped *directly* are consumed: for ``meta.url`` the whole ``meta`` object stays
    untouched in ``Article.extra``.
    """

    id: str = "id"
    text: str = "text"
    title: str = "title"
    author: str = "author"
    source: str = "source"
    url: str = "url"
    lang: str = "lang"
    published: str = "published"

    def items(self) -> list[tuple[str, str]]:
        return [(k, getattr(self, k)) for k in MAPPED_FIELDS]

    def consumed(self) -> frozenset[str]:
        """The top-level keys the mapping takes (the rest goes to ``Article.extra``)."""
        return frozenset(src for _, src in self.items())

    def get(self, obj: dict[str, Any], canonical: str) -> Any:
        """The value of ``canonical`` in ``obj`` (``MISSING`` when absent)."""
        return lookup(obj, getattr(self, canonical))


def lookup(obj: dict[str, Any], name: str) -> Any:
    """``obj[name]``, else the dotted path ``a.b.c`` through nested dicts, else ``MISSING``."""
    if name in obj:
        return obj[name]
    if "." not in name:
        return MISSING
    cur: Any = obj
    for part in name.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return MISSING
        cur = cur[part]
    return cur


@dataclass(frozen=True)
class LoadOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    #: source for every article (txt files: default is the folder name)
    source: str | None = None
    #: force a format instead of guessing from the file name: jsonl, json, csv, tsv, parquet, txt
    format: str | None = None
    #: records per batch for batched readers (Parquet)
    batch_size: int = 1000
    #: texts longer than this are truncated for auditing (the record is kept whole)
    max_article_chars: int = 2_000_000
    #: input encoding. ``None``: UTF-8 (a BOM is stripped) and a record holding bytes that
    #: are not valid UTF-8 becomes an InputError naming line and byte. Set it (``cp1250``,
    #: ``latin-1``, ``utf-16``…) to read legacy files; bytes invalid in *that* encoding
    #: still make an InputError for their record.
    encoding: str | None = None
    #: refuse an input with more records than this (0 = no limit): reading stops with
    #: :class:`audit.load.readers.TooManyRecords` as soon as record ``max_records + 1`` appears
    max_records: int = 0
