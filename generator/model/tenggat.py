"""Reporting deadlines of a region (``wilayah.yml`` → ``tenggat``): when the Perjanjian
Kinerja, each quarterly report, the annual LKj and the PPID periodic information are due.
Read by the status pages (generator/analysis/status.py). Every field has a documented
default, so a region writes only what differs."""

from __future__ import annotations

from pydantic import Field

from generator.model.fields import Model, Tanggal

# The documented defaults (also on the page "Cara membaca" and in the field help texts).
PK_BULAN = 1  # PermenPAN-RB 53/2014: PK at most one month after the DPA is approved
TRIWULAN_HARI = 15  # quarterly report: days after the end of the quarter
LKJ_BULAN = 3  # annual LKj: months after the end of the year (by 31 March)
PPID_BERKALA_BULAN = 6  # UU 14/2008 art. 9: periodic information at least every 6 months


class TenggatPelaporan(Model):
    """Deadlines of one region's reports; any field left out keeps its default."""

    # months after the DPA approval within which the PK must be signed
    pk_bulan_setelah_dpa: int = Field(PK_BULAN, ge=0, le=12)
    # DPA approval date per budget year; a year not listed: 1 January of that year
    tanggal_dpa: dict[int, Tanggal] = Field(default_factory=dict)
    # days after the end of the quarter within which its report must be dated
    triwulan_hari: int = Field(TRIWULAN_HARI, ge=0, le=120)
    # months after the end of the year within which the annual LKj (the TW IV report) is due
    lkj_bulan: int = Field(LKJ_BULAN, ge=0, le=12)
    # PPID: periodic information (PK and reports) at least once in this many months
    ppid_berkala_bulan: int = Field(PPID_BERKALA_BULAN, ge=1, le=24)
