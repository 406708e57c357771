"""Options and helpers shared by the sub-commands (input mapping, selection, errors)."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from audit.config import Config, ConfigError, load_config
from audit.load.options import FieldMap, LoadOptions

if TYPE_CHECKING:
    from audit.check.engine import Result
    from audit.check.parallel import AuditorSpec

# exit codes shared by check / sources / report (the gate has its own, see audit.gate)
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

Paths = Annotated[list[str], typer.Argument(help="Files, directories or globs to read; '-' reads standard input.")]
TextField = Annotated[str, typer.Option("--text-field", help="Input field holding the article text.")]
IdField = Annotated[str, typer.Option("--id-field", help="Input field holding the article id.")]
TitleField = Annotated[str, typer.Option("--title-field", help="Input field holding the title.")]
AuthorField = Annotated[str, typer.Option("--author-field", help="Input field holding the author/byline.")]
SourceField = Annotated[str, typer.Option("--source-field", help="Input field holding the source (outlet).")]
UrlField = Annotated[str, typer.Option("--url-field", help="Input field holding the URL.")]
LangField = Annotated[str, typer.Option("--lang-field", help="Input field holding the language code.")]
PublishedField = Annotated[str, typer.Option("--published-field", help="Input field holding the publication date.")]
Source = Annotated[
    str | None, typer.Option("--source", help="Source for every article (default for .txt: the folder name).")
]
Encoding = Annotated[
    str | None,
    typer.Option("--encoding", help="Input encoding for legacy files, e.g. cp1250 (default: UTF-8)."),
]
InputFormat = Annotated[
    str | None,
    typer.Option("--input-format", help="jsonl, json, csv, parquet or txt (default: from the file name)."),
]
Select = Annotated[
    list[str] | None,
    typer.Option("--select", help="Checks to run: codes, prefixes, names, categories (repeat or comma-separate)."),
]
Ignore = Annotated[list[str] | None, typer.Option("--ignore", help="Checks to skip (same forms as --select).")]
ConfigPath = Annotated[
    Path | None, typer.Option("--config", help="A pyproject.toml or TOML file with [tool.newsaudit].")
]
Workers = Annotated[
    int | None, typer.Option("--workers", "-j", help="Worker processes (default: all cores; 1 = in-process).")
]


Engine = Annotated[str, typer.Option("--engine", help="local (all cores of this machine) or dask (a Dask cluster).")]
Scheduler = Annotated[
    str | None, typer.Option("--scheduler", help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786.")
]


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print a one-line error (no traceback) and exit."""
    typer.echo(f"newsaudit: error: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"newsaudit: {message}", err=True)


def split_list(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


TimeBudget = Annotated[
    float | None,
    typer.Option("--time-budget", help="Seconds one article may take before it is reported as a timeout (0 = no limit)."),
]
MaxArticles = Annotated[
    int | None, typer.Option("--max-articles", help="Refuse an input with more records than this (0 = no limit).")
]


def get_config(
    path: Path | None, *, time_budget: float | None = None, max_articles: int | None = None, code: int = EXIT_USAGE
) -> Config:
    """The configuration, with command-line overrides applied."""
    try:
        cfg = load_config(path)
    except ConfigError as exc:
        fail(str(exc), code)
    if time_budget is not None:
        if time_budget < 0:
            fail("--time-budget must be 0 (no limit) or a positive number of seconds", code)
        cfg.time_budget = time_budget
    if max_articles is not None:
        if max_articles < 0:
            fail("--max-articles must be 0 (no limit) or a positive number", code)
        cfg.max_articles = max_articles
    return cfg


#: the input-mapping options every reading command takes, with their defaults
_INPUT_MAPPING: tuple[tuple[str, Any, Any], ...] = (
    ("text_field", TextField, "text"),
    ("id_field", IdField, "id"),
    ("title_field", TitleField, "title"),
    ("author_field", AuthorField, "author"),
    ("source_field", SourceField, "source"),
    ("url_field", UrlField, "url"),
    ("lang_field", LangField, "lang"),
    ("published_field", PublishedField, "published"),
    ("source", Source, None),
    ("input_format", InputFormat, None),
)
_F = TypeVar("_F", bound=Callable[..., Any])


def with_input_mapping(fn: _F) -> _F:
    """Give a command the input-mapping options (``--text-field`` … ``--input-format``),
    declared once here; the command receives them as one dict, ``inputs``, to pass to
    :func:`load_options` (``load_options(**inputs, config=cfg)``). Typer reads the
    command's options from the signature this sets."""
    sig = inspect.signature(fn, eval_str=True)
    own = [p for name, p in sig.parameters.items() if name != "inputs"]
    extra = [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default, annotation=ann)
             for name, ann, default in _INPUT_MAPPING]

    @functools.wraps(fn)
    def command(*args: Any, **kwargs: Any) -> Any:
        inputs = {name: kwargs.pop(name, default) for name, _ann, default in _INPUT_MAPPING}
        return fn(*args, inputs=inputs, **kwargs)

    # typer reads the signature and the type hints: both must be this one, with the
    # annotations already evaluated (the command's own are strings of its module)
    del command.__wrapped__
    params = [*own, *extra]
    command.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params
                               if p.annotation is not inspect.Parameter.empty}
    return command  # type: ignore[return-value]


