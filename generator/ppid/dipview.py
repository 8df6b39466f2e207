"""The Daftar Informasi Publik (DIP) as a page shows it.

One ``DipRow`` per entry of ppid/dip.py, with its class and kind in words, a stable
anchor, the address of the document it describes and the downloads that exist; the page
groups the rows by class and kind. Text stays raw; templates escape it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.core import fmt
from generator.core.addresses import DOKUMEN_FORMAT, dokumen, download_links
from generator.ppid import dip as dip_module
from generator.ppid.kontak import Kanal
from generator.ppid.links import external_url, host, rel_href
from generator.render.escape import teks
from generator.render.siteindex import SiteIndex
from generator.validate.dataset import AgencyRecord

KELAS_URUT = ("berkala", "serta_merta", "setiap_saat", "dikecualikan")
KELAS = {
    "berkala": "Informasi berkala",
    "serta_merta": "Informasi serta merta",
    "setiap_saat": "Informasi tersedia setiap saat",
    "dikecualikan": "Informasi dikecualikan",
}
KELAS_KET = {
    "berkala": "diumumkan secara rutin, paling sedikit setiap enam bulan; termasuk laporan kinerja dan laporan keuangan",
    "serta_merta": "diumumkan segera karena menyangkut hajat hidup orang banyak dan ketertiban umum",
    "setiap_saat": "disediakan dan dapat diminta kapan saja",
    "dikecualikan": "tertutup berdasarkan uji konsekuensi (Pasal 17 UU 14/2008); tidak diterbitkan",
}
JENIS_URUT = ("pk", "lkj", "anggaran", "iki", "lain")
JENIS = {
    "pk": "Perjanjian Kinerja",
    "lkj": "Laporan Kinerja",
    "anggaran": "Realisasi anggaran",
    "iki": "Indikator Kinerja Individu",
    "lain": "Dokumen lain",
}
DOWNLOAD_FORMATS = (("csv", "CSV"), ("xlsx", "XLSX"), ("json", "JSON"))


def anchor(nomor: str) -> Markup:
    """Stable id of a DIP entry from its number: DINPERINAKER/PK/2025/kepala-dinas →
    dinperinaker-pk-2025-kepala-dinas (ASCII, lower case, hyphens: safe as it is in HTML)."""
    ascii_ = unicodedata.normalize("NFKD", nomor).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return Markup(slug or "entri")


_PERIOD = re.compile(r"/(\d{4})/(?:TW([1-4])/)?")


def _fragment(e: dip_module.EntriDIP) -> str | None:
    """The section of the position page that holds the entry (its heading id)."""
    m = _PERIOD.search(e.nomor)
    if not m or e.jenis not in ("pk", "iki", "lkj", "anggaran"):
        return None
    tahun, tw = m.group(1), m.group(2)
    if e.jenis == "pk":
        return f"perjanjian-kinerja-{tahun}"
    if e.jenis == "iki":
        return f"indikator-kinerja-individu-{tahun}"
    if not tw:
        return None
    romawi = fmt.ROMAWI[int(tw)].lower()
    return f"pengukuran-kinerja-triwulan-{romawi}-{tahun}" if e.jenis == "lkj" else f"anggaran-triwulan-{romawi}-{tahun}"


@dataclass
class DipRow:
    entri: dip_module.EntriDIP
    anchor: str
    kelas: str
    kelas_label: str
    jenis_label: str
    target: str | None  # docs path (+#fragment) of the document, or an external address
    target_eksternal: bool
    unduhan: list[tuple[str, str]]  # (label, docs path)

    def __getattr__(self, name):  # the seven fields read straight from the entry
        if name.startswith("_") or name == "entri":
            raise AttributeError(name)
        return getattr(self.entri, name)

    @property
    def nomor_html(self) -> Markup:
        """The number, escaped. No <wbr> after each slash: on a DIP of hundreds of entries
        those were a fifth of the page's elements; the cell breaks long numbers (kinerja.css)."""
        return teks(self.entri.nomor)


def _anchors(entries: list[dip_module.EntriDIP]) -> list[Markup]:
    """Each entry's anchor, numbered on from the second entry with the same one."""
    seen: dict[str, int] = {}
    out: list[Markup] = []
    for e in entries:
        a = anchor(e.nomor)
        if a in seen:  # two numbers that differ only in punctuation or case
            seen[a] += 1
            a = Markup(f"{a}-{seen[a]}")
        else:
            seen[a] = 1
        out.append(a)
    return out


def _target(e: dip_module.EntriDIP) -> tuple[str | None, bool]:
    """(address of the document, whether it is outside the site): a docs path with the
    fragment of the section that holds the entry, or a plain http(s) address."""
    if not e.tautan:
        return None, False
    ext = external_url(e.tautan)
    if ext:
        return ext, True
    frag = _fragment(e) if e.jenis != "lain" else None
    return e.tautan + (f"#{frag}" if frag else ""), False


