"""The methodology page: the site's policy in words, and where the data departs from it.

Lists the regions and agencies that set their own policy, the reports computed under a
policy of their own, and every printed figure that differs from the computed one.
"""

from __future__ import annotations

from generator.compute.policy import resolve
from generator.core import addresses, fmt
from generator.render import kebijakan
from generator.render.position import discrepancy
from generator.render.siteindex import SiteIndex, position_label


def _overrides(ix: SiteIndex) -> list[dict]:
    """The regions and agencies whose data sets a policy of their own."""
    overrides = []
    for region in ix.dataset.regions.values():
        if region.model.kebijakan.model_fields_set:
            overrides.append(
                {
                    "nama": region.model.nama,
                    "path": addresses.region(region.id),
                    "perubahan": kebijakan.beda_dijelaskan(ix.site_policy.apply(region.model.kebijakan), ix.site_policy),
                }
            )
        for agency in region.agencies.values():
            if agency.model.kebijakan.model_fields_set:
                overrides.append(
                    {
                        "nama": agency.model.nama,
                        "path": addresses.agency(region.id, agency.id),
                        "perubahan": kebijakan.beda_dijelaskan(ix.site_policy.apply(agency.model.kebijakan), ix.site_policy),
                    }
                )
    return overrides


def _reports(ix: SiteIndex) -> tuple[list[dict], list[dict]]:
    """The reports computed under another policy, and every discrepancy of every report."""
    reports, selisih = [], []
    for items in ix.entries.values():
        for e in items:
            path = addresses.position(e.region.id, e.agency.id, e.position.id)
            label = f"{position_label(e.position, ix.data_per)}, {fmt.periode(e.res.tahun, e.res.triwulan)}"
            changes = kebijakan.beda_dijelaskan(e.res.policy, ix.site_policy)
            if changes:
                reports.append({"nama": label, "path": path, "perubahan": changes})
            for d in e.res.discrepancies:
                selisih.append({"laporan": label, "path": path, **discrepancy(d)})
    return reports, selisih


def _own_basis(ix: SiteIndex) -> list[dict]:
    """The reports with indicators measured per quarter, or compared with a target of their
    own (the indicator's ``pengukuran`` and ``dasar_target``), named with those indicators."""
    out = []
    for items in ix.entries.values():
        for e in items:
            per_tw = [r.indikator for r in e.res.rows if r.pengukuran == "per_triwulan"]
            own = [r.indikator for r in e.res.rows if r.dasar_target != e.res.policy.dasar_target]
            if not (per_tw or own):
                continue
            lines = []
            if per_tw:
                lines.append(f"per triwulan (bukan kumulatif): {', '.join(per_tw)}")
            if own:
                lines.append(f"dibandingkan dengan target tahunan atau s.d. triwulan tersendiri: {', '.join(own)}")
            out.append(
                {
                    "nama": f"{position_label(e.position, ix.data_per)}, {fmt.periode(e.res.tahun, e.res.triwulan)}",
                    "path": addresses.position(e.region.id, e.agency.id, e.position.id),
                    "keterangan": lines,
                }
            )
    return out


def metodologi_page(ix: SiteIndex) -> dict:
    policy = ix.site_policy
    reports, selisih = _reports(ix)
    return {
        "page_path": addresses.METODOLOGI,
        "kebijakan": kebijakan.baris(policy),
        "skala": kebijakan.skala(policy.skala_predikat),
        "skala_bawaan": policy.skala_predikat == resolve().skala_predikat,
        "polaritas_turun": kebijakan.nilai("polaritas_turun", policy.polaritas_turun),
        "efisiensi": kebijakan.nilai("efisiensi", policy.efisiensi),
        "anggaran_total": kebijakan.nilai("anggaran_total", policy.anggaran_total),
        "data_tidak_tersedia": kebijakan.nilai("data_tidak_tersedia", policy.data_tidak_tersedia),
        "overrides": _overrides(ix),
        "reports": reports,
        "dasar_khusus": _own_basis(ix),
        "selisih": selisih,
        "jumlah_laporan": sum(len(v) for v in ix.entries.values()),
    }
