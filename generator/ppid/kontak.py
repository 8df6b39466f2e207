"""The contact and procedure views of the PPID section: where a request goes, the
agency's PPID contact, and the legal deadlines (UU 14/2008, Perki KIP 1/2021).

Links that leave the page (request form, mailto) are built here from validated parts and
returned as Markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from markupsafe import Markup, escape

from generator.compute import workdays
from generator.core import addresses
from generator.ppid.links import email_address, external_url, host, rel_href
from generator.validate.dataset import AgencyRecord

SENGKETA_HARI = 14  # working days to bring a dispute to the Komisi Informasi (UU 14/2008 Pasal 37)


@dataclass(frozen=True)
class Kanal:
    """Where a request goes: the agency's online form, its PPID e-mail, or (when neither
    is in the data) the agency's procedure page."""

    jenis: str  # formulir | email | prosedur
    formulir_url: str | None
    email: str | None

    @classmethod
    def of(cls, agency: AgencyRecord) -> Kanal:
        k = agency.model.ppid
        form = external_url(k.formulir_url) if k else None
        mail = email_address(k.email) if k else None
        return cls("formulir" if form else "email" if mail else "prosedur", form, mail)

    def href(self, page: str, region_id: str, agency_id: str, nomor: str | None, ringkasan: str | None, nama_pd: str) -> Markup:
        if self.jenis == "formulir" and self.formulir_url is not None:
            parts = urlsplit(self.formulir_url)
            query = parts.query + ("&" if parts.query else "") + urlencode({"dip": nomor}) if nomor else parts.query
            url = urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))
        elif self.jenis == "email" and self.email is not None:
            subject = f"Permohonan informasi publik {nomor}" if nomor else f"Permohonan informasi publik {nama_pd}"
            body = (
                f"Kepada PPID {nama_pd},\n\nSaya mengajukan permohonan informasi publik berikut.\n\n"
                + (f"Nomor DIP: {nomor}\nInformasi: {ringkasan}\n" if nomor else "Informasi yang dibutuhkan: \n")
                + "Tujuan penggunaan informasi: \n"
                + "Cara memperoleh informasi (melihat/membaca atau salinan softcopy/hardcopy): \n\n"
                + "Nama: \nAlamat: \nNomor telepon: \n"
            )
            url = f"mailto:{quote(self.email, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
        else:
            url = str(rel_href(page, addresses.ppid_cara(region_id, agency_id))) + (
                f"?dip={quote(nomor, safe='')}" if nomor else ""
            )
        return Markup(escape(url))

    @property
    def keterangan(self) -> str:
        if self.jenis == "formulir" and self.formulir_url:
            return (
                f"Tautan membuka formulir permohonan daring PPID di {host(self.formulir_url)} (situs lain) "
                "dengan nomor DIP sudah terisi."
            )
        if self.jenis == "email":
            return "Tautan membuka aplikasi surel Anda dengan pesan permohonan yang sudah memuat nomor DIP; lengkapi lalu kirim."
        return (
            "Kanal permohonan daring PPID belum diisi dalam data situs ini. Tautan menuju cara mengajukan permohonan; "
            "sebutkan nomor DIP dalam permohonan Anda."
        )


def kontak_view(agency: AgencyRecord) -> dict:
    """The PPID's contact as the data gives it (links only where they are valid), and the
    agency's office contact."""
    k = agency.model.ppid
    pd = agency.model
    fields = []
    if k:
        form = external_url(k.formulir_url)
        if k.formulir_url:
            fields.append(("Formulir permohonan daring", k.formulir_url, Markup(escape(form)) if form else None))
        if k.email:
            mail = email_address(k.email)
            fields.append(("Surel PPID", k.email, Markup(escape(f"mailto:{mail}")) if mail else None))
        for label, value in (("Telepon", k.telepon), ("Alamat", k.alamat), ("Jam layanan", k.jam_layanan)):
            if value:
                fields.append((label, value, None))
    kantor = [
        (label, value)
        for label, value in (
            ("Alamat kantor", pd.alamat),
            ("Telepon kantor", pd.telepon),
            ("Surel kantor", pd.email),
            ("Situs web", pd.situs_web),
        )
        if value
    ]
    return {
        "terisi": bool(fields),
        "fields": fields,
        "atasan_ppid": k.atasan_ppid if k else None,
        "kantor": kantor,
        "kanal": Kanal.of(agency),
        "nama_pd": pd.nama,
    }


# --------------------------------------------------------------------------- the deadlines


def jangka_waktu() -> list[dict]:
    """The deadline table: each stage of a request, objection and dispute."""
    return [
        {
            "tahap": "Jawaban atas permohonan informasi",
            "oleh": "PPID",
            "batas": f"{workdays.JAWAB} hari kerja",
            "sejak": "sejak permohonan diterima",
        },
        {
            "tahap": "Perpanjangan jawaban",
            "oleh": "PPID",
            "batas": f"{workdays.PERPANJANGAN} hari kerja",
            "sejak": f"paling lama, dengan pemberitahuan tertulis beserta alasannya sebelum batas {workdays.JAWAB} hari kerja berakhir",
        },
        {
            "tahap": "Pengajuan keberatan",
            "oleh": "Pemohon, kepada Atasan PPID",
            "batas": f"{workdays.KEBERATAN} hari kerja",
            "sejak": "sejak alasan keberatan ditemukan (mis. sejak jawaban diterima atau batas waktu jawaban lewat)",
        },
        {
            "tahap": "Tanggapan atas keberatan",
            "oleh": "Atasan PPID",
            "batas": f"{workdays.KEBERATAN} hari kerja",
            "sejak": "sejak keberatan dicatat",
        },
        {
            "tahap": "Pengajuan sengketa informasi",
            "oleh": "Pemohon, kepada Komisi Informasi",
            "batas": f"{SENGKETA_HARI} hari kerja",
            "sejak": "sejak tanggapan tertulis Atasan PPID diterima, atau sejak batas waktu tanggapan lewat",
        },
    ]


def hari_kerja() -> dict[str, int]:
    """The deadlines in working days, as the procedure pages and forms quote them."""
    return {
        "jawab": workdays.JAWAB,
        "perpanjangan": workdays.PERPANJANGAN,
        "keberatan": workdays.KEBERATAN,
        "sengketa": SENGKETA_HARI,
    }
