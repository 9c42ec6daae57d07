"""Sentences the layers without Qt write for people: a translatable template plus parameters.

The analytics layer, the domain and the CLI's formatting produce :class:`Text` values, e.g.::

    Text("analytics", QT_TRANSLATE_NOOP("analytics", "{n} members with a purchase"), n=120)

A ``Text`` *is* its English sentence (a ``str``), so logs, tests and English output use it as it is;
the UI renders it in the user's language with :func:`render` and a ``translate(context, text)`` function
(``QCoreApplication.translate``), translating nested ``Text`` parameters too. Templates use ``str.format``
fields (``{n}``, ``{share:.0%}``) and are marked with ``QT_TRANSLATE_NOOP`` so Qt's lupdate collects them,
as :mod:`pharmadesk.errors` does for error messages. Parameters never carry personal data unless the
sentence is shown only to the person allowed to see it (the care call script).
"""

from __future__ import annotations

from typing import Callable

from pharmadesk.errors import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP", "Joined", "Text", "render"]

Translate = Callable[[str, str], str]


class Text(str):
    """An English sentence (the ``str`` value) that remembers its context, template and parameters."""

    context: str
    template: str
    params: dict

    def __new__(cls, context: str, template: str, **params: object) -> "Text":
        english = template.format(**params) if params else template
        self = super().__new__(cls, english)
        self.context, self.template, self.params = context, template, dict(params)
        return self

    def __reduce__(self):      # pickles (and copies) as a Text, not as the bare English str
        return (_rebuild, (self.context, self.template, self.params))


def _rebuild(context: str, template: str, params: dict) -> Text:
    return Text(context, template, **params)


class Joined(Text):
    """Several sentences' parts as one: ``Joined("reorder", parts, "; ", ".")``. The separator and the ending
    are translated too (Chinese writes "；" and "。"), so mark them with ``QT_TRANSLATE_NOOP`` in ``context``."""

    def __new__(cls, context: str, parts, separator: str = ", ", end: str = "") -> "Joined":
        parts = tuple(parts)
        fields = {f"p{i}": part for i, part in enumerate(parts)}
        self = super().__new__(cls, context, separator.join("{" + key + "}" for key in fields) + end, **fields)
        self.parts, self.separator, self.end = parts, separator, end
        return self

    def __reduce__(self):
        return (Joined, (self.context, self.parts, self.separator, self.end))


def render(value: object, translate: Translate, context: str | None = None) -> str:
    """``value`` in the language ``translate`` gives: a :class:`Text` through its template (nested ``Text``
    parameters rendered first); a plain ``str`` through ``context`` when given, else as it is. A translation
    that does not format (a broken placeholder) falls back to the English sentence."""
    if isinstance(value, Joined):
        separator = translate(value.context, value.separator) or value.separator
        end = (translate(value.context, value.end) or value.end) if value.end else ""
        return separator.join(render(part, translate) for part in value.parts) + end
    if isinstance(value, Text):
        params = {key: render(param, translate) if isinstance(param, Text) else param
                  for key, param in value.params.items()}
        template = translate(value.context, value.template) or value.template
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):
            return str(value)
    if value is None:
        return ""
    if isinstance(value, str) and context is not None:
        return translate(context, value) or value
    return str(value)
