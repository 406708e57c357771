"""Repairs: apply the replacements that findings carry, and say what was edited.

>>> from audit.model import Finding
>>> t = "Caf\u00c3\u00a9 au lait"
>>> f = Finding.at(t, 0, 5, check="ENC001", category="encoding", severity="error",
...                message="mojibake", replacement="Caf\u00e9")
>>> fixed, edits = apply_fixes(t, [f])
>>> fixed
'Café au lait'
>>> edits[0]["check"], edits[0]["before"], edits[0]["after"]
('ENC001', 'CafÃ©', 'Café')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from audit.model import Finding


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, list[dict[str, Any]]]:
    """Apply every replacement on ``text``. Overlapping replacements: the earliest
    (then the longest) wins and the others are skipped. Edits are reported with their
    offsets in the *original* text."""
    cands = sorted(
        (f for f in findings if f.replacement is not None and f.field == "text"),
        key=lambda f: (f.start, -(f.end - f.start), f.check),
    )
    out: list[str] = []
    edits: list[dict[str, Any]] = []
    pos = 0
    for f in cands:
        if f.start < pos or f.end > len(text) or text[f.start : f.end] != f.evidence:
            continue
        if f.start == f.end and not f.replacement:
            continue
        out.append(text[pos : f.start])
        out.append(f.replacement or "")
        edits.append(
            {
                "check": f.check,
                "category": f.category,
                "start": f.start,
                "end": f.end,
                "before": f.evidence,
                "after": f.replacement,
            }
        )
        pos = f.end
    out.append(text[pos:])
    return "".join(out), edits
