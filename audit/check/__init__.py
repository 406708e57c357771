"""The check stage: a :class:`~audit.check.base.Check` per rule, run over a shared
:class:`~audit.text.Doc` by :mod:`audit.check.engine`."""

from audit.check.base import Check, register, registry, select_checks

__all__ = ["Check", "register", "registry", "select_checks"]
