"""People: superiors and units of positions, and the NIPs of their holders."""

from __future__ import annotations

import datetime as dt
import re

from generator.core.diagnostics import Diagnostic, did_you_mean, msg
from generator.core.layout import AGENCY_FILE
from generator.load import Document, Path_
from generator.model import Penandatangan
from generator.validate.dataset import AgencyRecord, Dataset


def nip_rules(
    doc: Document,
    loc: Path_,
    nip: str | None,
    seen: dict[str, tuple[str, str, int]],
    name: str,
    out: list[Diagnostic],
    status: str = "PNS",
) -> None:
    if nip is None:
        return
    line, col = doc.where(loc)
    if not nip.isdigit():
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "NIP_FORMAT",
                msg(f"NIP '{nip}' berisi karakter selain angka", f"NIP '{nip}' contains non-digits"),
                msg(
                    'tulis 18 digit NIP dalam tanda kutip, mis. "198001012005011001" (contoh rekaan)',
                    "write the 18 digits in quotes",
                ),
            )
        )
        return
    if len(nip) != 18:
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "NIP_LENGTH",
                msg(
                    f"NIP '{nip}' terdiri atas {len(nip)} digit, seharusnya 18", f"NIP '{nip}' has {len(nip)} digits, expected 18"
                ),
                msg(
                    "periksa NIP pada SK atau kartu pegawai; NIP = tanggal lahir (8) + TMT (6) + jenis kelamin (1) + nomor urut (3)",
                    "check the NIP against the personnel decree: birth date (8) + appointment (6) + sex (1) + serial (3)",
                ),
            )
        )
        return
    try:
        dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
        # PNS: digits 9–14 are the appointment year and month. PPPK NIPs put a code
        # (e.g. "21") where the month would be, so only the year is checked for them.
        month_ok = status == "PPPK" or 1 <= int(nip[12:14]) <= 12
        valid = nip[14] in "12" and month_ok and 1950 <= int(nip[8:12]) <= 2100
    except ValueError:
        valid = False
    if not valid:
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "NIP_FORMAT",
                msg(
                    f"NIP '{nip}' tidak memuat tanggal lahir, bulan TMT atau kode jenis kelamin yang sah",
                    f"NIP '{nip}' does not hold a valid birth date, appointment month or sex digit",
                ),
                msg("periksa kembali NIP; kemungkinan ada digit tertukar", "re-check the NIP; digits may be swapped"),
                severity="warning",
            )
        )
    clean = re.sub(r"[^a-z]", "", name.lower().split(",")[0])
    other = seen.setdefault(nip, (clean, doc.rel, line))
    if other[0] != clean and not (other[0].startswith(clean) or clean.startswith(other[0])):
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "NIP_SHARED",
                msg(
                    f"NIP '{nip}' juga dipakai orang lain ({other[1]}:{other[2]})",
                    f"NIP '{nip}' is also used by someone else ({other[1]}:{other[2]})",
                ),
                msg("satu NIP milik satu orang; periksa apakah NIP tersalin dari laporan lain", "one NIP belongs to one person"),
                severity="warning",
            )
        )


def position_rules(agency: AgencyRecord, nips: dict[str, tuple[str, str, int]], out: list[Diagnostic]) -> None:
    for pid, pos in agency.positions.items():
        doc, jab = pos.doc, pos.model
        if jab.unit and jab.unit not in agency.units:
            line, col = doc.where(("unit",))
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "UNKNOWN_REF",
                    msg(f"unit '{jab.unit}' tidak ada di {AGENCY_FILE}", f"unit '{jab.unit}' does not exist"),
                    did_you_mean(
                        jab.unit,
                        agency.units,
                        msg(f"unit yang ada: {', '.join(agency.units)}", f"known units: {', '.join(agency.units)}"),
                    ),
                )
            )
        if jab.atasan:
            if jab.atasan not in agency.positions:
                line, col = doc.where(("atasan",))
                out.append(
                    Diagnostic(
                        doc.rel,
                        line,
                        col,
                        "UNKNOWN_REF",
                        msg(f"atasan '{jab.atasan}' tidak ada di folder jabatan/", f"superior '{jab.atasan}' does not exist"),
                        did_you_mean(
                            jab.atasan,
                            agency.positions,
                            msg("isi dengan id berkas jabatan atasan", "use the superior's position id"),
                        ),
                    )
                )
            else:
                seen = {pid}
                cur: str | None = jab.atasan
                while cur and cur in agency.positions:
                    if cur in seen:
                        line, col = doc.where(("atasan",))
                        out.append(
                            Diagnostic(
                                doc.rel,
                                line,
                                col,
                                "CYCLE",
                                msg(f"rantai atasan '{pid}' kembali ke dirinya sendiri", f"the superior chain of '{pid}' loops"),
                                msg(
                                    "periksa `atasan` pada berkas-berkas jabatan di rantai ini", "check `atasan` along the chain"
                                ),
                            )
                        )
                        break
                    seen.add(cur)
                    cur = agency.positions[cur].model.atasan
        for i, holder in enumerate(jab.pemangku):
            nip_rules(doc, ("pemangku", i, "nip"), holder.nip, nips, holder.nama, out, holder.status)
            if holder.mulai and holder.selesai and holder.selesai < holder.mulai:
                line, col = doc.where(("pemangku", i, "selesai"))
                out.append(
                    Diagnostic(
                        doc.rel, line, col, "TYPE", msg("tanggal selesai sebelum tanggal mulai", "end date before start date")
                    )
                )


def signatory_loc(doc: Document, loc: Path_, i: int, role: str) -> Path_:
    """Where the ``i``-th signatory is written: ``loc + (i,)`` in the list form, or
    ``loc + (role,)`` in the older mapping form ``{pembuat: …, mengetahui: …}``."""
    return loc + (i,) if loc + (i,) in doc.positions else loc + (role,)


def signatory_rules(dataset: Dataset, nips: dict[str, tuple[str, str, int]], out: list[Diagnostic]) -> None:
    """The NIP of every signatory (of each quarterly report and of the IKI sheet) checked
    like a holder's: format, 18 digits, date parts, and one NIP for one name across holders
    and signatories (``nips``, filled by position_rules first). A signatory's status is the
    one of the holder with the same NIP (PPPK NIPs carry a code where the month would be),
    else PNS."""
    status = {
        h.nip: h.status for agency in dataset.agencies() for pos in agency.positions.values() for h in pos.model.pemangku if h.nip
    }
    for _region, _agency, _position, year in dataset.years():
        t, doc = year.model, year.doc
        sheets: list[tuple[Path_, list[Penandatangan]]] = [
            (("laporan", li, "penandatangan"), lap.penandatangan) for li, lap in enumerate(t.laporan)
        ]
        if t.iki is not None:
            sheets.append((("iki", "penandatangan"), t.iki.penandatangan))
        for loc, signed in sheets:
            for i, person in enumerate(signed):
                if person.nip:
                    where = signatory_loc(doc, loc, i, person.peran) + ("nip",)
                    nip_rules(doc, where, person.nip, nips, person.nama, out, status.get(person.nip, "PNS"))