def load_options(
    *,
    text_field: str = "text",
    id_field: str = "id",
    title_field: str = "title",
    author_field: str = "author",
    source_field: str = "source",
    url_field: str = "url",
    lang_field: str = "lang",
    published_field: str = "published",
    source: str | None = None,
    input_format: str | None = None,
    config: Config | None = None,
    encoding: str | None = None,
) -> LoadOptions:
    fields = FieldMap(
        id=id_field,
        text=text_field,
        title=title_field,
        author=author_field,
        source=source_field,
        url=url_field,
        lang=lang_field,
        published=published_field,
    )
    kw = {}
    if config is not None:
        kw["max_article_chars"] = config.max_article_chars
        kw["max_records"] = config.max_articles
    return LoadOptions(fields=fields, source=source, format=input_format, encoding=encoding, **kw)


def auditor_spec(
    cfg: Config, select: list[str] | None, ignore: list[str] | None, *, source_rows: bool = False
) -> AuditorSpec:
    """Validate the selection and options now (a clear error, no traceback) and return
    the spec every worker builds its Auditor from."""
    from audit.check.base import UnknownSelector
    from audit.check.parallel import AuditorSpec

    sel, ign = split_list(select), split_list(ignore)
    spec = AuditorSpec(config=cfg, select=tuple(sel) if sel is not None else None,
                       ignore=tuple(ign) if ign is not None else None, source_rows=source_rows)
    try:
        spec.build()
    except (UnknownSelector, ConfigError) as exc:
        fail(str(exc))
    return spec


def audit_inputs(
    paths: list[str], opts: LoadOptions, spec: AuditorSpec, workers: int | None,
    engine: str = "local", scheduler: str | None = None, code: int = EXIT_USAGE,
) -> Iterator[Result]:
    """Audit the inputs with the chosen engine (local cores or a Dask cluster)."""
    from audit.check.distributed import audit_paths

    if engine not in ("local", "dask"):
        fail(f"--engine must be local or dask, not {engine!r}", code)
    if workers is not None and workers < 1:
        fail("--workers must be at least 1", code)
    return _limit_errors(audit_paths(paths, opts, spec, workers=workers, engine=engine, scheduler=scheduler), code)


def _limit_errors(stream: Iterator[Result], code: int) -> Iterator[Result]:
    from audit.load.readers import TooManyRecords

    try:
        yield from stream
    except TooManyRecords as exc:
        fail(str(exc), code)


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()
