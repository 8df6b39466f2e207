"""Messages for public logs: CI annotations, pull-request comments, step summaries.

A diagnostic may quote a NIP ("NIP '1969…' juga dipakai orang lain") or a file's path in a
temporary copy of the data (``kinerja diff`` checks each revision in a temporary folder).
For a public repository those logs are public: ``public`` masks every NIP-like number as
the site does (core/fmt) and writes paths under a known folder as the repository names them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from generator.core.diagnostics import Diagnostic, Msg
from generator.core.fmt import mask_nip_like


def public_text(text: str, roots: Mapping[str, str] | None = None) -> str:
    """``text`` with NIP-like numbers masked and each absolute folder of ``roots`` (folder →
    the name to show instead, e.g. "/tmp/kinerja-diff-x/data" → "data") replaced."""
    for folder in sorted(roots or {}, key=len, reverse=True):
        shown = (roots or {})[folder]
        text = text.replace(folder.rstrip("/") + "/", f"{shown}/" if shown else "")
        text = text.replace(folder.rstrip("/"), shown or ".")
    return mask_nip_like(text)


def _msg(m: Msg | None, roots: Mapping[str, str] | None) -> Msg | None:
    return None if m is None else Msg(public_text(m.id, roots), public_text(m.en, roots))


def public(d: Diagnostic, roots: Mapping[str, str] | None = None) -> Diagnostic:
    """A copy of ``d`` fit for a public log (its path, message and hint)."""
    message = _msg(d.message, roots)
    assert message is not None
    return dataclasses.replace(d, path=public_text(d.path, roots), message=message, hint=_msg(d.hint, roots))
