"""Which files to read, in which format, and how to open them.

Arguments are files, directories (read recursively), glob patterns (``data/**/*.jsonl``)
or ``-`` for standard input. Directories contribute the files whose extension names a
format (hidden files and folders are skipped); every list is sorted by path
components, so the order is the same on every machine. The format comes from the
extension (``.jsonl .ndjson .json .csv .tsv .parquet .txt``, optionally compressed
``.gz .bz2 .xz``), ``LoadOptions.format`` overrides it, and a file with an unknown
extension or standard input is sniffed: ``{`` JSON Lines, ``[`` a JSON array, anything
else one text article.

>>> detect_format("feed.JSONL.gz")
('jsonl', 'gz')
>>> detect_format("notes.md")
(None, None)
"""

from __future__ import annotations

import bz2
import codecs
import glob
import gzip
import lzma
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from audit.load.options import FORMATS

STDIN = "-"
STDIN_NAME = "<stdin>"

EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "txt",
}
COMPRESSIONS = {".gz": "gz", ".bz2": "bz2", ".xz": "xz"}
_GLOB_CHARS = frozenset("*?[")
_WS = b" \t\r\n"
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(slots=True)
class Input:
    """One file (or standard input) to read."""

    display: str  # the path as shown in messages (``<stdin>`` for standard input)
    path: Path | None  # None for standard input
    format: str | None  # None: sniff the content
    compression: str | None
    id_name: str  # prefix of generated ids: the path relative to the argument that named it
    folder: str  # the folder name (default source of .txt articles)
    problem: str | None = None  # why this argument cannot be read at all


def detect_format(name: str) -> tuple[str | None, str | None]:
    """``(format, compression)`` from a file name (``None`` when unknown)."""
    lower = name.lower()
    compression = None
    root, ext = os.path.splitext(lower)
    if ext in COMPRESSIONS:
        compression = COMPRESSIONS[ext]
        root, ext = os.path.splitext(root)
    fmt = EXTENSIONS.get(ext)
    if fmt == "parquet" and compression:
        return None, compression
    return fmt, compression


def _sort_key(p: Path) -> tuple[str, ...]:
    return p.parts


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for f in filenames:
            if not f.startswith(".") and detect_format(f)[0] is not None:
                found.append(Path(dirpath, f))
    found.sort(key=_sort_key)
    return found


def _glob_base(pattern: str) -> Path:
    parts = Path(pattern).parts
    base: list[str] = []
    for part in parts:
        if _GLOB_CHARS & set(part):
            break
        base.append(part)
    return Path(*base) if base else Path(".")


def _file_input(path: Path, base: Path | None, forced: str | None) -> Input:
    fmt, comp = detect_format(path.name)
    if base is None:
        id_name = path.name
    else:
        try:
            id_name = path.relative_to(base).as_posix()
        except ValueError:
            id_name = path.name
    folder = path.resolve().parent.name if str(path.parent) in ("", ".") else path.parent.name
    return Input(str(path), path, forced or fmt, comp, id_name, folder)


def expand(paths: list[str], forced: str | None = None) -> Iterator[Input]:
    """The inputs named by ``paths``, in order (directories and globs sorted)."""
    if forced is not None and forced not in FORMATS:
        problem = f"unknown input format {forced!r} (use {', '.join(FORMATS)})"
        for p in paths:
            yield Input(STDIN_NAME if p == STDIN else p, None, None, None, p, "", problem)
        return
    for arg in paths:
        arg = str(arg)
        if arg == STDIN:
            yield Input(STDIN_NAME, None, forced, None, "stdin", "stdin")
            continue
        path = Path(arg)
        if path.is_dir():
            files = _walk(path)
            if not files:
                yield Input(arg, path, None, None, arg, path.name,
                            f"no {'/'.join(sorted(set(EXTENSIONS)))} files in this directory")
            for f in files:
                yield _file_input(f, path, forced)
        elif path.exists() or not (_GLOB_CHARS & set(arg)):
            if not path.exists():
                yield Input(arg, path, None, None, path.name, path.parent.name, "no such file or directory")
            else:
                yield _file_input(path, None, forced)
        else:
            base = _glob_base(arg)
            matches = sorted((Path(m) for m in glob.iglob(arg, recursive=True)), key=_sort_key)
            if not matches:
                yield Input(arg, path, None, None, arg, "", "no file matches this pattern")
            for m in matches:
                if m.is_dir():
                    for f in _walk(m):
                        yield _file_input(f, base, forced)
                elif m.is_file():
                    yield _file_input(m, base, forced)


def open_binary(inp: Input) -> IO[bytes]:
    """A buffered binary stream (with ``peek``) over the input, decompressed."""
    if inp.path is None:
        return sys.stdin.buffer
    if inp.compression == "gz":
        # typeshed's GzipFile lacks the IO[bytes] base that BZ2File and LZMAFile declare (typeshed #2580)
        return gzip.open(inp.path, "rb")  # type: ignore[return-value]
    if inp.compression == "bz2":
        return bz2.open(inp.path, "rb")
    if inp.compression == "xz":
        return lzma.open(inp.path, "rb")
    return open(inp.path, "rb", buffering=1 << 16)


def peek(fh: IO[bytes], n: int = 4096) -> bytes:
    p = getattr(fh, "peek", None)
    return p(n)[:n] if p is not None else b""


def bom_encoding(head: bytes) -> str | None:
    """A UTF-16/UTF-32 encoding announced by a byte-order mark (UTF-8's is stripped)."""
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    return None


def sniff(head: bytes, encoding: str) -> str:
    """``jsonl``, ``json`` or ``txt`` from the first bytes of the content."""
    try:
        text = head.decode(encoding, "ignore")
    except LookupError:
        text = head.decode("latin-1")
    text = text.lstrip("\ufeff \t\r\n")
    if text.startswith("{"):
        return "jsonl"
    if text.startswith("["):
        return "json"
    return "txt"
