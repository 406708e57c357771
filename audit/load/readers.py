"""Readers for every input format, behind one streaming entry point.

``iter_records(paths, options)`` yields exactly one item per input record, in input
order: an :class:`~audit.model.Article`, or an :class:`~audit.model.InputError` whose
``origin`` names the file and line and whose message is one line. A file that cannot
be read at all yields one *fatal* InputError and the other files are still read.
``Origin.index`` is the item's 0-based position in the whole stream.

Formats (see :mod:`audit.load.inputs` for how they are chosen):

* JSON Lines: one object per line; blank lines are skipped (not records).
* JSON: an array of objects, or objects one after another, streamed (never loaded
  whole); a record's line is the line where its value starts.
* CSV/TSV: a header row, then one record per row (quoted fields may span lines; the
  record's line is its first line). Empty cells are absent fields.
* Parquet: one record per row, read in batches; the "line" is the 1-based row.
* Text: one article per file; id = file stem, source = ``options.source`` or the
  folder name. Line endings are normalised to ``\\n`` (universal newlines).

Encoding: UTF-8 by default; a UTF-8 BOM is stripped, CRLF line ends are fine, and a
UTF-16/32 BOM switches to that encoding. A record holding bytes that are not valid
UTF-8 is *not* salvaged: it becomes an InputError naming the line and byte, because
guessing would hide the corruption. ``options.encoding`` (``cp1250``…) reads legacy
files. Generated ids (record without an id) are ``<name>:<line>`` (``<name>[<n>]``
for JSON arrays and Parquet), where ``<name>`` is the path relative to the argument.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from audit.load import jsonstream
from audit.load.inputs import COMPRESSIONS, Input, bom_encoding, expand, open_binary, peek, sniff
from audit.load.mapping import Mapper
from audit.load.options import LoadOptions
from audit.model import Article, InputError, Origin

Record = Article | InputError

_CHUNK = 1 << 20
# big articles in one CSV cell: csv's default limit is 128 KiB
_CSV_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)
_READ_ERRORS = (OSError, EOFError, zlib.error, csv.Error, UnicodeError)


class TooManyRecords(ValueError):
    """The input holds more records than ``LoadOptions.max_records`` allows."""


def iter_records(paths: Sequence[str | Path], options: LoadOptions | None = None) -> Iterator[Record]:
    """Every record of every input, in order (see the module docstring). With
    ``options.max_records``, raises :class:`TooManyRecords` instead of reading past it."""
    opts = options or LoadOptions()
    mapper = Mapper(opts)
    index = 0
    for inp in expand([str(p) for p in paths], opts.format):
        for item in _read_input(inp, opts, mapper):
            if opts.max_records and index >= opts.max_records:
                raise TooManyRecords(
                    f"the input holds more than {opts.max_records} records (max-articles = "
                    f"{opts.max_records}); stopped at {item.origin}: raise the limit or split the input"
                )
            item.origin.index = index  # type: ignore[union-attr]
            index += 1
            yield item


# -- dispatch --------------------------------------------------------------------------------


def _read_input(inp: Input, opts: LoadOptions, mapper: Mapper) -> Iterator[Record]:
    if inp.problem:
        yield InputError(Origin(inp.display), inp.problem, fatal=True)
        return
    last_line: list[int | None] = [None]
    try:
        fh = open_binary(inp)
    except OSError as exc:
        yield InputError(Origin(inp.display), f"cannot open: {exc.strerror or exc}", fatal=True)
        return
    try:
        encoding, err = _encoding(opts, fh)
        if err:
            yield InputError(Origin(inp.display), err, fatal=True)
            return
        fmt = inp.format or sniff(peek(fh), encoding)
        if fmt == "jsonl":
            reader = _read_jsonl(fh, inp, encoding, mapper, last_line)
        elif fmt == "json":
            reader = _read_json(fh, inp, encoding, mapper, last_line)
        elif fmt in ("csv", "tsv"):
            reader = _read_csv(fh, inp, encoding, mapper, last_line, "\t" if fmt == "tsv" else ",")
        elif fmt == "parquet":
            reader = _read_parquet(fh, inp, opts, mapper, last_line)
        else:
            reader = _read_txt(fh, inp, encoding, opts)
        yield from reader
    except _READ_ERRORS as exc:
        yield InputError(Origin(inp.display, last_line[0]), f"cannot read the rest of the file: {_describe(exc)}",
                         fatal=True)
    finally:
        if inp.path is not None:
            fh.close()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text


def _encoding(opts: LoadOptions, fh: IO[bytes]) -> tuple[str, str | None]:
    if opts.encoding is None:
        return bom_encoding(peek(fh, 4)) or "utf-8", None
    try:
        name = codecs.lookup(opts.encoding).name
    except LookupError:
        return "", f"unknown encoding {opts.encoding!r}"
    return ("utf-8" if name == "utf-8-sig" else name), None


def _ascii_compatible(encoding: str) -> bool:
    try:
        return '\n{["\\,'.encode(encoding) == b'\n{["\\,'
    except UnicodeError:
        return False


def _bad_bytes_message(encoding: str, line: int, byte: int, value: int) -> str:
    hint = "set the input encoding (e.g. --encoding cp1250) for legacy files" if encoding == "utf-8" else (
        "check the input encoding")
    return f"invalid {_enc_label(encoding)} byte 0x{value:02X} at line {line}, byte {byte + 1}; {hint}"


def _enc_label(encoding: str) -> str:
    return "UTF-8" if encoding == "utf-8" else encoding


# -- decoded lines ---------------------------------------------------------------------------


class _Lines:
    """Lines (``\\n``-terminated, terminator kept) decoded one by one, so that a bad byte
    is pinned to its line; ``bad`` maps line number -> (byte offset, byte) for lines
    that did not decode (yielded with replacement characters)."""

    def __init__(self, fh: IO[bytes], encoding: str) -> None:
        self.fh = fh
        self.encoding = encoding
        self.bad: dict[int, tuple[int, int]] = {}
        self.lineno = 0

    def __iter__(self) -> Iterator[str]:
        enc = self.encoding
        if not _ascii_compatible(enc):
            # utf-16/32: decode the stream (a bad byte stops the file with a fatal error)
            text = io.TextIOWrapper(self.fh, encoding=enc, errors="strict", newline="\n")  # type: ignore[arg-type]
            try:
                for self.lineno, line in enumerate(text, 1):
                    yield line.lstrip("\ufeff") if self.lineno == 1 else line
            finally:
                text.detach()  # the caller owns (and closes) the binary stream
            return
        utf8 = enc == "utf-8"
        lineno = 0
        for raw in self.fh:
            lineno += 1
            self.lineno = lineno
            if lineno == 1 and utf8 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            try:
                yield raw.decode(enc)
            except UnicodeDecodeError as exc:
                self.bad[lineno] = (exc.start, raw[exc.start])
                yield raw.decode(enc, "replace")


# -- JSON Lines ------------------------------------------------------------------------------


def _read_jsonl(fh: IO[bytes], inp: Input, encoding: str, mapper: Mapper, last: list[int | None]) -> Iterator[Record]:
    lines = _Lines(fh, encoding)
    loads = jsonstream._decoder.decode
    name = inp.id_name
    path = inp.display
    bad = lines.bad
    for line in lines:
        lineno = lines.lineno
        last[0] = lineno
        if bad:
            off, val = bad.pop(lineno)
            yield InputError(Origin(path, lineno), _bad_bytes_message(encoding, lineno, off, val), line[:200])
            continue
        if not line or line.isspace():
            continue
        try:
            obj: Any = loads(line)
        except (ValueError, RecursionError) as exc:
            yield InputError(Origin(path, lineno), _json_message(exc, line), line[:200])
            continue
        yield mapper(obj, Origin(path, lineno), f"{name}:{lineno}", raw=line)


def _json_message(exc: ValueError | RecursionError, line: str) -> str:
    if isinstance(exc, RecursionError):
        return f"invalid JSON: {jsonstream.TOO_DEEP}"
    if not isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON: {exc}"
    body = line.rstrip("\r\n")
    if exc.pos >= len(body):
        return f"invalid JSON: the line ends inside the record ({exc.msg}; a truncated or multi-line record?)"
    return f"invalid JSON at column {exc.colno}: {exc.msg}"


# -- JSON arrays / concatenated JSON -----------------------------------------------------------


def _chunks(fh: IO[bytes], encoding: str) -> Iterator[str]:
    """Decoded chunks; one holding undecodable bytes is decoded with ``surrogateescape``
    and marked :class:`~audit.load.jsonstream.DirtyChunk`."""
    dec = codecs.getincrementaldecoder(encoding)(errors="strict")
    first = True
    while True:
        data = fh.read(_CHUNK)
        if first and encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        first = False
        final = not data
        state = dec.getstate()
        try:
            text = dec.decode(data, final)
        except UnicodeDecodeError:
            dec.setstate(state)
            dec.errors = "surrogateescape"
            text = jsonstream.DirtyChunk(dec.decode(data, final))
            dec.errors = "strict"
        if text:
            yield text
        if final:
            return


def _read_json(fh: IO[bytes], inp: Input, encoding: str, mapper: Mapper, last: list[int | None]) -> Iterator[Record]:
    path = inp.display
    name = inp.id_name
    n = 0
    for line, value, raw in jsonstream.iter_values(_chunks(fh, encoding), chunk_hint=_CHUNK, bad_bytes=True):
        last[0] = line
        origin = Origin(path, line)
        if isinstance(value, jsonstream.JsonProblem):
            yield InputError(origin, value.message, raw, fatal=value.fatal)
            if value.fatal:
                return
        elif isinstance(value, jsonstream.BadBytes):
            yield InputError(origin, _bad_bytes_message(encoding, value.line, value.byte, value.value), raw)
        else:
            yield mapper(value, origin, f"{name}[{n}]")
        n += 1


# -- CSV / TSV -------------------------------------------------------------------------------


def _read_csv(
    fh: IO[bytes], inp: Input, encoding: str, mapper: Mapper, last: list[int | None], delimiter: str
) -> Iterator[Record]:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    lines = _Lines(fh, encoding)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    path = inp.display
    name = inp.id_name
    bad = lines.bad
    header: list[str] | None = None
    missing_text: str | None = None
    width = 0
    end = 0
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            end = reader.line_num
            last[0] = start
            msg = str(exc)
            if "new-line character" in msg:
                msg = "line break inside an unquoted field (a lone carriage return?); quote the field"
            yield InputError(Origin(path, start), f"invalid CSV: {msg}")
            _drop_bad(bad, end)
            continue
        end = reader.line_num
        last[0] = start
        if bad:
            hit = next((ln for ln in range(start, end + 1) if ln in bad), None)
            if hit is not None:
                off, val = bad[hit]
                _drop_bad(bad, end)
                if header is None:  # an unreadable header: every row would be wrong
                    yield InputError(Origin(path, start), "the header row " +
                                     _bad_bytes_message(encoding, hit, off, val).removeprefix("invalid "),
                                     fatal=True)
                    return
                yield InputError(Origin(path, start), _bad_bytes_message(encoding, hit, off, val))
                continue
        if not row:  # a blank line is not a record
            continue
        if header is None:
            header = [h.strip() for h in row]
            width = len(header)
            if mapper.fields.text not in header:
                missing_text = mapper.missing_text(header, "column")
            continue
        origin = Origin(path, start)
        if missing_text is not None:
            yield InputError(origin, missing_text)
            continue
        if len(row) > width:
            yield InputError(origin, f"row has {len(row)} fields but the header has {width} (a stray "
                             f"{'tab' if delimiter == chr(9) else 'comma'} or quote?)")
            continue
        obj = {k: v for k, v in zip(header, row, strict=False) if v != "" or k == mapper.fields.text}
        yield mapper(obj, origin, f"{name}:{start}", noun="column")


def _drop_bad(bad: dict[int, tuple[int, int]], upto: int) -> None:
    for k in [k for k in bad if k <= upto]:
        del bad[k]


# -- Parquet ---------------------------------------------------------------------------------


def _read_parquet(fh: IO[bytes], inp: Input, opts: LoadOptions, mapper: Mapper,
                  last: list[int | None]) -> Iterator[Record]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source: Any = fh
    if inp.path is None:  # standard input is not seekable: spool it
        import shutil
        import tempfile

        source = tempfile.TemporaryFile()
        shutil.copyfileobj(fh, source)
        source.seek(0)
    try:
        pf = pq.ParquetFile(source)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield InputError(Origin(inp.display), f"not a readable Parquet file: {_describe(exc)}", fatal=True)
        return
    path = inp.display
    name = inp.id_name
    row = 0
    text_name = mapper.fields.text
    columns = pf.schema_arrow.names
    missing_text = None
    if text_name not in columns and text_name.split(".")[0] not in columns:
        missing_text = mapper.missing_text(columns, "column")
    try:
        for batch in pf.iter_batches(batch_size=max(1, opts.batch_size)):
            for obj in batch.to_pylist():
                row += 1
                last[0] = row
                origin = Origin(path, row)
                if missing_text is not None:
                    yield InputError(origin, missing_text)
                else:
                    yield mapper(obj, origin, f"{name}[{row - 1}]", noun="column")
    except (pa.ArrowException, ValueError) as exc:
        raise OSError(0, f"corrupt Parquet data after row {row}: {_describe(exc)}") from exc


# -- text files ------------------------------------------------------------------------------


def _stem(name: str) -> str:
    """``a.txt.gz`` -> ``a``; ``a.b.txt`` -> ``a.b``."""
    root, ext = os.path.splitext(name)
    if ext.lower() in COMPRESSIONS:
        root, ext = os.path.splitext(root)
    return root if ext else name


def _read_txt(fh: IO[bytes], inp: Input, encoding: str, opts: LoadOptions) -> Iterator[Record]:
    data = fh.read()
    if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    origin = Origin(inp.display, None)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = exc.start - (data.rfind(b"\n", 0, exc.start) + 1)
        origin.line = line
        yield InputError(origin, _bad_bytes_message(encoding, line, byte, data[exc.start]))
        return
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    ident = "stdin" if inp.path is None else _stem(inp.path.name)
    source = opts.source or (None if inp.path is None else inp.folder)
    yield Article(id=ident, text=text, source=source, origin=origin)
