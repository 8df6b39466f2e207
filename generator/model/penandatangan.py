"""Who signed a document: an ordered list of signatories, each with the role the document
gives them (the maker, the direct superior, "Mengetahui", Pihak Pertama / Pihak Kedua …).

The list keeps the order the document prints the signature blocks in. The older mapping
form ``{pembuat: …, mengetahui: …}`` is still read and becomes the same list (``mengetahui``
first, as the documents print it); the staff tools and the bundled data write the list.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from generator.model.fields import Id, Model, Nip, Teks

# The roles documents give their signatories. ``pembuat``: the maker of a report;
# ``atasan_langsung``: the maker's direct superior (a UPTD head signing a staff report);
# ``mengetahui``: the superior who acknowledges ("Mengetahui,"); ``menyetujui``: who approves;
# ``pihak_pertama`` / ``pihak_kedua``: the holder and the superior of an agreement or IKI
# sheet; ``lainnya``: any other caption (write it in ``peran_tertulis``).
Peran = Literal["pembuat", "atasan_langsung", "mengetahui", "menyetujui", "pihak_pertama", "pihak_kedua", "lainnya"]

# How a role is named on the pages (the caption of its signature block).
PERAN_LABEL: dict[str, str] = {
    "pembuat": "Pembuat",
    "atasan_langsung": "Atasan langsung",
    "mengetahui": "Mengetahui",
    "menyetujui": "Menyetujui",
    "pihak_pertama": "Pihak Pertama",
    "pihak_kedua": "Pihak Kedua",
    "lainnya": "Penanda tangan",
}
# The roles of the person whose document it is (the maker, or the first party).
PERAN_PEMBUAT = ("pembuat", "pihak_pertama")
_OLD_ROLES = ("mengetahui", "pembuat")  # the mapping form's keys, in the documents' order


class Penandatangan(Model):
    peran: Peran
    peran_tertulis: Teks | None = None  # the caption as printed, e.g. "Mengetahui :", "PIHAK KEDUA"
    nama: Teks
    nama_tertulis: list[Teks] = Field(default_factory=list)
    jabatan: Teks  # as printed in the signature block
    jabatan_id: Id | None = None  # the position in this agency, when it is one
    pangkat: Teks | None = None  # as printed
    golongan: Teks | None = None
    nip: Nip | None = None
    nip_tertulis: Teks | None = None


def _signatories(value: Any) -> Any:
    """The older mapping ``{pembuat: …, mengetahui: …}`` as the list (mengetahui first)."""
    if isinstance(value, dict) and value and set(value) <= set(_OLD_ROLES):
        out = []
        for role in _OLD_ROLES:
            person = value.get(role)
            if person is not None:
                out.append({"peran": role, **person} if isinstance(person, dict) else person)
        return out
    return value


DaftarPenandatangan = Annotated[list[Penandatangan], BeforeValidator(_signatories)]


def pembuat(signers: list[Penandatangan]) -> Penandatangan | None:
    """The maker (or first party) of a document, when it names one."""
    return next((s for s in signers if s.peran in PERAN_PEMBUAT), None)
