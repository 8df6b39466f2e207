"""Every public address of the site: pages, charts, downloads and the static API.

Pages and links between them come first; downloads and API documents after.
Where each page lives in the docs folder, and links between them.

Links inside raw HTML are not rewritten by MkDocs, so they are computed here, for
``use_directory_urls: true`` (``a/b.md`` is served as ``a/b/``). Paths are stable: they
are the public addresses PPID officers cite.
"""

from __future__ import annotations

import posixpath
from collections.abc import Container

HOME = "index.md"
METODOLOGI = "metodologi.md"
TENTANG = "tentang.md"
CARA_MEMBACA = "cara-membaca.md"
PERBANDINGAN = "perbandingan/index.md"


def perbandingan(group_id: str) -> str:
    """A comparison page: one kelompok_pembanding across regions and years."""
    return f"perbandingan/{group_id}.md"


def region(region_id: str) -> str:
    return f"{region_id}/index.md"


def agency(region_id: str, agency_id: str) -> str:
    return f"{region_id}/{agency_id}/index.md"


def unit(region_id: str, agency_id: str, unit_id: str) -> str:
    return f"{region_id}/{agency_id}/unit/{unit_id}.md"


def position(region_id: str, agency_id: str, position_id: str) -> str:
    return f"{region_id}/{agency_id}/jabatan/{position_id}.md"


def chart(region_id: str, agency_id: str, name: str) -> str:
    return f"{region_id}/{agency_id}/grafik/{name}.svg"


def status_pelaporan(region_id: str, agency_id: str | None = None) -> str:
    """Status pelaporan of a region, or of one agency (generator/analysis)."""
    return f"{region_id}/{agency_id}/status-pelaporan.md" if agency_id else f"{region_id}/status-pelaporan.md"


def analisis(region_id: str, agency_id: str | None = None) -> str:
    """Analisis of a region, or of one agency (generator/analysis)."""
    return f"{region_id}/{agency_id}/analisis.md" if agency_id else f"{region_id}/analisis.md"


def analysis_file(page: str, name: str, region_id: str, agency_id: str | None = None, ext: str = "csv") -> str:
    """A download or chart of a Status pelaporan or Analisis page, in the folder the page is
    served from: ``kota-x/analisis/kuadran_kota-x.svg`` (the ids name what it holds)."""
    ids = "_".join(i for i in (region_id, agency_id) if i)
    return f"{page.removesuffix('.md')}/{name}_{ids}.{ext}"


def url(path: str) -> str:
    """The served address of a docs file, relative to the site root."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def rel(from_page: str, to_path: str) -> str:
    """Relative href from the page ``from_page`` (a .md path) to ``to_path``."""
    base = url(from_page)
    base_dir = base if base.endswith("/") or base == "" else posixpath.dirname(base)
    target = url(to_path)
    link = posixpath.relpath(target or ".", base_dir or ".")
    if (target == "" or target.endswith("/")) and not link.endswith("/"):
        link = "./" if link == "." else link + "/"
    return link


# --------------------------------------------------------------------------- PPID section of each agency

PPID_HOME = "ppid.md"


def ppid_file(region_id: str, agency_id: str, name: str) -> str:
    """Docs-relative path of one file of an agency's PPID section."""
    return f"{region_id}/{agency_id}/ppid/{name}"


def ppid_index(r: str, a: str) -> str:
    return ppid_file(r, a, "index.md")


def ppid_dip(r: str, a: str) -> str:
    return ppid_file(r, a, "dip.md")


def ppid_statistik(r: str, a: str) -> str:
    return ppid_file(r, a, "statistik.md")


def ppid_laporan(r: str, a: str, tahun: int) -> str:
    return ppid_file(r, a, f"laporan-{tahun}.md")


def ppid_cara(r: str, a: str) -> str:
    return ppid_file(r, a, "cara-mengajukan.md")


def ppid_keberatan(r: str, a: str) -> str:
    return ppid_file(r, a, "keberatan.md")


