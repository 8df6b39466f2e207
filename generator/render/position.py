"""The position page: its people, its indicator documents per year, and each report.

A report shows the measurement table (PK indicators with their realisasi), the budget, the
printed figures that differ from the computed ones, the narrative, the signatures and two
charts; the year's quarters get one target-vs-realisasi chart. Every figure comes from a
ReportResult (generator/compute); this module only selects, orders and labels.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from generator.check import ReportEntry as Entry
from generator.compute.printed import printed_label_text
from generator.core import addresses, fmt
from generator.model import Laporan, PerjanjianKinerja
from generator.render import charts, kebijakan, phonecharts
from generator.render.cakupan import cakupan
from generator.render.indicators import iki_view, indicator_items, pk_view, signatures
from generator.render.pemeriksa import Pemeriksa
from generator.render.siteindex import (
    JENIS_JABATAN,
    MAX_ALT_ITEMS,
    ChartSpec,
    SiteIndex,
    band_for_name,
    band_lines,
    breadcrumb,
    holder,
    numbered,
    person,
    position_label,
    positions_in_order,
    source_document,
    summary,
    unit_link,
)
from generator.validate.dataset import AgencyRecord, PositionRecord, RegionRecord

JENIS_ANGGARAN = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
MAX_QUARTER_LINES = 12  # indicators drawn in the quarterly chart; its table lists them all
KINERJA_KEYS = ("capaian:", "rata_rata_capaian", "narasi.rata_rata_capaian", "predikat")
ANGGARAN_KEYS = ("anggaran:", "anggaran_total", "narasi.anggaran_total")


# --------------------------------------------------------------------------- pieces of a report


def _jenis_tag(jenis: str, nama: str) -> str | None:
    """ "Program" / "Kegiatan" / "Sub kegiatan", unless the name already says it."""
    label = JENIS_ANGGARAN.get(jenis, jenis)
    return None if nama.casefold().startswith(label.casefold()) else label


def discrepancy(d) -> dict:
    """A printed figure that differs from the computed one, and the policies that would
    reproduce it (also listed on the methodology page)."""

    def show(v):
        if isinstance(v, Decimal):
            return fmt.angka(v)
        return "–" if v is None else str(v)

    return {
        "label": d.label,
        "tercetak": show(d.tercetak),
        "dihitung": show(d.dihitung),
        "tak_terhitung": d.dihitung is None,
        "alternatif": [kebijakan.dijelaskan(alt) for alt in d.direproduksi_oleh[:4]],
        "lebih": max(0, len(d.direproduksi_oleh) - 4),
    }


def _discrepancy_notes(res) -> dict:
    """The report's discrepancies, sorted under the table they concern."""
    disc = [discrepancy(d) | {"angka": d.angka} for d in res.discrepancies]
    return {
        "catatan_kinerja": [d for d in disc if d["angka"].startswith(KINERJA_KEYS)],
        "catatan_anggaran": [d for d in disc if d["angka"].startswith(ANGGARAN_KEYS)],
        "catatan_efisiensi": [d for d in disc if "efisiensi" in d["angka"]],
    }


def _narasi(lap: Laporan) -> list[tuple[str, list[str]]]:
    n = lap.narasi
    parts = [
        ("Keterangan", n.keterangan),
        ("Faktor pendukung", n.faktor_pendukung),
        ("Faktor penghambat", n.faktor_penghambat),
        ("Upaya", n.upaya),
        ("Kesimpulan", n.kesimpulan),
        ("Rekomendasi", n.rekomendasi),
    ]
    return [(title, items) for title, items in parts if items]


def _measured_items(pk: PerjanjianKinerja | None, res, lap: Laporan, pem: Pemeriksa, periode: str) -> list[dict]:
    """The PK's indicator rows (kelompok rows kept) that the report measures, each with its
    computed row and the report's note on it (source detail in notes goes to ``pem``)."""
    rows = {r.id: r for r in res.rows}
    items = []
    for it in indicator_items(pk.indikator) if pk else []:
        if "kelompok" in it:
            items.append(it)
            continue
        r = rows.get(it["id"])
        if r is None:
            continue
        entry = lap.realisasi.get(r.id)
        about = f"Laporan {periode}, indikator {r.nomor or r.indikator}"
        items.append(
            {
                **it,
                "r": r,
                "beda_tercetak": r.tercetak is not None and r.tercetak != r.capaian,
                "catatan": pem.note(f"{about}: catatan realisasi", entry.catatan if entry else None),
                "na_alasan": pem.note(f"{about}: alasan data belum tersedia", r.na_alasan),
            }
        )
    return items


