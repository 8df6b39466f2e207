"""What import says, cell by cell: every message names the sheet, the cell in A1 form,
the column header and the row as staff see them (``Realisasi!J7 (kolom "Realisasi s.d.
TW IV", indikator "Indeks kepuasan masyarakat"): …``), with numbers in Indonesian
notation. Problems stop the import; notes and deletions are shown with the diff."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from generator.core.numbers import format_id

LABEL_MAX = 60


@dataclass(frozen=True)
class Where:
    sheet: str
    coord: str  # A1 form
    header: str | None = None
    label: str | None = None  # the row as staff see it: 'indikator "…"'

    def __str__(self) -> str:
        parts = [f'kolom "{self.header}"'] if self.header else []
        if self.label:
            parts.append(self.label)
        return f"{self.sheet}!{self.coord}" + (f" ({', '.join(parts)})" if parts else "")

    def labelled(self, label: str | None) -> Where:
        return replace(self, label=label)


def quoted(kind: str, text: str | None) -> str | None:
    """A row label: the kind of row and its name, shortened."""
    if not text:
        return None
    text = " ".join(text.split())
    return f'{kind} "{text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1] + "…"}"'


def shown(value: Any) -> str:
    """A value as a message shows it: numbers in Indonesian notation, text quoted, shortened."""
    if value is None:
        return "(kosong)"
    if isinstance(value, Decimal):
        return format_id(value)
    text = " ".join(str(value).split())
    return f'"{text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1] + "…"}"'


@dataclass
class Messages:
    problems: list[str] = field(default_factory=list)  # nothing is written while there is one
    notes: list[str] = field(default_factory=list)
    deletions: list[str] = field(default_factory=list)

    def problem(self, where: Where | str, text: str) -> None:
        self.problems.append(f"{where}: {text}")

    def note(self, where: Where | str | None, text: str) -> None:
        self.notes.append(f"{where}: {text}" if where else text)

    def deleted(self, where: Where, text: str) -> None:
        self.deletions.append(f"{where}: {text}")
