"""The lists of cache keys a `kinerja dokumen` run leaves for the build (generator/documents/keys.py):
read only on exactly the same inputs, never trusted when damaged, removed once stale."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.documents import keys

ON = dt.date(2026, 1, 31)
KEY_A, KEY_B = "a" * 64, "b" * 64


def _data(root: Path) -> Path:
    data = root / "data"
    (data / "kota-contoh" / "dinas-contoh").mkdir(parents=True)
    (data / "site.yml").write_text("judul: Kinerja\n", encoding="utf-8")
    (data / "kota-contoh" / "dinas-contoh" / "perangkat-daerah.yml").write_text("nama: Dinas Contoh\n", encoding="utf-8")
    return data


def _read(cache: Path, data: Path, salt: str = "s", commit: str | None = "c1", tampilan: str = "samaran", on: dt.date = ON):
    return keys.read(cache, data, salt, commit, tampilan, on)


def test_every_input_is_in_the_stamp_and_hidden_files_are_not(tmp_path):
    data = _data(tmp_path)
    base = keys.stamp(data, "s", "c1", "samaran", ON)
    assert keys.stamp(data, "s", "c1", "samaran", ON) == base
    others = {
        keys.stamp(data, "t", "c1", "samaran", ON),  # templates, Typst or the documents' code
        keys.stamp(data, "s", "c2", "samaran", ON),  # the data commit
        keys.stamp(data, "s", None, "samaran", ON),
        keys.stamp(data, "s", "c1", "lengkap", ON),  # the NIP display
        keys.stamp(data, "s", "c1", "samaran", ON + dt.timedelta(days=1)),  # the as-of date
    }
    assert base not in others and len(others) == 5
    (data / ".git").mkdir()
    (data / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    assert keys.stamp(data, "s", "c1", "samaran", ON) == base  # not data: the loader never reads it
    agency = data / "kota-contoh" / "dinas-contoh" / "perangkat-daerah.yml"
    agency.write_text("nama: Dinas Contoh \n", encoding="utf-8")  # one byte more
    assert keys.stamp(data, "s", "c1", "samaran", ON) != base
    agency.write_text("nama: Dinas Contoh\n", encoding="utf-8")
    agency.rename(agency.with_name("perangkat-daerah.yaml"))  # the same bytes under another name
    assert keys.stamp(data, "s", "c1", "samaran", ON) != base


def test_a_list_is_read_on_its_own_stamp_only_and_stale_lists_are_removed(tmp_path):
    data, cache = _data(tmp_path), tmp_path / "cache"
    assert _read(cache, data) == {}  # no list: nothing read
    stamp = keys.stamp(data, "s", "c1", "samaran", ON)
    keys.write(cache, stamp, "bagian-1-dari-2", {"dokumen/a.pdf": KEY_A})
    keys.write(cache, stamp, "bagian-2-dari-2", {"dokumen/b.pdf": KEY_B})
    assert _read(cache, data) == {"dokumen/a.pdf": KEY_A, "dokumen/b.pdf": KEY_B}
    assert _read(cache, data, commit="c2") == {}  # another commit: other contents
    assert not (cache / keys.KEYS_DIR / stamp).exists()  # and the lists of the old inputs are gone


def test_a_damaged_or_foreign_list_is_ignored_and_the_others_are_read(tmp_path):
    data, cache = _data(tmp_path), tmp_path / "cache"
    stamp = keys.stamp(data, "s", "c1", "samaran", ON)
    keys.write(cache, stamp, "bagian-1-dari-3", {"dokumen/a.pdf": KEY_A, "dokumen/c.pdf": "bukan-kunci"})
    folder = cache / keys.KEYS_DIR / stamp
    (folder / "bagian-2-dari-3.json").write_text('{"stempel": "' + stamp + '", "kunci": {"dokumen/b.pdf"', encoding="utf-8")
    (folder / "bagian-3-dari-3.json").write_text('{"stempel": "lain", "kunci": {"dokumen/d.pdf": "' + KEY_B + '"}}', "utf-8")
    (folder / "catatan.json").write_text("[1, 2]", encoding="utf-8")
    assert _read(cache, data) == {"dokumen/a.pdf": KEY_A}  # cut short, another stamp, not a list, not a key: left out
