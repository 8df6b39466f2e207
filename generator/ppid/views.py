"""View models of the PPID section (UU 14/2008, Perki KIP 1/2021): what each page shows.

Per agency, under ``<wilayah>/<opd>/ppid/``:

    index.md                 Layanan Informasi Publik: contact, links, deadlines
    dip.md (+ dip.csv/.xlsx) Daftar Informasi Publik, one row per entry of ppid/dip.py
    statistik.md             service statistics of every register year (charts + tables)
    laporan-<tahun>.md       the annual Laporan Layanan Informasi Publik of one year
    cara-mengajukan.md       how to request information
    keberatan.md             how to object, and the dispute at the Komisi Informasi
    formulir-permohonan.md   printable request form
    formulir-keberatan.md    printable objection form

plus ``ppid.md`` at the top: the index of every agency's PPID pages. Figures come from
compute/ppid_stats.py and deadlines from compute/workdays.py; the views select, order and
label. Text stays raw; templates escape it.

This module holds the template helper; the views themselves live in:

    links.py      relative hrefs, and addresses from the data (the pages are in core/addresses.py)
    kontak.py     where a request goes (Kanal), the PPID contact, the deadline table
    dipview.py    the DIP rows and groups
    register.py   the statistics of one register year
"""

from __future__ import annotations

from generator.core import addresses
from generator.ppid.dipview import (
    DipRow,
    dip_rows,
)
from generator.ppid.kontak import Kanal, kontak_view
from generator.ppid.links import rel_href
from generator.render.siteindex import SiteIndex
from generator.validate.dataset import AgencyRecord


class TemplateHelpers:
    """Registered as the Jinja global ``ppid``: the PPID links on the agency page and the
    "Ajukan permohonan informasi" box on position pages."""

    def __init__(self, ix: SiteIndex):
        self.ix = ix
        self._rows: dict[str, list[DipRow]] = {}

    def rows(self, agency: AgencyRecord) -> list[DipRow]:
        if agency.key not in self._rows:
            self._rows[agency.key] = dip_rows(self.ix, agency)
        return self._rows[agency.key]

    def bagian(self, agency: AgencyRecord, page: str) -> dict:
        """Links of the agency's PPID section, relative to ``page``."""
        r, a = agency.region_id, agency.id
        rows = self.rows(agency)
        kontak = kontak_view(agency)
        return {
            "index": rel_href(page, addresses.ppid_index(r, a)),
            "dip": rel_href(page, addresses.ppid_dip(r, a)),
            "jumlah_dip": len(rows),
            "csv": rel_href(page, addresses.ppid_file(r, a, "dip.csv")),
            "xlsx": rel_href(page, addresses.ppid_file(r, a, "dip.xlsx")),
            "statistik": rel_href(page, addresses.ppid_statistik(r, a)) if agency.registers else None,
            "laporan": [
                (t, rel_href(page, addresses.ppid_laporan(r, a, t)), agency.registers[t][0].contoh)
                for t in sorted(agency.registers, reverse=True)
            ],
            "cara": rel_href(page, addresses.ppid_cara(r, a)),
            "keberatan": rel_href(page, addresses.ppid_keberatan(r, a)),
            "formulir_permohonan": rel_href(page, addresses.ppid_formulir_permohonan(r, a)),
            "formulir_keberatan": rel_href(page, addresses.ppid_formulir_keberatan(r, a)),
            "kontak_terisi": kontak["terisi"],
        }

    def permohonan(self, agency: AgencyRecord, position_id: str, page: str) -> dict | None:
        """The request box of a position page: the DIP entries of the page, each with its
        permalink in the DIP and a request link carrying its number."""
        r, a = agency.region_id, agency.id
        target = addresses.position(r, a, position_id)
        mine = [row for row in self.rows(agency) if row.entri.tautan == target]
        if not mine:
            return None
        kanal = Kanal.of(agency)
        return {
            "dip": rel_href(page, addresses.ppid_dip(r, a)),
            "cara": rel_href(page, addresses.ppid_cara(r, a)),
            "kanal": kanal,
            "entri": [
                {
                    "nomor": row.nomor,
                    "jenis": row.jenis_label,
                    "ringkasan": row.ringkasan_isi,
                    "permalink": rel_href(page, f"{addresses.ppid_dip(r, a)}#{row.anchor}"),
                    "ajukan": kanal.href(page, r, a, row.nomor, row.ringkasan_isi, agency.model.nama),
                }
                for row in mine
            ],
        }