def ppid_formulir_permohonan(r: str, a: str) -> str:
    return ppid_file(r, a, "formulir-permohonan.md")


def ppid_formulir_keberatan(r: str, a: str) -> str:
    return ppid_file(r, a, "formulir-keberatan.md")


def ppid_grafik(r: str, a: str, name: str) -> str:
    return ppid_file(r, a, f"grafik/{name}.svg")


# =========================================================================== open data
# Where every open-data file lives in the docs folder (docs-relative, served as-is).
#
# Downloads go under ``unduh/``, the static API under ``api/v1/``. File names carry the
# ids joined by ``_`` (ids never contain one), so a downloaded file says what it holds:
# ``unduh/kota-pekalongan/dinperinaker/jabatan/kota-pekalongan_dinperinaker_kepala-dinas.csv``.
# These addresses are public and cited: change them only with a new API version.

API = "api/v1"
UNDUH = "unduh"
KINDS = ("semua", "wilayah", "perangkat_daerah", "unit", "jabatan")
SCHEMAS = ("index", "wilayah", "perangkat-daerah", "unit", "jabatan", "laporan")


def period_slug(tahun: int, triwulan: int) -> str:
    return f"{tahun}-tw{triwulan}"


# --------------------------------------------------------------------------- API documents


def api_index() -> str:
    return f"{API}/index.json"


def api_schema(name: str) -> str:
    return f"{API}/skema/{name}.schema.json"


def api_region(r: str) -> str:
    return f"{API}/wilayah/{r}.json"


def api_agency(r: str, a: str) -> str:
    return f"{API}/perangkat-daerah/{r}/{a}.json"


def api_unit(r: str, a: str, u: str) -> str:
    return f"{API}/unit/{r}/{a}/{u}.json"


def api_position(r: str, a: str, p: str) -> str:
    return f"{API}/jabatan/{r}/{a}/{p}.json"


def api_report(r: str, a: str, p: str, tahun: int, triwulan: int) -> str:
    return f"{API}/laporan/{r}/{a}/{p}/{period_slug(tahun, triwulan)}.json"


def api_doc(
    kind: str,
    region: str | None = None,
    agency: str | None = None,
    id: str | None = None,
    tahun: int | None = None,
    triwulan: int | None = None,
) -> str:
    if kind == "semua":
        return api_index()
    r = _given(region, "region", kind)
    if kind == "wilayah":
        return api_region(r)
    a = _given(agency, "agency", kind)
    if kind == "perangkat_daerah":
        return api_agency(r, a)
    i = _given(id, "id", kind)
    if kind == "unit":
        return api_unit(r, a, i)
    if tahun is not None and triwulan is not None:
        return api_report(r, a, i, tahun, triwulan)
    return api_position(r, a, i)


def _given(value: str | None, name: str, kind: str) -> str:
    """A part of an address that the kind of document needs."""
    if value is None:
        raise ValueError(f"the {kind!r} API document needs {name}")
    return value


# --------------------------------------------------------------------------- official documents
# The Laporan Kinerja of each period, the Perjanjian Kinerja and the IKI sheet of each year of
# a position, as PDF and DOCX (generator/documents/), named like the downloads:
# ``dokumen/kota-pekalongan/dinperinaker/kota-pekalongan_dinperinaker_kepala-dinas_lkj_2025-tw4.pdf``.

DOKUMEN = "dokumen"
DOKUMEN_JENIS = ("lkj", "pk", "iki")
DOKUMEN_FORMAT = ("pdf", "docx")


def dokumen(r: str, a: str, p: str, jenis: str, tahun: int | None, triwulan: int | None = None, ext: str = "pdf") -> str:
    """One official document: ``jenis`` lkj (with ``triwulan``), pk or iki; ``tahun`` None for
    a document without a year (tanpa-tahun)."""
    if jenis not in DOKUMEN_JENIS or ext not in DOKUMEN_FORMAT:
        raise ValueError(f"unknown document {jenis!r}.{ext}")
    periode = "tanpa-tahun" if tahun is None else (period_slug(tahun, triwulan) if triwulan else str(tahun))
    return f"{DOKUMEN}/{r}/{a}/{r}_{a}_{p}_{jenis}_{periode}.{ext}"