def _budget_rows(res) -> list[dict]:
    return [
        {"b": b, "jenis": _jenis_tag(b.jenis, b.nama), "beda_tercetak": b.tercetak is not None and b.tercetak != b.persen}
        for b in res.budget
    ]


# --------------------------------------------------------------------------- the charts of a report


def _bar_note(r) -> str | None:
    """Why a bar of the capaian chart has no (counted) value."""
    if r.status == "na":
        return "n/a" if r.dihitung else "n/a, tidak dihitung"
    if r.status == "target_nol":
        return "target 0" + ("" if r.dihitung else ", tidak dihitung")
    if r.status == "tak_terhitung":
        return "tidak dapat dihitung"
    if r.status == "teks":
        return "tercetak sebagai kata, tidak dihitung"
    if r.status == "tidak_diisi":
        return "tidak diisi, tidak dihitung"
    if r.status == "belum_ada":
        return "belum ada realisasi"
    return None


def _capaian_chart(e: Entry, base: str, periode: str) -> ChartSpec | None:
    """Capaian per indicator against 100% and the predikat thresholds (a parent without
    any realisasi yet is left out: its rincian rows show it)."""
    res = e.res
    has_children = {r.induk for r in res.rows if r.induk}
    chart_rows = [r for r in res.rows if r.status != "bukan_indikator" and not (r.id in has_children and r.status == "belum_ada")]
    if not any(r.capaian is not None for r in chart_rows):
        return None
    bars = [
        charts.Bar(
            ("– " if r.kedalaman else "") + numbered(r.nomor, r.indikator),
            r.capaian,
            band_for_name(res.policy, r.predikat),
            r.predikat,
            _bar_note(r),
        )
        for r in chart_rows
    ]
    # The figures of every bar are in the measurement table right above the chart.
    alt = (
        f"Diagram batang capaian {len(bars)} indikator {e.position.model.jabatan}, {periode}, dibandingkan dengan garis 100% "
        "dan batas predikat. Capaian dan predikat setiap indikator ada di tabel pengukuran di atas."
    )
    return ChartSpec(
        addresses.chart(e.region.id, e.agency.id, f"{base}-capaian"),
        alt,
        charts.capaian_bars,
        (bars, "Capaian (%)", *band_lines(res.policy)),
    ).ponsel(phonecharts.capaian_bars)


def _anggaran_chart(e: Entry, base: str, periode: str) -> ChartSpec | None:
    """Budget absorption per program (the top level of the budget table)."""
    programs = [b for b in e.res.budget if b.kedalaman == 0]
    if not (programs and any(b.persen is not None for b in programs)):
        return None
    data = [(numbered(b.nomor, b.nama), b.persen) for b in programs]
    alt = (
        f"Diagram batang serapan anggaran per program, {e.position.model.jabatan}, {periode}: "
        + "; ".join(f"{label}: {fmt.persen(v, 'belum ada realisasi')}" for label, v in data[:MAX_ALT_ITEMS])
        + ". Angka yang sama ada di tabel anggaran."
    )
    return ChartSpec(
        addresses.chart(e.region.id, e.agency.id, f"{base}-anggaran"),
        alt,
        charts.persen_bars,
        (data, "Capaian anggaran / serapan (%)"),
    ).ponsel(phonecharts.persen_bars)


# --------------------------------------------------------------------------- one report, one year


