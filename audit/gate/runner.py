"""Run a gate: audit, build the feature frame, validate it, quarantine, repair, write outputs.

Memory: the texts are not held. Each record is audited once and spooled (original
fields + findings) to a temporary file in the output directory; only its feature row
stays in memory. The outputs are written by re-reading the spool.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit import __version__
from audit.gate import EXIT_CONFIG, EXIT_FAILED, EXIT_PASSED, EXIT_WARNINGS, GateConfigError
from audit.gate import checkpoint as C
from audit.gate import features as F
from audit.gate import outputs as O
from audit.gate.suite import LoadedSuite, SuiteItem, load_suite, quiet_gx
from audit.jsonl import dumps_line
from audit.load.options import FieldMap, LoadOptions
from audit.model import Article, ArticleResult, Finding, InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from audit.check.parallel import AuditorSpec

#: how many reasons the human summary lists
TOP_REASONS = 5


@dataclass
class GateResult:
    """What a gate run decided. ``summary`` is the content of ``summary.json``."""

    exit_code: int
    verdict: str  # passed | passed-with-warnings | failed
    counts: dict[str, int]
    summary: dict[str, Any]
    out_dir: Path
    top_reasons: list[tuple[str, int]] = field(default_factory=list)
    #: records taken from the checkpoint of an interrupted run (``resume=True``)
    resumed_records: int = 0

    def human(self) -> str:
        """A short summary for people (the CLI prints it)."""
        c = self.counts
        lines = [
            f"newsaudit gate: suite {self.summary['suite']['name']!r}: {c['read']} records read, "
            f"{c['accepted']} accepted ({c['repaired']} repaired), {c['quarantined']} quarantined "
            f"({c['input_errors']} unreadable, {c['audit_errors']} not fully audited).",
        ]
        if self.resumed_records:
            lines.append(f"Resumed an interrupted run: {self.resumed_records} record(s) taken from its checkpoint, "
                         f"{c['read'] - self.resumed_records} audited now.")
        if c.get("truncated"):
            lines.append(f"{c['truncated']} article(s) longer than max-article-chars were audited on their "
                         "first max-article-chars characters only.")
        if self.top_reasons:
            lines.append("Top quarantine reasons: " + "; ".join(f"{r} ({n})" for r, n in self.top_reasons))
        failed = [e for e in self.summary["expectations"] if e["level"] == "batch" and not e["success"]]
        for e in failed:
            lines.append(f"  {'FAILED ' if e['severity'] == 'critical' else 'warning'} {e['reason']}: "
                         f"observed {_fmt(e.get('observed'))}")
        lines.append(f"Verdict: {self.verdict.upper()} (exit {self.exit_code}) in {self.summary['wall_time_s']:.2f} s; "
                     f"outputs in {self.out_dir}")
        return "\n".join(lines)


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


# -- records ---------------------------------------------------------------------------------
def original_record(article: Article, fields: FieldMap) -> dict[str, Any]:
    """The record with its input field names (``--text-field maintext`` maps back)."""
    rec: dict[str, Any] = {}
    for canon, src in fields.items():
        v = getattr(article, canon)
        if v is not None or canon in ("id", "text"):
            rec[src] = v
    for k, v in article.extra.items():
        rec.setdefault(k, v)
    return rec


def article_from_record(rec: dict[str, Any], fields: FieldMap, source: str | None, *,
                        text: str | None = None) -> Article:
    """The inverse of :func:`original_record` (``text`` replaces the record's text)."""
    used = {src for _, src in fields.items()}
    return Article(
        id=str(rec.get(fields.id)), text=text if text is not None else str(rec.get(fields.text) or ""),
        title=rec.get(fields.title), author=rec.get(fields.author), source=source,
        url=rec.get(fields.url), lang=rec.get(fields.lang), published=rec.get(fields.published),
        extra={k: v for k, v in rec.items() if k not in used},
    )


class _Spool:
    """Records spooled to a temp file in the output directory, one JSON line each."""

    def __init__(self, out_dir: Path, job: C.Job | None = None) -> None:
        self.job = job
        if job is not None:  # the checkpointed spool of a resumable run (audit.gate.checkpoint)
            self.path = str(job.spool_path)
            self._fh = job.spool_fh
            return
        # the PID in the name lets the next run remove the spool of a killed one (O.clean_stale)
        fd, self.path = tempfile.mkstemp(dir=out_dir, prefix=f".gate-spool-{os.getpid()}-", suffix=".jsonl")
        self._fh = os.fdopen(fd, "w", encoding="utf-8")

    def add(self, obj: dict[str, Any]) -> None:
        self._fh.write(dumps_line(obj))

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()

    def __iter__(self) -> Any:
        self.close()
        with open(self.path, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)

    def remove(self) -> None:
        """Delete a temporary spool (a checkpointed one is the job's to delete)."""
        self.close()
        if self.job is not None:
            return
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass


# -- GX plumbing -----------------------------------------------------------------------------
class _Validator:
    """An ephemeral GX context with one pandas batch definition, quiet."""

    def __init__(self) -> None:
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.gx = gx
        self.ctx = gx.get_context(mode="ephemeral")
        self.ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
        asset = self.ctx.data_sources.add_pandas("newsaudit").add_dataframe_asset("features")
        self.batch_definition = asset.add_batch_definition_whole_dataframe("batch")

    def validate(self, df: pd.DataFrame, items: list[SuiteItem], result_format: dict[str, Any]) -> dict[int, Any]:
        """Validate ``df`` against ``items``; results by item index."""
        import copy

        if not items:
            return {}
        exps = []
        for it in items:
            e = copy.copy(it.expectation)
            e.id = None
            e.meta = {**(it.meta or {}), "_newsaudit_index": it.index}
            exps.append(e)
        suite = self.gx.ExpectationSuite(name="newsaudit-gate", expectations=exps)
        with quiet_gx():
            batch = self.batch_definition.get_batch(batch_parameters={"dataframe": df})
            res = batch.validate(suite, result_format=result_format)
        out: dict[int, Any] = {}
        for r in res.results:
            cfg = r.expectation_config
            idx = cfg.meta.get("_newsaudit_index") if cfg is not None else None
            if idx is None:  # every expectation sent above carries its index; GX hands the meta back
                raise RuntimeError(f"GX returned a result for an expectation newsaudit did not send: {cfg!r}")
            out[int(idx)] = r
            msg = _exception_message(r.exception_info)
            if msg:
                it = next(i for i in items if i.index == idx)
                raise GateConfigError(f"expectations[{it.index}] {it.type}({it.column}): GX could not evaluate it: {msg}")
        return out


    def data_docs(self, df: pd.DataFrame, suite: LoadedSuite, site_dir: Path) -> str:
        """Validate ``df`` against the whole suite through a GX Checkpoint that updates a
        Data Docs site in ``site_dir``; returns the site's index URL. (GX's own view: a
        per-article expectation with unexpected rows shows as failed there.)"""
        import copy

        gx = self.gx
        site_dir.mkdir(parents=True, exist_ok=True)
        try:
            with quiet_gx():
                self.ctx.add_data_docs_site(site_name="newsaudit", site_config={
                    "class_name": "SiteBuilder",
                    "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                                      "base_directory": str(site_dir.resolve())},
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                })
                exps = []
                for it in suite.items:
                    e = copy.copy(it.expectation)
                    e.id = None
                    exps.append(e)
                gx_suite = self.ctx.suites.add(gx.ExpectationSuite(name=suite.name, expectations=exps))
                vd = self.ctx.validation_definitions.add(
                    gx.ValidationDefinition(name=f"{suite.name}-batch", data=self.batch_definition, suite=gx_suite))
                cp = self.ctx.checkpoints.add(gx.Checkpoint(
                    name=f"{suite.name}-gate", validation_definitions=[vd],
                    actions=[gx.checkpoint.UpdateDataDocsAction(name="data-docs", site_names=["newsaudit"])],
                    result_format={"result_format": "SUMMARY"},
                ))
                cp.run(batch_parameters={"dataframe": df})
        except Exception as exc:
            raise GateConfigError(f"--data-docs {site_dir}: GX could not build the site ({exc})") from None
        return (site_dir / "index.html").resolve().as_uri()


def _exception_message(info: Any) -> str | None:
    if not info:
        return None
    if isinstance(info, dict) and "raised_exception" in info:
        return info.get("exception_message") if info.get("raised_exception") else None
    if isinstance(info, dict):
        for v in info.values():
            if isinstance(v, dict) and v.get("raised_exception"):
                return str(v.get("exception_message"))
    return None


# -- sources ---------------------------------------------------------------------------------
def _source_scorer() -> tuple[Callable[..., Any], Callable[..., Any]] | None:
    try:
        from audit.score.sources import row_from_result, score_sources
    except ImportError:
        return None
    return score_sources, row_from_result


# -- the run ---------------------------------------------------------------------------------
def run_gate(
    inputs: Sequence[str | Path],
    suite: str | Path | LoadedSuite,
    out_dir: str | Path,
    *,
    repair: bool = False,
    warn_exit: bool = False,
    options: LoadOptions | None = None,
    spec: AuditorSpec | None = None,
    workers: int | None = None,
    chunk_rows: int = 5000,
    report: str | Path | None = None,
    data_docs: str | Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    notify: Callable[[str], None] | None = None,
) -> GateResult:
    """Run the gate and write its outputs. Raises :class:`GateConfigError` (exit 3) for an
    unusable suite, input or option, before any output is replaced.

    Every run checkpoints its progress in ``out_dir`` (:mod:`audit.gate.checkpoint`);
    ``resume=True`` continues the checkpoint of an interrupted run of the same job, or
    starts afresh when there is none. ``notify`` receives the one-line notices about
    that (default: printed on stderr)."""
    t0 = time.perf_counter()
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    loaded = suite if isinstance(suite, LoadedSuite) else load_suite(suite)
    opts = options or LoadOptions()
    for p in inputs:
        if str(p) != "-" and not Path(p).exists():
            raise GateConfigError(f"input {p}: no such file or directory")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GateConfigError(f"--out {out}: cannot create ({exc.strerror or exc})") from exc
    O.clean_stale(out, _report_names(out, report))  # what a killed run left (docs/gate.md)

    _precheck_columns(loaded)
    from audit.check.parallel import AuditorSpec

    spec = dataclasses.replace(spec or AuditorSpec(), source_rows=True)
    say = notify or _to_stderr
    if resume and engine != "local":
        raise GateConfigError(f"--resume works with the local engine only, not --engine {engine} "
                              "(a run killed on dask can be resumed with --engine local)")
    fp = C.fingerprint(inputs, opts, spec, loaded.sha256, chunk_rows)
    job: C.Job | None = None
    if fp is None:
        if resume:
            say("newsaudit gate: --resume: the input is stdin, which cannot be read again: "
                "nothing to resume, starting from the first record")
    else:
        job = C.start(out, fp, resume=resume)
        if job.notice:
            say(f"newsaudit gate: {'--resume: ' if resume else ''}{job.notice}")
        if job.resume is not None:
            say(f"newsaudit gate: resuming the interrupted run in {out}: {job.resume.records} records "
                f"reused from its checkpoint, " + ("the audit was complete" if job.resume.complete
                                                   else f"auditing from record {job.resume.records + 1}"))
    spool = _Spool(out, job)
    committed = refused = False
    try:
        try:
            frame, n_records = _audit_into_frame(inputs, opts, spec, workers, spool, chunk_rows, engine, scheduler,
                                                 job)
        except GateConfigError:
            refused = True  # the input cannot be read as it is: a changed input is another job
            raise
        _check_columns(loaded, frame)
        validator = _Validator()
        article_items = loaded.level("article")
        reasons = _article_failures(validator, frame, article_items)
        for col, label in (("audit_error", "audit-error"), ("input_error", "input-error")):
            for i in frame.index[frame[col].notna()]:
                # always quarantined, whatever the suite says; one reason, naming the rules that agree
                rs = reasons.get(int(i), [])
                agree = [r["index"] for r in rs if r.get("column") == col]
                message = frame.at[i, col]
                # an article whose time budget ran out is quarantined with reason "timeout"
                reason = "timeout" if label == "audit-error" and str(message).startswith("timeout") else label
                reasons[int(i)] = [{"reason": reason, "message": message, "expectations": agree},
                                   *(r for r in rs if r.get("column") != col)]
        repaired: dict[int, dict[str, Any]] = {}
        if repair and reasons:
            repaired = _repair(validator, frame, reasons, spool, opts, spec, article_items)
            for i in repaired:
                reasons.pop(i, None)
        frame[F.QUARANTINED] = 0
        if reasons:
            frame.loc[list(reasons), F.QUARANTINED] = 1
        batch_items = loaded.level("batch")
        batch_results = validator.validate(frame, batch_items, {"result_format": "SUMMARY"})
        docs_url = validator.data_docs(frame, loaded, Path(data_docs)) if data_docs is not None else None
        result = _finish(loaded, inputs, out, spool, frame, n_records, reasons, repaired, article_items,
                         batch_results, warn_exit, t0, started, opts, report, docs_url,
                         resumed=job.resume.records if job is not None and job.resume is not None else 0)
        committed = True
        return result
    finally:
        spool.remove()
        if committed:
            C.discard_all(out)  # every checkpoint in DIR: the new output set supersedes them
        elif job is not None:
            # refused: the state goes; any other failure (KeyboardInterrupt, a crash, a bad
            # --report path...) keeps it for --resume
            job.discard() if refused else job.close()


def _to_stderr(message: str) -> None:
    import sys

    print(message, file=sys.stderr, flush=True)


def _too_many_is_config_error(stream: Iterable[Any]) -> Iterator[Any]:
    from audit.load.readers import TooManyRecords

    try:
        yield from stream
    except TooManyRecords as exc:
        raise GateConfigError(f"input: {exc}") from exc


def _audit_into_frame(
    inputs: Sequence[str | Path], opts: LoadOptions, spec: AuditorSpec, workers: int | None,
    spool: _Spool, chunk_rows: int, engine: str = "local", scheduler: str | None = None,
    job: C.Job | None = None,
) -> tuple[pd.DataFrame, int]:
    """Audit every record into the spool and the feature rows. With a ``job``, its rows are
    recorded too and a checkpoint is written every ``chunk_rows`` records (and at the end);
    a job that resumes a checkpoint first rebuilds the rows of the records it consumed
    and skips those records in the input."""
    from audit.check.distributed import audit_paths

    scorer = _source_scorer()
    source_rows: list[Any] = []
    rows: list[dict[str, Any]] = []
    chunks: list[Any] = []
    score_cols: dict[str, None] = {}
    n = 0
    n_articles = 0
    rows_fh = job.rows if job is not None else None

    def add(row: dict[str, Any], srow: Any, *, record: bool = True) -> None:
        nonlocal n, rows
        for k in row:
            if k not in F.FIXED_COLUMNS and k not in score_cols:
                score_cols[k] = None
        rows.append(row)
        if srow is not None:
            source_rows.append(srow)
        if record and rows_fh is not None:
            rows_fh.write(dumps_line([_compact_row(row), srow]))
        n += 1
        if len(rows) >= chunk_rows:  # the same chunk boundaries whether resumed or not
            chunks.append(F.chunk_frame(rows))
            rows = []
            if record and job is not None:
                job.checkpoint(records=n, articles=n_articles)

    resumed = job.resume if job is not None else None
    if resumed is not None:
        for row, srow in job.replay():  # type: ignore[union-attr]
            add(_expand_row(row), srow, record=False)
        n_articles = resumed.articles
        if n != resumed.records:  # checked by checkpoint.start; a guard against a torn rows file
            raise RuntimeError(f"checkpoint {job.checkpoint_path}: {n} rows for {resumed.records} records")  # type: ignore[union-attr]
    try:
        if resumed is None or not resumed.complete:
            stream = audit_paths([str(p) for p in inputs], opts, spec, workers=workers, engine=engine,
                                 scheduler=scheduler, skip=n)
            for item in _too_many_is_config_error(stream):
                if isinstance(item, InputError):
                    if item.fatal:
                        raise GateConfigError(f"input {item}")
                    spool.add({"kind": "input_error", "origin": str(item.origin), "message": item.message,
                               "raw": item.raw})
                    add(F.input_error_row(item), None)
                else:
                    assert isinstance(item, ArticleResult)
                    spool.add({"kind": "article", "record": original_record(item.article, opts.fields),
                               "source": item.article.source, "lang": item.lang, "scores": item.scores,
                               "findings": [f.to_dict() for f in item.findings]})
                    n_articles += 1
                    add(F.feature_row(item), scorer[1](item) if scorer is not None else None)
            if job is not None:
                job.checkpoint(records=n, articles=n_articles, complete=True)
    except (OSError, UnicodeDecodeError) as exc:
        raise GateConfigError(f"input: cannot read ({exc})") from exc
    if rows:
        chunks.append(F.chunk_frame(rows))
    frame = F.to_frame(chunks, score_cols, empty_scores=n_articles == 0)
    if scorer is not None:
        _join_sources(frame, scorer[0](source_rows) if source_rows else [])
    return frame, n


_EMPTY_ROW = F.empty_row()


def _compact_row(row: dict[str, Any]) -> dict[str, Any]:
    """A feature row without the fixed columns that hold their empty value (most of the
    ~60 counts are 0): a third of the size in the checkpointed rows file."""
    return {k: v for k, v in row.items()
            if k not in _EMPTY_ROW or type(v) is not type(_EMPTY_ROW[k]) or v != _EMPTY_ROW[k]}


def _expand_row(compact: dict[str, Any]) -> dict[str, Any]:
    """The inverse of :func:`_compact_row`, with the same key order as the original row
    (the fixed columns first, as :func:`features.empty_row` lays them out, then the scores)."""
    row = F.empty_row()
    row.update(compact)
    return row


def _join_sources(frame: pd.DataFrame, scores: Iterable[Any]) -> None:
    by_source = {s.source: s for s in scores}
    for col, attr in zip(F.SOURCE_COLUMNS, ("score", "low", "high", "articles"), strict=True):
        frame[col] = [
            float(getattr(by_source[s], attr)) if s in by_source and getattr(by_source[s], attr, None) is not None
            else float("nan")
            for s in frame["source"]
        ]


def _precheck_columns(suite: LoadedSuite) -> None:
    """Fail before auditing on a column no frame can have (a typo): not a fixed column,
    not a score (documented or score-like), not a source column."""
    possible = {*F.FIXED_COLUMNS, *F.DOCUMENTED_SCORES, *F.SOURCE_COLUMNS, F.QUARANTINED}
    for it in suite.items:
        for col in sorted(it.columns() - possible):
            if _score_like(col):
                continue  # a score some scorer may produce: checked on the frame
            raise GateConfigError(
                f"suite {suite.path}: expectations[{it.index}] {it.type} uses column {col} "
                f"which the feature frame does not have{_column_hint(col)}; see docs/gate.md for the columns"
            )


def _score_like(col: str) -> bool:
    return col.startswith(("repetition_", "readability")) or col.endswith(("_score", "_share", "_density"))


def _column_hint(m: str) -> str:
    if m in F.DOCUMENTED_SCORES or _score_like(m):
        return " (a score: no article of this batch carries it; is its scorer installed?)"
    if m in F.SOURCE_COLUMNS:
        return " (per-source reliability: audit.score.sources is not installed)"
    if m in ("text", "title", "author", "body"):
        return (" (the gate validates the feature frame, not the texts; use the finding counts such as "
                "n_error_encoding, or run the audit.gate.expectations pack in your own GX suite)")
    return ""


def _check_columns(suite: LoadedSuite, frame: pd.DataFrame) -> None:
    have = set(frame.columns) | {F.QUARANTINED}
    # score columns come from the audited articles: when no article was fully audited
    # (every record unreadable or timed out) their absence says nothing about the suite
    nothing_audited = bool(len(frame)) and bool((frame["input_error"].notna() | frame["audit_error"].notna()).all())
    for it in suite.items:
        missing = sorted(it.columns() - have)
        if missing and nothing_audited and all(c not in F.FIXED_COLUMNS for c in missing):
            for col in missing:
                frame[col] = float("nan")
            have |= set(missing)
            continue
        if not missing:
            continue
        hint = _column_hint(missing[0])
        raise GateConfigError(
            f"suite {suite.path}: expectations[{it.index}] {it.type} uses column {', '.join(missing)} "
            f"which the feature frame does not have{hint}; see docs/gate.md for the columns"
        )


def _article_failures(validator: _Validator, frame: pd.DataFrame, items: list[SuiteItem]) -> dict[int, list[dict[str, Any]]]:
    """Row index -> the reasons (failed per-article expectations) it is quarantined for."""
    results = validator.validate(frame, items, {"result_format": "COMPLETE"})
    reasons: dict[int, list[dict[str, Any]]] = {}
    for it in items:
        r = results[it.index]
        for idx in r.result.get("unexpected_index_list") or []:
            i = int(idx) if not isinstance(idx, dict) else int(next(iter(idx.values())))
            col = it.kwargs.get("column")
            observed = frame.at[i, col] if isinstance(col, str) and col in frame.columns else None
            reasons.setdefault(i, []).append({
                "reason": it.reason,
                "expectation": it.type,
                "index": it.index,
                "column": it.column,
                "observed": _plain(observed),
                "kwargs": {k: v for k, v in it.kwargs.items() if k not in ("column", "row_condition")},
            })
    return reasons


def _plain(v: Any) -> Any:
    if v is None:
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and v != v:
        return None
    return v


def _repair(
    validator: _Validator, frame: pd.DataFrame, reasons: dict[int, list[dict[str, Any]]], spool: _Spool,
    opts: LoadOptions, spec: AuditorSpec, items: list[SuiteItem],
) -> dict[int, dict[str, Any]]:
    """Repair the quarantined articles whose findings carry replacements, re-audit the
    repaired text, and keep those whose new feature row fails no per-article expectation."""
    from audit.fix import apply_fixes

    cands = {
        i for i, rs in reasons.items()
        if frame.at[i, "n_fixable"] > 0 and not any(r["reason"] in ("input-error", "audit-error", "timeout") for r in rs)
    }
    if not cands:
        return {}
    auditor = spec.build()
    attempts: dict[int, dict[str, Any]] = {}
    new_rows: list[dict[str, Any]] = []
    for i, entry in enumerate(spool):
        if i not in cands:
            continue
        rec = entry["record"]
        text = rec.get(opts.fields.text) or ""
        fixed, edits = apply_fixes(text, [Finding.from_dict(f) for f in entry["findings"]])
        if not edits:
            continue
        article = article_from_record(rec, opts.fields, entry.get("source"), text=fixed)
        result = auditor.audit(article)
        row = F.feature_row(result)
        row["origin"] = frame.at[i, "origin"]
        for col in F.SOURCE_COLUMNS:
            if col in frame.columns:
                row[col] = frame.at[i, col]
        new_rows.append(row)
        attempts[i] = {"text": fixed, "edits": edits, "findings": [f.to_dict() for f in result.findings],
                       "row": len(new_rows) - 1}
    if not attempts:
        return {}
    sub = F.to_frame([F.chunk_frame(new_rows)], [c for c in frame.columns if c not in F.FIXED_COLUMNS],
                     empty_scores=False)
    sub = sub[[c for c in frame.columns]]
    still = _article_failures(validator, sub, items) if items else {}
    accepted: dict[int, dict[str, Any]] = {}
    for i, a in attempts.items():
        j = a["row"]
        if j in still or _plain(sub.at[j, "audit_error"]) is not None:
            continue
        for col in frame.columns:
            frame.at[i, col] = sub.at[j, col]
        accepted[i] = a
    return accepted


def _finish(
    suite: LoadedSuite, inputs: Sequence[str | Path], out: Path, spool: _Spool, frame: pd.DataFrame,
    n_records: int, reasons: dict[int, list[dict[str, Any]]], repaired: dict[int, dict[str, Any]],
    article_items: list[SuiteItem], batch_results: dict[int, Any], warn_exit: bool, t0: float,
    started: str, opts: LoadOptions, report: str | Path | None = None, docs_url: str | None = None,
    resumed: int = 0,
) -> GateResult:
    # -- per-expectation results -------------------------------------------------------------
    per_reason: Counter[str] = Counter()
    per_item: Counter[int] = Counter()
    quarantined_ids: dict[int, list[str]] = {}
    for i, rs in reasons.items():
        for r in rs:
            per_reason[r["reason"]] += 1
            for k in [r["index"]] if "index" in r else r.get("expectations", []):
                per_item[k] += 1
                quarantined_ids.setdefault(k, []).append(str(frame.at[i, "id"]))
    expectations: list[dict[str, Any]] = []
    for it in suite.items:
        d = it.describe()
        if it.level == "article":
            d["success"] = True  # per-article rules quarantine; they do not decide the verdict
            d["quarantined"] = per_item[it.index]
            d["observed"] = per_item[it.index]
        else:
            r = batch_results[it.index]
            d["success"] = bool(r.success)
            d["observed"] = _plain(r.result.get("observed_value", r.result.get("unexpected_count")))
            if "unexpected_count" in r.result:
                d["unexpected_count"] = r.result.get("unexpected_count")
                d["partial_unexpected_list"] = [_plain(v) for v in (r.result.get("partial_unexpected_list") or [])][:20]
        expectations.append(d)
    critical_failed = [e for e in expectations if e["level"] == "batch" and not e["success"] and e["severity"] == "critical"]
    warned = [e for e in expectations if e["level"] == "batch" and not e["success"] and e["severity"] != "critical"]
    n_quarantined = len(reasons)
    if critical_failed:
        verdict, code = "failed", EXIT_FAILED
    elif warned or n_quarantined:
        verdict, code = "passed-with-warnings", (EXIT_WARNINGS if warn_exit else EXIT_PASSED)
    else:
        verdict, code = "passed", EXIT_PASSED

    # -- write the records (into a fresh run directory, published at once by stage.commit) ----
    stage = O.OutputSet(out)
    files: dict[str, dict[str, Any]] = {}
    n_acc = n_q = 0
    with O.atomic_writer(stage.path(O.ACCEPTED)) as acc, O.atomic_writer(stage.path(O.QUARANTINED)) as qua:
        for i, entry in enumerate(spool):
            if entry["kind"] == "input_error":
                obj = {"_newsaudit": {"reasons": reasons.get(i) or [{"reason": "input-error"}],
                                      "origin": entry["origin"], "raw": entry.get("raw")}}
                qua.write(dumps_line(obj))
                n_q += 1
                continue
            rec = entry["record"]
            if i in repaired:
                rep = repaired[i]
                rec = dict(rec)
                rec[opts.fields.text] = rep["text"]
                rec["_newsaudit"] = {"repaired": True, "edits": rep["edits"], "findings": rep["findings"]}
                acc.write(dumps_line(rec))
                n_acc += 1
            elif i in reasons:
                rs = reasons[i]
                for r in rs:
                    if r.get("column"):
                        r["findings"] = F.findings_for_column(r["column"], entry["findings"])
                rec = dict(rec)
                rec["_newsaudit"] = {"reasons": rs, "findings": entry["findings"],
                                     "origin": frame.at[i, "origin"]}
                qua.write(dumps_line(rec))
                n_q += 1
            else:
                acc.write(dumps_line(rec))
                n_acc += 1
    files[O.ACCEPTED] = {**acc.info(), "records": n_acc}
    files[O.QUARANTINED] = {**qua.info(), "records": n_q}

    counts = {
        "read": n_records,
        "articles": int(frame["input_error"].isna().sum()),
        "accepted": n_acc,
        "repaired": len(repaired),
        "quarantined": n_q,
        "input_errors": int(frame["input_error"].notna().sum()),
        "audit_errors": int(frame["audit_error"].notna().sum()),
        # longer than max-article-chars: audited on their first max-article-chars characters
        "truncated": int(frame["truncated_at"].notna().sum()) if "truncated_at" in frame else 0,
    }
    reconciled = counts["read"] == counts["accepted"] + counts["quarantined"] == len(frame)
    if not reconciled:
        verdict, code = "error", EXIT_CONFIG
    wall = time.perf_counter() - t0
    import great_expectations as gx

    cases = _junit_cases(expectations, quarantined_ids, counts, reconciled)
    with O.atomic_writer(stage.path(O.JUNIT)) as ju:
        ju.write(O.junit_xml(suite.name, cases, wall))
    files[O.JUNIT] = ju.info()
    top = per_reason.most_common(TOP_REASONS)
    summary: dict[str, Any] = {
        "newsaudit_version": __version__,
        "great_expectations_version": gx.__version__,
        "suite": {"name": suite.name, "path": suite.path, "sha256": suite.sha256},
        "inputs": [str(p) for p in inputs],
        "started_at": started,
        "verdict": verdict,
        "exit_code": code,
        "counts": counts,
        "reconciled": reconciled,
        "top_reasons": [{"reason": r, "count": n} for r, n in top],
        "expectations": expectations,
        "wall_time_s": round(time.perf_counter() - t0, 3),
        # records taken from the checkpoint of an interrupted run (--resume), not audited again
        "resumed_records": resumed,
    }
    if docs_url:
        summary["data_docs"] = docs_url
    if report is not None:
        in_set = bool(_report_names(out, report))  # in the output set: in the manifest too
        rep = summary["report"] = _write_report(Path(report), spool, opts, summary,
                                                write_to=stage.path(Path(report).name) if in_set else None)
        if in_set:
            files[Path(report).name] = {"bytes": rep["bytes"], "sha256": rep["sha256"]}
        summary["wall_time_s"] = round(time.perf_counter() - t0, 3)
    O.write_manifest_summary(stage.dir, summary, files)
    stage.commit([*files, O.SUMMARY])
    return GateResult(exit_code=code, verdict=verdict, counts=counts, summary=summary, out_dir=out,
                      top_reasons=top, resumed_records=resumed)


def _junit_cases(expectations: list[dict[str, Any]], quarantined_ids: dict[int, list[str]],
                 counts: dict[str, int], reconciled: bool) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for e in expectations:
        name = f"[{e['index']}] {e['type']}({e['column'] or ''}): {e['reason']}"
        case: dict[str, Any] = {"classname": f"newsaudit.gate.{e['level']}", "name": name, "type": e["type"]}
        if e["level"] == "article":
            ids = quarantined_ids.get(e["index"], [])
            if ids:
                shown = ", ".join(ids[:50]) + (f" … (+{len(ids) - 50})" if len(ids) > 50 else "")
                case["system_out"] = f"{len(ids)} article(s) quarantined: {shown}"
        elif not e["success"]:
            msg = f"{e['reason']}: observed {_fmt(e.get('observed'))}; expected {json.dumps(e['kwargs'], default=str)}"
            if e["severity"] == "critical":
                case["failure"] = msg
                if e.get("partial_unexpected_list"):
                    case["details"] = msg + "\nunexpected values: " + json.dumps(e["partial_unexpected_list"], default=str)
            else:
                case["system_out"] = f"WARNING ({e['severity']}): {msg}"
        cases.append(case)
    rec = {"classname": "newsaudit.gate", "name": "reconciliation: read == accepted + quarantined"}
    if not reconciled:
        rec["failure"] = (f"read {counts['read']} != accepted {counts['accepted']} + quarantined "
                          f"{counts['quarantined']}")
    cases.append(rec)
    return cases


def _report_names(out: Path, report: str | Path | None) -> tuple[str, ...]:
    """The report's name when it is written inside the output directory (part of the set)."""
    if report is None or Path(report).resolve().parent != out.resolve():
        return ()
    return (Path(report).name,)


def _write_report(path: Path, spool: _Spool, opts: LoadOptions, summary: dict[str, Any], *,
                  write_to: Path | None = None) -> dict[str, Any]:
    """The HTML report (audit.report.write_report) of the gated batch, written atomically
    (to ``write_to``, the run directory, when the report is part of the output set)."""
    shown, path = path, write_to or path
    from audit.model import Origin
    from audit.report import write_report

    def items() -> Any:
        for entry in spool:
            if entry["kind"] == "input_error":
                yield InputError(Origin(entry["origin"]), entry["message"], entry.get("raw"))
                continue
            art = article_from_record(entry["record"], opts.fields, entry.get("source"))
            yield ArticleResult(article=art, lang=entry.get("lang"), scores=entry.get("scores") or {},
                                findings=[Finding.from_dict(f) for f in entry["findings"]])

    status = {"passed": "pass", "passed-with-warnings": "warn", "failed": "fail"}.get(summary["verdict"], "info")
    details = [f"{r['reason']}: {r['count']} quarantined" for r in summary["top_reasons"]]
    details += [f"batch rule failed: {e['reason']} (observed {_fmt(e.get('observed'))})"
                for e in summary["expectations"] if e["level"] == "batch" and not e["success"]]
    c = summary["counts"]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp")
    os.close(fd)
    try:
        info = write_report(
            items(), tmp,
            verdict={"status": status, "label": f"gate {summary['verdict']}", "details": details},
            summary={"read": c["read"], "accepted": c["accepted"], "quarantined": c["quarantined"],
                     "repaired": c["repaired"], "suite": summary["suite"]["name"]},
            title=f"newsaudit gate: {summary['suite']['name']}",
            inputs=summary["inputs"],
        )
        os.chmod(tmp, 0o666 & ~O._umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    import hashlib

    return {"path": str(shown), "bytes": path.stat().st_size, "articles": info.get("articles"),
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
