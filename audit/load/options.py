"""How input fields map to the canonical article, and other loader options."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldMap:
    """Which input field holds each canonical field (``--text-field maintext`` …)."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    author: str = "author"
    source: str = "source"
    url: str = "url"
    lang: str = "lang"
    published: str = "published"

    def items(self) -> list[tuple[str, str]]:
        return [(k, getattr(self, k)) for k in ("id", "text", "title", "author", "source", "url", "lang", "published")]


@dataclass(frozen=True)
class LoadOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    #: source for every article (txt files: default is the folder name)
    source: str | None = None
    #: force a format instead of guessing from the file name: jsonl, json, csv, parquet, txt
    format: str | None = None
    #: records per batch for batched readers (Parquet, CSV)
    batch_size: int = 1000
    #: texts longer than this are truncated for auditing (the record is kept whole)
    max_article_chars: int = 2_000_000
