"""Schema errors for people: pydantic's findings on one file, in Indonesian (and English),
at the line and column where the value was written."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.core.diagnostics import Diagnostic, did_you_mean, msg
from generator.load import Document, Path_
from generator.validate.where import parent_place, place, shown


def _field_model(annotation: Any) -> type[BaseModel] | None:
    """Unwrap Optional/list/dict/Annotated to the pydantic model inside, if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _field_model(typing.get_args(annotation)[0])
    if origin in (list, dict, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _field_model(arg)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _model_at(root: type[BaseModel], loc: Path_) -> type[BaseModel] | None:
    current: type[BaseModel] | None = root
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int) or part not in getattr(current, "model_fields", {}):
            # list index or dict key: stays on the same container's item model
            continue
        current = _field_model(current.model_fields[part].annotation)
    return current


_TYPE_NAMES = {
    "string": ("teks", "text"),
    "int": ("bilangan bulat", "whole number"),
    "bool": ("true atau false", "true or false"),
    "date": ("tanggal (TTTT-BB-HH)", "date (YYYY-MM-DD)"),
    "list": ("daftar (baris berawalan '- ')", "list ('- ' items)"),
    "dict": ("pemetaan (kunci: nilai)", "mapping (key: value)"),
    "model": ("pemetaan (kunci: nilai)", "mapping (key: value)"),
    "decimal": ("angka", "number"),
}


def _kind(err_type: str) -> tuple[str, str] | None:
    for prefix, names in _TYPE_NAMES.items():
        if err_type.startswith(prefix):
            return names
    return None


