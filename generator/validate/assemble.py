"""Discovery and assembly: every file under data/, read and checked against its schema,
put together as the Dataset (regions → agencies → positions → years)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.core.diagnostics import Diagnostic, Msg, msg
from generator.core.layout import (
    AGENCY_FILE,
    HOLIDAYS_DIR,
    POSITIONS_DIR,
    PPID_DIR,
    REGION_FILE,
    RESERVED_REGION_IDS,
    SITE_FILE,
    UNDATED_DIR,
    year_folder,
)
from generator.load import Document, Path_, display_path, load_yaml
from generator.model import Jabatan, PerangkatDaerah, Situs, Tahunan, Unit, Wilayah
from generator.model.fields import TANGGAL_MAX
from generator.model.ppid import DaftarTambahan, HariLibur, RegisterPermohonan
from generator.validate import ids
from generator.validate import ppid as ppid_rules
from generator.validate.dataset import AgencyRecord, Dataset, PositionRecord, RegionRecord, YearRecord
from generator.validate.rules.tenggat import tenggat_rules
from generator.validate.schema import validate_schema
from generator.validate.siteimages import site_images

FileReader = Callable[[Path, Path, type[BaseModel], list[Diagnostic]], tuple[Any, Document]]
"""Reads one data file: (path, data root, schema model, findings) → (the model or None, the Document).
The build passes a caching reader (site/cache.py); the result must be what read_file gives."""


def read_file(path: Path, root: Path, model: type[BaseModel], out: list[Diagnostic]) -> tuple[Any, Document]:
    """Parse one file and check it against its schema; findings go to ``out``."""
    doc, problems = load_yaml(path, root)
    out.extend(problems)
    if problems and doc.data is None:
        return None, doc
    value, errors = validate_schema(doc, model)
    out.extend(errors)
    return value, doc


def _misplaced(doc_rel: str, what: Msg, hint: Msg) -> Diagnostic:
    return Diagnostic(doc_rel, 1, 1, "MISPLACED_FILE", what, hint)


def assemble(
    root: Path, out: list[Diagnostic], load: FileReader = read_file, only: Collection[str] | None = None
) -> Dataset | None:
    """The Dataset of everything under ``root``; findings go to ``out``. ``only``: the keys
    ("region/agency") of the agency folders to read, the others are not read at all (a part
    of the official documents: check.check); the regions of none of them are left out too."""
    rel = display_path
    site_path = root / SITE_FILE
    if not root.is_dir():
        out.append(
            Diagnostic(
                display_path(root),
                1,
                1,
                "MISPLACED_FILE",
                msg(f"folder data '{root}' tidak ada", f"data folder '{root}' does not exist"),
            )
        )
        return None
    ids.refuse_symlinks(root, out)
    top = ids.listing(root, out)
    situs, situs_doc = (None, None)
    if site_path in top.files:
        situs, situs_doc = load(site_path, root, Situs, out)
        out.extend(site_images(situs, situs_doc, root))  # logo and favicon files (site/seo.py)
    elif site_path.is_symlink():
        pass  # reported by ids.listing (SYMLINK)
    else:
        out.append(
            Diagnostic(
                rel(site_path),
                1,
                1,
                "MISPLACED_FILE",
                msg("berkas site.yml tidak ada", "site.yml is missing"),
                msg("buat data/site.yml berisi judul dan data_per", "create data/site.yml with judul and data_per"),
            )
        )
    # without a valid site.yml, the latest date a file may hold: no period counts as after it
    dataset = Dataset(situs=situs or Situs(judul="(tanpa judul)", data_per=TANGGAL_MAX), situs_doc=situs_doc)

    holidays_dir = root / HOLIDAYS_DIR
    if holidays_dir in top.dirs:
        for f in ids.listing(holidays_dir, out).files:
            if not ids.check_name(f, f.stem, out, "2025"):
                continue
            cal, cdoc = load(f, root, HariLibur, out)
            if cal is None:
                continue
            if str(cal.tahun) != f.stem:
                line, col = cdoc.where(("tahun",))
                out.append(
                    Diagnostic(
                        cdoc.rel,
                        line,
                        col,
                        "FILE_NAME",
                        msg(
                            f"tahun {cal.tahun} tidak sama dengan nama berkas {f.name}",
                            f"tahun {cal.tahun} differs from {f.name}",
                        ),
                        msg(f"beri nama berkas {cal.tahun}.yml", f"name the file {cal.tahun}.yml"),
                    )
                )
            for i, day in enumerate(cal.hari):
                if day.tanggal.year != cal.tahun:
                    line, col = cdoc.where(("hari", i, "tanggal"))
                    out.append(
                        Diagnostic(
                            cdoc.rel,
                            line,
                            col,
                            "TYPE",
                            msg(f"tanggal {day.tanggal} bukan tahun {cal.tahun}", f"date {day.tanggal} is not in {cal.tahun}"),
                            msg("periksa tahunnya", "check the year"),
                        )
                    )
            dataset.holidays[cal.tahun] = cal

    for region_dir in top.dirs:
        if only is not None and not any(key.startswith(f"{region_dir.name}/") for key in only):
            continue
        if region_dir.name == HOLIDAYS_DIR or not ids.check_name(
            region_dir, region_dir.name, out, "kota-contoh", RESERVED_REGION_IDS
        ):
            continue
        region_ls = ids.listing(region_dir, out)
        for stray in region_ls.files:
            if stray.name != REGION_FILE:
                out.append(
                    _misplaced(
                        ids.shown(stray),
                        msg(
                            f"berkas '{stray.name}' tidak dikenal di folder wilayah",
                            f"unexpected file '{stray.name}' in a region folder",
                        ),
                        msg(
                            f"folder wilayah hanya berisi {REGION_FILE} dan folder perangkat daerah",
                            f"a region folder holds {REGION_FILE} and agency folders",
                        ),
                    )
                )
        region_file = region_dir / REGION_FILE
        if region_file not in region_ls.files:
            if region_file.is_symlink():
                continue  # reported by ids.listing (SYMLINK)
            out.append(
                Diagnostic(
                    rel(region_file),
                    1,
                    1,
                    "MISPLACED_FILE",
                    msg(f"folder wilayah '{region_dir.name}' tanpa {REGION_FILE}", f"region folder without {REGION_FILE}"),
                    msg(f"buat {REGION_FILE} berisi nama dan jenis wilayah", f"create {REGION_FILE}"),
                )
            )
            continue
        wilayah, wdoc = load(region_file, root, Wilayah, out)
        if wilayah is None:
            continue
        region = RegionRecord(region_dir.name, wilayah, wdoc)
        dataset.regions[region.id] = region
        out.extend(tenggat_rules(region))  # reporting deadlines (status pelaporan)
        for agency_dir in region_ls.dirs:
            if only is not None and f"{region.id}/{agency_dir.name}" not in only:
                continue
            if ids.check_name(agency_dir, agency_dir.name, out, "dinas-contoh"):
                _assemble_agency(root, region, agency_dir, out, load)
    return dataset


def _assemble_agency(root: Path, region: RegionRecord, agency_dir: Path, out: list[Diagnostic], load: FileReader) -> None:
    rel = display_path
    agency_file = agency_dir / AGENCY_FILE
    agency_ls = ids.listing(agency_dir, out)
    if agency_file not in agency_ls.files:
        if agency_file.is_symlink():
            return  # reported by ids.listing (SYMLINK)
        out.append(
            Diagnostic(
                rel(agency_file),
                1,
                1,
                "MISPLACED_FILE",
                msg(f"folder '{agency_dir.name}' tanpa {AGENCY_FILE}", f"agency folder without {AGENCY_FILE}"),
                msg(f"buat {AGENCY_FILE}", f"create {AGENCY_FILE}"),
            )
        )
        return
    pd, pdoc = load(agency_file, root, PerangkatDaerah, out)
    if pd is None:
        return
    agency = AgencyRecord(agency_dir.name, region.id, pd, pdoc)
    region.agencies[agency.id] = agency
    _index_units(agency, pd.unit, None, ("unit",), out)

    for stray in agency_ls.files:
        if stray.name != AGENCY_FILE:
            out.append(
                _misplaced(
                    ids.shown(stray),
                    msg(f"berkas '{stray.name}' tidak dikenal di folder perangkat daerah", f"unexpected file '{stray.name}'"),
                    msg(
                        "berkas jabatan di folder jabatan/, berkas tahunan di folder tahun (mis. 2025/)",
                        "position files go in jabatan/, year files in a year folder such as 2025/",
                    ),
                )
            )
    pos_dir = agency_dir / POSITIONS_DIR
    if pos_dir in agency_ls.dirs:
        for f in ids.listing(pos_dir, out).files:
            if not ids.check_name(f, f.stem, out, "kepala-dinas"):
                continue
            jab, jdoc = load(f, root, Jabatan, out)
            if jab is not None:
                agency.positions[f.stem] = PositionRecord(f.stem, jab, jdoc)
                if jab.kelompok_pembanding:
                    ids.check_value(jdoc, ("kelompok_pembanding",), jab.kelompok_pembanding, out, "kepala-dinas")
    ppid_dir = agency_dir / PPID_DIR
    if ppid_dir in agency_ls.dirs:
        _assemble_ppid(root, agency, ppid_dir, out, load)
    for year_dir in (p for p in agency_ls.dirs if p.name not in (POSITIONS_DIR, PPID_DIR)):
        if not re.fullmatch(r"\d{4}", year_dir.name) and year_dir.name != UNDATED_DIR:
            out.append(
                _misplaced(
                    ids.shown(year_dir),
                    msg(
                        f"folder '{year_dir.name}' tidak dikenal (diharapkan tahun, mis. 2025, {UNDATED_DIR}/, atau jabatan/)",
                        f"unexpected folder '{year_dir.name}' (expected a year such as 2025, {UNDATED_DIR}/, or jabatan/)",
                    ),
                    msg("pindahkan berkasnya ke folder tahun yang benar", "move the files into the right year folder"),
                )
            )
            continue
        for f in ids.listing(year_dir, out).files:
            if not ids.check_name(f, f.stem, out, "kepala-dinas"):
                continue
            tah, tdoc = load(f, root, Tahunan, out)
            if tah is None:
                continue
            if tah.jabatan != f.stem:
                line, col = tdoc.where(("jabatan",))
                out.append(
                    Diagnostic(
                        tdoc.rel,
                        line,
                        col,
                        "FILE_NAME",
                        msg(
                            f"jabatan '{tah.jabatan}' tidak sama dengan nama berkas '{f.stem}'",
                            f"jabatan '{tah.jabatan}' differs from the file name '{f.stem}'",
                        ),
                        msg(
                            f"ganti nama berkas menjadi {tah.jabatan}.yml atau perbaiki `jabatan`",
                            f"rename the file to {tah.jabatan}.yml or fix `jabatan`",
                        ),
                    )
                )
            if year_folder(tah.tahun) != year_dir.name:
                line, col = tdoc.where(("tahun",))
                out.append(
                    Diagnostic(
                        tdoc.rel,
                        line,
                        col,
                        "FILE_NAME",
                        msg(
                            f"tahun {tah.tahun or 'tidak_tercantum'} tidak sama dengan folder {year_dir.name}",
                            f"tahun {tah.tahun or 'tidak_tercantum'} differs from folder {year_dir.name}",
                        ),
                        msg(
                            f"pindahkan berkas ke folder tahun yang benar (berkas `tahun: tidak_tercantum` di folder {UNDATED_DIR}/) atau perbaiki `tahun`",
                            f"move the file (a `tahun: tidak_tercantum` file goes in {UNDATED_DIR}/) or fix `tahun`",
                        ),
                    )
                )
                continue
            position = agency.positions.get(f.stem)
            if position is None:
                line, col = tdoc.where(("jabatan",))
                out.append(
                    Diagnostic(
                        tdoc.rel,
                        line,
                        col,
                        "UNKNOWN_REF",
                        msg(
                            f"jabatan '{f.stem}' tidak ada di {POSITIONS_DIR}/",
                            f"position '{f.stem}' has no file in {POSITIONS_DIR}/",
                        ),
                        msg(
                            f"buat {POSITIONS_DIR}/{f.stem}.yml atau perbaiki nama berkas", f"create {POSITIONS_DIR}/{f.stem}.yml"
                        ),
                    )
                )
                continue
            position.years[tah.tahun] = YearRecord(f.stem, tah.tahun, tah, tdoc)


def _assemble_ppid(root: Path, agency: AgencyRecord, ppid_dir: Path, out: list[Diagnostic], load: FileReader) -> None:
    for f in ids.listing(ppid_dir, out).files:
        if f.stem == "dip":
            dip, ddoc = load(f, root, DaftarTambahan, out)
            if dip is not None:
                agency.dip_tambahan = (dip, ddoc)
            continue
        m = re.fullmatch(r"permohonan-(\d{4})", f.stem)
        if not m:
            out.append(
                _misplaced(
                    ids.shown(f),
                    msg(f"berkas '{f.name}' tidak dikenal di folder ppid/", f"unexpected file '{f.name}' in ppid/"),
                    msg("nama berkas: permohonan-<tahun>.yml atau dip.yml", "file names: permohonan-<year>.yml or dip.yml"),
                )
            )
            continue
        doc, problems = load_yaml(f)
        out.extend(problems)
        if doc.data is None:
            continue
        personal = ppid_rules.personal_data(doc)
        out.extend(personal)
        if personal:
            continue  # never go further with a file that must not be published
        register, errors = validate_schema(doc, RegisterPermohonan)
        out.extend(errors)
        if register is None:
            continue
        if str(register.tahun) != m.group(1):
            line, col = doc.where(("tahun",))
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "FILE_NAME",
                    msg(
                        f"tahun {register.tahun} tidak sama dengan nama berkas",
                        f"tahun {register.tahun} differs from the file name",
                    ),
                    msg(f"beri nama berkas permohonan-{register.tahun}.yml", f"name it permohonan-{register.tahun}.yml"),
                )
            )
        agency.registers[register.tahun] = (register, doc)


def _index_units(agency: AgencyRecord, units: list[Unit], parent: str | None, loc: Path_, out: list[Diagnostic]) -> None:
    for i, u in enumerate(units):
        if u.id in agency.units:
            line, col = agency.doc.where(loc + (i, "id"))
            out.append(
                Diagnostic(
                    agency.doc.rel,
                    line,
                    col,
                    "DUPLICATE_ID",
                    msg(f"id unit '{u.id}' dipakai dua kali", f"unit id '{u.id}' used twice"),
                    msg("beri id yang berbeda", "give each unit its own id"),
                )
            )
            continue
        ids.check_value(agency.doc, loc + (i, "id"), u.id, out, "bidang-contoh")
        agency.units[u.id] = u
        agency.unit_parent[u.id] = parent
        _index_units(agency, u.unit, u.id, loc + (i, "unit"), out)
