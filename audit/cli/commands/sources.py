"""``newsaudit sources``: rank the sources (outlets) of a batch by reliability."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated, Any, TextIO

import typer

from audit.cli import common as c

COMPONENTS = ("sourcing", "integrity", "authorship", "hygiene", "originality")


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)


@c.with_input_mapping
def sources(
    paths: c.Paths,
    inputs: dict[str, Any],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
    prior_strength: Annotated[
        str, typer.Option("--prior-strength", help="Pseudo-articles of the corpus-mean prior (a number or 'auto').")
    ] = "10",
    select: c.Select = None,
    ignore: c.Ignore = None,
    config: c.ConfigPath = None,
    time_budget: c.TimeBudget = None,
    max_articles: c.MaxArticles = None,
    workers: c.Workers = None,
    engine: c.Engine = "local",
    scheduler: c.Scheduler = None,
) -> None:
    """Rank sources by reliability (0-100, with interval and components). Exit 0; 2 on usage or input error."""
    if fmt not in ("table", "json", "csv"):
        c.fail(f"--format must be table, json or csv, not {fmt!r}")
    k: float | str
    if prior_strength == "auto":
        k = "auto"
    else:
        try:
            k = float(prior_strength)
        except ValueError:
            c.fail(f"--prior-strength must be a number or 'auto', not {prior_strength!r}")
        if k < 0:
            c.fail("--prior-strength must be >= 0")
    cfg = c.get_config(config, time_budget=time_budget, max_articles=max_articles)
    opts = c.load_options(
        **inputs, config=cfg,
    )
    from audit.model import InputError
    from audit.score.sources import row_from_result, score_sources

    spec = c.auditor_spec(cfg, select, ignore, source_rows=True)
    rows: list[dict[str, Any]] = []
    input_errors = 0
    for item in c.audit_inputs(paths, opts, spec, workers, engine, scheduler):
        if isinstance(item, InputError):
            input_errors += 1
            c.warn(f"error: {item}")
            continue
        rows.append(row_from_result(item))  # texts are dropped as they stream by
    ranked = score_sources(rows, prior_strength=k)
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps([s.to_dict() for s in ranked], ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        _write_csv(ranked, out)
    else:
        _write_table(ranked, out)
    typer.echo(f"{len(ranked)} source{'s' if len(ranked) != 1 else ''} from {len(rows)} "
               f"article{'s' if len(rows) != 1 else ''}.", err=fmt != "table")
    raise typer.Exit(c.EXIT_USAGE if input_errors else c.EXIT_OK)


def _write_csv(ranked: list[Any], out: TextIO) -> None:
    w = csv.writer(out)
    w.writerow(["rank", "source", "articles", "score", "low", "high", *COMPONENTS, "confidence"])
    for i, s in enumerate(ranked, 1):
        w.writerow([i, s.source, s.articles, s.score, s.low, s.high,
                    *(s.components[k].value for k in COMPONENTS), s.components["confidence"].value])


def _write_table(ranked: list[Any], out: TextIO) -> None:
    if not ranked:
        out.write("No articles.\n")
        return
    width = min(40, max(len("source"), *(len(s.source) for s in ranked)))
    head = f"{'#':>3}  {'source':<{width}}  {'n':>5}  {'score':>5}  {'interval':>11}  " + "  ".join(
        f"{k[:8]:>8}" for k in COMPONENTS
    )
    out.write(head + "\n" + "-" * len(head) + "\n")
    for i, s in enumerate(ranked, 1):
        name = s.source if len(s.source) <= width else s.source[: width - 1] + "…"
        interval = f"{s.low:.0f}–{s.high:.0f}"
        comps = "  ".join(f"{s.components[k].value:>8.2f}" if s.components[k].weight else f"{'–':>8}"
                          for k in COMPONENTS)
        out.write(f"{i:>3}  {name:<{width}}  {s.articles:>5}  {s.score:>5.1f}  {interval:>11}  {comps}\n")
    weights = ", ".join(f"{k} {ranked[0].components[k].weight:g}" for k in COMPONENTS)
    out.write(f"\nweights: {weights}; components shrunk toward the corpus mean "
              "(see docs/sources.md)\n")
