"""Run the checks on a Dask cluster (``--engine dask --scheduler ADDRESS``).

The input is partitioned: every shard file (JSONL, JSON, CSV, Parquet, a folder of
``.txt``) is one task. A task reads its shard *on the worker*, audits it and returns
only the compact per-article output (the ``check --format jsonl`` objects, which hold
evidence substrings but never the full texts) together with an ``InputError`` line per
unreadable record. The client therefore never holds the corpus: it streams results
shard by shard, in shard order, so the output equals the local engine's.

Workers need newsaudit installed in the same version (the package and its lexicons
travel with the environment, not with the tasks). See docs/scale.md for running on
Kubernetes, YARN or SLURM with Dask's own deployment tools.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from audit.check.parallel import AuditorSpec
from audit.load.options import LoadOptions
from audit.model import Article, ArticleResult, Finding, InputError


def expand_shards(paths: Sequence[str | Path], options: LoadOptions | None = None) -> list[str]:
    """Shard files in the order the local loader reads them (same selection rules:
    directories and globs expanded, hidden files skipped, every supported format)."""
    from audit.load import list_inputs

    return [p for p in list_inputs(paths, options) if p != "-"]


def audit_shard(shard: str, spec: AuditorSpec, options: LoadOptions) -> list[dict[str, Any]]:
    """Read and audit one shard on a worker; return compact output items in input order.

    Each item is ``{"result": <check jsonl object>, "row": <source-aggregation row>}`` or
    ``{"input_error": {"origin": "file:line", "message": "..."}}``.
    """
    from audit.load import iter_records
    from audit.model import InputError

    auditor = _cached_auditor(spec)
    row_fn = _row_function()
    out: list[dict[str, Any]] = []
    for item in auditor.audit_stream(iter_records([shard], options)):
        if isinstance(item, InputError):
            out.append({"input_error": {"origin": str(item.origin), "message": item.message}})
        else:
            entry: dict[str, Any] = {"result": item.to_dict()}
            if row_fn is not None:
                entry["row"] = row_fn(item)
            out.append(entry)
    return out


_AUDITORS: dict[bytes, Any] = {}


def _cached_auditor(spec: AuditorSpec) -> Any:
    # one Auditor per worker process and spec (building one imports every rule module)
    import pickle

    key = pickle.dumps(spec)
    if key not in _AUDITORS:
        _AUDITORS[key] = spec.build()
    return _AUDITORS[key]


def _row_function() -> Any:
    try:
        from audit.score.sources import row_from_result
    except ImportError:  # the sources stage is optional for plain checking
        return None
    return row_from_result


def audit_on_dask(
    paths: Sequence[str | Path],
    spec: AuditorSpec,
    options: LoadOptions,
    *,
    scheduler: str | None = None,
    client: Any = None,
    max_in_flight: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield compact output items (see :func:`audit_shard`) for every record, shard by shard.

    ``scheduler`` is a Dask scheduler address (``tcp://host:8786``); ``client`` an existing
    ``distributed.Client`` (tests pass one bound to a ``LocalCluster``). At most
    ``max_in_flight`` shards (default: 2 per worker thread) are outstanding at once, so the
    client's memory is bounded by a few shards' compact output.
    """
    from distributed import Client

    own = client is None
    if own:
        client = Client(scheduler) if scheduler else Client(processes=True)
    try:
        shards = expand_shards(paths, options)
        if not shards:
            return
        nthreads = sum(client.nthreads().values()) or 1
        limit = max_in_flight or 2 * nthreads
        futures: list[Any] = []
        next_i = 0
        done_i = 0
        while done_i < len(shards):
            while next_i < len(shards) and next_i - done_i < limit:
                futures.append(client.submit(audit_shard, shards[next_i], spec, options, pure=False))
                next_i += 1
            fut = futures[done_i]
            items = fut.result()
            futures[done_i] = None  # release it
            done_i += 1
            yield from items
    finally:
        if own:
            client.close()


def result_from_item(article: Article, item: dict[str, Any]) -> ArticleResult:
    """Rebuild the :class:`ArticleResult` of a locally read article from a worker's
    compact output (findings, scores and the source row travel; the text does not)."""
    from audit.check.langid import normalize_lang

    r = item["result"]
    row = item.get("row")
    if row is not None:
        row = {**row, "id": article.id}
    return ArticleResult(
        article=article,
        lang=r.get("lang"),
        findings=[Finding.from_dict(f) for f in r.get("findings", [])],
        scores=dict(r.get("scores") or {}),
        lang_detected=normalize_lang(article.lang) is None and r.get("lang") is not None,
        errors=list(r.get("errors") or []),
        source_row=row,
    )


def results_on_dask(
    paths: Sequence[str | Path],
    spec: AuditorSpec,
    options: LoadOptions,
    *,
    scheduler: str | None = None,
    client: Any = None,
    max_in_flight: int | None = None,
) -> Iterator[ArticleResult | InputError]:
    """Audit on the cluster, and pair each worker output with the record read locally,
    in the same order: the stream the gate and the report consume, identical to the local
    engine's. The client reads the records one at a time (for the outputs that need the
    text); only compact results cross the network."""
    from audit.load import iter_records

    local = iter_records(list(paths), options)
    remote = audit_on_dask(paths, spec, options, scheduler=scheduler, client=client, max_in_flight=max_in_flight)
    for n, (rec, item) in enumerate(zip(local, remote, strict=True)):
        if isinstance(rec, InputError) != ("input_error" in item):
            raise RuntimeError(
                f"record {n + 1}: the workers read the input differently from this machine "
                f"({rec.origin if isinstance(rec, InputError) else rec.id}); do they see the same files?"
            )
        yield rec if isinstance(rec, InputError) else result_from_item(rec, item)


def audit_paths(
    paths: Sequence[str | Path],
    options: LoadOptions,
    spec: AuditorSpec,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    client: Any = None,
    skip: int = 0,
) -> Iterator[ArticleResult | InputError]:
    """Audit the records under ``paths`` with the chosen engine: ``local`` (all cores of
    this machine) or ``dask`` (a cluster at ``scheduler``). Same results, same order.
    ``skip``: read but do not audit the first ``skip`` records (input errors included),
    to resume a killed gate run; local engine only."""
    if engine == "dask":
        if skip:
            raise ValueError("the dask engine cannot skip records (resume with the local engine)")
        return results_on_dask(paths, spec, options, scheduler=scheduler, client=client)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    from itertools import islice

    from audit.check.parallel import audit_parallel
    from audit.load import iter_records

    records = iter_records(list(paths), options)
    return audit_parallel(islice(records, skip, None) if skip else records, spec, workers=workers)