def report_view(ix: SiteIndex, e: Entry, pk: PerjanjianKinerja | None, page: str, pem: Pemeriksa, ringkas: bool = False) -> dict:
    """One report on the position page. ``ringkas``: an earlier quarter of a year that has a
    later report. It keeps every figure, predikat, note and signature in a compact table but
    draws no charts: the year's quarterly chart shows it, and a province's position pages stay
    small (a page with four full quarters is ~60 KB of HTML, and every byte is parsed twice by
    MkDocs and again by the search indexer)."""
    res, lap = e.res, e.laporan
    periode = fmt.periode(res.tahun, res.triwulan)
    base = f"{e.position.id}-{res.tahun}-tw{res.triwulan}"
    items = _measured_items(pk, res, lap, pem, periode)
    pem.add(f"Laporan {periode}: catatan sumber", ix.masked(lap.catatan_sumber))
    return {
        "anchor": f"tw{res.triwulan}-{res.tahun}",
        "periode": periode,
        "triwulan": fmt.triwulan(res.triwulan),
        "tahun": res.tahun,
        "tw_romawi": fmt.ROMAWI[res.triwulan],
        "judul_tertulis": lap.judul_tertulis,
        "tanggal": fmt.tanggal(lap.tanggal),
        "tempat": lap.tempat,
        "sumber": source_document(e.agency, lap.sumber),
        "res": res,
        "items": items,
        "cakupan": cakupan(res),
        "belum_ada": all(r.status in ("belum_ada", "bukan_indikator") for r in res.rows),
        "jumlah_indikator": len(res.rows),
        **_discrepancy_notes(res),
        "budget": _budget_rows(res),
        "efisiensi_rumus": kebijakan.nilai("efisiensi", res.policy.efisiensi),
        "efisiensi_cara": res.policy.efisiensi,
        "narasi": _narasi(lap),
        **signatures(ix, e.region, e.agency, e.position, lap.penandatangan),
        "tanggal_tertulis": lap.tanggal_tertulis,
        "kebijakan_khusus": kebijakan.beda_dijelaskan(res.policy, ix.site_policy),
        "chart_capaian": None if ringkas else _capaian_chart(e, base, periode),
        "chart_anggaran": None if ringkas else _anggaran_chart(e, base, periode),
        "ringkas": ringkas,
    }


def quarters_view(
    e_list: list[Entry], pos: PositionRecord, region: RegionRecord, agency: AgencyRecord, tahun: int
) -> dict | None:
    """Target vs realisasi across the year's quarters, when more than one quarter exists."""
    if len(e_list) < 2:
        return None
    order: list[str] = []
    info: dict[str, tuple[str, str | None]] = {}
    points: dict[str, dict[int, tuple]] = defaultdict(dict)
    for e in e_list:
        for r in e.res.rows:
            if r.realisasi is None and r.target is None:
                continue
            if r.id not in info:
                order.append(r.id)
                label = numbered(r.nomor, r.indikator)
                # a per-quarter indicator: each value is the quarter's own, not s.d. TW
                info[r.id] = (label + (" (per triwulan)" if r.pengukuran == "per_triwulan" else ""), r.satuan)
            points[r.id][e.res.triwulan] = (r.target, r.realisasi)
    series = [
        charts.Series(info[i][0], info[i][1], [(tw, t, v) for tw, (t, v) in sorted(points[i].items())])
        for i in order
        if sum(1 for t, v in points[i].values() if v is not None) >= 1 and len(points[i]) >= 2
    ]
    if not series:
        return None
    tws = sorted({e.res.triwulan for e in e_list})
    alt = (
        f"Grafik target dan realisasi kumulatif per triwulan {tahun} untuk {len(series)} indikator {pos.model.jabatan}. "
        "Angka yang sama ada di tabel pengukuran setiap triwulan di halaman ini."
    )
    spec = ChartSpec(
        addresses.chart(region.id, agency.id, f"{pos.id}-{tahun}-triwulan"),
        alt,
        charts.quarter_lines,
        (series[:MAX_QUARTER_LINES], fmt.ROMAWI),
    ).ponsel(phonecharts.quarter_lines)
    # no table of the same figures under the chart (issue 21, page weight): each quarter's
    # measurement table on the page holds its target and realisasi
    return {"chart": spec, "tws": tws, "terpotong": max(0, len(series) - MAX_QUARTER_LINES)}


