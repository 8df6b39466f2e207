"""The tally of what changed, kept while the summary is written and told in its first
sentence ("**Singkatnya:** 2 laporan baru · 1 realisasi berubah")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Counts:
    positions_added: int = 0
    positions_removed: int = 0
    agreements_added: int = 0
    agreements_removed: int = 0
    indicators_added: int = 0
    indicators_removed: int = 0
    indicators_changed: int = 0
    reports_added: int = 0
    reports_removed: int = 0
    reports_changed: int = 0
    realisations_changed: int = 0
    policy_reports: int = 0
    discrepancies: int = 0

    def sentence(self) -> str:
        parts = [
            (self.positions_added, "jabatan baru"),
            (self.positions_removed, "jabatan dihapus"),
            (self.agreements_added, "perjanjian kinerja tahun baru"),
            (self.agreements_removed, "berkas tahunan dihapus"),
            (self.indicators_added, "indikator baru"),
            (self.indicators_removed, "indikator dihapus"),
            (self.indicators_changed, "indikator atau target berubah"),
            (self.reports_added, "laporan baru"),
            (self.reports_removed, "laporan dihapus"),
            (self.reports_changed, "laporan berubah"),
            (self.realisations_changed, "realisasi berubah"),
            (self.policy_reports, "laporan dengan kebijakan perhitungan berubah"),
            (self.discrepancies, "selisih baru antara angka tercetak dan hasil hitung"),
        ]
        return " · ".join(f"{n} {what}" for n, what in parts if n)
