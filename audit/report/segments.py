"""Split a text into flat segments so that overlapping finding spans can be highlighted.

HTML marks cannot overlap, so the text is cut at every span boundary: each segment
carries the indexes of every span covering it (a segment can belong to several
findings, hence to several categories). Concatenating the segments gives back the text.

>>> segments(10, [(0, 4), (2, 6)])
[(0, 2, (0,)), (2, 4, (0, 1)), (4, 6, (1,)), (6, 10, ())]
>>> text = "Ala ma kota"
>>> pieces(text, [(4, 6)])
['Ala ', ['ma', [0]], ' kota']
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

Seg = tuple[int, int, tuple[int, ...]]


def segments(length: int, spans: Sequence[tuple[int, int]]) -> list[Seg]:
    """Cut ``[0, length)`` at every boundary of ``spans`` (clipped to the text).

    Returns contiguous ``(start, end, covering)`` triples, ``covering`` being the sorted
    indexes of the spans that contain the whole segment. Empty spans cover nothing
    (they are drawn as insertion points by the report). Runs in O((n + k) log k)."""
    cuts = {0, length}
    clipped: list[tuple[int, int]] = []
    for s, e in spans:
        s, e = max(0, min(s, length)), max(0, min(e, length))
        clipped.append((s, e))
        if s < e:
            cuts.add(s)
            cuts.add(e)
    bounds = sorted(cuts)
    # sweep: open spans at their start, close them at their end
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (s, e) in enumerate(clipped):
        if s < e:
            starts.setdefault(s, []).append(i)
            ends.setdefault(e, []).append(i)
    active: set[int] = set()
    out: list[Seg] = []
    for a, b in itertools.pairwise(bounds):
        for i in ends.get(a, ()):
            active.discard(i)
        active.update(starts.get(a, ()))
        if a < b:
            out.append((a, b, tuple(sorted(active))))
    return out


def pieces(text: str, spans: Sequence[tuple[int, int]]) -> list[Any]:
    """The text as JSON-ready pieces: a plain string for an unmarked segment and
    ``[segment_text, [span indexes]]`` for a marked one.

    Pieces carry text rather than offsets because a browser indexes strings in UTF-16
    code units while Python offsets are code points (an emoji would shift every mark).
    """
    out: list[Any] = []
    for s, e, cover in segments(len(text), spans):
        out.append([text[s:e], list(cover)] if cover else text[s:e])
    return out


def insert_points(text: str, pcs: list[Any], points: Sequence[tuple[int, int]]) -> list[Any]:
    """Insert zero-length markers ``[\"\", [index]]`` at the offsets of empty spans
    (``points`` is a list of ``(offset, span_index)``), splitting pieces where needed."""
    if not points:
        return pcs
    todo = sorted(points)
    out: list[Any] = []
    pos = 0
    k = 0
    for p in pcs:
        s = p if isinstance(p, str) else p[0]
        end = pos + len(s)
        while k < len(todo) and todo[k][0] < end:
            off, idx = todo[k]
            cut = max(0, off - pos)
            if cut:
                head = s[:cut]
                out.append(head if isinstance(p, str) else [head, p[1]])
                s = s[cut:]
                pos += cut
            out.append(["", [idx]])
            k += 1
        if s:
            out.append(s if isinstance(p, str) else [s, p[1]])
        pos = end
    for _off, idx in todo[k:]:
        out.append(["", [idx]])
    return out
