"""``newsaudit``: the typer application. Every sub-command lives in its own module
under :mod:`audit.cli.commands` and exposes ``register(app)``; this module only
assembles them. Heavy libraries are imported inside the commands that need them,
so ``newsaudit check`` never pays for Great Expectations or pandas.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from audit import __version__
from audit.cli import commands

app = typer.Typer(
    name="newsaudit",
    help="Audit scraped news articles: encoding, machine translation, spam bios, link blocks, sourcing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsaudit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Audit scraped news articles before they reach other systems."""


for _info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
    importlib.import_module(f"{commands.__name__}.{_info.name}").register(app)


#: exit status of a command-line usage error, per command. Linters use 2; the gate
#: reserves 2 for "passed with warnings" and reports configuration mistakes as 3.
USAGE_EXIT = {"gate": 3}


def main() -> None:
    from typer._click.exceptions import UsageError

    command = next((a for a in sys.argv[1:] if not a.startswith("-")), "")
    for stream in (sys.stdout, sys.stderr):
        # text that quotes a lone surrogate (ENC007's evidence) must print, as its escape, not crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        code = app(standalone_mode=False)
    except UsageError as exc:
        exc.show()
        sys.exit(USAGE_EXIT.get(command, exc.exit_code))
    except typer.Abort:
        print("newsaudit: aborted", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("newsaudit: interrupted", file=sys.stderr)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
