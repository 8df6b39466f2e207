"""NIP is personal data (UU 27/2022): masked by default, shown in full or hidden by
site.yml `tampilan_nip`, everywhere it could appear (profile, signatures, source notes)."""

from __future__ import annotations

import html

import yaml
from site_fixtures import copy_minimal

from generator.check import check
from generator.core.fmt import nip, samarkan_nip
from generator.site.compose import render_site

NIP = "196902031998031004"


def test_nip_formats():
    assert nip(NIP, "samar") == "19690203 ****** * ***"
    assert nip(NIP, "lengkap") == "19690203 199803 1 004"
    assert nip(NIP, "sembunyi") is None
    assert nip("19690203199803104", "samar") == "19690203 ****** * **"  # a 17-digit typo keeps its length
    assert nip(None, "samar") is None


def test_nip_inside_free_text():
    text = "NIP tertulis 19840430200712004, lengkapnya 19840430 200701 2 004."
    assert samarkan_nip(text, "samar") == "NIP tertulis 19840430 ****** * **, lengkapnya 19840430 ****** * ***."
    assert "19840430" not in samarkan_nip(text, "sembunyi")
    assert samarkan_nip(text, "lengkap") == text


def _render(tmp_path, tampilan: str | None) -> str:
    data = copy_minimal(tmp_path)
    site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    if tampilan:
        site["tampilan_nip"] = tampilan
    (data / "site.yml").write_text(yaml.safe_dump(site), encoding="utf-8")
    year = data / "kota-contoh" / "dinas-contoh" / "2025" / "kepala-dinas.yml"
    doc = yaml.safe_load(year.read_text(encoding="utf-8"))
    doc["laporan"][1]["catatan_sumber"] = [f"NIP pembuat tertulis {NIP[:8]} {NIP[8:14]} {NIP[14]} {NIP[15:]} di halaman 3."]
    year.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = check(data)
    assert not result.errors
    files = render_site(result).files
    return "\n".join(html.unescape(v.decode("utf-8")) for k, v in files.items() if k.endswith((".md", ".json")))


def test_default_is_masked(tmp_path):
    text = _render(tmp_path, None)
    assert "NIP 19690203 ****** * ***" in text
    assert "tertulis 19690203 ****** * *** di halaman 3" in text
    assert "199803" not in text and NIP not in text


def test_lengkap_shows_the_full_nip(tmp_path):
    text = _render(tmp_path, "lengkap")
    assert "NIP 19690203 199803 1 004" in text


def test_sembunyi_hides_it(tmp_path):
    text = _render(tmp_path, "sembunyi")
    assert "19690203" not in text and "NIP 1" not in text
    assert "BUDI SANTOSO, ST" in text  # the person is still named
