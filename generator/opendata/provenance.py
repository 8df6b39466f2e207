"""Provenance carried by every download: source documents, as-of date, licence, citation,
and the git commit of its data (the newest commit that changed the files it is made from).
No clock is read here: the only dates are the data's own, so unchanged data gives
identical files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.core.fmt import ROMAWI, tanggal

# (region id, agency id) → the data commit of that agency's files, of a region's (agency
# None) or of the whole dataset's (both None); the site layer passes one made from
# check.revision.DataCommits, so a commit that changes one agency changes only its files.
CommitOf = Callable[[str | None, str | None], str | None]


def commit_of(commit: str | CommitOf | None) -> CommitOf:
    """``commit`` as a CommitOf: one commit (a frozen archive's) or None stands for every scope."""
    if callable(commit):
        return commit

    def every(_region: str | None = None, _agency: str | None = None) -> str | None:
        return commit

    return every


LICENCE_URLS = {
    "cc by 4.0": "https://creativecommons.org/licenses/by/4.0/deed.id",
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/deed.id",
    "cc by-sa 4.0": "https://creativecommons.org/licenses/by-sa/4.0/deed.id",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/deed.id",
    "cc0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/deed.id",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/deed.id",
    "odc-by": "https://opendatacommons.org/licenses/by/1-0/",
}
# Frictionless / CKAN licence ids for the same names.
LICENCE_IDS = {
    "cc by 4.0": "CC-BY-4.0",
    "cc-by-4.0": "CC-BY-4.0",
    "cc by-sa 4.0": "CC-BY-SA-4.0",
    "cc-by-sa-4.0": "CC-BY-SA-4.0",
    "cc0 1.0": "CC0-1.0",
    "cc0-1.0": "CC0-1.0",
    "odc-by": "ODC-BY-1.0",
}


def periode(tahun: int, triwulan: int | None) -> str:
    return f"Triwulan {ROMAWI[triwulan]} {tahun}" if triwulan else str(tahun)


def licence_url(name: str) -> str | None:
    return LICENCE_URLS.get(name.strip().casefold())


def licence_id(name: str) -> str:
    return LICENCE_IDS.get(name.strip().casefold(), name.strip())


@dataclass(frozen=True)
class Source:
    id: str
    judul: str
    keterangan: str | None = None


@dataclass
class Provenance:
    """What one download holds and where it comes from.

    ``halaman`` and ``api`` are site-relative ("kota-x/dinas/jabatan/kepala-dinas/");
    with ``site_url`` the citation gives the absolute address.
    """

    judul: str  # what the file holds, e.g. "Capaian kinerja Kepala Dinas, Triwulan IV 2025"
    pembuat: str  # the agency (or region, or site) the figures belong to
    penerbit: str  # the site's title
    data_per: dt.date
    lisensi: str
    commit: str | None
    halaman: str | None = None
    api: str | None = None
    site_url: str | None = None
    sumber: list[Source] = field(default_factory=list)

    def absolute(self, path: str | None) -> str | None:
        if path is None:
            return None
        return (self.site_url.rstrip("/") + "/" + path) if self.site_url else path

    @property
    def sitasi(self) -> str:
        """Indonesian citation, author (year). title [data]. publisher, as-of date, version. address. licence."""
        parts = [
            f"{self.pembuat} ({self.data_per.year}). {self.judul} [data]. {self.penerbit}, data per {tanggal(self.data_per)}"
        ]
        if self.commit:
            parts[0] += f", versi {self.commit[:12]}"
        where = self.absolute(self.halaman)
        if where:
            parts.append(f"Tersedia di {where}")
        parts.append(f"Lisensi {self.lisensi}")
        return ". ".join(parts) + "."

    def as_dict(self) -> dict:
        return {
            "judul": self.judul,
            "pembuat": self.pembuat,
            "penerbit": self.penerbit,
            "sumber": [{"id": s.id, "judul": s.judul, "keterangan": s.keterangan} for s in self.sumber],
            "data_per": self.data_per.isoformat(),
            "lisensi": {"nama": self.lisensi, "url": licence_url(self.lisensi)},
            "sitasi": self.sitasi,
            "commit": self.commit,
            "halaman": self.halaman,
            "api": self.api,
        }

    def as_rows(self) -> list[tuple[str, str]]:
        """(label, text) pairs for the notes sheet of a workbook."""
        url = licence_url(self.lisensi)
        return [
            ("Isi berkas", self.judul),
            ("Pemilik data", self.pembuat),
            ("Penerbit", self.penerbit),
            ("Dokumen sumber", "; ".join(s.judul + (f" ({s.keterangan})" if s.keterangan else "") for s in self.sumber) or "–"),
            ("Data per", tanggal(self.data_per)),
            ("Lisensi", self.lisensi + (f" – {url}" if url else "")),
            ("Cara mengutip", self.sitasi),
            ("Versi data (commit git)", self.commit or "tidak diketahui"),
            ("Halaman", self.absolute(self.halaman) or "–"),
            ("API (JSON)", self.absolute(self.api) or "–"),
        ]
