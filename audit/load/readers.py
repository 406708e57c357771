"""Readers for every input format (a first version: JSON Lines and .txt files)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from audit.load.options import LoadOptions
from audit.model import Article, InputError, Origin

Record = Article | InputError


def iter_records(paths: Sequence[str | Path], options: LoadOptions | None = None) -> Iterator[Record]:
    opts = options or LoadOptions()
    index = 0
    for p in paths:
        path = Path(p)
        files = sorted(f for f in path.iterdir() if f.suffix == ".txt") if path.is_dir() else [path]
        for f in files:
            if f.suffix == ".txt":
                text = f.read_text(encoding="utf-8")
                yield Article(id=f.stem, text=text, source=opts.source or f.parent.name,
                              origin=Origin(str(f), None, index))
                index += 1
            else:
                with f.open(encoding="utf-8") as fh:
                    for lineno, line in enumerate(fh, 1):
                        if not line.strip():
                            continue
                        try:
                            obj: dict[str, Any] = json.loads(line)
                        except json.JSONDecodeError as exc:
                            yield InputError(Origin(str(f), lineno, index), f"invalid JSON ({exc.msg})", line[:200])
                        else:
                            yield _to_article(obj, opts, Origin(str(f), lineno, index))
                        index += 1


def _to_article(obj: dict[str, Any], opts: LoadOptions, origin: Origin) -> Article:
    fm = opts.fields
    used = {src for _, src in fm.items()}
    vals = {canon: obj.get(src) for canon, src in fm.items()}
    return Article(
        id=str(vals["id"]) if vals["id"] is not None else f"{Path(origin.path).name}:{origin.line}",
        text=str(vals["text"] or ""),
        title=vals["title"], author=vals["author"], source=opts.source or vals["source"],
        url=vals["url"], lang=vals["lang"], published=vals["published"],
        extra={k: v for k, v in obj.items() if k not in used},
        origin=origin,
    )
