"""PPID section of the site (issue 8) on the built bundled data and on small fixture copies:
the Daftar Informasi Publik lists every published document with its seven fields and a
permalink that resolves, the CSV/XLSX hold the same entries, the statistics page and the
annual report carry their charts (SVG with alt text, a table next to each), every page
with register data says "Data contoh", request links carry the DIP number, and a missing
PPID contact is said plainly. The browser tests use the filter and save screenshots."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
import yaml
from site_fixtures import ARTIFACTS, DATA, Node, content, copy_minimal, page, parse, resolve, serve

from generator.check import check
from generator.ppid import charts as ppid_charts
from generator.ppid import dip as dip_module
from generator.ppid import dipview
from generator.ppid.dipview import KELAS
from generator.site.compose import render_site

AGENCY = "kota-pekalongan/dinperinaker"
PPID = f"{AGENCY}/ppid"


# --------------------------------------------------------------------------- helpers


def _dataset():
    result = check(DATA)
    assert not result.errors
    return result.dataset


def _text(node: Node) -> str:
    return " ".join(node.text().split())


_IDS: dict[Path, set[str]] = {}


def _ids(path: Path) -> set[str]:
    if path not in _IDS:
        _IDS[path] = {html.unescape(i) for i in re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8"))}
    return _IDS[path]


def _assert_resolves(site: Path, page_url: str, href: str) -> None:
    path, frag = resolve(site, page_url, href)
    assert path.is_file(), f"{href} from {page_url}: {path} missing"
    if frag:
        assert frag in _ids(path), f"{href} from {page_url}: no id {frag!r} in {path}"


def _rows(doc: Node) -> list[Node]:
    table = content(doc).find("div", class_="kj-dip").find("table")
    return [tr for tr in table.iter("tr") if "data-kelas" in tr.attrs]


def _render(data: Path) -> dict[str, bytes]:
    result = check(data)
    assert not result.errors, [d.format("id") for d in result.errors]
    return render_site(result).files


def _md_text(files, path) -> str:
    md = re.sub(r"</?(strong|em|span|a|code|wbr)\b[^>]*>", "", files[path].decode("utf-8"))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", md)).split())


def _set_ppid(data: Path, contact: dict | None) -> None:
    f = data / "kota-contoh" / "dinas-contoh" / "perangkat-daerah.yml"
    doc = yaml.safe_load(f.read_text(encoding="utf-8"))
    if contact is None:
        doc.pop("ppid", None)
    else:
        doc["ppid"] = contact
    f.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


MIN_KD = "kota-contoh/dinas-contoh/jabatan/kepala-dinas.md"
MIN_PPID = "kota-contoh/dinas-contoh/ppid/"


def _ajukan_hrefs(md: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)" class="kj-ajukan-tautan"', md)]


# --------------------------------------------------------------------------- the DIP on the built site


def test_dip_lists_every_document_with_seven_fields_and_working_links(bundled_site):
    site = bundled_site.site
    ds = _dataset()
    checked_links = 0
    for agency in ds.agencies():
        url = f"{agency.region_id}/{agency.id}/ppid/dip/"
        doc = page(site, url)
        rows = _rows(doc)
        entries = dip_module.agency_entries(ds, agency)
        assert len(rows) == len(entries) > 0
        by_id = {tr.attrs["id"]: tr for tr in rows}
        assert len(by_id) == len(rows), "anchors must be unique"
        documents: set[tuple[str, str]] = set()
        for e in entries:
            anchor = dipview.anchor(e.nomor)
            assert anchor == re.sub(r"[^a-z0-9]+", "-", e.nomor.lower()).strip("-")
            tr = by_id[anchor]  # the anchor is derived from the number
            cells = [c for c in tr.children if isinstance(c, Node) and c.tag == "td"]
            assert len(cells) == 8
            nomor, isi, pejabat, pj, waktu, bentuk, simpan, kelas = (_text(c) for c in cells)
            assert nomor == e.nomor
            assert isi.startswith(e.ringkasan_isi)
            for field, value in (
                (pejabat, e.pejabat_unit),
                (pj, e.penanggung_jawab),
                (waktu, e.waktu_tempat),
                (bentuk, e.bentuk_informasi),
                (simpan, e.jangka_waktu_penyimpanan),
            ):
                assert value and field == value
            assert kelas == KELAS[e.klasifikasi]
            links = {_text(a): a.attrs["href"] for a in tr.iter("a")}
            assert links[e.nomor] == f"#{anchor}"  # the permalink
            for label, href in links.items():
                _assert_resolves(site, url, href)
                checked_links += 1
            path, frag = resolve(site, url, links["Buka dokumen"])
            documents.add((str(path.relative_to(site).parent), frag))
            ajukan = urlsplit(links["Ajukan permohonan"])
            assert parse_qs(ajukan.query)["dip"] == [e.nomor]
        # every document the site publishes has its entry, pointing at its own section
        expected = set()
        for pid, pos in agency.positions.items():
            where = f"{agency.region_id}/{agency.id}/jabatan/{pid}"
            for tahun, y in pos.years.items():
                t = y.model
                if t.perjanjian_kinerja:
                    expected.add((where, f"perjanjian-kinerja-{tahun}"))
                if t.iki is not None:
                    expected.add((where, f"indikator-kinerja-individu-{tahun}"))
                for lap in t.laporan:
                    roman = {1: "i", 2: "ii", 3: "iii", 4: "iv"}[lap.triwulan]
                    expected.add((where, f"pengukuran-kinerja-triwulan-{roman}-{tahun}"))
                    if t.anggaran and lap.anggaran:
                        expected.add((where, f"anggaran-triwulan-{roman}-{tahun}"))
        assert expected and expected <= documents
    assert checked_links > 500


def test_dip_downloads_hold_the_same_entries(bundled_site):
    site = bundled_site.site
    url = f"{PPID}/dip/"
    doc = page(site, url)
    rows = _rows(doc)
    links = {_text(a): a.attrs for a in content(doc).find("p", class_="kj-unduh").iter("a")}
    assert links["CSV"]["download"].endswith(".csv") and links["XLSX"]["download"].endswith(".xlsx")
    csv_path, _ = resolve(site, url, links["CSV"]["href"])
    xlsx_path, _ = resolve(site, url, links["XLSX"]["href"])
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    records = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    on_page = [tr.attrs["id"] for tr in rows]
    assert [dipview.anchor(r["nomor"]) for r in records] == on_page
    for r, tr in zip(records, rows):
        assert _text(tr).startswith(r["nomor"])
        assert r["permalink"] == f"{url}#{tr.attrs['id']}"
        path, frag = resolve(site, "", r["permalink"])
        assert frag in _ids(path)
        path, frag = resolve(site, "", r["alamat_dokumen"])
        assert path.is_file() and frag in _ids(path)
        assert all(
            r[k]
            for k in (
                "ringkasan_isi",
                "pejabat_unit",
                "penanggung_jawab",
                "waktu_tempat",
                "bentuk_informasi",
                "jangka_waktu_penyimpanan",
                "klasifikasi",
            )
        )
    wb = openpyxl.load_workbook(xlsx_path)
    sheet = wb["DIP"]
    table = list(sheet.iter_rows(values_only=True))
    assert table[0][0] == "Nomor" and len(table) == len(records) + 1
    for r, x in zip(records, table[1:]):
        assert (x[0], x[3], x[4], x[5], x[6], x[7], x[8], x[10]) == (
            r["nomor"],
            r["ringkasan_isi"],
            r["pejabat_unit"],
            r["penanggung_jawab"],
            r["waktu_tempat"],
            r["bentuk_informasi"],
            r["jangka_waktu_penyimpanan"],
            r["permalink"],
        )
    assert "Keterangan" in wb.sheetnames


def test_dip_files_are_reproducible(tmp_path):
    data = copy_minimal(tmp_path)
    first = _render(data)
    second = _render(data)
    for name in ("dip.csv", "dip.xlsx"):
        path = MIN_PPID + name
        assert first[path] == second[path]


# --------------------------------------------------------------------------- statistics and annual report


def _figures(doc: Node) -> list[Node]:
    return [f for f in content(doc).iter("figure") if "kj-grafik" in (f.attrs.get("class") or "")]


def test_statistics_page_and_annual_report_with_charts(bundled_site):
    site = bundled_site.site
    for url, must in (
        (f"{PPID}/statistik/", ["9", "8 dari 9", "8 hari kerja", "paling lama 15 hari kerja"]),
        (
            f"{PPID}/laporan-2025/",
            [
                "31 Maret 2026",
                "tiga bulan setelah tahun berakhir",
                "005/PPID/2025",
                "Pasal 17 huruf b dan h",
                "terlambat 3 hari kerja",
                "Keberatan kepada Atasan PPID",
            ],
        ),
    ):
        doc = page(site, url)
        text = _text(content(doc))
        for part in must:
            assert part in text, (url, part)
        figures = _figures(doc)
        assert len(figures) == 5  # month, channel, requester, decision, answer time
        for fig in figures:
            img = fig.find("img")
            assert len(img.attrs["alt"]) > 40 and "tabel" in img.attrs["alt"]
            path, _ = resolve(site, url, img.attrs["src"])
            svg = path.read_text(encoding="utf-8")
            assert path.suffix == ".svg" and "<svg" in svg and "<dc:date>" not in svg
            box = fig.parent  # the same numbers as a table next to the chart
            assert "kj-grafik-tabel" in box.attrs["class"] and box.find("table") is not None
    # the channel chart and its table agree with the register
    doc = page(site, f"{PPID}/statistik/")
    kanal = [f for f in _figures(doc) if "kanal" in f.find("img").attrs["src"]][0]
    cells = {_text(tr.children[0]): _text(tr.children[1]) for tr in kanal.parent.find("table").find("tbody").iter("tr")}
    assert cells["Surel (email)"] == "3" and cells["Situs web / formulir daring"] == "2" and cells["Lainnya"] == "0"
    assert "Surel (email) 3" in kanal.find("img").attrs["alt"]


def test_ppid_charts_are_deterministic():
    months = [(m, i % 3) for i, m in enumerate(ppid_charts.BULAN_SINGKAT)]
    assert ppid_charts.bulan_kolom(months, "Jumlah") == ppid_charts.bulan_kolom(months, "Jumlah")
    items = [("001/PPID/2025", 5, 10, True), ("002/PPID/2025", 13, 10, False), ("003/PPID/2025", None, 10, None)]
    svg = ppid_charts.waktu_jawab(items, "Hari kerja", 10, 17)
    assert svg == ppid_charts.waktu_jawab(items, "Hari kerja", 10, 17)
    text = svg.decode("utf-8")
    assert "13 · terlambat (batas 10)" in text and "belum dijawab" in text  # never colour alone
    assert svg != ppid_charts.waktu_jawab(items[:2], "Hari kerja", 10, 17)


# --------------------------------------------------------------------------- example data


HAND_WRITTEN = {p.stem for p in (Path(__file__).resolve().parent.parent / "content").glob("*.md")}


def test_every_page_with_register_data_says_data_contoh(bundled_site):
    """Every register bundled in data/ is an example (`contoh: true`), so every built page
    that shows register figures (marked kj-register) or a request number must carry the label."""
    site = bundled_site.site
    assert all(reg.contoh for a in _dataset().agencies() for reg, _ in a.registers.values())
    with_register = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        has_register = "kj-register" in text or re.search(r"\d{3}/PPID/\d{4}", text)
        if not has_register or path.parent.name in HAND_WRITTEN:  # the guide shows a made-up entry as an example
            continue
        with_register.append(path.relative_to(site).parent.as_posix())
        body = content(parse(text))
        label = body.find("div", class_="kj-contoh")
        assert label is not None, path
        assert "Data contoh" in _text(label) and "bukan catatan layanan PPID yang sebenarnya" in _text(label)
    for url in (f"{PPID}", f"{PPID}/statistik", f"{PPID}/laporan-2025", "ppid"):
        assert url in with_register, url
    # the footer names the register as example data too
    assert "DATA CONTOH" in (site / PPID / "statistik" / "index.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- request links and contact


def test_position_page_request_box_carries_the_dip_number(bundled_site):
    site = bundled_site.site
    url = f"{AGENCY}/jabatan/kepala-dinas/"
    box = content(page(site, url)).find("aside", class_="kj-ajukan")
    assert box is not None
    numbers = [_text(a) for a in box.iter("a") if "kj-ajukan-nomor" in a.attrs.get("class", "")]
    assert numbers == [
        "DINPERINAKER/PK/2025/kepala-dinas",
        "DINPERINAKER/LKJ/2025/TW4/kepala-dinas",
        "DINPERINAKER/ANGGARAN/2025/TW4/kepala-dinas",
    ]
    requests = [a.attrs["href"] for a in box.iter("a") if "kj-ajukan-tautan" in a.attrs.get("class", "")]
    assert len(requests) == 3
    for nomor, href in zip(numbers, requests):
        # no channel configured in the bundled data: the procedure page, with the number
        assert parse_qs(urlsplit(href).query)["dip"] == [nomor]
        assert urlsplit(href).path.endswith("ppid/cara-mengajukan/")
        _assert_resolves(site, url, href)
    for a in box.iter("a"):
        _assert_resolves(site, url, a.attrs["href"])
    assert "sebutkan nomor DIP" in _text(box)


def test_agency_page_links_the_ppid_section(bundled_site):
    ds = _dataset()
    for agency in ds.agencies():
        url = f"{agency.region_id}/{agency.id}/"
        body = content(page(bundled_site.site, url))
        links = [a.attrs["href"] for a in body.find("ul", class_="kj-ppid-tautan").iter("a")]
        assert "ppid/dip/" in links and "ppid/cara-mengajukan/" in links and "ppid/keberatan/" in links
        for href in links:
            _assert_resolves(bundled_site.site, url, href)
    nav = page(bundled_site.site, "").find("nav", class_="md-nav--primary")
    assert any(_text(a) == "PPID" and a.attrs["href"].rstrip("/").endswith("ppid") for a in nav.iter("a"))


def test_missing_contact_is_said_plainly(bundled_site):
    for name in ("", "cara-mengajukan/", "keberatan/"):
        text = _text(content(page(bundled_site.site, f"{PPID}/{name}")))
        assert "Kontak PPID belum diisi" in text or "Atasan PPID belum diisi" in text
        assert "tidak mengarang kontak" in text or "Atasan PPID belum diisi" in text
    text = _text(content(page(bundled_site.site, f"{PPID}/keberatan/")))
    assert "Atasan PPID belum diisi" in text and "Kontak PPID belum diisi" in text


def test_request_channel_from_the_contact(tmp_path):
    data = copy_minimal(tmp_path)
    # a web form: the DIP number goes into the query string
    _set_ppid(
        data,
        {
            "formulir_url": "https://ppid.contoh.go.id/permohonan?layanan=1",
            "email": "ppid@contoh.go.id",
            "telepon": "(0285) 123456",
            "atasan_ppid": "Sekretaris Daerah Kota Contoh",
        },
    )
    files = _render(data)
    hrefs = _ajukan_hrefs(files[MIN_KD].decode())
    assert hrefs and all(h.startswith("https://ppid.contoh.go.id/permohonan?layanan=1&dip=") for h in hrefs)
    assert parse_qs(urlsplit(hrefs[0]).query)["dip"] == ["DISCON/PK/2025/kepala-dinas"]
    text = _md_text(files, MIN_PPID + "cara-mengajukan.md")
    assert "ppid@contoh.go.id" in text and "(0285) 123456" in text and "belum diisi" not in text
    assert "Sekretaris Daerah Kota Contoh" in _md_text(files, MIN_PPID + "keberatan.md")
    assert "Sekretaris Daerah Kota Contoh" in _md_text(files, MIN_PPID + "formulir-keberatan.md")
    # only e-mail: a mailto with the number in the subject
    _set_ppid(data, {"email": "ppid@contoh.go.id"})
    hrefs = _ajukan_hrefs(_render(data)[MIN_KD].decode())
    mail = urlsplit(hrefs[0])
    assert mail.scheme == "mailto" and mail.path == "ppid@contoh.go.id"
    assert parse_qs(mail.query)["subject"] == ["Permohonan informasi publik DISCON/PK/2025/kepala-dinas"]
    # a web address that is not http(s) is an error (URL_SCHEME), and never turned into a link
    _set_ppid(data, {"formulir_url": "javascript:alert(1)"})
    result = check(data)
    assert [d.code for d in result.errors] == ["URL_SCHEME"]
    files = render_site(result).files
    hrefs = _ajukan_hrefs(files[MIN_KD].decode())
    assert all("javascript" not in h and "cara-mengajukan/?dip=" in h for h in hrefs)
    assert 'href="javascript' not in files[MIN_PPID + "cara-mengajukan.md"].decode()


def test_extra_dip_entries_and_nasty_text(tmp_path):
    data = copy_minimal(tmp_path)
    ppid = data / "kota-contoh" / "dinas-contoh" / "ppid"
    ppid.mkdir()
    (ppid / "dip.yml").write_text(
        yaml.safe_dump(
            {
                "entri": [
                    {
                        "id": "renstra",
                        "ringkasan_isi": "Rencana Strategis <script>alert(1)</script>",
                        "pejabat_unit": "Sekretariat",
                        "penanggung_jawab": "Sekretaris",
                        "waktu_tempat": "Kota Contoh, 2021",
                        "jangka_waktu_penyimpanan": "5 tahun",
                        "klasifikasi": "berkala",
                        "tautan": "https://contoh.go.id/renstra.pdf",
                    },
                    {
                        "id": "sop-rahasia",
                        "ringkasan_isi": "Dokumen pengamanan",
                        "pejabat_unit": "Sekretariat",
                        "penanggung_jawab": "Sekretaris",
                        "waktu_tempat": "Kota Contoh, 2024",
                        "jangka_waktu_penyimpanan": "5 tahun",
                        "klasifikasi": "dikecualikan",
                    },
                ]
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    files = _render(data)
    md = files[MIN_PPID + "dip.md"].decode()
    assert "<script>alert(1)" not in md
    assert 'id="discon-lain-renstra"' in md and 'href="https://contoh.go.id/renstra.pdf"' in md
    text = _md_text(files, MIN_PPID + "dip.md")
    assert "Rencana Strategis <script>alert(1)</script>" in text
    assert "Informasi dikecualikan: Dokumen lain" in text
    records = list(csv.DictReader(io.StringIO(files[MIN_PPID + "dip.csv"].decode("utf-8-sig"))))
    assert records[-1]["nomor"] == "DISCON/LAIN/sop-rahasia" and records[-1]["klasifikasi"] == "dikecualikan"
    assert "DISCON/LAIN/renstra" in {r["nomor"] for r in records}


def _register(data: Path, contoh: bool) -> None:
    ppid = data / "kota-contoh" / "dinas-contoh" / "ppid"
    ppid.mkdir(exist_ok=True)
    (ppid / "permohonan-2025.yml").write_text(
        yaml.safe_dump(
            {
                "tahun": 2025,
                "contoh": contoh,
                "permohonan": [
                    {
                        "nomor": "01/PPID/2025",
                        "tanggal_diterima": "2025-11-03",
                        "kanal": "surat",
                        "kategori_pemohon": "media",
                        "informasi_diminta": "Perjanjian kinerja Kepala Dinas 2025",
                        "dip": ["DISCON/PK/2025/kepala-dinas"],
                        "keputusan": "diberikan",
                        "tanggal_dijawab": "2025-11-18",
                    }
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    cal = data / "hari-libur"
    cal.mkdir(exist_ok=True)
    (cal / "2025.yml").write_text("tahun: 2025\nhari:\n  - {tanggal: 2025-12-25, nama: Natal}\n", encoding="utf-8")


def test_real_register_has_no_example_label(tmp_path):
    data = copy_minimal(tmp_path)
    _register(data, contoh=False)
    files = _render(data)
    for name in ("statistik.md", "laporan-2025.md", "index.md"):
        md = files[MIN_PPID + name].decode()
        assert "kj-contoh" not in md and "data contoh" not in md.lower(), name
    text = _md_text(files, MIN_PPID + "laporan-2025.md")
    # Mon 3 Nov + 11 working days = Tue 18 Nov: late by one day, said in words
    assert "terlambat 1 hari kerja" in text and "31 Maret 2026" in text
    # the requested DIP number links to its entry
    assert 'href="../dip/#discon-pk-2025-kepala-dinas"' in files[MIN_PPID + "laporan-2025.md"].decode()
    _register(data, contoh=True)
    files = _render(data)
    for name in ("statistik.md", "laporan-2025.md", "index.md"):
        assert 'class="admonition warning kj-contoh"' in files[MIN_PPID + name].decode(), name
    assert 'class="admonition warning kj-contoh"' in files["ppid.md"].decode()


def test_no_register_means_no_statistics_pages(tmp_path):
    files = _render(copy_minimal(tmp_path))
    assert MIN_PPID + "statistik.md" not in files
    assert not any(p.startswith(MIN_PPID + "laporan-") for p in files)
    text = _md_text(files, MIN_PPID + "index.md")
    assert "Register permohonan informasi Dinas Contoh belum ada dalam data" in text
    assert "Data contoh" not in text


# --------------------------------------------------------------------------- in the browser


@pytest.fixture(scope="module")
def site_url(bundled_site):
    with serve(bundled_site.site) as url:
        yield url


def _visit(browser, url: str, *, js: bool = True, width: int = 1280, media: str | None = None):
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=js)
    pg = context.new_page()
    errors, requests = [], []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(url, wait_until="networkidle")
    if js:
        pg.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
        pg.wait_for_function("Array.from(document.images).every(i => i.complete)")
    if media:
        pg.emulate_media(media=media)
    return context, pg, errors, requests


def _clean(pg, errors, requests):
    assert errors == []
    assert [u for u in requests if urlsplit(u).hostname not in (None, "127.0.0.1")] == []
    for width, alt in pg.eval_on_selector_all("article img", "imgs => imgs.map(i => [i.naturalWidth, i.alt])"):
        assert width > 0 and alt.strip()


def test_dip_filter_in_the_browser(browser, site_url):
    ARTIFACTS.mkdir(exist_ok=True)
    context, pg, errors, requests = _visit(browser, site_url + PPID + "/dip/")
    rows = pg.locator(".kj-dip tr[data-kelas]")
    total = rows.count()
    assert total == 91
    assert pg.locator("form[data-dip-saring]").is_visible()
    pg.fill("[data-saring-teks]", "kepala-dinas")
    pg.select_option("[data-saring-jenis]", "lkj")
    visible = pg.locator(".kj-dip tr[data-kelas]:visible")
    assert visible.count() == 1
    assert "DINPERINAKER/LKJ/2025/TW4/kepala-dinas" in visible.first.inner_text().replace("\n", "")
    assert pg.inner_text("[data-saring-hasil]") == f"Menampilkan 1 dari {total} entri."
    assert pg.locator(".kj-dip tbody[data-grup]:visible").count() == 1
    assert "jenis=lkj" in pg.url  # the filtered view can be shared
    pg.screenshot(path=str(ARTIFACTS / "ppid-dip-saring.png"), full_page=True)
    _clean(pg, errors, requests)
    # a filter that matches nothing says so; reset shows everything again
    pg.fill("[data-saring-teks]", "tidak ada yang cocok xyz")
    assert pg.locator("[data-saring-kosong]").is_visible()
    pg.click("[data-saring-hapus]")
    pg.wait_for_function(f"document.querySelectorAll('.kj-dip tr[data-kelas]:not([hidden])').length === {total}")
    # a permalink lands on its row
    pg.goto(site_url + PPID + "/dip/#dinperinaker-anggaran-2025-tw4-kepala-dinas", wait_until="networkidle")
    assert pg.locator("#dinperinaker-anggaran-2025-tw4-kepala-dinas").is_visible()
    assert pg.evaluate("document.querySelector(':target').id") == "dinperinaker-anggaran-2025-tw4-kepala-dinas"
    context.close()


def test_dip_without_javascript_shows_every_row_grouped(browser, site_url):
    context, pg, errors, _ = _visit(browser, site_url + PPID + "/dip/", js=False)
    assert not pg.locator("form[data-dip-saring]").is_visible()
    assert pg.locator(".kj-dip tr[data-kelas]:visible").count() == 91
    groups = pg.locator(".kj-dip tr.kj-kelompok").all_inner_texts()
    assert [g.split(" (")[0] for g in groups] == [
        "Informasi berkala: Perjanjian Kinerja",
        "Informasi berkala: Laporan Kinerja",
        "Informasi berkala: Realisasi anggaran",
    ]
    context.close()


def test_statistics_and_report_in_the_browser(browser, site_url):
    ARTIFACTS.mkdir(exist_ok=True)
    context, pg, errors, requests = _visit(browser, site_url + PPID + "/statistik/")
    assert pg.locator(".kj-contoh").first.is_visible()
    assert pg.locator("figure.kj-grafik img").count() == 5
    pg.screenshot(path=str(ARTIFACTS / "ppid-statistik.png"), full_page=True)
    _clean(pg, errors, requests)
    context.close()
    context, pg, errors, requests = _visit(browser, site_url + PPID + "/laporan-2025/", media="print")
    assert not pg.locator(".md-header").is_visible()
    assert pg.locator(".kj-contoh").first.is_visible()  # the label is printed too
    assert pg.locator("figure.kj-grafik img").count() == 5
    pg.screenshot(path=str(ARTIFACTS / "ppid-laporan-cetak.png"), full_page=True)
    _clean(pg, errors, requests)
    context.close()


def test_form_takes_the_dip_number_and_prints_blank(browser, site_url):
    context, pg, errors, requests = _visit(
        browser, site_url + PPID + "/formulir-permohonan/?dip=DINPERINAKER%2FPK%2F2025%2Fkepala-dinas"
    )
    assert pg.inner_text("[data-dip-isi]") == "DINPERINAKER/PK/2025/kepala-dinas"
    assert pg.locator("[data-cetak]").is_visible()
    pg.emulate_media(media="print")
    assert not pg.locator(".md-header").is_visible() and not pg.locator("[data-cetak]").is_visible()
    pg.screenshot(path=str(ARTIFACTS / "ppid-formulir-cetak.png"), full_page=True)
    _clean(pg, errors, requests)
    context.close()
