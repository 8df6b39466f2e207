"""Quarter numbers as the staff tools get them (plain ints, from the command line or a
sheet cell) against the model's ``Triwulan`` keys (the literals 1 to 4)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypeGuard

from generator.model import Indikator

Quarter = Literal[1, 2, 3, 4]


def is_quarter(tw: int) -> TypeGuard[Quarter]:
    return tw in (1, 2, 3, 4)


def quarter_target(ind: Indikator, tw: int) -> Decimal | None:
    """The target s.d. quarter ``tw`` that ``ind`` gives in its target_triwulan, if any."""
    return ind.target_triwulan.get(tw) if is_quarter(tw) else None
