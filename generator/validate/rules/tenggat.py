"""The reporting deadlines of a region (``tenggat`` in wilayah.yml, model/tenggat.py):
a DPA approval date must belong to its budget year (approved in that year or in the
last weeks of the year before), else every PK deadline of that year would be wrong."""

from __future__ import annotations

from generator.core.diagnostics import Diagnostic, msg
from generator.validate.dataset import RegionRecord


def tenggat_rules(region: RegionRecord) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for tahun, tanggal in region.model.tenggat.tanggal_dpa.items():
        if tanggal.year in (tahun - 1, tahun):
            continue
        line, col = region.doc.where(("tenggat", "tanggal_dpa", str(tahun)))  # YAML keys are kept as text
        out.append(
            Diagnostic(
                region.doc.rel,
                line,
                col,
                "DPA_DATE",
                msg(
                    f"tanggal DPA {tanggal.isoformat()} tidak sesuai tahun anggaran {tahun}",
                    f"DPA date {tanggal.isoformat()} does not belong to budget year {tahun}",
                ),
                msg(
                    f"DPA tahun {tahun} disahkan pada tahun {tahun} atau akhir tahun {tahun - 1}; periksa tahun atau tanggalnya",
                    f"the DPA of {tahun} is approved in {tahun} or late {tahun - 1}; check the year or the date",
                ),
            )
        )
    return out
