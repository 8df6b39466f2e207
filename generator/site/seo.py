"""Sharing and finding the site: what a search engine, a link preview (WhatsApp, Facebook,
X) and the browser tab show.

- ``page_meta``: each page's description (``<meta name="description">``, Open Graph and
  Twitter tags; theme/main.html prints them) written from the page's data, a title that no
  other page has (``judul_halaman``: the title with the region, and a position's number
  among equal ones), and for the search results ``judul_cari`` (a position without its
  holder) and ``subjudul`` (the holder, or the agency, shown under it). Called from render_site's ``page``.
- ``site_files`` and ``settings``: what data/site.yml adds to the site: ``site_url``
  (sitemap.xml, canonical links, absolute 404 page addresses for a site in a sub-folder,
  the Sitemap line of robots.txt), the region's logo and favicon (copied from data/), and
  the site description as the fallback for pages without their own.

Values are plain text; front matter escapes them (render/env.py front_matter).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, TypeGuard

from generator.core import fmt
from generator.render.siteindex import holder, position_label

# The dataset's records (Dataset, and the region and agency records of validate/dataset.py)
# come in through the page context; the site stage does not import the validate stage
# (layers), so they are recognised by what they have.
Dataset = Any


def _is_agency(x: object) -> TypeGuard[Any]:
    return hasattr(x, "positions") and hasattr(x, "units") and hasattr(x, "model")


def _is_region(x: object) -> TypeGuard[Any]:
    return hasattr(x, "agencies") and hasattr(x, "model")


MAX_DESCRIPTION = 300  # search engines show ~160 characters; the rest still describes the page
IMAGE_DIR = "assets/situs"  # where the logo and favicon from data/ go in the site
DEFAULT_DESCRIPTION = (
    "Perjanjian kinerja, capaian, dan realisasi anggaran perangkat daerah, diterbitkan terbuka dan dapat diperiksa ulang."
)


# --------------------------------------------------------------------------- per page


def page_meta(template: str, ctx: dict[str, Any], meta: dict[str, Any], ds: Dataset) -> dict[str, str]:
    """``description``, ``judul_halaman`` and ``subjudul`` of one page (empty ones left out)."""
    region = ctx.get("region")
    agency = ctx.get("agency")
    describe = _DESCRIBE.get(template.removesuffix(".md.j2"), _generic)
    out = {
        "description": _clip(describe(ctx, meta, ds)),
        "judul_halaman": _unique_title(template, ctx, meta, ds),
        "subjudul": _subtitle(ctx, meta, region, agency, ds),
        "judul_cari": _search_title(ctx, agency, ds),
    }
    return {k: v for k, v in out.items() if v}


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_DESCRIPTION:
        return text
    cut = text[: MAX_DESCRIPTION - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _where(ctx: dict, meta: dict) -> str:
    """ "Dinas … Kota Pekalongan": the agency and region of the page, as far as it has them."""
    agency, region = ctx.get("agency"), ctx.get("region")
    parts = []
    if _is_agency(agency):
        parts.append(agency.model.nama)
    elif meta.get("perangkat_daerah"):
        parts.append(str(meta["perangkat_daerah"]))
    name = region.model.nama if _is_region(region) else str(meta.get("wilayah") or "")
    if name and not any(name in p for p in parts):  # "Dinas … Kota Pekalongan" names it already
        parts.append(name)
    return " ".join(parts)


def _as_of(ds: Dataset) -> str:
    return f"Data per {fmt.tanggal(ds.situs.data_per)}."


def _generic(ctx: dict, meta: dict, ds: Dataset) -> str:
    where = _where(ctx, meta)
    title = str(meta.get("title") or "")
    return f"{title}{' – ' + where if where and where not in title else ''}. {ds.situs.deskripsi or DEFAULT_DESCRIPTION}"


def _home(ctx: dict, meta: dict, ds: Dataset) -> str:
    regions = list(ds.regions.values())
    agencies = sum(len(r.agencies) for r in regions)
    positions = sum(len(a.positions) for a in ds.agencies())
    names = ", ".join(r.model.nama for r in regions)
    return (
        f"{ds.situs.deskripsi or DEFAULT_DESCRIPTION} {len(regions)} wilayah ({names}), {agencies} perangkat daerah, "
        f"{positions} jabatan. {_as_of(ds)}"
    )


def _region(ctx: dict, meta: dict, ds: Dataset) -> str:
    region = ctx.get("region")
    if not _is_region(region):
        return _generic(ctx, meta, ds)
    names = ", ".join(a.model.nama for a in region.agencies.values())
    positions = sum(len(a.positions) for a in region.agencies.values())
    return f"Kinerja perangkat daerah {region.model.nama}: {names}; {positions} jabatan dengan capaian per triwulan. {_as_of(ds)}"


def _agency(ctx: dict, meta: dict, ds: Dataset) -> str:
    agency, region = ctx.get("agency"), ctx.get("region")
    if not _is_agency(agency) or not _is_region(region):
        return _generic(ctx, meta, ds)
    return (
        f"{agency.model.nama} {region.model.nama}: struktur organisasi, {len(agency.units)} unit kerja, "
        f"{len(agency.positions)} jabatan dengan perjanjian kinerja, capaian dan realisasi anggaran per triwulan. "
        f"{_as_of(ds)}"
    )


def _unit(ctx: dict, meta: dict, ds: Dataset) -> str:
    unit, rows = ctx.get("unit"), ctx.get("positions")
    name = getattr(unit, "nama", None) or str(meta.get("title") or "")
    n = f"{len(rows)} jabatan" if isinstance(rows, list) else "jabatan"
    return f"{name}, {_where(ctx, meta)}: {n} dengan perjanjian kinerja dan capaian per triwulan. {_as_of(ds)}"


def _position(ctx: dict, meta: dict, ds: Dataset) -> str:
    pos = ctx.get("pos")
    label = str(ctx.get("label") or meta.get("title") or "") + _number_among_equals(ctx, str(meta.get("title") or ""), ds)
    unit = ctx.get("unit")
    unit_name = unit.get("nama") if isinstance(unit, dict) else None
    where = ", ".join(x for x in (unit_name, _where(ctx, meta)) if x)
    text = f"{label}, {where}." if where else f"{label}."
    res = ctx.get("latest")
    rata = getattr(res, "rata_rata", None)
    if res is not None and rata is not None:
        band = getattr(getattr(res, "predikat", None), "predikat", None)
        text += f" Rata-rata capaian kinerja {fmt.periode(res.tahun, res.triwulan)}: {fmt.persen(rata)}"
        text += f" ({band})." if band else "."
    elif pos is not None:
        text += " Perjanjian kinerja dan indikator jabatan ini."
    return f"{text} Target, realisasi, dan anggaran per triwulan. {_as_of(ds)}"


def _comparison_index(ctx: dict, meta: dict, ds: Dataset) -> str:
    return (
        "Perbandingan jabatan yang sama antarperangkat daerah dan antarwilayah: indikator, target, realisasi dan "
        f"capaian berdampingan. {_as_of(ds)}"
    )


def _comparison(ctx: dict, meta: dict, ds: Dataset) -> str:
    title = str(meta.get("title") or "").removeprefix("Perbandingan: ")
    return f"Perbandingan {title} antarperangkat daerah dan antarwilayah: indikator, target, realisasi dan capaian. {_as_of(ds)}"


def _metodologi(ctx: dict, meta: dict, ds: Dataset) -> str:
    return (
        "Cara situs ini menghitung capaian setiap indikator, rata-rata capaian, predikat dan efisiensi anggaran, "
        "serta kebijakan perhitungan yang berlaku per wilayah."
    )


def _ppid(text: str):
    def describe(ctx: dict, meta: dict, ds: Dataset) -> str:
        where = _where(ctx, meta)
        return text.format(pd=where or "perangkat daerah", n=ctx.get("jumlah_dip", ""), tahun=_year(ctx))

    return describe


def _year(ctx: dict) -> str:
    v = ctx.get("v")
    return str(v.get("tahun", "")) if isinstance(v, dict) else ""


_DESCRIBE = {
    "beranda": _home,
    "wilayah": _region,
    "perangkat_daerah": _agency,
    "unit": _unit,
    "jabatan": _position,
    "perbandingan": _comparison_index,
    "perbandingan_kelompok": _comparison,
    "metodologi": _metodologi,
    "ppid_indeks": _ppid(
        "Layanan informasi publik (PPID) setiap perangkat daerah: Daftar Informasi Publik, cara mengajukan "
        "permohonan dan keberatan, formulir, dan statistik layanan."
    ),
    "ppid_beranda": _ppid(
        "Layanan informasi publik (PPID) {pd}: Daftar Informasi Publik, cara mengajukan permohonan dan keberatan, "
        "formulir, dan statistik layanan."
    ),
    "ppid_dip": _ppid(
        "Daftar Informasi Publik {pd}: {n} entri dengan nomor, ringkasan isi, penanggung jawab, waktu pembuatan, "
        "bentuk dan jangka waktu penyimpanan; tersedia sebagai CSV dan XLSX."
    ),
    "ppid_statistik": _ppid("Statistik layanan informasi publik {pd}: permohonan, waktu jawaban, keputusan dan keberatan."),
    "ppid_laporan": _ppid(
        "Laporan layanan informasi publik {pd} tahun {tahun}: permohonan, keputusan, waktu jawaban dan keberatan."
    ),
    "ppid_cara_mengajukan": _ppid("Cara mengajukan permohonan informasi publik kepada {pd}: langkah, jangka waktu dan saluran."),
    "ppid_keberatan": _ppid("Cara mengajukan keberatan atas jawaban permohonan informasi publik kepada {pd}."),
    "ppid_formulir_permohonan": _ppid("Formulir permohonan informasi publik {pd}, siap dicetak dan diisi."),
    "ppid_formulir_keberatan": _ppid("Formulir pernyataan keberatan atas permohonan informasi publik {pd}, siap dicetak."),
}


def _unique_title(template: str, ctx: dict, meta: dict, ds: Dataset) -> str:
    """The page title with its region, and a position's number among positions of the same
    agency whose titles are the same (no holder written: "Pengadministrasi Umum (2 dari 3)")."""
    title = str(meta.get("title") or "")
    region = ctx.get("region")
    agency = ctx.get("agency")
    pos = ctx.get("pos")
    if template.startswith("jabatan") and _is_agency(agency) and pos is not None:
        title += _number_among_equals(ctx, title, ds)
        short = agency.model.singkatan or agency.model.nama
        if short not in title:
            title += f" – {short}"
    region_name = region.model.nama if _is_region(region) else meta.get("wilayah")
    if region_name and str(region_name) not in title:
        title += f", {region_name}"
    return title


def _number_among_equals(ctx: dict, title: str, ds: Dataset) -> str:
    """ " (2 dari 3)" for a position whose title (and holder) is that of others in its agency."""
    agency = ctx.get("agency")
    if not _is_agency(agency) or ctx.get("id") not in agency.positions:
        return ""
    same = [p.id for p in agency.positions.values() if position_label(p, ds.situs.data_per) == title]
    return f" ({same.index(ctx['id']) + 1} dari {len(same)})" if len(same) > 1 and ctx["id"] in same else ""


def _search_title(ctx: dict, agency, ds: Dataset) -> str:
    """A position's title without its holder, who goes on the result's second line."""
    pos = ctx.get("pos")
    if pos is None or not _is_agency(agency) or ctx.get("id") not in agency.positions:
        return ""
    h = holder(agency.positions[ctx["id"]], ds.situs.data_per)
    return f"{'Plt. ' if h and h.plt else ''}{pos.jabatan}"


def _subtitle(ctx: dict, meta: dict, region, agency, ds: Dataset) -> str:
    """What the search results show under the title: the holder of a position (or "belum
    tercantum"), else the agency and region."""
    pos = ctx.get("pos")
    if pos is not None and _is_agency(agency) and ctx.get("id") in agency.positions:
        h = holder(agency.positions[ctx["id"]], ds.situs.data_per)
        who = h.nama if h else "Pemangku tidak tercantum"
        return f"{who} · {_where(ctx, meta)}"
    return _where(ctx, meta)


# --------------------------------------------------------------------------- site-wide


def site_files(ds: Dataset) -> dict[str, bytes]:
    """robots.txt, and the logo and favicon of data/site.yml copied into the site (their
    existence is checked with the data: validate/siteimages.py)."""
    situs = ds.situs
    lines = ["User-agent: *", "Allow: /"]
    if situs.site_url:
        lines.append(f"Sitemap: {_root(situs.site_url)}sitemap.xml")
    files = {"robots.txt": ("\n".join(lines) + "\n").encode("utf-8")}
    root = ds.situs_doc.path.parent if ds.situs_doc is not None else None
    for name in {situs.logo, situs.favicon} - {None}:
        assert name is not None
        source = root / name if root is not None else None
        if source is not None and source.is_file() and not source.is_symlink():
            files[_image_path(name)] = source.read_bytes()
    return files


def settings(ds: Dataset) -> dict[str, Any]:
    """What data/site.yml sets in the built mkdocs.yml (merged by ``merge``)."""
    situs = ds.situs
    out: dict[str, Any] = {"site_description": situs.deskripsi or DEFAULT_DESCRIPTION}
    theme: dict[str, Any] = {}
    if situs.logo:
        theme["logo"] = _image_path(situs.logo)
    if situs.favicon or situs.logo:
        theme["favicon"] = _image_path(situs.favicon or situs.logo or "")
    if theme:
        out["theme"] = theme
    if situs.site_url:
        out["site_url"] = _root(situs.site_url)
    extra: dict[str, Any] = {}
    if situs.site_url and situs.logo and PurePosixPath(situs.logo).suffix in (".png", ".jpg", ".jpeg", ".webp"):
        extra["gambar_bagikan"] = _root(situs.site_url) + _image_path(situs.logo)  # og:image: absolute, no SVG
    if extra:
        out["extra"] = {"kinerja": extra}
    return out


def merge(child: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``child`` (the generated mkdocs.yml) with ``extra`` merged in, dicts key by key."""
    out = dict(child)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def _root(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _image_path(name: str) -> str:
    return f"{IMAGE_DIR}/{name}"
