"""The load stage: read article records from files into canonical :class:`~audit.model.Article`.

``iter_records(paths, options)`` yields, in input order, one item per input record:
an :class:`~audit.model.Article`, or an :class:`~audit.model.InputError` for a record
that could not be read (so that nothing is lost and counts reconcile).
"""

from __future__ import annotations

from audit.load.options import FieldMap, LoadOptions
from audit.load.readers import iter_records

__all__ = ["FieldMap", "LoadOptions", "iter_records"]
