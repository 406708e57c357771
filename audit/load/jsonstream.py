"""Stream the values of a JSON array (or of concatenated JSON values) without
loading the document: ``raw_decode`` over a buffer refilled chunk by chunk.

Memory is bounded by the largest single value, not by the file. A value that does
not parse becomes one error event; the parser then resynchronises on the next line
that starts a value at the same or a lower indentation (one value per line, and
``json.dumps(indent=…)`` layouts, both recover), so the rest of the file is read.

Events: ``(line, value, raw)`` for a value (``raw`` is ``None`` unless it is needed:
a value holding undecodable bytes has ``value`` = :class:`BadBytes`), ``(line,
JsonProblem, raw)`` for a value that could not be parsed.

>>> [(line, v) for line, v, _ in iter_values(iter(['[{"a": 1},\\n {"a"', ': 2}]']))]
[(1, {'a': 1}), (2, {'a': 2})]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_decoder = json.JSONDecoder()
_raw_decode = _decoder.raw_decode
_NON_WS = re.compile(r"[^ \t\n\r]")
# a raw byte that did not decode (surrogateescape): never produced by valid input
BAD_CHAR = re.compile("[\udc80-\udcff]")
_MARGIN = 32
MAX_VALUE_CHARS = 512 * 1024 * 1024


class DirtyChunk(str):
    """A chunk decoded with ``surrogateescape`` because it held undecodable bytes: only
    then are values searched for escaped bytes (clean input pays nothing)."""

    __slots__ = ()


@dataclass(slots=True)
class JsonProblem:
    """A value that could not be parsed."""

    message: str
    fatal: bool = False  # the rest of the input could not be read


@dataclass(slots=True)
class BadBytes:
    """A value whose raw text holds bytes invalid in the input encoding."""

    line: int  # 1-based line of the first bad byte
    byte: int  # byte offset of it within that line
    value: int  # the byte


class _Buffer:
    """A text buffer over chunks, tracking the line and column of ``buf[0]``."""

    def __init__(self, chunks: Iterator[str], chunk_hint: int) -> None:
        self.chunks = chunks
        self.buf = ""
        self.eof = False
        self.line0 = 1  # line of buf[0]
        self.col0 = 0  # column of buf[0] (0-based)
        self.chunk_hint = chunk_hint
        self.dirty = False  # some chunk held an undecodable byte
        self._cpos = 0  # a cursor: buf[_cpos] is on line _cline (counting is incremental)
        self._cline = 1

    def more(self, at_least: int = 1) -> bool:
        """Append chunks totalling ``at_least`` characters; False at end of input."""
        got = 0
        parts = [self.buf]
        while got < at_least:
            try:
                c = next(self.chunks)
            except StopIteration:
                self.eof = True
                break
            parts.append(c)
            got += len(c)
            if isinstance(c, DirtyChunk):
                self.dirty = True
        if got:
            self.buf = "".join(parts)
        return got > 0

    def drop(self, pos: int) -> None:
        """Forget ``buf[:pos]`` (keeping line/column bookkeeping)."""
        if pos <= 0:
            return
        buf = self.buf
        nl = buf.count("\n", 0, pos)
        if nl:
            self.line0 += nl
            self.col0 = pos - buf.rfind("\n", 0, pos) - 1
        else:
            self.col0 += pos
        self.buf = buf[pos:]
        self._cpos, self._cline = 0, self.line0

    def line(self, pos: int) -> int:
        """1-based line of ``buf[pos]`` (cheap for increasing positions)."""
        if pos < self._cpos:
            self._cpos, self._cline = 0, self.line0
        self._cline += self.buf.count("\n", self._cpos, pos)
        self._cpos = pos
        return self._cline

    def line_col(self, pos: int) -> tuple[int, int]:
        """1-based line and column of ``buf[pos]``."""
        nl = self.buf.rfind("\n", 0, pos)
        return self.line(pos), (pos - nl if nl != -1 else self.col0 + pos + 1)

    def skip_ws(self, pos: int) -> int:
        """Position of the next non-blank character (reading more as needed); len(buf) at end."""
        while True:
            m = _NON_WS.search(self.buf, pos)
            if m:
                return m.start()
            if self.eof:
                return len(self.buf)
            pos = len(self.buf)
            if not self.more():
                return len(self.buf)


def iter_values(chunks: Iterator[str], *, chunk_hint: int = 1 << 20, bad_bytes: bool = False) -> Iterator[
    tuple[int, Any, str | None]
]:
    """The values of a JSON array or of a sequence of JSON values, in order.

    ``bad_bytes``: chunks that held undecodable bytes come as :class:`DirtyChunk`
    (decoded with ``surrogateescape``); a value whose raw text holds an escaped byte is
    then reported as :class:`BadBytes` instead of parsed.
    """
    b = _Buffer(chunks, chunk_hint)
    b.more()
    pos = b.skip_ws(0)
    if pos < len(b.buf) and b.buf[pos] == "\ufeff":
        pos = b.skip_ws(pos + 1)
    if pos >= len(b.buf):
        return
    first = b.buf[pos]
    array = first == "["
    if not array and first != "{":
        line, col = b.line_col(pos)
        yield line, JsonProblem(f"expected a JSON array or object, found {first!r} at column {col}", True), None
        return
    in_array = False
    while True:
        # -- between values: brackets and commas ------------------------------------------
        pos = b.skip_ws(pos)
        if pos >= len(b.buf):
            if in_array:
                line, _ = b.line_col(pos)
                yield line, JsonProblem("the JSON array is not closed (missing ']' at the end)", True), None
            return
        ch = b.buf[pos]
        if array and not in_array:
            if ch != "[":
                line, col = b.line_col(pos)
                yield line, JsonProblem(f"unexpected {ch!r} at column {col} after the end of the JSON array",
                                        True), None
                return
            in_array = True
            pos = b.skip_ws(pos + 1)
            continue
        if in_array and ch == "]":
            in_array = False
            pos += 1
            continue
        if in_array and ch == ",":
            pos = b.skip_ws(pos + 1)
            continue
        # -- one value -------------------------------------------------------------------
        if pos > (1 << 16) and pos > len(b.buf) // 2:
            b.drop(pos)
            pos = 0
        start = pos
        while True:
            try:
                value, end = _decode(b.buf, start)
            except json.JSONDecodeError as exc:
                incomplete = exc.pos >= len(b.buf) - _MARGIN or exc.msg.startswith("Unterminated string")
                if incomplete and not b.eof and len(b.buf) - start < MAX_VALUE_CHARS:
                    b.more(max(chunk_hint, len(b.buf) - start))
                    continue
                line, _ = b.line_col(start)
                eline, ecol = b.line_col(exc.pos)
                where = f"column {ecol}" if eline == line else f"line {eline} column {ecol}"
                raw = b.buf[start : min(start + 200, len(b.buf))]
                yield line, JsonProblem(f"invalid JSON at {where}: {exc.msg}"), raw
                pos, lost = _resync(b, start, exc.pos)
                if pos < 0:  # no next record: the rest belonged to the bad value, or is lost
                    if lost is not None:
                        yield lost, JsonProblem(
                            f"no record could be found after the invalid JSON at line {lost}; the rest of the "
                            "input was skipped", True), None
                    return
                break
            if end >= len(b.buf) and not b.eof and not isinstance(value, dict | list | str):
                b.more(chunk_hint)  # a number cut by the chunk boundary
                continue
            line = b.line(start)
            if bad_bytes and b.dirty:
                m = BAD_CHAR.search(b.buf, start, end)
                if m:
                    bl = b.line(m.start())
                    ls = b.buf.rfind("\n", 0, m.start()) + 1
                    offset = len(b.buf[ls : m.start()].encode("utf-8", "surrogateescape"))
                    if ls == 0 and bl == b.line0:
                        offset += b.col0  # approximate: columns, not bytes, before the buffer
                    raw = b.buf[start : min(start + 200, end)]
                    yield line, BadBytes(bl, offset, ord(b.buf[m.start()]) - 0xDC00), raw
                    pos = end
                    break
            yield line, value, None
            pos = end
            break


#: what a value nested deeper than the JSON parser's recursion limit is called
TOO_DEEP = "nested too deeply (arrays/objects more than ~1000 levels deep)"


def _decode(buf: str, start: int) -> tuple[Any, int]:
    """``raw_decode``; a value nested past the recursion limit is an invalid value, not a crash."""
    try:
        return _raw_decode(buf, start)
    except RecursionError:
        raise json.JSONDecodeError(TOO_DEEP, buf, start) from None


def _resync(b: _Buffer, start: int, err: int) -> tuple[int, int | None]:
    """After a bad value at ``start`` (error at ``err``): the position of the next line
    that starts an object at no deeper indentation. When there is none, ``(-1, line)``
    where ``line`` is the error's line if an object may have been lost after it, else None."""
    buf = b.buf
    ls = buf.rfind("\n", 0, start) + 1
    indent = len(buf[ls:start]) - len(buf[ls:start].lstrip(" \t"))
    pat = re.compile(rf"\n[ \t]{{0,{indent}}}(?:,[ \t]*)?(?=\{{)")
    err_line, _ = b.line_col(min(err, len(buf)))
    nl = buf.find("\n", start)
    search_from = nl if nl != -1 else len(buf)
    lost = "{" in buf[err + 1 : search_from]
    while True:
        m = pat.search(b.buf, search_from)
        if m:
            return m.end(), None
        lost = lost or "{" in b.buf[max(search_from, err + 1) :]
        if b.eof:
            return -1, (err_line if lost else None)
        cut = b.buf.rfind("\n", search_from)  # keep only the last partial line, then read on
        keep = cut if cut != -1 else len(b.buf)
        b.drop(keep)
        err = -1
        search_from = 0
        b.more(b.chunk_hint)
