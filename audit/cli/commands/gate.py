"""``newsaudit gate``: the pre-ingest gate on a Great Expectations suite (docs/gate.md).

Great Expectations and pandas are imported only when this command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from audit.cli import common as c

EXIT_CONFIG = 3  # audit.gate.EXIT_CONFIG (kept here so that --help imports nothing heavy)


def register(app: typer.Typer) -> None:
    app.command("gate")(gate)


def _resolve_suite(suite: str) -> Path:
    p = Path(suite)
    if p.exists() or p.suffix:
        return p
    # a bare name: the suites shipped in the project's expectations/ folder
    import audit

    shipped = Path(audit.__file__).resolve().parent.parent / "expectations" / f"{suite}.json"
    return shipped if shipped.exists() else p


@c.with_input_mapping
def gate(
    paths: c.Paths,
    inputs: dict[str, Any],
    suite: Annotated[
        str, typer.Option("--suite", "-s", help="A GX 1.x suite JSON file, or 'default' / 'strict' (expectations/).")
    ] = "default",
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory (created if needed).")] = Path(
        "gate-out"
    ),
    repair: Annotated[
        bool,
        typer.Option("--repair", help="Accept quarantined articles whose defects can be repaired (re-audited first)."),
    ] = False,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the HTML report of the gated batch to this file.")
    ] = None,
    data_docs: Annotated[
        Path | None, typer.Option("--data-docs", help="Also build a GX Data Docs site of the validation in this folder.")
    ] = None,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Continue the interrupted run of the same job in --out from its last "
                     "checkpoint (else start afresh, saying why). Local engine only."),
    ] = False,
    checkpoint_every: Annotated[
        int,
        typer.Option("--checkpoint-every", metavar="N",
                     help="Records per checkpoint (and per frame chunk); part of the job: --resume needs the same N."),
    ] = 5000,
    warn_exit: Annotated[
        bool, typer.Option("--warn-exit", help="Exit 2 when the gate passed with warnings (quarantine, warning rules).")
    ] = False,
    select: c.Select = None,
    ignore: c.Ignore = None,
    config: c.ConfigPath = None,
    time_budget: c.TimeBudget = None,
    max_articles: c.MaxArticles = None,
    workers: c.Workers = None,
    engine: c.Engine = "local",
    scheduler: c.Scheduler = None,
) -> None:
    """Gate a batch before ingest: write accepted.jsonl, quarantined.jsonl, junit.xml and summary.json to --out.

    Exit 0: passed; 1: the gate failed; 2: passed with warnings (only with --warn-exit);
    3: configuration or input error (bad suite, unknown expectation, missing column, unreadable input).
    """
    from audit.config import ConfigError

    # exit 3, not check's 2: 2 means "passed with warnings" here
    cfg = c.get_config(config, time_budget=time_budget, max_articles=max_articles, code=EXIT_CONFIG)
    opts = c.load_options(
        **inputs, config=cfg,
    )
    if workers is not None and workers < 1:
        c.fail("--workers must be at least 1", EXIT_CONFIG)
    if engine not in ("local", "dask"):
        c.fail(f"--engine must be local or dask, not {engine!r}", EXIT_CONFIG)
    if checkpoint_every < 1:
        c.fail("--checkpoint-every must be at least 1", EXIT_CONFIG)
    if resume and engine != "local":
        c.fail("--resume works with --engine local only (a run killed on dask can be resumed with --engine local)",
               EXIT_CONFIG)
    from audit.check.base import UnknownSelector
    from audit.check.parallel import AuditorSpec

    sel, ign = c.split_list(select), c.split_list(ignore)
    spec = AuditorSpec(config=cfg, select=tuple(sel) if sel is not None else None,
                       ignore=tuple(ign) if ign is not None else None, source_rows=True)
    try:
        spec.build()
    except (UnknownSelector, ConfigError) as exc:
        c.fail(str(exc), EXIT_CONFIG)

    from audit.gate import GateConfigError
    from audit.gate.runner import run_gate

    try:
        result = run_gate(paths, _resolve_suite(suite), out, repair=repair, warn_exit=warn_exit,
                          options=opts, spec=spec, workers=workers, report=report, data_docs=data_docs,
                          engine=engine, scheduler=scheduler, resume=resume,
                          chunk_rows=checkpoint_every)
    except GateConfigError as exc:
        c.fail(str(exc), EXIT_CONFIG)
    typer.echo(result.human())
    raise typer.Exit(result.exit_code)
