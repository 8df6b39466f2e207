"""The JSON Schemas themselves: pydantic's generator taught the loader's value rules
(Indonesian numbers, Rupiah, NIP, the short form of a realisation), turned into draft 7
for the YAML extension of VS Code, and the schemas/ folder kept in step with the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from generator import model as m
from generator.model import ppid
from generator.staff.schema.texts import describe

# Draft 7: what the YAML extension of VS Code (yaml-language-server) supports fully.
DIALECT = "http://json-schema.org/draft-07/schema#"

# file type → (model, title shown by editors)
FILE_TYPES: dict[str, tuple[type[BaseModel], str]] = {
    "situs": (m.Situs, "Pengaturan situs (data/site.yml)"),
    "wilayah": (m.Wilayah, "Wilayah: kota, kabupaten atau provinsi (data/<wilayah>/wilayah.yml)"),
    "perangkat-daerah": (m.PerangkatDaerah, "Perangkat daerah (data/<wilayah>/<opd>/perangkat-daerah.yml)"),
    "jabatan": (m.Jabatan, "Jabatan (data/<wilayah>/<opd>/jabatan/<id>.yml)"),
    "tahunan": (
        m.Tahunan,
        "Perjanjian kinerja, anggaran dan laporan triwulan satu jabatan dalam satu tahun (data/<wilayah>/<opd>/<tahun>/<id>.yml)",
    ),
    "hari-libur": (
        ppid.HariLibur,
        "Hari libur nasional dan cuti bersama satu tahun, menurut SKB 3 Menteri (data/hari-libur/<tahun>.yml)",
    ),
    "permohonan-ppid": (
        ppid.RegisterPermohonan,
        "Register permohonan informasi PPID satu tahun, tanpa data pribadi pemohon (data/<wilayah>/<opd>/ppid/permohonan-<tahun>.yml)",
    ),
    "dip-ppid": (
        ppid.DaftarTambahan,
        "Entri tambahan Daftar Informasi Publik: dokumen yang tidak dibuat situs ini (data/<wilayah>/<opd>/ppid/dip.yml)",
    ),
}

# What the number parser (generator/core/numbers.py) accepts as text: 1537, 95,14, 5.084.795.000,
# 1.234.567,89, and a quoted dot decimal such as "95.14".
_ID_NUMBER = r"^\s*-?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?\s*$|^\s*-?\d+\.\d+\s*$"
_ID_WHOLE = r"^\s*-?(\d+|\d{1,3}(\.\d{3})+)\s*$"
ANGKA = {
    "anyOf": [{"type": "number"}, {"type": "string", "pattern": _ID_NUMBER}],
    "description": 'Angka: 95,14 atau 1537 atau 5.084.795.000 (koma desimal, titik ribuan). Di dalam { … } desimal diberi tanda kutip: "108,58".',
}
RUPIAH = {
    "anyOf": [{"type": "integer"}, {"type": "string", "pattern": _ID_WHOLE}],
    "description": "Rupiah tanpa sen, mis. 5.084.795.000 (tanpa Rp dan tanpa ,-).",
}
NIP = {
    "anyOf": [{"type": "string", "pattern": r"^[0-9 ]+$"}, {"type": "integer"}],
    "description": 'NIP 18 digit, ditulis dalam tanda kutip, mis. "198001012005011001" (contoh rekaan). Data pribadi: disamarkan di situs.',
}
# Models that also accept a bare number (their `short_form` validator).
SHORT_FORM = {m.Realisasi, m.Cetak}
# A figure printed as a word or a dash ("Laporan", "-"): kept as printed, never computed.
TEKS_TERCETAK = {
    "type": "string",
    "pattern": r"^[^0-9]*$",
    "description": 'Nilai yang tercetak sebagai kata atau tanda "-" (mis. Laporan): disimpan seperti tercetak, tidak dihitung.',
}
# Number fields that also take such a printed word (model validators move it to its text field).
PRINTED_TEXT_FIELDS = {m.Indikator: ("target",), m.Realisasi: ("nilai", "target"), m.Cetak: ("nilai",)}
# Fields that take the word `tidak_tercantum` when the document does not state them.
TIDAK_TERCANTUM = {
    "const": m.TIDAK_TERCANTUM,
    "description": "Dokumen tidak mencantumkannya; situs menulis 'tidak tercantum', tidak pernah menebak.",
}
NOT_STATED_FIELDS = {m.Tahunan: ("tahun",), m.Jabatan: ("unit", "pemangku")}


class _Generator(GenerateJsonSchema):
    """pydantic's generator, taught the loader's own value rules (BeforeValidators)."""

    def function_before_schema(self, schema):
        fn = schema["function"]["function"]
        if fn is m._angka:
            return dict(ANGKA)
        if fn is m._rupiah:
            return dict(RUPIAH)
        if fn is m._nip:
            return dict(NIP)
        if fn is m._text:  # a YAML number written where text is expected is kept as text
            inner = self.generate_inner(schema["schema"])
            return {"type": ["string", "number"], **{k: v for k, v in inner.items() if k != "type"}}
        if fn is m._int:  # triwulan
            return {"enum": [1, 2, 3, 4]}
        return super().function_before_schema(schema)

    def chain_schema(self, schema):
        # Id = text, then a pattern check: the editor should know the pattern.
        steps = schema["steps"]
        first = steps[0]
        if first.get("type") == "function-before" and first["function"]["function"] is m._text:
            pattern = next((s["schema"].get("pattern") for s in steps[1:] if isinstance(s.get("schema"), dict)), None)
            if pattern:
                return {"type": "string", "pattern": pattern}
        return super().chain_schema(schema)

    def dict_schema(self, schema):
        out = super().dict_schema(schema)
        keys = schema.get("keys_schema") or {}
        if keys.get("type") == "function-before" and keys["function"]["function"] is m._int:
            out["propertyNames"] = {"enum": ["1", "2", "3", "4"]}  # YAML keys are text in JSON
        return out

    def model_schema(self, schema):
        out = super().model_schema(schema)
        cls = schema["cls"]
        describe(cls, out)
        props = out.get("properties", {})
        for name in PRINTED_TEXT_FIELDS.get(cls, ()):
            props[name] = _either(props[name], TEKS_TERCETAK)
        for name in NOT_STATED_FIELDS.get(cls, ()):
            props[name] = _either(props[name], TIDAK_TERCANTUM)
        if cls in SHORT_FORM:
            short = dict(ANGKA, description="Bentuk singkat: angkanya saja, mis. `ikm: 95,14`.")
            return {
                "anyOf": [short, dict(TEKS_TERCETAK), out],
                **({"description": out.pop("description")} if "description" in out else {}),
            }
        return out


def _either(prop: dict[str, Any], alternative: dict[str, Any]) -> dict[str, Any]:
    """``prop`` or ``alternative``, keeping the property's description and default outside."""
    keep: dict[str, Any] = {k: prop[k] for k in ("description", "default", "title") if k in prop}
    inner = {k: v for k, v in prop.items() if k not in keep}
    return {"anyOf": [inner, dict(alternative)], **keep}


