"""Comparison pages ("Perbandingan jabatan"): one page per kelompok_pembanding with at
least two positions, the same kind of position across regions and years side by side,
an index page in the top-level nav, and a link from every member's position page."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from site_fixtures import DATA, build, content, copy_minimal, page

from generator.check import check
from generator.render.perbandingan import label

HI = "perbandingan/kepala-bidang-hubungan-industrial"
MEDIATOR = "perbandingan/mediator-hubungan-industrial"
REGIONS = ("kota-pekalongan", "kota-probolinggo", "kabupaten-gresik")


@pytest.fixture(scope="module")
def groups():
    """kelompok_pembanding → [(region id, agency id, position id, Jabatan)] from data/."""
    result = check(DATA)
    assert not result.errors
    out = defaultdict(list)
    for region in result.dataset.regions.values():
        for agency in region.agencies.values():
            for pos in agency.positions.values():
                if pos.model.kelompok_pembanding:
                    out[pos.model.kelompok_pembanding].append((region.id, agency.id, pos.id, pos.model))
    return out


def _resolve(site, url_path: str, href: str):
    """The built file a relative link of the page at ``url_path`` points to."""
    target = unquote(urlsplit(href).path)
    if not target:
        return site / url_path / "index.html"
    path = posixpath.normpath(posixpath.join(url_path + "/", target))
    file = site / path
    return file / "index.html" if href.split("#")[0].endswith("/") or file.is_dir() else file


def _links(body):
    for a in body.iter("a"):
        href = a.attrs.get("href") or ""
        if href and not href.startswith("#") and not urlsplit(href).scheme:
            yield a, href


def test_a_page_for_every_group_with_two_or_more_positions(bundled_site, groups):
    for gid, members in groups.items():
        built = (bundled_site.site / "perbandingan" / gid / "index.html").is_file()
        assert built == (len(members) >= 2), gid
    index = content(page(bundled_site.site, "perbandingan"))
    listed = {a.attrs["href"].strip("/") for t in index.iter("table") for a in t.iter("a")}
    assert listed == {gid for gid, m in groups.items() if len(m) >= 2}


def test_index_counts_members_per_region(bundled_site, groups):
    index = content(page(bundled_site.site, "perbandingan"))
    row = next(
        tr
        for tr in index.iter("tr")
        if tr.find("a") is not None and tr.find("a").attrs["href"] == "mediator-hubungan-industrial/"
    )
    cells = [" ".join(c.text().split()) for c in row.children if not isinstance(c, str)]
    header = next(t for t in index.iter("table") if row in list(t.iter("tr"))).find("thead")
    names = [" ".join(th.text().split()) for th in header.iter("th")]
    counts = dict(zip(names, cells))
    per_region = defaultdict(int)
    for region_id, *_ in groups["mediator-hubungan-industrial"]:
        per_region[region_id] += 1
    assert counts["Kota Pekalongan"] == str(per_region["kota-pekalongan"]) == "4"
    assert counts["Kota Probolinggo"] == str(per_region["kota-probolinggo"]) == "5"
    assert counts["Kabupaten Gresik"] == "–"
    assert counts["Jumlah jabatan"] == "9"


def test_perbandingan_is_in_the_top_level_nav(bundled_site):
    for url in ("", "kota-probolinggo/disperinaker/jabatan/kepala-dinas"):
        nav = page(bundled_site.site, url).find("nav", class_="md-nav--primary")
        assert any(
            " ".join(a.text().split()) == "Perbandingan" and a.attrs.get("href", "").rstrip("/").endswith("perbandingan")
            for a in nav.iter("a")
        ), url
        assert not any(
            "perbandingan/" in a.attrs.get("href", "").rstrip("/") + "/"
            and a.attrs["href"].rstrip("/").split("/")[-1] != "perbandingan"
            for a in nav.iter("a")
        ), url  # group pages are reached from the index, not the nav


def test_hubungan_industrial_across_three_regions(bundled_site, groups):
    body = content(page(bundled_site.site, HI))
    text = " ".join(body.text().split())
    assert body.find("h1").text().startswith("Kepala Bidang Hubungan Industrial")
    cards = [s for s in body.iter("section") if "kj-kartu" in (s.attrs.get("class") or "")]
    assert len(cards) == 3
    for region_id, agency_id, pos_id, model in groups["kepala-bidang-hubungan-industrial"]:
        card = next(c for c in cards if c.attrs["id"].startswith(f"{region_id}-{agency_id}-{pos_id}"))
        hrefs = {href for _a, href in _links(card)}
        assert f"../../{region_id}/{agency_id}/jabatan/{pos_id}/" in hrefs
        assert f"../../{region_id}/{agency_id}/" in hrefs
        assert model.jabatan in card.text()
        for t in model.jabatan_tertulis:  # the title as printed
            assert t in card.text()
    assert {"Kota Pekalongan", "Kota Probolinggo", "Kabupaten Gresik"} <= {
        c.find("p", class_="kj-kartu-wilayah").text().split(" · ")[0] for c in cards
    }
    # document type and year of each member; the LKj member has its capaian and predikat
    assert "Laporan Kinerja Triwulan IV 2025" in text and "Indikator Kinerja Individu 2023" in text
    assert "Indikator Kinerja Individu 2017" in text
    pek = next(c for c in cards if c.attrs["id"].startswith("kota-pekalongan"))
    assert "Rata-rata capaian" in pek.text() and "Sangat Tinggi" in pek.text()
    assert "Capaian 100,36%" in " ".join(pek.text().split())
    # holders with masked NIP; Gresik prints no names
    assert "ROBY SUSANTO, S.Sos" in text and "NIP 19660530 ****** * ***" in text
    assert "196605301991091001" not in text and "199109" not in text
    gresik = next(c for c in cards if c.attrs["id"].startswith("kabupaten-gresik"))
    assert "tidak tercetak di dokumen" in gresik.text()
    # indicators with their formula and direction
    assert pek.find("span", class_="kj-arah") is not None
    prob = next(c for c in cards if c.attrs["id"].startswith("kota-probolinggo"))
    assert prob.find("span", class_="kj-pembilang").text() == "jumlah perusahaan yang memenuhi persyaratan kerja"


def test_mediator_group_lists_its_holders(bundled_site, groups):
    text = " ".join(content(page(bundled_site.site, MEDIATOR)).text().split())
    members = groups["mediator-hubungan-industrial"]
    assert len(members) == 9
    for _r, _a, _p, model in members:
        for holder in model.pemangku:
            assert holder.nama in text, holder.nama
            if holder.nip:
                assert holder.nip not in text
    assert text.count("Mediator Hubungan Industrial Ahli Muda") >= 6


def test_every_link_on_comparison_pages_resolves(bundled_site):
    folder = bundled_site.site / "perbandingan"
    pages = sorted(p.parent.relative_to(bundled_site.site).as_posix() for p in folder.rglob("index.html"))
    assert len(pages) > 10
    for url in pages:
        body = content(page(bundled_site.site, url))
        ids = {n.attrs.get("id") for n in body.iter() if n.attrs.get("id")}
        for a in body.iter("a"):
            href = a.attrs.get("href") or ""
            if href.startswith("#"):
                assert href[1:] in ids, (url, href)
        for _a, href in _links(body):
            assert _resolve(bundled_site.site, url, href).is_file(), (url, href)


def test_position_pages_link_to_their_group(bundled_site, groups):
    for gid, members in groups.items():
        for region_id, agency_id, pos_id, _model in members:
            body = content(page(bundled_site.site, f"{region_id}/{agency_id}/jabatan/{pos_id}"))
            link = next((a for a in body.iter("a") if "kj-banding-tautan" in (a.attrs.get("class") or "")), None)
            if len(members) < 2:
                assert link is None, pos_id
                continue
            assert link.attrs["href"] == f"../../../../perbandingan/{gid}/", pos_id
            elsewhere = any(r != region_id for r, *_ in members)
            assert link.text() == (
                "Bandingkan dengan jabatan sejenis di daerah lain" if elsewhere else "Bandingkan dengan jabatan sejenis"
            ), pos_id


def test_group_labels():
    assert label("kepala-bidang-hubungan-industrial", []) == "Kepala Bidang Hubungan Industrial"
    # unknown groups: the words the members' titles share, else the id in title case
    assert label("analis-hukum", ["Analis Hukum Ahli Muda", "ANALIS HUKUM AHLI PERTAMA"]) == "Analis Hukum"
    assert label("pranata-sdm-dan-umum", ["Pranata"]) == "Pranata SDM dan Umum"


# --------------------------------------------------------------------------- tiny dataset


def _write(path, doc) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The minimal fixture plus a second region: two Kepala Dinas in one group (one with a
    report), and a group with one member only."""
    tmp = tmp_path_factory.mktemp("banding")
    data = copy_minimal(tmp)
    kd = data / "kota-contoh" / "dinas-contoh" / "jabatan" / "kepala-dinas.yml"
    doc = yaml.safe_load(kd.read_text(encoding="utf-8"))
    doc["kelompok_pembanding"] = "kepala-dinas"
    _write(kd, doc)
    kabid = data / "kota-contoh" / "dinas-contoh" / "jabatan" / "kepala-bidang-a.yml"
    doc = yaml.safe_load(kabid.read_text(encoding="utf-8"))
    doc["kelompok_pembanding"] = "kepala-bidang-sendiri"
    _write(kabid, doc)
    other = data / "kabupaten-lain"
    _write(other / "wilayah.yml", {"nama": "Kabupaten Lain", "jenis": "kabupaten"})
    _write(other / "disnaker" / "perangkat-daerah.yml", {"nama": "Dinas Tenaga Kerja Lain", "singkatan": "Disnaker"})
    _write(
        other / "disnaker" / "jabatan" / "kepala-dinas.yml",
        {
            "jabatan": "Kepala Dinas Tenaga Kerja",
            "jabatan_tertulis": ["KEPALA DINAS TENAGA KERJA"],
            "jenis": "struktural",
            "kelompok_pembanding": "kepala-dinas",
            "atasan_luar": "Bupati Lain",
            "pemangku": [{"nama": "ANI LESTARI", "nip": "197001011995032001"}],
        },
    )
    _write(
        other / "disnaker" / "2023" / "kepala-dinas.yml",
        {
            "jabatan": "kepala-dinas",
            "tahun": 2023,
            "iki": {
                "indikator": [
                    {
                        "id": "tpak",
                        "sasaran": "Meningkatnya partisipasi kerja",
                        "indikator": "Tingkat partisipasi angkatan kerja",
                        "formula": {
                            "jenis": "rasio_x100",
                            "pembilang": "angkatan kerja",
                            "penyebut": "penduduk usia kerja",
                            "pengali": 100,
                        },
                    }
                ]
            },
        },
    )
    return build(data, tmp)


