"""``newsaudit check`` (the spot-check) and ``newsaudit checks`` (the rule docs)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from typing import Annotated, Any, TextIO

import typer

from audit.cli import common as c
from audit.jsonl import dumps, dumps_line
from audit.model import ArticleResult, InputError, Severity


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("checks")(checks)


@c.with_input_mapping
def check(
    paths: c.Paths,
    inputs: dict[str, Any],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (for people), jsonl or json.")] = "text",
    select: c.Select = None,
    ignore: c.Ignore = None,
    fix: Annotated[bool, typer.Option("--fix", help="Add the repaired text and its edits to the output.")] = False,
    min_severity: Annotated[
        str, typer.Option("--min-severity", help="Lowest severity shown in text output (info, warning, error).")
    ] = "warning",
    config: c.ConfigPath = None,
    time_budget: c.TimeBudget = None,
    max_articles: c.MaxArticles = None,
    encoding: c.Encoding = None,
    workers: c.Workers = None,
    engine: Annotated[str, typer.Option("--engine", help="local (all cores) or dask (a Dask cluster).")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
    ] = None,
) -> None:
    """Spot-check articles. Exit 0: no error-severity finding; 1: some; 2: usage or input error."""
    if fmt not in ("text", "jsonl", "json"):
        c.fail(f"--format must be text, jsonl or json, not {fmt!r}")
    try:
        min_sev = Severity(min_severity)
    except ValueError:
        c.fail(f"--min-severity must be info, warning or error, not {min_severity!r}")
    cfg = c.get_config(config, time_budget=time_budget, max_articles=max_articles)
    opts = c.load_options(
        **inputs, config=cfg,
        encoding=encoding,
    )

    spec = c.auditor_spec(cfg, select, ignore)
    out = sys.stdout
    counts = _Counts()
    if engine == "dask":
        if fmt == "text" or fix:
            c.fail("--engine dask writes --format jsonl or json (texts stay on the workers; no --fix)")
        _run_dask(paths, spec, opts, scheduler, fmt, out, counts)
        typer.echo(counts.summary(), err=True)
        raise typer.Exit(c.EXIT_USAGE if counts.input_errors else
                         c.EXIT_FINDINGS if counts.by_severity[Severity.ERROR] else c.EXIT_OK)
    if engine != "local":
        c.fail(f"--engine must be local or dask, not {engine!r}")
    stream = c.audit_inputs(paths, opts, spec, workers)
    if fmt == "text":
        color = out.isatty()
        for item in _tally(stream, counts):
            if isinstance(item, ArticleResult):
                _print_text(item, out, min_sev, color, fix)
    else:
        objs = (_as_obj(item, fix) for item in _tally(stream, counts))
        if fmt == "jsonl":
            for obj in objs:
                if obj is not None:
                    out.write(dumps_line(obj))
        else:
            out.write("[")
            first = True
            for obj in objs:
                if obj is None:
                    continue
                out.write(("\n" if first else ",\n") + dumps(obj))
                first = False
            out.write("\n]\n")
    out.flush()
    summary = counts.summary()
    if fmt == "text":
        typer.echo(summary)
    else:
        typer.echo(summary, err=True)
    if counts.input_errors:
        raise typer.Exit(c.EXIT_USAGE)
    raise typer.Exit(c.EXIT_FINDINGS if counts.by_severity[Severity.ERROR] else c.EXIT_OK)


class _Counts:
    def __init__(self) -> None:
        self.articles = 0
        self.flagged = 0
        self.input_errors = 0
        self.by_severity: Counter[str] = Counter()

    def summary(self) -> str:
        n = sum(self.by_severity.values())
        parts = [f"{self.by_severity[s]} {s}{'s' if self.by_severity[s] != 1 else ''}"
                 for s in ("error", "warning", "info") if self.by_severity[s]]
        detail = f" ({', '.join(parts)})" if parts else ""
        line = f"Found {n} finding{'s' if n != 1 else ''}{detail} in {self.flagged} of {self.articles} article{'s' if self.articles != 1 else ''}."
        if self.input_errors:
            line += f" {self.input_errors} input record{'s' if self.input_errors != 1 else ''} could not be read."
        return line


def _tally(stream: Iterator[ArticleResult | InputError], counts: _Counts) -> Iterator[ArticleResult | InputError]:
    repeats = _Repeats()
    for item in stream:
        if isinstance(item, InputError):
            counts.input_errors += 1
            repeats.report(item)
        else:
            counts.articles += 1
            if "truncated_at" in item.scores:
                limit = item.scores["truncated_at"]
                where = item.article.origin or item.article.id
                c.warn(f"{where}: text of {len(item.article.text):,} characters is longer than "
                       f"max-article-chars ({limit:,}): only its first {limit:,} characters were audited")
            if any(f.severity != Severity.INFO for f in item.findings):
                counts.flagged += 1
            counts.by_severity.update(f.severity for f in item.findings)
        yield item
    repeats.flush()


class _Repeats:
    """Print input errors one line each, collapsing a run of identical ones from one file
    (a CSV without its text column makes one error per row: say it once, then count)."""

    def __init__(self) -> None:
        self.key: tuple[str, str] | None = None
        self.more = 0
        self.last_line: int | None = None

    def report(self, err: InputError) -> None:
        key = (err.origin.path, err.message)
        if key == self.key and not err.fatal:
            self.more += 1
            self.last_line = err.origin.line
            return
        self.flush()
        c.warn(f"error: {err}")
        self.key = key

    def flush(self) -> None:
        if self.more and self.key:
            upto = f" (up to line {self.last_line})" if self.last_line is not None else ""
            c.warn(f"error: {self.key[0]}: {self.more} more record{'s' if self.more != 1 else ''} "
                   f"with the same error{upto}")
        self.key, self.more, self.last_line = None, 0, None


def _run_dask(paths: list[str], spec: Any, opts: Any, scheduler: str | None, fmt: str, out: TextIO,
              counts: _Counts) -> None:
    from audit.check.distributed import audit_on_dask

    try:
        items = audit_on_dask(paths, spec, opts, scheduler=scheduler)
        first = True
        if fmt == "json":
            out.write("[")
        for item in items:
            if "input_error" in item:
                counts.input_errors += 1
                c.warn(f"error: {item['input_error']['origin']}: {item['input_error']['message']}")
                continue
            obj = item["result"]
            counts.articles += 1
            sevs = [f["severity"] for f in obj["findings"]]
            counts.by_severity.update(sevs)
            if any(s != "info" for s in sevs):
                counts.flagged += 1
            line = dumps(obj)
            if fmt == "jsonl":
                out.write(line + "\n")
            else:
                out.write(("\n" if first else ",\n") + line)
            first = False
        if fmt == "json":
            out.write("\n]\n")
    except OSError as exc:
        c.fail(f"cannot reach the Dask scheduler {scheduler!r}: {exc}")


def _as_obj(item: ArticleResult | InputError, fix: bool) -> dict[str, Any] | None:
    if isinstance(item, InputError):
        return None
    obj = item.to_dict()
    if fix:
        from audit.fix import apply_fixes

        fixed, edits = apply_fixes(item.article.text, item.findings)
        obj["repair"] = {"text": fixed, "edits": edits}
    return obj


_SEV_COLOR = {"error": "red", "warning": "yellow", "info": "blue"}


def _print_text(r: ArticleResult, out: TextIO, min_sev: Severity, color: bool, fix: bool) -> None:
    shown = [f for f in r.findings if Severity(f.severity).rank >= min_sev.rank]
    if not shown:
        return
    where = str(r.article.origin) if r.article.origin else r.article.id
    head = f"{where}  id={r.article.id}  lang={r.lang or '?'}{' (detected)' if r.lang_detected else ''}"
    if r.article.source:
        head += f"  source={r.article.source}"
    out.write((typer.style(head, bold=True) if color else head) + "\n")
    from audit.text import Doc

    docs: dict[str, Doc] = {}
    for f in shown:
        value = r.article.text if f.field == "text" else str(getattr(r.article, f.field, None) or r.article.extra.get(f.field, ""))
        doc = docs.setdefault(f.field, Doc(value))
        line, col = doc.line_col(f.start)
        loc = f"{line}:{col}" if f.field == "text" else f"{f.field}:{col}"
        sev = typer.style(f"{f.severity:<7}", fg=_SEV_COLOR[f.severity]) if color else f"{f.severity:<7}"
        out.write(f"  {loc:<9} {sev} {f.check}  {f.message}\n")
        out.write(f"            {_context(value, f.start, f.end, color)}\n")
        if f.replacement is not None:
            out.write(f"            fix: {_oneline(f.evidence, 60)!r} -> {_oneline(f.replacement, 60)!r}\n")
    out.write("\n")


def _oneline(s: str, limit: int) -> str:
    s = " ".join(s.split()) if "\n" in s else s
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _context(text: str, start: int, end: int, color: bool, width: int = 40) -> str:
    ls = max(text.rfind("\n", 0, start) + 1, start - width)
    le = text.find("\n", end)
    le = len(text) if le == -1 else le
    le = min(le, end + width)
    ev = text[start:end]
    if len(ev) > 120:
        ev = ev[:58] + " … " + ev[-58:]
    ev = ev.replace("\n", "⏎")
    pre = ("…" if ls > 0 and text[ls - 1] != "\n" else "") + text[ls:start]
    post = text[end:le] + ("…" if le < len(text) and text[le] != "\n" else "")
    mark = typer.style(ev, fg="red", bold=True, underline=True) if color else f"»{ev}«"
    return f"{pre}{mark}{post}".replace("\t", " ")


def checks(
    code: Annotated[str | None, typer.Argument(help="A check code (ENC001), name, category or prefix.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json or markdown.")] = "text",
) -> None:
    """List every check with its documentation, or show one (like `ruff rule`)."""
    from audit.check.base import UnknownSelector, select_checks
    from audit.check.docs import render_json, render_markdown, render_text

    try:
        chosen = select_checks([code] if code else [])
    except UnknownSelector as exc:
        c.fail(str(exc))
    if fmt == "json":
        typer.echo(render_json(chosen))
    elif fmt == "markdown":
        typer.echo(render_markdown(chosen))
    elif fmt == "text":
        typer.echo(render_text(chosen, full=code is not None))
    else:
        c.fail(f"--format must be text, json or markdown, not {fmt!r}")
