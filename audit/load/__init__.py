"""The load stage: read article records from files into canonical :class:`~audit.model.Article`.

``iter_records(paths, options)`` yields, in input order, one item per input record:
an :class:`~audit.model.Article`, or an :class:`~audit.model.InputError` for a record
that could not be read (so that nothing is lost and counts reconcile).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from audit.load.options import FieldMap, LoadOptions
from audit.load.readers import iter_records

__all__ = ["FieldMap", "LoadOptions", "iter_records", "list_inputs"]


def list_inputs(paths: Sequence[str | Path], options: LoadOptions | None = None) -> list[str]:
    """The files ``iter_records`` would read, in its order (directories and globs expanded,
    ``-`` kept): for sharding a run across workers with the same selection rules.
    Paths that do not exist are kept, so that reading them reports the problem."""
    from audit.load.inputs import STDIN, expand

    fmt = options.format if options else None
    return [STDIN if i.path is None and i.display == "<stdin>" else i.display for i in expand([str(p) for p in paths], fmt)]
