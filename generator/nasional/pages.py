"""The portal's docs folder: Markdown pages whose data sits in raw HTML blocks (every
data text through render.escape.teks, as on the regional sites), the national index as
CSV (core.csvcell), and the cross-site search page with its script.

    index.md                     the national index of regions
    wilayah/<id>.md              one region: its agencies, link to its site
    perbandingan/index.md        the kinds of agency found in more than one region
    perbandingan/<kind>.md       one kind of agency across regions
    cari.md                      search across every regional site (nasional.js)
    metodologi.md                how the figures are made, which hosts are contacted
    unduh/nasional*.csv          the index as open data
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from generator.core.csvcell import safe_text
from generator.core.fmt import angka
from generator.nasional.summary import AgencyRow, Figure, Kind, National, RegionRow, date_text
from generator.render.env import front_matter
from generator.render.escape import teks

CSV_REGIONS = "unduh/nasional.csv"
CSV_AGENCIES = "unduh/nasional_perangkat_daerah.csv"
SCRIPT = "assets/javascripts/nasional.js"


def _up(depth: int) -> str:
    return "../" * depth or "./"


def _a(href: str, text: object, external: bool = False) -> str:
    rel = ' rel="noopener"' if external else ""
    return f'<a href="{teks(href)}"{rel}>{teks(text)}</a>'


def _num(value) -> str:
    return teks(angka(value))


def _fig_cells(f: Figure) -> str:
    return (
        f'<td data-label="Periode terakhir">{teks(f.periode_teks or "belum ada laporan")}</td>'
        f'<td class="kj-angka" data-label="Rata-rata capaian (%)">{_num(f.rata_rata)}</td>'
        f'<td data-label="Predikat">{teks(f.predikat or "–")}</td>'
    )


def _table(caption: str, head: list[str], rows: list[str]) -> str:
    ths = "".join(f'<th scope="col">{teks(h)}</th>' for h in head)
    body = "\n".join(rows) or f'<tr><td colspan="{len(head)}">Belum ada data.</td></tr>'
    return (
        f'<div class="kj-tabel kj-susun"><table tabindex="0">\n<caption>{teks(caption)}</caption>\n'
        f"<thead><tr>{ths}</tr></thead>\n<tbody>\n{body}\n</tbody></table></div>\n"
    )


def index_page(cfg, nat: National, missing: list[tuple[str, str]]) -> str:
    rows = [
        f'<tr><td class="kj-utama">{_a(f"wilayah/{r.slug}/", r.region.nama)}<br><span class="kj-kecil">{teks(r.region.jenis)}</span></td>'
        f'<td class="kj-angka" data-label="Perangkat daerah">{len(r.agencies)}</td>'
        f'<td class="kj-angka" data-label="Jabatan">{r.jabatan}</td>{_fig_cells(r.angka)}'
        f'<td data-label="Situs wilayah">{_a(r.region.halaman, r.site.entry.host, external=True)}</td></tr>'
        for r in nat.regions
    ]
    n_agencies = sum(len(r.agencies) for r in nat.regions)
    out = front_matter({"title": cfg.judul, "description": cfg.deskripsi})
    out += f"# {teks(cfg.judul)}\n\n<p>{teks(cfg.deskripsi)}</p>\n\n"
    out += (
        f"<p>{len(nat.regions)} wilayah, {n_agencies} perangkat daerah. Angka setiap wilayah dibaca dari data terbuka "
        f'yang diterbitkan situs wilayah itu sendiri; lihat <a href="metodologi/">cara angka dihitung</a>. '
        f'<a href="cari/">Cari jabatan atau indikator di semua situs wilayah</a>.</p>\n\n'
    )
    out += "## Wilayah\n\n" + _table(
        "Wilayah dan capaian terakhirnya",
        ["Wilayah", "Perangkat daerah", "Jabatan", "Periode terakhir", "Rata-rata capaian (%)", "Predikat", "Situs wilayah"],
        rows,
    )
    if missing:
        out += "\n## Wilayah tidak tersedia\n\n<p>Data wilayah berikut tidak dapat dibaca saat portal dibangun:</p>\n<ul>\n"
        out += "".join(f"<li>{_a(url, url, external=True)}: {teks(reason)}</li>\n" for url, reason in missing)
        out += "</ul>\n"
    if nat.kinds:
        out += "\n## Perbandingan antarwilayah\n\n<p>"
        out += 'Perangkat daerah sejenis di setiap wilayah: <a href="perbandingan/">daftar jenis perangkat daerah</a>.</p>\n'
    out += (
        "\n## Data terbuka\n\n<ul>\n"
        f'<li><a href="{CSV_REGIONS}">Indeks wilayah (CSV)</a></li>\n'
        f'<li><a href="{CSV_AGENCIES}">Perangkat daerah di semua wilayah (CSV)</a></li>\n</ul>\n'
        "<p>Teks yang diawali =, +, - atau @ diberi tanda kutip tunggal di depannya agar lembar kerja tidak "
        "menjalankannya sebagai rumus.</p>\n"
    )
    return out


def region_page(r: RegionRow) -> str:
    rows = [
        f'<tr><td class="kj-utama">{_a(a.agency.halaman, a.agency.nama, external=True)}</td>'
        f'<td data-label="Jenis">{_a(f"../../perbandingan/{a.jenis_slug}/", a.jenis)}</td>'
        f'<td class="kj-angka" data-label="Jabatan">{a.agency.jabatan}</td>{_fig_cells(a.angka)}</tr>'
        for a in r.agencies
    ]
    out = front_matter({"title": r.region.nama, "wilayah": r.region.nama})
    out += f"# {teks(r.region.nama)}\n\n<p>"
    if r.region.kepala_daerah:
        out += f"Kepala daerah: {teks(r.region.kepala_daerah)}. "
    out += f"Situs wilayah: {_a(r.region.halaman, r.region.halaman, external=True)}"
    if r.site.data_per:
        out += f" (data per {teks(date_text(r.site.data_per))})"
    out += ".</p>\n\n"
    out += _table(
        f"Perangkat daerah {r.region.nama}",
        ["Perangkat daerah", "Jenis", "Jabatan", "Periode terakhir", "Rata-rata capaian (%)", "Predikat"],
        rows,
    )
    return out


def kinds_page(kinds: list[Kind]) -> str:
    rows = [
        f'<tr><td class="kj-utama">{_a(f"{k.slug}/", k.nama)}</td><td class="kj-angka" data-label="Wilayah">{len(k.rows)}</td></tr>'
        for k in kinds
    ]
    out = front_matter({"title": "Perbandingan antarwilayah"})
    out += "# Perbandingan antarwilayah\n\n<p>Perangkat daerah yang sejenis (nama yang sama tanpa nama wilayahnya) di setiap wilayah.</p>\n\n"
    return out + _table("Jenis perangkat daerah", ["Jenis perangkat daerah", "Wilayah"], rows)


def kind_page(k: Kind) -> str:
    rows = [_kind_row(a) for a in k.rows]
    out = front_matter({"title": f"{k.nama}: perbandingan antarwilayah"})
    out += f"# {teks(k.nama)}\n\n<p>{teks(k.nama)} di {len(k.rows)} wilayah, capaian tertinggi lebih dulu. Setiap wilayah menghitung capaiannya dengan kebijakannya sendiri; bandingkan periode yang sama.</p>\n\n"
    return out + _table(
        k.nama, ["Wilayah", "Perangkat daerah", "Jabatan", "Periode terakhir", "Rata-rata capaian (%)", "Predikat"], rows
    )


def _kind_row(a: AgencyRow) -> str:
    return (
        f'<tr><td class="kj-utama">{_a(f"../../wilayah/{a.region.slug}/", a.region.region.nama)}</td>'
        f'<td data-label="Perangkat daerah">{_a(a.agency.halaman, a.agency.nama, external=True)}</td>'
        f'<td class="kj-angka" data-label="Jabatan">{a.agency.jabatan}</td>{_fig_cells(a.angka)}</tr>'
    )


def search_indexes(nat: National) -> list[dict]:
    seen: dict[str, dict] = {}
    for r in nat.regions:
        if r.site.search and r.site.entry.url not in seen:
            seen[r.site.entry.url] = {"url": r.site.entry.url + "pagefind/", "situs": r.site.entry.url, "nama": r.site.judul}
    return list(seen.values())


def hosts(nat: National) -> list[str]:
    return sorted({r.site.entry.host for r in nat.regions if r.site.search})


def search_page(nat: National) -> str:
    data = json.dumps(search_indexes(nat), ensure_ascii=False)
    out = front_matter({"title": "Cari di semua wilayah"})
    out += "# Cari di semua wilayah\n\n"
    out += (
        f'<div class="kj-nasional-cari" data-kj-akar="../" data-kj-indeks="{teks(data)}">\n'
        '<form class="kj-nasional-form" role="search">\n'
        '<label for="kj-nasional-q">Jabatan, indikator atau perangkat daerah</label>\n'
        '<input id="kj-nasional-q" type="search" name="kata" autocomplete="off" autocapitalize="off" spellcheck="false" '
        'placeholder="mis. penempatan tenaga kerja" style="width:100%;font-size:1rem;padding:.4rem">\n'
        '<button type="submit" class="md-button">Cari</button>\n</form>\n'
        '<p class="kj-nasional-status" aria-live="polite">Ketik kata yang dicari.</p>\n'
        '<ol class="kj-nasional-hasil"></ol>\n</div>\n\n'
    )
    listed = ", ".join(hosts(nat)) or "tidak ada"
    out += (
        f"<p>Pencarian berjalan di peramban Anda atas indeks milik setiap situs wilayah ({len(search_indexes(nat))} situs). "
        f"Selain portal ini, halaman ini hanya menghubungi situs wilayah itu sendiri: {teks(listed)}. "
        "Tidak ada layanan pihak ketiga. Indeks sebuah wilayah diunduh sebagian saja, hanya bagian yang cocok dengan kata yang dicari.</p>\n\n"
    )
    out += f'<script src="../{SCRIPT}" defer></script>\n'
    return out


def method_page(nat: National) -> str:
    out = front_matter({"title": "Metodologi portal"})
    out += "# Metodologi portal\n\n"
    out += (
        "<p>Portal ini tidak menghitung ulang laporan. Saat portal dibangun, ia membaca katalog data terbuka "
        "(api/v1) yang diterbitkan setiap situs wilayah: indeks, dokumen wilayah dan dokumen perangkat daerah.</p>\n"
        "<ul>\n<li>Rata-rata capaian perangkat daerah: rata-rata capaian laporan terakhir jabatan-jabatannya pada "
        "periode terakhirnya (tahun dan triwulan terakhir yang dilaporkan jabatan mana pun), dibulatkan setengah ke atas "
        "menjadi dua desimal.</li>\n<li>Rata-rata capaian wilayah: rata-rata yang sama atas seluruh jabatan wilayah itu "
        "pada periode terakhir wilayah.</li>\n<li>Predikat rata-rata: skala bawaan (di atas 90 Sangat Tinggi, di atas 75 "
        "Tinggi, di atas 65 Sedang, di atas 50 Rendah, selebihnya Sangat Rendah). Setiap wilayah menghitung capaian "
        "jabatannya dengan kebijakannya sendiri; rinciannya ada di halaman Metodologi situs wilayah.</li>\n"
        "<li>Jenis perangkat daerah: nama perangkat daerah tanpa nama wilayahnya.</li>\n</ul>\n"
        "<p>Pencarian di semua wilayah memakai indeks Pagefind milik setiap situs wilayah, dibaca langsung oleh "
        f"peramban dari situs wilayah itu. Situs yang dihubungi: {teks(', '.join(hosts(nat)) or 'tidak ada')}.</p>\n"
    )
    return out


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else safe_text(v) if isinstance(v, str) else str(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _fig(f: Figure) -> list[object]:
    return [f.periode[0] if f.periode else None, f.periode[1] if f.periode else None, f.rata_rata, f.predikat, f.laporan]


def csv_regions(nat: National) -> bytes:
    head = [
        "wilayah",
        "nama_wilayah",
        "jenis",
        "perangkat_daerah",
        "jabatan",
        "tahun",
        "triwulan",
        "rata_rata_capaian",
        "predikat",
        "laporan_dirata",
        "situs",
    ]
    return _csv(
        head,
        [
            [r.region.id, r.region.nama, r.region.jenis, len(r.agencies), r.jabatan, *_fig(r.angka), r.region.halaman]
            for r in nat.regions
        ],
    )


def csv_agencies(nat: National) -> bytes:
    head = [
        "wilayah",
        "nama_wilayah",
        "perangkat_daerah",
        "nama_perangkat_daerah",
        "jenis_perangkat_daerah",
        "jabatan",
        "tahun",
        "triwulan",
        "rata_rata_capaian",
        "predikat",
        "laporan_dirata",
        "halaman",
    ]
    rows = [
        [r.region.id, r.region.nama, a.agency.id, a.agency.nama, a.jenis, a.agency.jabatan, *_fig(a.angka), a.agency.halaman]
        for r in nat.regions
        for a in r.agencies
    ]
    return _csv(head, rows)


def write_docs(docs: Path, cfg, nat: National, missing: list[tuple[str, str]]) -> list:
    """Write the docs folder; the navigation for mkdocs.yml."""
    files: dict[str, str | bytes] = {
        "index.md": index_page(cfg, nat, missing),
        "cari.md": search_page(nat),
        "metodologi.md": method_page(nat),
        "perbandingan/index.md": kinds_page(nat.kinds),
        CSV_REGIONS: csv_regions(nat),
        CSV_AGENCIES: csv_agencies(nat),
        SCRIPT: (Path(__file__).parent / "nasional.js").read_bytes(),
    }
    for r in nat.regions:
        files[f"wilayah/{r.slug}.md"] = region_page(r)
    for k in nat.kinds:
        files[f"perbandingan/{k.slug}.md"] = kind_page(k)
    for rel, content in files.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return [
        {"Beranda": "index.md"},
        {"Cari di semua wilayah": "cari.md"},
        {"Perbandingan": "perbandingan/index.md"},
        {"Metodologi": "metodologi.md"},
    ]
