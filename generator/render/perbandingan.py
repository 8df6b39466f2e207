"""Comparison pages ("Perbandingan jabatan"): one kind of position across regions and years.

A position may name a ``kelompok_pembanding`` (model.Jabatan), e.g.
``kepala-bidang-hubungan-industrial``. Every group with at least two positions gets a page
at perbandingan/<group-id>/ listing each member side by side: region, agency, the title
as printed, holders (NIP masked like everywhere), year, document type (LKj or IKI), its
indicators with their formulas and direction and, where a report exists, the capaian
and predikat of the ReportResult. perbandingan/ lists every group.

Like views.py, this module only selects, orders and labels; no figure is computed here
and text stays raw (templates escape it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.compute.engine import ReportResult, walk_indicators
from generator.core import addresses, fmt
from generator.core.layout import year_folder
from generator.model import pembuat
from generator.render import formula
from generator.render.indicators import indicator_items
from generator.render.siteindex import JENIS_JABATAN, URUT_JENIS, SiteIndex, person, placement_inferred, positions_in_order
from generator.validate.dataset import AgencyRecord, Dataset, PositionRecord, RegionRecord, YearRecord

MIN_MEMBERS = 2

# Labels of the known groups where the id alone reads poorly ("dan", abbreviations).
# Other groups: the words the members' titles share, else the id in title case.
LABELS = {
    "kepala-dinas": "Kepala Dinas",
    "sekretaris": "Sekretaris Dinas",
    "kepala-bidang-hubungan-industrial": "Kepala Bidang Hubungan Industrial",
    "kepala-bidang-penempatan-pelatihan": "Kepala Bidang Penempatan dan Pelatihan Kerja",
    "kepala-bidang-perindustrian": "Kepala Bidang Perindustrian",
    "kepala-subbagian-keuangan-program": "Kepala Subbagian Program dan Keuangan",
    "kepala-subbagian-umum-kepegawaian": "Kepala Subbagian Umum dan Kepegawaian",
    "kepala-seksi-hubungan-industrial": "Kepala Seksi Hubungan Industrial",
    "kepala-seksi-informasi-pasar-kerja-produktivitas": "Kepala Seksi Informasi Pasar Kerja dan Produktivitas",
    "kepala-seksi-pelatihan": "Kepala Seksi Pelatihan",
    "kepala-seksi-penempatan-perluasan-kerja": "Kepala Seksi Penempatan dan Perluasan Kerja",
    "kepala-uptd": "Kepala UPTD",
    "mediator-hubungan-industrial": "Mediator Hubungan Industrial",
    "pengantar-kerja": "Pengantar Kerja",
    "penyuluh-perindustrian": "Penyuluh Perindustrian dan Perdagangan",
    "instruktur": "Instruktur",
    "pengolah-data-informasi": "Pengolah Data dan Informasi",
    "pranata-sdm-aparatur": "Pranata SDM Aparatur",
}
_ABBREVIATIONS = {"sdm": "SDM", "uptd": "UPTD", "upt": "UPT", "blk": "BLK", "asn": "ASN", "opd": "OPD", "it": "IT"}
_SMALL_WORDS = {"dan", "di", "pada", "ke", "dari", "untuk", "atau"}
# Levels of functional positions: a shared "Ahli" or "Muda" is not part of the kind.
_LEVELS = {"ahli", "terampil", "mahir", "pemula", "penyelia", "pelaksana", "lanjutan", "pertama", "muda", "madya", "utama"}
JENIS_JUDUL = {"struktural": "Jabatan struktural", "fungsional": "Jabatan fungsional", "pelaksana": "Jabatan pelaksana"}


@dataclass
class Group:
    id: str
    label: str
    jenis: str  # the most common jenis of its positions (struktural / fungsional / pelaksana)
    members: list[tuple[RegionRecord, AgencyRecord, PositionRecord]]

    @property
    def path(self) -> str:
        return addresses.perbandingan(self.id)

    def regions(self) -> list[RegionRecord]:
        seen: dict[str, RegionRecord] = {}
        for region, _agency, _pos in self.members:
            seen.setdefault(region.id, region)
        return list(seen.values())


def _common_words(titles: list[str]) -> str:
    """The words every title starts with (as written in the first title)."""
    split = [t.split() for t in titles if t.strip()]
    if not split:
        return ""
    n = 0
    while all(len(w) > n for w in split) and len({w[n].casefold() for w in split}) == 1:
        n += 1
    while n and split[0][n - 1].casefold() in _LEVELS:
        n -= 1
    return " ".join(split[0][:n])


def label(group_id: str, titles: list[str]) -> str:
    if group_id in LABELS:
        return LABELS[group_id]
    words = group_id.split("-")
    shared = _common_words(titles)
    if shared and len(shared.split()) >= len(words):
        return shared
    return " ".join(_ABBREVIATIONS.get(w) or (w if i and w in _SMALL_WORDS else w.capitalize()) for i, w in enumerate(words))


def groups(ds: Dataset) -> list[Group]:
    """Groups with at least MIN_MEMBERS positions: struktural first, then by label."""
    found: dict[str, list] = {}
    for region in ds.regions.values():
        for agency in region.agencies.values():
            for pos in positions_in_order(agency):
                gid = pos.model.kelompok_pembanding
                if gid:
                    found.setdefault(gid, []).append((region, agency, pos))
    out = []
    for gid, members in found.items():
        if len(members) < MIN_MEMBERS:
            continue
        jenis = Counter(p.model.jenis for _r, _a, p in members).most_common(1)[0][0]
        out.append(Group(gid, label(gid, [p.model.jabatan for _r, _a, p in members]), jenis, members))
    out.sort(key=lambda g: (URUT_JENIS.get(g.jenis, 9), g.label.casefold()))
    return out


def position_link(by_id: dict[str, Group], region: RegionRecord, pos: PositionRecord) -> dict | None:
    """The "Bandingkan dengan jabatan sejenis" line of a position page, or None."""
    g = by_id.get(pos.model.kelompok_pembanding or "")
    if g is None:
        return None
    regions = g.regions()
    elsewhere = any(r.id != region.id for r in regions)
    return {
        "path": g.path,
        "label": g.label,
        "teks": "Bandingkan dengan jabatan sejenis di daerah lain" if elsewhere else "Bandingkan dengan jabatan sejenis",
        "ringkas": f"{len(g.members)} jabatan di {len(regions)} wilayah",
    }


# --------------------------------------------------------------------------- pages


TANPA_TAHUN = "tahun tidak tercantum"


def _years_text(years: set[int | None]) -> str:
    """The years, oldest first; a document without a year is named so, never given one."""
    dated = [str(y) for y in sorted(y for y in years if y is not None)]
    return ", ".join(dated + ([TANPA_TAHUN] if None in years else []))


def index_page(ix: SiteIndex, all_groups: list[Group]) -> dict:
    regions = [r for r in ix.dataset.regions.values() if any(m[0].id == r.id for g in all_groups for m in g.members)]
    sections: list[dict] = []
    for g in all_groups:
        per_region = Counter(region.id for region, _a, _p in g.members)
        row = {
            "label": g.label,
            "path": g.path,
            "id": g.id,
            "jumlah": len(g.members),
            "per_wilayah": [per_region.get(r.id, 0) for r in regions],
            "tahun": _years_text({t for _r, _a, p in g.members for t in p.years}),
        }
        if not sections or sections[-1]["jenis"] != g.jenis:
            sections.append({"jenis": g.jenis, "judul": JENIS_JUDUL.get(g.jenis, g.jenis), "rows": []})
        sections[-1]["rows"].append(row)
    return {
        "page_path": addresses.PERBANDINGAN,
        "breadcrumb": [("Beranda", addresses.HOME)],
        "wilayah": regions,
        "sections": sections,
        "jumlah_kelompok": len(all_groups),
        "jumlah_jabatan": sum(len(g.members) for g in all_groups),
    }


def _status(r) -> str | None:
    if r is None:
        return None
    return {
        "na": "data n/a",
        "target_nol": "target 0",
        "tak_terhitung": "tidak dapat dihitung",
        "belum_ada": "belum ada realisasi",
    }.get(r.status)


def _indicators(indikator, res: ReportResult | None) -> list[dict]:
    """Indicators grouped by sasaran (a merged cell in the document is one group)."""
    rows = {r.id: r for r in res.rows} if res else {}
    out: list[dict] = []
    for it in indicator_items(indikator):
        if "kelompok" in it:
            continue
        if it["rowspan"] or not out:
            out.append({"sasaran": it.get("sasaran"), "items": []})
        ind = it["ind"]
        r = rows.get(ind.id)
        out[-1]["items"].append(
            {
                "ind": ind,
                "depth": it["depth"],
                "arah": it["arah"],
                "rumus": formula.view(ind),
                "target_tertulis": it["target_tertulis"],
                "r": r,
                "status": _status(r),
            }
        )
    return out


def _member(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord, year: YearRecord | None) -> dict:
    """One position in one year (``year`` None: the position has no year file yet)."""
    m = pos.model
    tahun = year.tahun if year is not None else None
    y = year.model if year is not None else None
    tahun_teks = TANPA_TAHUN if year is not None and tahun is None else tahun
    pk = y.perjanjian_kinerja[-1] if y and y.perjanjian_kinerja else None
    iki = y.iki if y else None
    entries = [e for e in ix.reports_of(agency, pos.id) if year is not None and e.res.tahun == tahun]
    latest = entries[-1] if entries else None
    res = latest.res if latest else None
    if pk is not None:
        indikator = pk.indikator
        if res is not None:
            jenis_dokumen, dokumen = "LKj", f"Laporan Kinerja {fmt.periode(res.tahun, res.triwulan)}"
        else:
            jenis_dokumen, dokumen = "PK", f"Perjanjian Kinerja {tahun_teks}"
    elif iki is not None:
        indikator, jenis_dokumen, dokumen = iki.indikator, "IKI", f"Indikator Kinerja Individu {tahun_teks}"
    else:
        indikator, jenis_dokumen, dokumen = [], None, None
    tampilan = ix.tampilan_nip
    pemangku = [person(p, tampilan) for p in m.pemangku]
    dari_ttd = False
    if not pemangku:  # no holder listed: the signature of the document, when there is one
        sign = (latest.laporan.penandatangan if latest else None) or (iki.penandatangan if iki else None)
        maker = pembuat(sign) if sign else None
        if maker is not None:
            pemangku, dari_ttd = [person(maker, tampilan)], True
    return {
        "anchor": f"{region.id}-{agency.id}-{pos.id}" + (f"-{year_folder(tahun)}" if year is not None else ""),
        "wilayah": region.model.nama,
        "perangkat_daerah": agency.model.nama,
        "singkatan": agency.model.singkatan,
        "agency_path": addresses.agency(region.id, agency.id),
        "path": addresses.position(region.id, agency.id, pos.id),
        "jabatan": m.jabatan,
        "tertulis": list(m.jabatan_tertulis),
        "jenis": JENIS_JABATAN.get(m.jenis, m.jenis),
        "pemangku": pemangku,
        "pemangku_dari_ttd": dari_ttd,
        "tahun": tahun_teks,
        "tahun_kunci": tahun,
        "pemangku_tercantum": m.pemangku_tercantum,
        "jenis_dokumen": jenis_dokumen,
        "dokumen": dokumen,
        "jumlah_indikator": sum(1 for ind, _p, _d in walk_indicators(indikator) if ind.diukur),
        "sasaran": _indicators(indikator, res),
        "res": res,
        "disimpulkan": placement_inferred(pos),
    }


def group_page(ix: SiteIndex, g: Group) -> dict:
    sections: list[dict] = []
    members: list[dict] = []
    for region, agency, pos in g.members:
        years_of: list[YearRecord | None] = [pos.years[t] for t in pos.years_in_order(newest_first=True)]
        for year in years_of or [None]:  # no year yet: one row
            member = _member(ix, region, agency, pos, year)
            members.append(member)
            if not sections or sections[-1]["id"] != region.id:
                sections.append({"id": region.id, "nama": region.model.nama, "members": []})
            sections[-1]["members"].append(member)
    years = {m["tahun_kunci"] for m in members if m["tahun"] is not None}
    kinds = sorted({m["jenis_dokumen"] for m in members if m["jenis_dokumen"]})
    return {
        "page_path": g.path,
        "id": g.id,
        "label": g.label,
        "breadcrumb": [("Beranda", addresses.HOME), ("Perbandingan", addresses.PERBANDINGAN)],
        "members": members,
        "wilayah": sections,
        "jumlah_jabatan": len(g.members),
        "tahun": _years_text(years),
        "beda_tahun": len(years) > 1,
        "jenis_dokumen": kinds,
        "ada_capaian": any(m["res"] is not None for m in members),
    }
