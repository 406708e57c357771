"""``newsaudit report``: audit articles and write one self-contained HTML report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from audit.cli import common as c

DEFAULT_DIR = Path("reports")


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def output_path(out: str | Path | None, paths: list[str]) -> Path:
    """Where the report goes: ``-o`` as given (a folder gets ``<input name>.html``),
    by default ``reports/<name of the first input>.html``."""
    first = paths[0] if paths else "report"
    name = Path(first.rstrip("/\\")).stem if first not in ("-", "") else "stdin"
    name = name.split("*")[0].strip("._-") or "report"
    if out is None:
        return DEFAULT_DIR / f"{name}.html"
    if Path(out).is_dir() or str(out).endswith(("/", "\\")):
        return Path(out) / f"{name}.html"
    return Path(out)


@c.with_input_mapping
def report(
    paths: c.Paths,
    inputs: dict[str, Any],
    out: Annotated[
        str | None,
        typer.Option("--output", "-o", help="The HTML file to write, or a folder (default: reports/<input name>.html)."),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The report's title.")] = None,
    max_detail: Annotated[
        int,
        typer.Option("--max-detail", help="Articles embedded with full text and findings (the most serious first)."),
    ] = 2000,
    select: c.Select = None,
    ignore: c.Ignore = None,
    config: c.ConfigPath = None,
    time_budget: c.TimeBudget = None,
    max_articles: c.MaxArticles = None,
    workers: c.Workers = None,
    engine: c.Engine = "local",
    scheduler: c.Scheduler = None,
) -> None:
    """Audit articles and write a self-contained HTML report (opens offline, from disk).

    Exit 0: the report was written; 2: usage error, the report could not be written, or some
    input records could not be read (the report is still written and lists them).
    """
    if max_detail < 0:
        c.fail("--max-detail must be 0 or more")
    target = output_path(out, paths)
    cfg = c.get_config(config, time_budget=time_budget, max_articles=max_articles)
    opts = c.load_options(
        **inputs, config=cfg,
    )
    from audit.model import InputError
    from audit.report import ReportLimits, write_report

    spec = c.auditor_spec(cfg, select, ignore, source_rows=True)
    stream = c.audit_inputs(paths, opts, spec, workers, engine, scheduler)

    def warn_errors(items: Iterator[object]) -> Iterator[object]:
        for item in items:
            if isinstance(item, InputError):
                c.warn(f"error: {item}")
            yield item

    try:
        info = write_report(warn_errors(stream), target, title=title, inputs=paths,
                            limits=ReportLimits(max_detail=max_detail))
    except OSError as exc:
        c.fail(f"cannot write {target}: {exc.strerror or exc}")
    size = info["bytes"]
    human = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} KB"
    line = (f"Wrote {info['path']} ({human}): {info['articles']} article{'s' if info['articles'] != 1 else ''}, "
            f"{info['detailed']} with full text")
    if info["input_errors"]:
        line += f", {info['input_errors']} input record{'s' if info['input_errors'] != 1 else ''} could not be read"
    typer.echo(line + ".", err=True)
    if info["input_errors"]:
        raise typer.Exit(c.EXIT_USAGE)
