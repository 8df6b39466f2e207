"""Check: the first three stages together, load → validate → compute.

``check(data_dir)`` reads all of data/, reports every problem at once (never raises on
bad input), computes every report and returns the validated Dataset with the results.
A printed figure that differs from the computed one becomes a warning at its line.

``check(data_dir, agencies=keys)`` is a partial check, used only to make a part of the
official documents (`kinerja dokumen --bagian K/N`): only those agencies' folders are read,
validated and computed. The build and `kinerja check`
always check everything, so data with an error is never published.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.compute import engine as compute
from generator.compute import printed
from generator.compute.policy import resolve
from generator.compute.serialize import report_id
from generator.core.diagnostics import Diagnostic, msg
from generator.load import Document, Path_
from generator.model import Laporan
from generator.validate import personal, rules
from generator.validate import ppid as ppid_rules
from generator.validate.assemble import FileReader, assemble, read_file
from generator.validate.dataset import AgencyRecord, Dataset, PositionRecord, RegionRecord, YearRecord
from generator.validate.links import link_rules
from generator.validate.rules.people import signatory_rules
from generator.validate.rules.values import result_rules

# read_file and FileReader are passed on for the build's caching reader (site/cache.py).
__all__ = ["CheckResult", "FileReader", "ReportEntry", "check", "read_file"]


@dataclass
class CheckResult:
    dataset: Dataset | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reports: list[tuple[AgencyRecord, PositionRecord, YearRecord, Laporan, compute.ReportResult]] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]


def check(data_dir: Path, load: FileReader = read_file, agencies: Collection[str] | None = None) -> CheckResult:
    """Read, validate and compute everything under ``data_dir``. Never raises on data.
    ``load`` reads one file (the build passes a caching one: site/cache.py).

    ``agencies``: a partial check, only to make documents (documents/parts.py): the keys
    (AgencyRecord.key, "region/agency") of the agency folders to read; the others are not
    read at all, nor the regions holding none of them (validate.assemble). The rules across
    the whole dataset are skipped (one NIP for one name across agencies, signatories' NIPs,
    NIPs outside notes), so an error that only they find shows in the build, which always
    checks everything and then publishes nothing."""
    out: list[Diagnostic] = []
    result = CheckResult(None, out)
    dataset = assemble(data_dir, out, load, only=None if agencies is None else set(agencies))
    if dataset is None:
        return result
    result.dataset = dataset
    whole = agencies is None
    nips: dict[str, tuple[str, str, int]] = {}
    for agency in dataset.agencies():
        rules.position_rules(agency, nips, out)
    if whole:
        signatory_rules(dataset, nips, out)
    for _region, agency, position, year in dataset.years():
        rules.year_rules(agency, position, year, dataset.situs.data_per, out)
    holidays = dataset.holiday_dates()
    for agency in dataset.agencies():
        for register, doc in agency.registers.values():
            out.extend(ppid_rules.deadlines(doc, register, holidays, set(dataset.holidays), dataset.situs.data_per))
        out.extend(link_rules(agency))  # web and e-mail addresses (validate/links.py)
    if whole:
        out.extend(personal.dataset_rules(dataset))  # NIPs outside notes (validate/personal.py)
    out.extend(_misplaced_decrease_policy(dataset))

    # Compute every report and surface printed-vs-computed differences as warnings.
    file_errors = {d.path for d in out if d.severity == "error"}
    for region, agency, position, year in dataset.years():
        if year.doc.rel in file_errors:
            continue
        for li, lap in enumerate(year.model.laporan):
            policy = resolve(
                dataset.situs.kebijakan, region.model.kebijakan, agency.model.kebijakan, year.model.kebijakan, lap.kebijakan
            )
            res = compute.compute_report(year.model, lap, policy)
            res.discrepancies = printed.compare_printed(year.model, lap, res)
            result.reports.append((agency, position, year, lap, res))
            result_rules(year.doc, li, res, out)
            for disc in res.discrepancies:
                out.append(_discrepancy_diagnostic(year.doc, li, disc))
    out.sort(key=Diagnostic.sort_key)
    return result


def _misplaced_decrease_policy(dataset: Dataset) -> list[Diagnostic]:
    """``penurunan_kumulatif`` is an exception for one agency (validate/rules/decrease.py);
    in site.yml or a wilayah.yml it would quietly apply to no one, so it is an error there."""
    places = [(dataset.situs_doc, dataset.situs.kebijakan)]
    places += [(region.doc, region.model.kebijakan) for region in dataset.regions.values()]
    out = []
    for doc, kebijakan in places:
        if doc is None or kebijakan.penurunan_kumulatif is None:
            continue
        line, col = doc.where(("kebijakan", "penurunan_kumulatif"), key=True)
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "UNKNOWN_KEY",
                msg(
                    "kebijakan penurunan_kumulatif hanya berlaku untuk satu perangkat daerah, satu berkas tahunan atau "
                    "satu laporan, tidak untuk seluruh situs atau wilayah",
                    "the penurunan_kumulatif policy applies to one agency, year file or report, not to the whole site or region",
                ),
                msg(
                    "pindahkan ke `kebijakan` di perangkat-daerah.yml, di berkas tahunan, atau di laporan yang angkanya dikoreksi",
                    "move it to the agency's, the year file's or the report's `kebijakan`",
                ),
            )
        )
    return out


def _fmt(value: Any) -> str:
    if isinstance(value, Decimal):
        return (
            format(value.normalize(), "f").replace(".", ",")
            if value == value.to_integral_value()
            else format(value, "f").replace(".", ",")
        )
    return "–" if value is None else str(value)


def _discrepancy_diagnostic(doc: Document, li: int, d: compute.Discrepancy) -> Diagnostic:
    parts = d.angka.split(":")
    loc: Path_ = ("laporan", li, "tercetak")
    if parts[0] == "capaian":
        loc += ("capaian", parts[1])
    elif parts[0] == "anggaran":
        loc += ("anggaran", parts[1])
    elif parts[0].startswith(("narasi.", "anggaran_jumlah.")):
        loc += tuple(parts[0].split(".", 1))
    else:
        loc += (parts[0] if parts[0] != "predikat" else "predikat",)
    line, col = doc.where(loc)
    if d.direproduksi_oleh:
        options = "; ".join(", ".join(f"{k}: {_policy_text(v)}" for k, v in alt.items()) for alt in d.direproduksi_oleh[:4])
        hint = msg(
            f"nilai tercetak dapat dihasilkan dengan kebijakan → {options}. Bila memang itu cara laporan ini menghitung, tulis di `kebijakan` beserta komentar alasannya",
            f"the printed value is reproduced by policy → {options}. If that is how the report computed it, set it under `kebijakan` with a comment",
        )
    else:
        hint = msg(
            "tidak ada kebijakan yang menghasilkan nilai tercetak: kemungkinan salah hitung atau salah cetak di dokumen sumber; angka tercetak tetap disimpan dan selisihnya ditampilkan",
            "no policy reproduces the printed value: likely an arithmetic or printing error in the source; the printed figure is kept and the difference is shown",
        )
    return Diagnostic(
        doc.rel,
        line,
        col,
        "PRINTED_DIFFERS",
        msg(
            f"{d.label}: tercetak {_fmt(d.tercetak)}, hasil hitung {_fmt(d.dihitung)}",
            f"{d.label}: printed {_fmt(d.tercetak)}, computed {_fmt(d.dihitung)}",
        ),
        hint,
        severity="warning",
        extra={"angka": d.angka},
    )


def _policy_text(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return "null" if value is None else str(value)


@dataclass
class ReportEntry:
    """One computed report with where it comes from (used by the pages and the downloads)."""

    region: RegionRecord
    agency: AgencyRecord
    position: PositionRecord
    year: YearRecord
    laporan: Laporan
    res: compute.ReportResult

    @property
    def id(self) -> str:
        return report_id(self.region.id, self.agency.id, self.position.id, self.res.tahun, self.res.triwulan)
