"""Audit a record stream on all cores, with results identical to one worker, in input order.

Records are cut into batches; at most ``2 * workers`` batches are in flight, so memory
stays flat however long the stream is. A stream that fits in one batch is audited in
the calling process (a spot-check never pays for starting workers).

>>> from audit.model import Article
>>> arts = [Article(id=str(i), text="Ala ma kota. " * i, lang="pl") for i in range(5)]
>>> [r.article.id for r in audit_parallel(arts, AuditorSpec(select=("structure",)), workers=2, batch_size=2)]
['0', '1', '2', '3', '4']
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from audit.check.engine import FROM_CONFIG, Auditor, Record, Result
from audit.config import Config


@dataclass(frozen=True)
class AuditorSpec:
    """Everything needed to build the same :class:`Auditor` in another process."""

    config: Config = field(default_factory=Config)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    check_options: dict[str, dict[str, Any]] | None = None
    #: seconds per article; ``None`` takes the config's ``time-budget``; 0 = unlimited
    time_budget: float | None = None
    #: also compute each article's source-aggregation row (its MinHash costs ~1 ms an
    #: article) in the worker, so that ``sources``, ``report`` and ``gate`` do not pay
    #: for it serially in the parent process
    source_rows: bool = False

    def build(self) -> Auditor:
        return Auditor(
            self.config,
            select=self.select,
            ignore=self.ignore,
            check_options=self.check_options,
            time_budget=FROM_CONFIG if self.time_budget is None else (self.time_budget or None),
        )


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


_worker_auditor: Auditor | None = None


def _init_worker(spec: AuditorSpec) -> None:
    global _worker_auditor, _worker_rows
    _worker_auditor = spec.build()
    _worker_rows = spec.source_rows


def _audit_batch(batch: list[Record]) -> list[Result]:
    assert _worker_auditor is not None
    return list(_with_rows(_worker_auditor.audit_stream(batch), _worker_rows))


_worker_rows = False


def _with_rows(results: Iterable[Result], rows: bool) -> Iterator[Result]:
    if not rows:
        yield from results
        return
    from audit.model import ArticleResult
    from audit.score.sources import row_from_result

    for r in results:
        if isinstance(r, ArticleResult) and r.source_row is None:
            r.source_row = row_from_result(r)
        yield r


def audit_parallel(
    records: Iterable[Record],
    spec: AuditorSpec,
    *,
    workers: int | None = None,
    batch_size: int = 64,
) -> Iterator[Result]:
    """Audit ``records`` with ``workers`` processes (default: all cores), in input order."""
    n = workers or default_workers()
    it = iter(records)
    first = list(islice(it, batch_size))
    if n <= 1 or len(first) < batch_size:
        auditor = spec.build()
        yield from _with_rows(auditor.audit_stream(first), spec.source_rows)
        yield from _with_rows(auditor.audit_stream(it), spec.source_rows)
        return
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_worker, initargs=(spec,)) as pool:
        pending: deque[Future[list[Result]]] = deque()
        pending.append(pool.submit(_audit_batch, first))
        exhausted = False
        while pending:
            while not exhausted and len(pending) < 2 * n:
                batch = list(islice(it, batch_size))
                if not batch:
                    exhausted = True
                    break
                pending.append(pool.submit(_audit_batch, batch))
            yield from pending.popleft().result()
