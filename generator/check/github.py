"""`kinerja check --format github`: findings as GitHub Actions workflow commands, which
GitHub shows as annotations on the lines of a pull request's "Files changed".

GitHub shows at most 10 error and 10 warning annotations of a step, so the order matters:
with ``--base`` the pull request's own findings come first (errors before warnings) and
the ones its base already had are one notice with their count and where to read them all;
without it every finding is annotated, errors first.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.check.own import Split, ordered
from generator.core.diagnostics import Diagnostic

SHOWN_PER_KIND = 10  # GitHub's limit of error (and of warning) annotations per step


def escape_data(text: str) -> str:
    """GitHub workflow-command escaping of a message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """... and of a property value, where ':' and ',' are separators."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic, lang: str = "id") -> str:
    level = "error" if d.severity == "error" else "warning"
    text = d.message.text(lang) + (f" — {d.hint.text(lang)}" if d.hint else "")
    return (
        f"::{level} file={escape_property(d.path)},line={d.line},col={d.column},"
        f"title={escape_property(d.code)}::{escape_data(text)}"
    )


def _notice(title: str, text: str) -> str:
    return f"::notice title={escape_property(title)}::{escape_data(text)}"


def workflow_commands(
    diags: Sequence[Diagnostic], lang: str = "id", found: Split | None = None, link: str | None = None
) -> list[str]:
    """The workflow commands, in the order GitHub should show them. ``found``: the split
    into the proposal's own findings and the old ones (``diags`` is then not used)."""
    where = f"Daftar lengkapnya: {link}" if link else "Daftar lengkapnya: jalankan `kinerja check`."
    where_en = f"Full list: {link}" if link else "Full list: run `kinerja check`."
    if found is None:
        lines = [annotation(d, lang) for d in ordered(diags)]
        return lines + _overflow(ordered(diags), lang, where, where_en)
    lines = [annotation(d, lang) for d in found.own]
    lines += _overflow(found.own, lang, where, where_en)
    if found.old:
        e, w = found.old_errors, found.old_warnings
        if lang == "en":
            text = (
                f"{len(found.old)} older finding(s) ({e} error(s), {w} warning(s)) were already in {found.base} "
                f"before this change and are not marked on the lines. {where_en}"
            )
            lines.append(_notice("Older findings", text))
        else:
            text = (
                f"{len(found.old)} temuan lama ({e} galat, {w} peringatan) sudah ada di {found.base} sebelum "
                f"perubahan ini dan tidak ditandai pada barisnya. {where}"
            )
            lines.append(_notice("Temuan lama", text))
    if not found.own:
        text = (
            "No finding on the lines this change touches."
            if lang == "en"
            else "Tidak ada galat atau peringatan pada bagian yang diubah."
        )
        lines.append(_notice("Perubahan ini" if lang != "en" else "This change", text))
    return lines


def _overflow(diags: Sequence[Diagnostic], lang: str, where: str, where_en: str) -> list[str]:
    """A notice when GitHub will not show every annotation."""
    errors = sum(1 for d in diags if d.severity == "error")
    warnings = len(diags) - errors
    if errors <= SHOWN_PER_KIND and warnings <= SHOWN_PER_KIND:
        return []
    if lang == "en":
        text = (
            f"{errors} error(s) and {warnings} warning(s); GitHub shows only the first {SHOWN_PER_KIND} of each "
            f"on the lines. {where_en}"
        )
    else:
        text = (
            f"{errors} galat dan {warnings} peringatan; GitHub hanya menandai {SHOWN_PER_KIND} yang pertama "
            f"dari masing-masing. {where}"
        )
    return [_notice("Daftar lengkap" if lang != "en" else "Full list", text)]
