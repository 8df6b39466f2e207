"""`kinerja new JENIS …`: the command line: one subcommand per kind of file, and what is
printed after each (the file made and the next step)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from generator.core.fmt import ROMAWI
from generator.staff.scaffold.files import ScaffoldError
from generator.staff.scaffold.jabatan import new_jabatan
from generator.staff.scaffold.perangkat_daerah import new_perangkat_daerah
from generator.staff.scaffold.situs import new_situs
from generator.staff.scaffold.tahun import new_tahun_with_policies
from generator.staff.scaffold.triwulan import new_triwulan
from generator.staff.scaffold.wilayah import new_wilayah


def cmd_new(args: argparse.Namespace) -> int:
    data = Path(args.data or "data")
    try:
        if args.kind == "situs":
            created = new_situs(Path(args.folder), args.wilayah, args.jenis, args.judul, args.tahun)
            print("Situs baru dibuat:\n" + "\n".join(f"  {p.as_posix()}" for p in created))
            print(
                f"\nLangkah berikutnya: masuk ke {args.folder}, ganti perangkat daerah contoh dengan data Anda, "
                "lalu jalankan `kinerja check` dan `kinerja build`."
            )
        elif args.kind == "wilayah":
            print(f"Dibuat: {new_wilayah(data, args.id, args.nama, args.jenis).as_posix()}")
        elif args.kind == "perangkat-daerah":
            path = new_perangkat_daerah(data, args.ref, args.nama, args.singkatan)
            print(
                f"Dibuat: {path.as_posix()}\nLangkah berikutnya: lengkapi unit kerjanya, buat jabatan dengan `kinerja new jabatan {args.ref}/<id> …`, "
                f"dan tambahkan baris untuk /data/{args.ref.strip('/')}/ di .github/CODEOWNERS agar peninjau perangkat daerah ini diminta memeriksa."
            )
        elif args.kind == "jabatan":
            path = new_jabatan(
                data, args.ref, args.nama, args.jenis, args.unit, args.atasan, args.atasan_luar, args.pemangku, args.nip
            )
            print(
                f"Dibuat: {path.as_posix()}\nLangkah berikutnya: `kinerja new tahun {path.as_posix()} --tahun <tahun>` untuk perjanjian kinerjanya."
            )
        elif args.kind == "tahun":
            path, policies = new_tahun_with_policies(Path(args.berkas), args.tahun)
            print(
                f"Dibuat: {path.as_posix()}\nPeriksa dan ganti setiap target dan pagu dengan angka perjanjian kinerja tahun ini."
            )
            if policies:
                print(
                    f"Kebijakan perhitungan berkas tahun sebelumnya ikut disalin: {', '.join(policies)}. "
                    "Periksa apakah masih berlaku tahun ini (lihat komentar di atas `kebijakan:` di berkas baru)."
                )
        elif args.kind == "triwulan":
            tw, line, note = new_triwulan(Path(args.berkas), args.triwulan)
            print(f"Laporan triwulan {ROMAWI[tw]} ditambahkan ke {Path(args.berkas).as_posix()} mulai baris {line}.")
            print("Isi realisasinya (ikuti komentar di sana), lalu jalankan `kinerja check`.")
            if note:
                print(note + ".")
    except ScaffoldError as e:
        print(f"kinerja new: {e}")
        return 1
    return 0


def add_commands(subparsers, common) -> None:
    new = subparsers.add_parser(
        "new", help="buat berkas baru dari templat: situs, wilayah, perangkat daerah, jabatan, tahun, triwulan"
    )
    kinds = new.add_subparsers(dest="kind", required=True, metavar="JENIS")

    s = kinds.add_parser("situs", help="situs baru untuk wilayah lain (folder data/ dengan contoh)")
    common(s)
    s.add_argument("folder", metavar="FOLDER", help="folder situs baru (data/ dibuat di dalamnya)")
    s.add_argument("--wilayah", required=True, help='nama wilayah, mis. "Kabupaten Batang"')
    s.add_argument("--jenis", choices=["kota", "kabupaten", "provinsi"], help="bawaan: ditebak dari nama wilayah")
    s.add_argument("--judul", help="judul situs")
    s.add_argument("--tahun", type=int, default=dt.date.today().year, help="tahun perjanjian kinerja contoh (bawaan: tahun ini)")

    w = kinds.add_parser("wilayah", help="wilayah baru di situs ini")
    common(w)
    w.add_argument("id", help="id folder, mis. kabupaten-batang")
    w.add_argument("--nama", required=True)
    w.add_argument("--jenis", required=True, choices=["kota", "kabupaten", "provinsi"])

    p = kinds.add_parser("perangkat-daerah", help="perangkat daerah baru")
    common(p)
    p.add_argument("ref", metavar="WILAYAH/ID", help="mis. kota-pekalongan/dinas-tenaga-kerja")
    p.add_argument("--nama", required=True, help='mis. "Dinas Tenaga Kerja"')
    p.add_argument("--singkatan")

    j = kinds.add_parser("jabatan", help="jabatan baru di perangkat daerah")
    common(j)
    j.add_argument("ref", metavar="WILAYAH/OPD/ID", help="mis. kota-pekalongan/dinperinaker/kepala-seksi-pelatihan")
    j.add_argument("--nama", required=True, help='nama jabatan, mis. "Kepala Seksi Pelatihan"')
    j.add_argument("--jenis", required=True, choices=["struktural", "fungsional", "pelaksana"])
    j.add_argument("--unit", help="id unit kerja dari perangkat-daerah.yml")
    j.add_argument("--atasan", help="id jabatan atasan langsung")
    j.add_argument("--atasan-luar", help='atasan di luar perangkat daerah, mis. "Wali Kota Pekalongan"')
    j.add_argument("--pemangku", help="nama pemangku jabatan")
    j.add_argument("--nip", help="NIP pemangku (18 digit)")

    t = kinds.add_parser("tahun", help="perjanjian kinerja tahun baru (indikator disalin dari tahun sebelumnya, tanpa realisasi)")
    common(t)
    t.add_argument(
        "berkas", metavar="BERKAS", help="berkas tahun sebelumnya (…/2025/<id>.yml) atau berkas jabatan (…/jabatan/<id>.yml)"
    )
    t.add_argument("--tahun", type=int, help="bawaan: tahun berkas sebelumnya + 1")

    q = kinds.add_parser("triwulan", help="laporan triwulan berikutnya di berkas tahunan (target terbawa, realisasi dikosongkan)")
    common(q)
    q.add_argument("berkas", metavar="BERKAS", help="berkas tahunan, mis. data/…/2025/kepala-dinas.yml")
    q.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4], help="bawaan: triwulan sesudah laporan terakhir")
    new.set_defaults(func=cmd_new)