def _year_view(
    ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord, tahun: int | None, page: str, pem: Pemeriksa
) -> dict:
    """One year of a position: its active PK (earlier versions after it), its IKI, and its
    reports newest first (only the newest in full). Cells as printed and source notes go to
    the page's auditor section ``pem``, in page order. ``tahun`` None: a document that
    states no year, shown as "(tahun tidak tercantum)" and never given one."""
    y = pos.years[tahun]
    label = "(tahun tidak tercantum)" if tahun is None else str(tahun)
    pks = list(y.model.perjanjian_kinerja)
    active = pks[-1] if pks else None
    entries = [e for e in ix.reports_of(agency, pos.id) if e.res.tahun == tahun]
    pk = pk_view(active) if active else None
    pk_lama = [pk_view(p) for p in reversed(pks[:-1])]
    for view in [pk, *pk_lama] if pk else []:
        pem.add(f"Perjanjian Kinerja {label} ({view['versi']}): isi sel seperti tertulis di dokumen", view["pemeriksa"])
    iki = iki_view(ix, region, agency, pos, y.model.iki) if y.model.iki else None
    if iki:
        pem.add(f"Indikator Kinerja Individu {label}: isi sel seperti tertulis di dokumen", iki["pemeriksa"])
        pem.add(f"Indikator Kinerja Individu {label}: catatan sumber", iki["catatan_sumber"])
    return {
        "tahun": label,
        "tahun_tercantum": tahun is not None,
        "pk": pk,
        "iki": iki,
        "pk_lama": pk_lama,
        "reports": [report_view(ix, e, active, page, pem, ringkas=i > 0) for i, e in enumerate(reversed(entries))],
        "triwulan": quarters_view(entries, pos, region, agency, tahun) if tahun is not None else None,
        "catatan": pem.notes(f"Catatan data {label if tahun is None else 'tahun ' + label}", ix.masked(y.model.catatan)),
    }


def _print_title(latest: Entry | None, years: list[dict]) -> str:
    """The heading a printed position page carries, like the document it reports."""
    if latest:
        return f"LAPORAN KINERJA TRIWULAN {fmt.ROMAWI[latest.res.triwulan]} TAHUN {latest.res.tahun}"
    for y in years:
        tahun = f"TAHUN {y['tahun']}" if y["tahun_tercantum"] else "(TAHUN TIDAK TERCANTUM)"
        if y["pk"]:
            return f"PERJANJIAN KINERJA {tahun}"
        if y["iki"]:
            return f"INDIKATOR KINERJA INDIVIDU {tahun}"
    return "PROFIL JABATAN"


def _printed_headline(latest: Entry | None) -> dict | None:
    """The document's own average and predikat when they differ from the computed ones (the
    summary card shows both)."""
    if latest is None:
        return None
    kinds = {d.angka for d in latest.res.discrepancies}
    t = latest.laporan.tercetak
    avg = t.rata_rata_capaian.nilai if t.rata_rata_capaian and "rata_rata_capaian" in kinds else None
    predikat = printed_label_text(t) if "predikat" in kinds else None
    if avg is None and predikat is None:
        return None
    return {"rata_rata": avg, "predikat": predikat}


# --------------------------------------------------------------------------- the page


def position_page(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord) -> dict:
    page = addresses.position(region.id, agency.id, pos.id)
    m = pos.model
    unit = agency.units.get(m.unit) if m.unit else None
    atasan = agency.positions.get(m.atasan) if m.atasan else None
    pem = Pemeriksa()
    pem.add("Nama jabatan seperti tertulis di dokumen", list(m.jabatan_tertulis))
    dasar = pem.note("Dasar penyimpulan unit kerja atau atasan", m.dasar_penyimpulan)
    years = [_year_view(ix, region, agency, pos, tahun, page, pem) for tahun in pos.years_in_order(newest_first=True)]
    catatan = pem.notes("Catatan data jabatan", ix.masked(m.catatan))
    latest = ix.latest(agency, pos.id)
    return {
        "page_path": page,
        "region": region,
        "agency": agency,
        "pos": m,
        "id": pos.id,
        "breadcrumb": breadcrumb(ix, region, agency, m.unit),
        "agency_path": addresses.agency(region.id, agency.id),
        "jenis": JENIS_JABATAN.get(m.jenis, m.jenis),
        "unit": unit_link(region, agency, unit) if unit else None,
        "atasan": (
            {"nama": position_label(atasan, ix.data_per), "path": addresses.position(region.id, agency.id, atasan.id)}
            if atasan
            else None
        ),
        "atasan_luar": m.atasan_luar,
        "pemangku": [person(p, ix.tampilan_nip) for p in m.pemangku],
        "holder": holder(pos, ix.data_per),
        "bawahan": [summary(ix, region, agency, p) for p in positions_in_order(agency) if p.model.atasan == pos.id],
        "years": years,
        "latest": latest.res if latest else None,
        "latest_cakupan": cakupan(latest.res) if latest else None,
        "latest_tercetak": _printed_headline(latest),
        "cetak_judul": _print_title(latest, years),
        "dasar_penyimpulan": dasar,
        "catatan": catatan,
        "pemeriksa": pem.groups,
        "label": position_label(pos, ix.data_per),
    }
