"""The indicator documents of a position: PK and IKI tables, and who signed them.

``indicator_items`` lays the indicator rows out as the documents print them (kelompok
separators, merged sasaran cells); render/perbandingan.py reuses it. Text stays raw here;
templates escape it.
"""

from __future__ import annotations

from generator.compute.engine import walk_indicators
from generator.core import addresses, fmt
from generator.model import Indikator, Penandatangan, PerjanjianKinerja
from generator.render import formula
from generator.render.siteindex import SiteIndex, person, source_document
from generator.validate.dataset import AgencyRecord, PositionRecord, RegionRecord

VERSI_PK = {"penetapan": "Penetapan", "perubahan": "Perubahan"}


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
                "arah": formula.arah(ind),
            }
        )
    _span_sasaran(items)
    return items


def _span_sasaran(items: list[dict]) -> None:
    """Mark the sasaran cells: the first row of a run carries the cell and its rowspan, the
    rows it covers get rowspan 0."""
    run = None
    for item in items:
        if "kelompok" in item:
            run = None
            continue
        ind: Indikator = item["ind"]
        if run is None:
            continues = False
        elif item["depth"] > 0:
            continues = True  # rincian rows share their parent's sasaran cell
        else:
            continues = ind.sasaran is not None and ind.sasaran == run["sasaran"]
        if not continues:
            run = item
            item["sasaran"] = ind.sasaran if item["depth"] == 0 else None
            item["sasaran_tertulis"] = ind.sasaran_tertulis if item["depth"] == 0 else None
            item["rowspan"] = 1
            # an inherited sasaran that cannot join the cell above (e.g. after a group row)
            item["sasaran_sama"] = item["depth"] == 0 and ind.sasaran_diwarisi
        else:
            run["rowspan"] += 1
            item["rowspan"] = 0  # cell covered by the span above


def _tertulis_beda(ind: Indikator) -> str | None:
    """The target as printed, when it differs in more than spacing from what we show."""
    if not ind.target_tertulis or ind.target is None:
        return ind.target_tertulis if ind.target is None else None
    shown = f"{fmt.angka(ind.target)}{ind.satuan or ''}"
    same = "".join(shown.split()).casefold() == "".join(ind.target_tertulis.split()).casefold()
    return None if same else ind.target_tertulis


def indicator_table(indikator: list[Indikator]) -> dict:
    """Rows and optional columns of a PK or IKI indicator table."""
    items = indicator_items(indikator)
    inds = [i["ind"] for i in items if "ind" in i]
    for it in items:
        if "ind" in it:
            it["rumus"] = formula.view(it["ind"])
    return {
        "items": items,
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


def signatures(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord, sign) -> dict:
    """Who made and who acknowledged a document, each linked to their position page when
    it is another position of the agency."""

    def path(p: Penandatangan | None) -> str | None:
        if p is None or not p.jabatan_id or p.jabatan_id not in agency.positions or p.jabatan_id == pos.id:
            return None
        return addresses.position(region.id, agency.id, p.jabatan_id)

    return {
        "pembuat": person(sign.pembuat, ix.tampilan_nip) if sign else None,
        "pembuat_path": path(sign.pembuat) if sign else None,
        "mengetahui": person(sign.mengetahui, ix.tampilan_nip) if sign and sign.mengetahui else None,
        "mengetahui_path": path(sign.mengetahui) if sign and sign.mengetahui else None,
    }
