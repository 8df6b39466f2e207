"""What every official document shares: the people in it (signatories and parties, with
the NIP as the copy needs it), the identity block, the document properties, and the
printed-vs-computed footnotes.

Everything returned is plain JSON-able data (strings, lists, dicts): the Typst templates
(templates/dokumen/*.typ) and the DOCX writer (word.py) lay it out; no layout here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from generator import __version__
from generator.core import fmt
from generator.model import Penandatangan
from generator.model.penandatangan import PERAN_LABEL
from generator.render.siteindex import holder
from generator.validate.dataset import AgencyRecord, PositionRecord, RegionRecord

GENERATOR = f"kinerja {__version__}"

# The caption of each role above its signature block, as the documents print it.
PERAN_KEPALA = {
    "pembuat": "",
    "atasan_langsung": "Atasan Langsung,",
    "mengetahui": "Mengetahui,",
    "menyetujui": "Menyetujui,",
    "pihak_pertama": "PIHAK PERTAMA,",
    "pihak_kedua": "PIHAK KEDUA,",
    "lainnya": "",
}


def angka(value: Decimal | None, kosong: str = "–") -> str:
    return fmt.angka(value, kosong)


def with_unit(value: Decimal | None, satuan: str | None, kosong: str = "–") -> str:
    """A target as printed: 87,62 indeks · 52,33% · 12 dokumen."""
    if value is None:
        return kosong
    if not satuan:
        return fmt.angka(value)
    return f"{fmt.angka(value)}%" if satuan.strip() == "%" else f"{fmt.angka(value)} {satuan}"


def nip_line(nip: str | None, nip_tertulis: str | None, tampilan: str) -> str | None:
    """ "NIP. 19690203 ****** * ***" on a public copy, the full NIP on one for signing."""
    if nip:
        shown = fmt.nip(nip, tampilan)
    elif nip_tertulis:
        shown = fmt.samarkan_nip(nip_tertulis, tampilan) if tampilan != "sembunyi" else None
    else:
        shown = None
    return f"NIP. {shown}" if shown else None


def signatory(s: Penandatangan, tampilan: str) -> dict[str, Any]:
    pangkat = " / ".join(x for x in (s.pangkat, s.golongan) if x) or None
    caption = s.peran_tertulis.strip() if s.peran_tertulis else PERAN_KEPALA.get(s.peran, "")
    return {
        "peran": s.peran,
        "peran_label": PERAN_LABEL.get(s.peran, s.peran),
        "kepala": caption,
        "jabatan": s.jabatan,
        "nama": s.nama,
        "pangkat": pangkat,
        "nip": nip_line(s.nip, s.nip_tertulis, tampilan),
    }


def holder_person(pos: PositionRecord | None, on: dt.date, tampilan: str, jabatan: str | None = None) -> dict[str, Any] | None:
    """The holder of a position on a date as a signature block (jabatan in capitals, as printed)."""
    if pos is None:
        return None
    h = holder(pos, on)
    title = (jabatan or pos.model.jabatan).upper()
    if h is None:
        return {"kepala": "", "jabatan": title, "nama": "", "pangkat": None, "nip": None}
    pangkat = " / ".join(x for x in (h.pangkat, h.golongan) if x) or None
    return {
        "kepala": "",
        "jabatan": ("PLT. " if h.plt else "") + title,
        "nama": h.nama,
        "pangkat": pangkat,
        "nip": nip_line(h.nip, h.nip_tertulis[0] if h.nip_tertulis else None, tampilan),
    }


def superior(agency: AgencyRecord, pos: PositionRecord) -> PositionRecord | None:
    return agency.positions.get(pos.model.atasan) if pos.model.atasan else None


def place(region: RegionRecord) -> str:
    """The place a document is signed when the data names none: the region's name
    without "Kota"/"Kabupaten" (Kota Pekalongan → Pekalongan)."""
    name = region.model.nama
    for prefix in ("Kota ", "Kabupaten ", "Provinsi "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def identity(region: RegionRecord, agency: AgencyRecord, pos: PositionRecord) -> dict[str, Any]:
    wilayah = region.model.nama
    return {
        "pemerintah": f"PEMERINTAH {wilayah.upper()}",
        "wilayah": wilayah,
        "perangkat_daerah": agency.model.nama,
        "perangkat_daerah_wilayah": _with_region(agency.model.nama, wilayah),
        "singkatan": agency.model.singkatan,
        "alamat": agency.model.alamat,
        "jabatan": pos.model.jabatan,
        "jabatan_lengkap": _full_title(pos.model.jabatan, agency.model.nama, wilayah),
    }


def _with_region(name: str, wilayah: str) -> str:
    return name if wilayah.casefold() in name.casefold() else f"{name} {wilayah}"


def _full_title(jabatan: str, agency: str, wilayah: str) -> str:
    """ "Kepala Dinas Perindustrian dan Tenaga Kerja Kota Pekalongan": the position with the
    agency and region where its own name does not say them already."""
    out = jabatan
    if agency.casefold() not in out.casefold() and not out.casefold().startswith("kepala dinas"):
        out = f"{out} {agency}"
    if wilayah.casefold() not in out.casefold():
        out = f"{out} {wilayah}"
    return out


def properties(title: str, agency: AgencyRecord, date: dt.date | None, commit: str | None, kind: str) -> dict[str, Any]:
    """The PDF/DOCX document properties: title, author, the generator version and the data
    commit (subject and keywords), and a fixed date (the document's own, never the clock)."""
    made = date or dt.date(2000, 1, 1)
    return {
        "judul": title,
        "penulis": agency.model.nama,
        "subjek": f"Dibuat oleh {GENERATOR} dari data commit {commit or 'tidak diketahui'}",
        "kata_kunci": [kind, GENERATOR, f"commit {commit or 'tidak diketahui'}"],
        "tanggal": [made.year, made.month, made.day],
    }


def mask_all(value: Any, tampilan: str) -> Any:
    """Every string of a document's content with NIP-like numbers masked as the copy
    needs (``lengkap``: unchanged): a NIP quoted in a narrative never reaches a public copy."""
    if tampilan == "lengkap":
        return value
    if isinstance(value, str):
        return fmt.samarkan_nip(value, tampilan)
    if isinstance(value, list):
        return [mask_all(v, tampilan) for v in value]
    if isinstance(value, dict):
        return {k: mask_all(v, tampilan) for k, v in value.items()}
    return value


def printed_note(tercetak: Decimal | None, dihitung: Decimal | None, suffix: str = "") -> str | None:
    """The footnote of a figure the agency printed differently: the document shows the computed one."""
    if tercetak is None or dihitung is None or tercetak == dihitung:
        return None
    return (
        f"Dokumen asli mencetak {fmt.angka(tercetak)}{suffix}; angka di sini dihitung ulang dari data "
        f"({fmt.angka(dihitung)}{suffix}), sama dengan yang diterbitkan di situs."
    )