def _downloads(ix: SiteIndex, agency: AgencyRecord, e: dip_module.EntriDIP, files: dict | None) -> list[tuple[str, str]]:
    """The official document of the entry (PDF, DOCX: generator/documents) and the open-data
    files of the position it describes, those that exist."""
    pid = e.nomor.rsplit("/", 1)[-1]
    return _official(agency, e, pid) + _downloads_data(ix, agency, e, files, pid)


_NOMOR = re.compile(r"/(PK|IKI|LKJ)/(\d{4}|TANPA-TAHUN)/(?:TW([1-4])/)?")


def _official(agency: AgencyRecord, e: dip_module.EntriDIP, pid: str) -> list[tuple[str, str]]:
    """PDF and DOCX of a PK, IKI or LKj entry (every such entry has its document)."""
    m = _NOMOR.search(e.nomor)
    if not m or pid not in agency.positions:
        return []
    tahun = None if m.group(2) == "TANPA-TAHUN" else int(m.group(2))
    tw = int(m.group(3)) if m.group(3) else None
    jenis = m.group(1).lower()
    return [(ext.upper(), dokumen(agency.region_id, agency.id, pid, jenis, tahun, tw, ext)) for ext in DOKUMEN_FORMAT]


def _downloads_data(
    ix: SiteIndex, agency: AgencyRecord, e: dip_module.EntriDIP, files: dict | None, pid: str
) -> list[tuple[str, str]]:
    if e.jenis not in ("pk", "lkj", "anggaran") or pid not in agency.positions or not ix.reports_of(agency, pid):
        return []
    links = download_links("jabatan", agency.region_id, agency.id, pid, files=files)
    return [(label, links[f]) for f, label in DOWNLOAD_FORMATS if f in links]


def dip_rows(ix: SiteIndex, agency: AgencyRecord, files: dict | None = None) -> list[DipRow]:
    """Every entry of ppid/dip.py for the agency, in the DIP's order: class, kind, number
    order of dip.py. ``files``: the docs files rendered so far, to link downloads that exist."""
    entries = dip_module.agency_entries(ix.dataset, agency)
    rows: list[DipRow] = []
    for e, a in zip(entries, _anchors(entries)):
        target, external = _target(e)
        kelas = e.klasifikasi if e.klasifikasi in KELAS else "setiap_saat"
        rows.append(
            DipRow(e, a, kelas, KELAS[kelas], JENIS.get(e.jenis, e.jenis), target, external, _downloads(ix, agency, e, files))
        )
    order = {k: i for i, k in enumerate(KELAS_URUT)}
    jorder = {k: i for i, k in enumerate(JENIS_URUT)}
    return sorted(rows, key=lambda r: (order.get(r.kelas, 9), jorder.get(r.entri.jenis, 9)))  # stable: dip.py order within


def dip_groups(rows: list[DipRow]) -> list[dict]:
    """The rows in runs of one class and kind, each run with its heading and anchor."""
    groups: list[dict] = []
    for r in rows:
        key = (r.kelas, r.entri.jenis)
        if not groups or groups[-1]["key"] != key:
            groups.append(
                {
                    "key": key,
                    "id": Markup(anchor(f"grup-{r.kelas}-{r.entri.jenis}")),
                    "judul": f"{r.kelas_label}: {r.jenis_label}",
                    "rows": [],
                }
            )
        groups[-1]["rows"].append(r)
    return groups


def kelas_jumlah(rows: list[DipRow]) -> list[tuple[str, str, int]]:
    """(class, its name, number of entries) for every class, in the DIP's order."""
    return [(k, KELAS[k], sum(1 for x in rows if x.kelas == k)) for k in KELAS_URUT]


def jenis_jumlah(rows: list[DipRow]) -> list[tuple[str, str, int]]:
    """(kind, its name, number of entries) for every kind that has entries."""
    counts = [(j, JENIS[j], sum(1 for x in rows if x.entri.jenis == j)) for j in JENIS_URUT]
    return [j for j in counts if j[2]]


def dip_page_groups(rows: list[DipRow], dip_page: str, region_id: str, agency_id: str, kanal: Kanal, nama_pd: str) -> list[dict]:
    """The groups of the DIP page, each row with its links relative to the page: the
    document, the downloads, and the request carrying the entry's number."""

    def item(row: DipRow) -> dict:
        href = None
        if row.target:
            href = Markup(escape(row.target)) if row.target_eksternal else rel_href(dip_page, row.target)
        return {
            "row": row,
            "href": href,
            "eksternal": host(row.target) if row.target and row.target_eksternal else None,  # the site it goes to
            "unduhan": [(label, rel_href(dip_page, p)) for label, p in row.unduhan],
            "ajukan": kanal.href(dip_page, region_id, agency_id, row.nomor, row.ringkasan_isi, nama_pd),
        }

    return [{**g, "items": [item(row) for row in g["rows"]]} for g in dip_groups(rows)]
