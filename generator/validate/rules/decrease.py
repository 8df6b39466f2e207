"""Cumulative realisations that go down (CUMULATIVE_DECREASE).

A realisation "s.d. triwulan" is a sum from the start of the year, so a lower figure than
the previous quarter's is a mistake: an error, whatever the unit. Two real cases are not:
an indicator measured per quarter (``pengukuran: per_triwulan`` on the indicator, never
checked here), and an agency that really corrected an earlier figure downward, or whose
figure is a ratio of cumulative sums. For those the documented policy
``kebijakan: penurunan_kumulatif: {alasan: …, untuk: [ids]}`` (on one report, the year
file or the agency) makes the decrease a warning that quotes the reason.
"""

from __future__ import annotations

from decimal import Decimal

from generator.core.diagnostics import Diagnostic, msg
from generator.load import Document, Path_
from generator.model.kebijakan import PenurunanKumulatif

__all__ = ["PenurunanKumulatif", "decrease", "written"]


def written(value: Decimal) -> str:
    """A realisation as people write it in the file: a decimal comma, no thousands dots
    (1537, 95,14), so a message never suggests writing a count as 1.537."""
    text = format(value, "f")
    return text.replace(".", ",")


def decrease(
    doc: Document,
    loc: Path_,
    key: str,
    what: tuple[str, str],
    relax: PenurunanKumulatif | None,
    *,
    indicator: bool,
) -> Diagnostic:
    """The finding for one decrease at ``loc``: ``what`` says which figure fell (Indonesian,
    English); ``key`` is the indicator's or budget row's id, which ``relax.untuk`` may name."""
    line, col = doc.where(loc)
    if relax is not None and (not relax.untuk or key in relax.untuk):
        return Diagnostic(
            doc.rel,
            line,
            col,
            "CUMULATIVE_DECREASE",
            msg(
                f"{what[0]}; diterima karena kebijakan penurunan_kumulatif: {relax.alasan}",
                f"{what[1]}; accepted under the penurunan_kumulatif policy: {relax.alasan}",
            ),
            msg(
                "pastikan alasan itu memang berlaku untuk angka ini",
                "make sure the reason applies to this figure",
            ),
            severity="warning",
        )
    if indicator:
        hint = msg(
            "realisasi ditulis kumulatif (jumlah sejak awal tahun sampai akhir triwulan), jadi tidak boleh turun: "
            "periksa angkanya. Bila indikator ini diukur per triwulan, tulis `pengukuran: per_triwulan` pada "
            "indikatornya; bila angka triwulan sebelumnya memang dikoreksi turun, tulis kebijakan "
            "`penurunan_kumulatif` beserta `alasan`-nya (lihat panduan kontributor)",
            "realisations are cumulative (from the start of the year), so they cannot decrease: check the value. "
            "If the indicator is measured per quarter, set `pengukuran: per_triwulan` on it; if the earlier figure "
            "was really corrected downward, set the `penurunan_kumulatif` policy with its `alasan`",
        )
    else:
        hint = msg(
            "realisasi anggaran ditulis kumulatif (jumlah sejak awal tahun), jadi tidak boleh turun: periksa angkanya. "
            "Bila realisasi triwulan sebelumnya memang dikoreksi turun, tulis kebijakan `penurunan_kumulatif` "
            "beserta `alasan`-nya",
            "budget realisations are cumulative, so they cannot decrease: check the value; if the earlier figure was "
            "really corrected downward, set the `penurunan_kumulatif` policy with its `alasan`",
        )
    return Diagnostic(doc.rel, line, col, "CUMULATIVE_DECREASE", msg(*what), hint)