def _schema_diagnostic(doc: Document, root: type[BaseModel], err: ErrorDetails) -> Diagnostic:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("function-", "literal["))))
    etype = err["type"]
    where_key = etype in ("extra_forbidden",)
    line, col = doc.where(loc, key=where_key)
    # where and what, in words (validate/where.py): "laporan ke-1 (triwulan II) › realisasi"
    dotted, dotted_en = place(doc.data, loc), place(doc.data, loc, "en")
    ctx = err.get("ctx") or {}
    given = err.get("input")
    given_s, given_en = shown(given), shown(given, "en")

    if etype in _custom_codes():
        hint = ctx.get("hint")
        return Diagnostic(
            doc.rel,
            line,
            col,
            etype,
            msg(f"{dotted}: {err['msg']}", f"{dotted_en}: {ctx.get('en', err['msg'])}"),
            msg(hint, ctx.get("hint_en", hint)) if hint else None,
        )
    if etype == "extra_forbidden":
        key = loc[-1]
        parent = _model_at(root, loc[:-1])
        known = sorted(parent.model_fields) if parent is not None else []
        hint = did_you_mean(str(key), known, msg("kunci yang dikenal: " + ", ".join(known), "known keys: " + ", ".join(known)))
        return Diagnostic(
            doc.rel,
            line,
            col,
            "UNKNOWN_KEY",
            msg(
                f"kunci '{key}' tidak dikenal di {parent_place(doc.data, loc)}",
                f"unknown key '{key}' in {parent_place(doc.data, loc, 'en')}",
            ),
            hint,
        )
    if etype == "missing":
        key = loc[-1]
        line, col = doc.where(loc[:-1])
        return Diagnostic(
            doc.rel,
            line,
            col,
            "MISSING_KEY",
            msg(
                f"kunci wajib '{key}' tidak ada di {parent_place(doc.data, loc)}",
                f"required key '{key}' is missing in {parent_place(doc.data, loc, 'en')}",
            ),
            msg(f"tambahkan `{key}: ...`", f"add `{key}: ...`"),
        )
    if etype == "literal_error":
        expected = str(ctx.get("expected", ""))
        return Diagnostic(
            doc.rel,
            line,
            col,
            "TYPE",
            msg(f"{dotted}: nilai {given_s} tidak diizinkan", f"{dotted_en}: value {given_en} not allowed"),
            msg(f"pilih salah satu: {expected.replace(' or ', ' atau ')}", f"use one of: {expected}"),
        )
    if etype == "string_pattern_mismatch":
        return Diagnostic(
            doc.rel,
            line,
            col,
            "TYPE",
            msg(f"{dotted}: id {given_s} tidak sah", f"{dotted_en}: invalid id {given_en}"),
            msg(
                "id memakai huruf kecil, angka dan tanda hubung, mis. indeks-kepuasan-masyarakat",
                "ids use lower-case letters, digits and hyphens",
            ),
        )
    if etype in _BOUNDS:
        bound = ctx.get(_BOUNDS[etype][0])
        return Diagnostic(
            doc.rel,
            line,
            col,
            "TYPE",
            msg(f"{dotted}: {given_s} di luar batas ({_BOUNDS[etype][1]} {bound})", f"{dotted_en}: {err['msg']}"),
        )
    if etype == "invalid_key":
        return Diagnostic(
            doc.rel,
            line,
            col,
            "TYPE",
            msg(f"{dotted}: kunci tidak sah {given_s}", f"{dotted_en}: invalid key {given_en}"),
            msg("triwulan ditulis 1, 2, 3 atau 4", "quarters are written 1, 2, 3 or 4"),
        )
    if etype in ("string_too_long", "too_long", "string_too_short", "too_short"):
        longest = "max_length" in ctx
        limit = ctx.get("max_length", ctx.get("min_length"))
        unit = "karakter" if etype.startswith("string") else "butir"
        return Diagnostic(
            doc.rel,
            line,
            col,
            "TYPE",
            msg(
                f"{dotted}: terlalu {'panjang' if longest else 'pendek'} ({'paling banyak' if longest else 'paling sedikit'} {limit} {unit})",
                f"{dotted_en}: {err['msg']}",
            ),
        )
    kind = _kind(etype)
    if kind:
        hint = None
        if kind[0] == "teks" and isinstance(given, dict) and len(given) == 1:
            hint = msg(
                "teks yang berisi titik dua dan spasi (': ') dibaca YAML sebagai kunci; beri tanda kutip pada seluruh teks",
                "text containing ': ' is read by YAML as a key; put the whole text in quotes",
            )
        elif kind[0].startswith("tanggal"):
            hint = msg("tulis tanggal sebagai 2026-01-02", "write dates as 2026-01-02")
        elif kind[0].startswith("daftar"):
            hint = msg("tulis tiap butir pada baris sendiri diawali '- '", "write each item on its own line starting with '- '")
        return Diagnostic(
            doc.rel,
            line,
            col,
            "TYPE",
            msg(f"{dotted}: diharapkan {kind[0]}, tertulis {given_s}", f"{dotted_en}: expected {kind[1]}, got {given_en}"),
            hint,
        )
    return Diagnostic(doc.rel, line, col, "TYPE", msg(f"{dotted}: nilai {given_s} tidak sah", f"{dotted_en}: {err['msg']}"))


# pydantic's bound errors → the bound's name in its context, and how a message says it
_BOUNDS = {
    "greater_than_equal": ("ge", "paling kecil"),
    "less_than_equal": ("le", "paling besar"),
    "greater_than": ("gt", "harus lebih dari"),
    "less_than": ("lt", "harus kurang dari"),
}


def _custom_codes() -> set[str]:
    from generator.core.diagnostics import CODES

    return set(CODES)


def validate_schema(doc: Document, model: type[BaseModel]) -> tuple[Any, list[Diagnostic]]:
    if not isinstance(doc.data, dict):
        line, col = doc.where(())
        return None, [
            Diagnostic(
                doc.rel,
                line,
                col,
                "TYPE",
                msg("isi berkas harus berupa pemetaan (kunci: nilai)", "the file must hold a mapping (key: value)"),
                msg("lihat contoh berkas di README", "see the example file in the README"),
            )
        ]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as e:
        return None, [_schema_diagnostic(doc, model, err) for err in e.errors(include_url=False)]
