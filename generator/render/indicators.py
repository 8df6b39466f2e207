"""The indicator documents of a position: PK and IKI tables, and who signed them.

``indicator_items`` lays the indicator rows out as the documents print them (kelompok
separators, merged sasaran cells); render/perbandingan.py reuses it. Text stays raw here;
templates escape it.
"""

from __future__ import annotations

from generator.compute.engine import walk_indicators
from generator.core import addresses, fmt
from generator.model import PERAN_LABEL, PERAN_PEMBUAT, Indikator, Penandatangan, PerjanjianKinerja, pembuat
from generator.render import formula
from generator.render.pemeriksa import publik
from generator.render.siteindex import SiteIndex, person, source_document
from generator.validate.dataset import AgencyRecord, PositionRecord, RegionRecord

VERSI_PK = {"penetapan": "Penetapan", "perubahan": "Perubahan"}
# What a row that is not an indicator is, in the table (it gets no direction).
JENIS_BARIS = {
    "nihil": "tidak ada indikator untuk periode ini (NIHIL)",
    "kosong": "baris kosong dalam dokumen",
    "komponen": "komponen indikator di atasnya, tidak diukur sendiri",
}


def indicator_items(indikator: list[Indikator]) -> list[dict]:
    """The PK's indicator rows in order, with kelompok separators and sasaran row spans
    (a sasaran is a merged cell in the documents: consecutive rows with the same sasaran,
    and rincian rows under their parent, share one cell)."""
    items: list[dict] = []
    kelompok = None
    for ind, parent, depth in walk_indicators(indikator):
        if depth == 0 and ind.kelompok and ind.kelompok != kelompok:
            kelompok = ind.kelompok
            items.append({"kelompok": kelompok})
        items.append(
            {
                "ind": ind,
                "id": ind.id,
                "depth": depth,
                "induk": parent,
                "target_tertulis": _tertulis_beda(ind),
                "arah": formula.arah(ind) if ind.diukur else None,
                "baris": JENIS_BARIS.get(ind.jenis_baris),
            }
        )
    _span_sasaran(items)
    return items


def _span_sasaran(items: list[dict]) -> None:
    """Mark the sasaran cells: the first row of a run carries the cell and its rowspan, the
    rows it covers get rowspan 0."""
    run: dict | None = None
    for item in items:
        if "kelompok" in item:
            run = None
            continue
        ind: Indikator = item["ind"]
        if run is not None and (
            item["depth"] > 0  # rincian rows share their parent's sasaran cell
            or (ind.sasaran is not None and ind.sasaran == run["sasaran"])
        ):
            run["rowspan"] += 1
            item["rowspan"] = 0  # cell covered by the span above
        else:
            run = item
            item["sasaran"] = ind.sasaran if item["depth"] == 0 else None
            item["sasaran_tertulis"] = ind.sasaran_tertulis if item["depth"] == 0 else None
            item["rowspan"] = 1
            # an inherited sasaran that cannot join the cell above (e.g. after a group row)
            item["sasaran_sama"] = item["depth"] == 0 and ind.sasaran_diwarisi


def _tertulis_beda(ind: Indikator) -> str | None:
    """The target as printed, when it differs in more than spacing from what we show."""
    if ind.target is None:
        return ind.target_tertulis or ind.target_teks  # a word or a dash, as printed
    if not ind.target_tertulis:
        return None
    shown = f"{fmt.angka(ind.target)}{ind.satuan or ''}"
    same = "".join(shown.split()).casefold() == "".join(ind.target_tertulis.split()).casefold()
    return None if same else ind.target_tertulis


def _as_written(it: dict) -> list[str]:
    """What the auditor section says about one indicator row: its cells as printed, and
    its note when the note is more than plain text."""
    ind: Indikator = it["ind"]
    label = f"Indikator {ind.nomor}" if ind.nomor else f"Indikator “{ind.indikator}”"
    lines = []
    if ind.indikator_tertulis:
        lines.append(f"{label}: nama indikator tertulis “{ind.indikator_tertulis}”")
    if it.get("sasaran_tertulis"):
        lines.append(f"{label}: sasaran tertulis “{it['sasaran_tertulis']}”")
    if it["target_tertulis"] and ind.target is not None:
        lines.append(f"{label}: target tertulis “{it['target_tertulis']}”")
    for kolom, nilai in sorted(ind.tertulis.items()):
        lines.append(f"{label}: {kolom.replace('_', ' ')} tertulis “{nilai}”")
    if ind.catatan and publik(ind.catatan) != ind.catatan:
        lines.append(f"{label}, catatan: {ind.catatan}")
    return lines


def indicator_table(indikator: list[Indikator]) -> dict:
    """Rows and optional columns of a PK or IKI indicator table. Cells as printed and notes
    holding source detail go to the page's auditor section (``pemeriksa``)."""
    items = indicator_items(indikator)
    inds = [i["ind"] for i in items if "ind" in i]
    pemeriksa: list[str] = []
    for it in items:
        if "ind" in it:
            it["rumus"] = formula.view(it["ind"])
            it["catatan"] = publik(it["ind"].catatan)
            pemeriksa.extend(_as_written(it))
    return {
        "items": items,
        "pemeriksa": pemeriksa,
        "ada_target": any(i.target is not None or i.target_tertulis for i in inds),
        "ada_formula": any(i.formula or i.penjelasan for i in inds),
        "ada_sumber": any(i.sumber_data for i in inds),
        "ada_pj": any(i.penanggung_jawab for i in inds),
    }


def pk_view(pk: PerjanjianKinerja) -> dict:
    return {
        "versi": VERSI_PK[pk.versi],
        "tanggal": fmt.tanggal(pk.tanggal),
        "alasan": pk.alasan,
        "judul_tertulis": pk.judul_tertulis,
        **indicator_table(pk.indikator),
    }


def iki_view(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord, iki) -> dict:
    return {
        "judul_tertulis": iki.judul_tertulis,
        "nomor_keputusan": iki.nomor_keputusan,
        "tanggal": fmt.tanggal(iki.tanggal),
        "tempat": iki.tempat,
        "sumber": source_document(agency, iki.sumber),
        **signatures(ix, region, agency, pos, iki.penandatangan),
        "catatan_sumber": ix.masked(iki.catatan_sumber),
        **indicator_table(iki.indikator),
    }


def signatures(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord, sign: list[Penandatangan]) -> dict:
    """Who signed a document, in the order it prints them (``penandatangan``: each with the
    caption of their block and a link to their position page when it is another position
    of the agency). ``pembuat`` (the maker, else the first signatory) and ``mengetahui``
    stay for the compact one-line form."""

    def path(p: Penandatangan | None) -> str | None:
        if p is None or not p.jabatan_id or p.jabatan_id not in agency.positions or p.jabatan_id == pos.id:
            return None
        return addresses.position(region.id, agency.id, p.jabatan_id)

    def view(p: Penandatangan) -> dict:
        return {
            **(person(p, ix.tampilan_nip) or {}),
            "peran": p.peran,
            "keterangan": p.peran_tertulis or PERAN_LABEL[p.peran],
            "pembuat": p.peran in PERAN_PEMBUAT,
            "path": path(p),
        }

    maker = pembuat(sign) or (sign[0] if sign else None)
    knows = next((p for p in sign if p.peran == "mengetahui" and p is not maker), None)
    return {
        "penandatangan": [view(p) for p in sign],
        "pembuat": person(maker, ix.tampilan_nip) if maker else None,
        "pembuat_path": path(maker),
        "mengetahui": person(knows, ix.tampilan_nip) if knows else None,
        "mengetahui_path": path(knows),
    }
