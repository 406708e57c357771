"""The checks, one per module, grouped by family: ``rules/<family>/<CODE>.py``.

Importing a rule module registers its check. :func:`load_all` imports every rule
module once; rule modules must import heavy libraries lazily (inside ``run`` or a
cached helper), so that listing or selecting checks stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil

_loaded = False


def load_all() -> None:
    global _loaded
    if _loaded:
        return
    for info in pkgutil.walk_packages(__path__, prefix=__name__ + "."):
        importlib.import_module(info.name)
    _loaded = True