# --------------------------------------------------------------------------- downloads

ZIP = f"{UNDUH}/kinerja.zip"
DATAPACKAGE = f"{UNDUH}/datapackage.json"
JABATAN_CSV = f"{UNDUH}/kinerja_jabatan.csv"  # reference table, whole dataset only


def base(kind: str, region: str | None = None, agency: str | None = None, id: str | None = None) -> str:
    """Path without extension of one scope's files (a position's hold all its periods)."""
    if kind not in KINDS:
        raise ValueError(f"unknown download kind {kind!r} (one of {', '.join(KINDS)})")
    if kind == "semua":
        return f"{UNDUH}/kinerja"
    if kind == "wilayah":
        return f"{UNDUH}/{region}/{region}"
    if kind == "perangkat_daerah":
        return f"{UNDUH}/{region}/{agency}/{region}_{agency}"
    if kind == "unit":
        return f"{UNDUH}/{region}/{agency}/unit/{region}_{agency}_{id}"
    return f"{UNDUH}/{region}/{agency}/jabatan/{region}_{agency}_{id}"


def download_links(
    kind: str,
    region: str | None = None,
    agency: str | None = None,
    id: str | None = None,
    tahun: int | None = None,
    triwulan: int | None = None,
    *,
    files: Container[str] | None = None,
) -> dict[str, str]:
    """Docs-relative paths of the downloads of one scope, by format.

    kind: ``semua`` (whole dataset), ``wilayah`` (region), ``perangkat_daerah`` (agency),
    ``unit`` (``id`` = unit id; includes its sub-units), ``jabatan`` (``id`` = position id;
    all its periods, or one period with ``tahun`` and ``triwulan``).
    Formats: csv (indicators), csv_ringkasan (one row per report), csv_anggaran (budget
    rows; only where there are any), xlsx, json, api (the API document); ``semua`` adds
    zip, datapackage and csv_jabatan. ``json`` is a file of its own (a bundle of all its
    reports) only for a position; for every other scope, one period included, it is the
    scope's API document.

    One period of a position has no CSV or XLSX of its own: its csv, csv_ringkasan,
    csv_anggaran and xlsx are the position's, which hold all its periods (rows tell the
    period apart by the ``periode`` column). A caller tells such a link by comparing it
    with ``download_links("jabatan", region, agency, id, files=files)``. Pass ``files``
    (the dict from open_data_files) to drop formats without a file (csv_anggaran of a
    scope without budget).
    """
    b = base(kind, region, agency, id)
    bundle = kind == "jabatan" and (tahun is None or triwulan is None)  # a position, all periods
    api = api_doc(kind, region, agency, id, tahun, triwulan)
    links = {
        "csv": f"{b}.csv",
        "csv_ringkasan": f"{b}_ringkasan.csv",
        "csv_anggaran": f"{b}_anggaran.csv",
        "xlsx": f"{b}.xlsx",
        "json": f"{b}.json" if bundle else api,
        "api": api,
    }
    if kind == "semua":
        links.update(zip=ZIP, datapackage=DATAPACKAGE, csv_jabatan=JABATAN_CSV)
    if files is not None:
        links = {k: v for k, v in links.items() if v in files}
    return links


# --------------------------------------------------------------------------- frozen period archives
# arsip/<periode>/ holds a published period's API documents and CSVs as they were at the
# commit that published it (generator/history/arsip.py), under their own paths.

ARSIP = "arsip/index.md"


def arsip(slug: str) -> str:
    """The page of one archived period (``2025-tw4``), listing its files."""
    return f"arsip/{slug}/index.md"


def arsip_file(slug: str, path: str) -> str:
    """An archived file: the docs-relative ``path`` it had in the site, under the period."""
    return f"arsip/{slug}/{path}"
