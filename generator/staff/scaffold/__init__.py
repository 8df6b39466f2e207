"""`kinerja new …`: start files staff then fill in, with Indonesian comments as a guide.

    kinerja new situs DIR --wilayah "Kabupaten X" [--jenis kabupaten]   a new site: data/ with region and an example agency
    kinerja new wilayah ID --nama "Kota X" --jenis kota                   another region in this site
    kinerja new perangkat-daerah WILAYAH/ID --nama "Dinas …"              an agency
    kinerja new jabatan WILAYAH/OPD/ID --nama "…" --jenis …               a position
    kinerja new tahun BERKAS [--tahun N]                                  next year's Perjanjian Kinerja, indicators copied
    kinerja new triwulan BERKAS [--triwulan N]                            the next quarter's report entry, pre-filled

Every result passes `kinerja check` as written: what staff still have to fill in is
written as comments (a blank value would be an error). Existing files are never
overwritten; `new triwulan` only adds an entry to the year file (and moves the site's
``data_per`` forward to the quarter's end when needed, which the check requires).

One module per kind (``situs``, ``wilayah``, ``perangkat_daerah``, ``jabatan``, ``tahun``,
``triwulan``), each with its file's text and its ``new_…`` function; ``yamltext`` writes
single values, ``files`` creates and reads files, ``commands`` is the command line.
"""

from generator.staff.scaffold.commands import add_commands, cmd_new
from generator.staff.scaffold.files import ScaffoldError
from generator.staff.scaffold.jabatan import jabatan_text, new_jabatan
from generator.staff.scaffold.perangkat_daerah import new_perangkat_daerah, perangkat_daerah_text
from generator.staff.scaffold.situs import new_situs, situs_text
from generator.staff.scaffold.tahun import EXAMPLE_INDICATORS, new_tahun, tahunan_text
from generator.staff.scaffold.triwulan import laporan_text, new_triwulan
from generator.staff.scaffold.wilayah import kepala_daerah, new_wilayah, wilayah_text
from generator.staff.scaffold.yamltext import rupiah, scalar, slug

__all__ = [
    "EXAMPLE_INDICATORS",
    "ScaffoldError",
    "add_commands",
    "cmd_new",
    "jabatan_text",
    "kepala_daerah",
    "laporan_text",
    "new_jabatan",
    "new_perangkat_daerah",
    "new_situs",
    "new_tahun",
    "new_triwulan",
    "new_wilayah",
    "perangkat_daerah_text",
    "rupiah",
    "scalar",
    "situs_text",
    "slug",
    "tahunan_text",
    "wilayah_text",
]
