"""One input record (a dict) into a canonical :class:`~audit.model.Article` or an
:class:`~audit.model.InputError` saying, in one line, what is wrong with it.

>>> m = Mapper(LoadOptions(fields=FieldMap(text="maintext")))
>>> a = m({"maintext": "Body.", "url": "https://wiadomosci.onet.pl/kraj/x", "tags": ["a"]},
...       Origin("feed.jsonl", 3), "feed.jsonl:3")
>>> (a.id, a.text, a.source, a.extra)
('feed.jsonl:3', 'Body.', 'onet.pl', {'tags': ['a']})
>>> print(m({"text": "x", "body": "y"}, Origin("feed.jsonl", 4), "feed.jsonl:4"))
feed.jsonl:4: no text field 'maintext' (fields: text, body; use --text-field)
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from audit.load.domains import registered_domain
from audit.load.options import MISSING, FieldMap, LoadOptions, lookup
from audit.model import Article, InputError, Origin

__all__ = ["FieldMap", "Mapper", "kind_of"]

_MAX_LISTED = 12
_RAW_PREFIX = 200


def kind_of(value: Any) -> str:
    """``'an object'``, ``'an array'``, ``'a string'``… for messages."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return f"a {type(value).__name__}"


def _as_str(value: Any) -> str | None:
    """A canonical optional field as a string (``None`` when absent or empty)."""
    if value is None or value is MISSING:
        return None
    if isinstance(value, str):
        return value or None
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace") or None
    if isinstance(value, list | tuple):  # e.g. news-please "authors": ["A", "B"]
        items = [s for s in (_as_str(v) for v in value) if s]
        return ", ".join(items) or None
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _listing(keys: Any) -> str:
    # a key may hold a line break or a control character (a quoted CSV header cell): the
    # message must stay on one line, and a huge key must not flood it
    names = [_shown_key(str(k)) for k in keys]
    shown = ", ".join(names[:_MAX_LISTED])
    if len(names) > _MAX_LISTED:
        shown += f", … ({len(names)} in all)"
    return shown or "none"


def _shown_key(name: str) -> str:
    if not name.isprintable():
        name = name.encode("unicode_escape").decode("ascii")
    return name if len(name) <= 60 else name[:59] + "…"


class Mapper:
    """Maps records with one :class:`LoadOptions`; build once per stream."""

    def __init__(self, options: LoadOptions) -> None:
        fm = options.fields
        self.fields = fm
        self.consumed = fm.consumed()
        self.source = options.source
        self._text = fm.text

    def missing_text(self, keys: Any, noun: str = "field") -> str:
        return f"no text {noun} '{self._text}' ({noun}s: {_listing(keys)}; use --text-field)"

    def __call__(
        self, obj: Any, origin: Origin, fallback_id: str, *, noun: str = "field", raw: str | None = None
    ) -> Article | InputError:
        if not isinstance(obj, dict):
            what = "row" if noun == "column" else "JSON object"
            return InputError(origin, f"expected a {what}, got {kind_of(obj)}", _cut(raw))
        fm = self.fields
        text = lookup(obj, self._text)
        if text is MISSING:
            return InputError(origin, self.missing_text(obj.keys(), noun), _cut(raw))
        if text is None:
            text = ""
        elif isinstance(text, bytes):
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError as exc:
                return InputError(
                    origin, f"text {noun} '{self._text}' is not valid UTF-8 (byte {exc.start})", _cut(raw)
                )
        elif not isinstance(text, str):
            return InputError(origin, f"text {noun} '{self._text}' holds {kind_of(text)}, not a string", _cut(raw))
        ident = _as_str(lookup(obj, fm.id)) or fallback_id
        url = _as_str(lookup(obj, fm.url))
        source = self.source or _as_str(lookup(obj, fm.source))
        if source is None and url:
            source = registered_domain(url)
        consumed = self.consumed
        return Article(
            id=ident,
            text=text,
            title=_as_str(lookup(obj, fm.title)),
            author=_as_str(lookup(obj, fm.author)),
            source=source,
            url=url,
            lang=_as_str(lookup(obj, fm.lang)),
            published=_as_str(lookup(obj, fm.published)),
            extra={k: v for k, v in obj.items() if k not in consumed},
            origin=origin,
        )


def _cut(raw: str | None) -> str | None:
    return None if raw is None else raw[:_RAW_PREFIX]