def test_tiny_group_page_with_capaian(tiny):
    assert not (tiny.site / "perbandingan" / "kepala-bidang-sendiri").exists()  # one member: no page
    body = content(page(tiny.site, "perbandingan/kepala-dinas"))
    text = " ".join(body.text().split())
    assert body.find("h1").text().startswith("Kepala Dinas")
    assert "Kota Contoh" in text and "Kabupaten Lain" in text
    assert "KEPALA DINAS TENAGA KERJA" in text  # the title as printed
    assert "BUDI SANTOSO, ST" in text and "ANI LESTARI" in text
    assert "NIP 19700101 ****** * ***" in text and "197001011995032001" not in text
    assert "Laporan Kinerja Triwulan IV 2025" in text and "Indikator Kinerja Individu 2023" in text
    # the report's figures: 164,08 average (as on the position page), per-indicator capaian
    assert "164,08%" in text and "Sangat Tinggi" in text and "Capaian 108,58%" in text
    assert body.find("span", class_="kj-pembilang").text() == "angkatan kerja"
    kd = content(page(tiny.site, "kota-contoh/dinas-contoh/jabatan/kepala-dinas"))
    link = next(a for a in kd.iter("a") if "kj-banding-tautan" in (a.attrs.get("class") or ""))
    assert link.text() == "Bandingkan dengan jabatan sejenis di daerah lain"
    assert "kj-banding-tautan" not in (tiny.site / "kota-contoh/dinas-contoh/jabatan/kepala-bidang-a/index.html").read_text(
        encoding="utf-8"
    )


def test_no_comparison_pages_without_groups(tmp_path):
    built = build(copy_minimal(tmp_path), tmp_path)
    assert not (built.site / "perbandingan").exists()
    nav = page(built.site, "").find("nav", class_="md-nav--primary")
    assert not any("perbandingan" in (a.attrs.get("href") or "") for a in nav.iter("a"))
