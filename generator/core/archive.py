"""Zip archives with identical bytes for identical content: fixed entry times (the
data's as-of date), fixed attributes, entries in the given (or sorted) order."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import SizedBuffer


class StableZipFile(zipfile.ZipFile):
    """A ZipFile that stamps every entry with one fixed time and fixed attributes."""

    def __init__(self, file: str | os.PathLike[str] | IO[bytes], when: dt.date) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self.stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo) else zinfo_or_arcname
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3  # the default depends on the platform
        info.external_attr = 0o644 << 16
        super().writestr(info, data)


def stable_zip(entries: list[tuple[str, bytes]], when: dt.date, *, sort: bool = True) -> bytes:
    buf = io.BytesIO()
    with StableZipFile(buf, when) as z:
        for name, data in sorted(entries) if sort else entries:
            z.writestr(name, data)
    return buf.getvalue()