def generate(kind: str) -> dict[str, Any]:
    model, title = FILE_TYPES[kind]
    schema = model.model_json_schema(schema_generator=_Generator, mode="validation", ref_template="#/definitions/{model}")
    schema = _draft7(schema)
    return {"$schema": DIALECT, "title": title, **{k: v for k, v in schema.items() if k != "title"}}


def _draft7(node: Any) -> Any:
    """pydantic writes 2020-12; draft 7 keeps definitions under `definitions` and ignores
    keywords next to `$ref`, so a described reference is wrapped in `allOf`."""
    if isinstance(node, list):
        return [_draft7(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {("definitions" if k == "$defs" else k): _draft7(v) for k, v in node.items()}
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}], **out}
    return out


def render(kind: str) -> str:
    return json.dumps(generate(kind), ensure_ascii=False, indent=2) + "\n"


def schema_file(out_dir: Path, kind: str) -> Path:
    return out_dir / f"{kind}.schema.json"


def stale(out_dir: Path) -> list[Path]:
    """Schema files that are missing or differ from what the models generate now."""
    result = []
    for kind in FILE_TYPES:
        path = schema_file(out_dir, kind)
        if not path.exists() or path.read_text(encoding="utf-8") != render(kind):
            result.append(path)
    return result


def write_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = stale(out_dir)
    for path in changed:
        path.write_text(render(path.name.removesuffix(".schema.json")), encoding="utf-8")
    return changed
