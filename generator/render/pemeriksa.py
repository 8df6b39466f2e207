"""Auditor detail, kept out of the public text.

The data keeps, for whoever checks it against the source documents, the line numbers of
the PDF's text conversion ("L204"), spellings as printed, source file names and data keys
in backticks. A citizen reading a page needs none of it: pages show a note's plain text
and gather the rest in one collapsed section, "Catatan sumber (untuk pemeriksa)", at the
end of the page (the JSON downloads keep every note whole).

``publik`` gives the plain text of a note (its bracketed line references dropped), or None
when the note is auditor detail; ``Pemeriksa`` collects a page's auditor section. Text stays
raw; templates escape it and show `code` in the auditor section as code (``kode``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from generator.model import Model
from generator.model import ppid as _ppid  # noqa: F401  (its models count as data keys too)

# "(L204)", "(L169, L170, L174)", "(L3-5)", "(L…)", with the space before them
_BRACKETED_LINES = re.compile(r"\s*\((?:\s*(?:L\d+(?:\s*[-–]\s*L?\d+)?|L…)\s*(?:[,;]|dan)?)+\s*\)")
_LINE_REF = re.compile(r"\bL(?:\d+|…)")
_FILE = re.compile(r"\bseeds/|\b[\w-]+\.(?:txt|ya?ml|json|csv|xlsx|pdf)\b")
_SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_CODE = re.compile(r"`([^`]*)`")


def _field_names() -> frozenset[str]:
    """Every field name of the data model that is written with an underscore."""
    names: set[str] = set()
    stack: list[type] = [Model]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        names.update(n for n in getattr(cls, "model_fields", {}) if "_" in n)
    return frozenset(names)


KUNCI = _field_names()


def ada_detail(text: str) -> bool:
    """Whether a text holds auditor detail: a line reference, a backtick, a file name or a
    data key."""
    return bool(
        "`" in text or _LINE_REF.search(text) or _FILE.search(text) or any(m.group(0) in KUNCI for m in _SNAKE.finditer(text))
    )


def publik(text: str | None) -> str | None:
    """The note as a citizen reads it: bracketed line references dropped; None when what
    remains is still auditor detail (the whole note then goes to the auditor section)."""
    if not text:
        return None
    plain = _BRACKETED_LINES.sub("", text).strip()
    return None if ada_detail(plain) else plain


def kode(text: str) -> Markup:
    """Auditor text for a page: escaped, with `key` shown as code instead of backticks."""
    parts = _CODE.split(str(text))
    out = [escape(p) if i % 2 == 0 else Markup("<code>") + escape(p) + Markup("</code>") for i, p in enumerate(parts)]
    return Markup("").join(out)


@dataclass
class Pemeriksa:
    """The auditor section of one page: groups of notes, in page order."""

    groups: list[dict] = field(default_factory=list)

    def add(self, judul: str, items: list[str]) -> None:
        items = [i for i in items if i]
        if items:
            self.groups.append({"judul": judul, "items": items})

    def notes(self, judul: str, notes: list[str]) -> list[str]:
        """Notes of one kind: the auditor section gets every note whole when any of them
        holds auditor detail; the public text is the plain ones."""
        shown = [p for p in (publik(n) for n in notes) if p]
        if len(shown) < len(notes) or any(publik(n) != n for n in notes):
            self.add(judul, notes)
        return shown

    def note(self, judul: str, text: str | None) -> str | None:
        """One note: its plain text, and the whole note in the auditor section when it
        holds more than that."""
        if not text:
            return None
        shown = publik(text)
        if shown != text:
            self.add(judul, [text])
        return shown
