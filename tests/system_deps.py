"""What the suite needs from the operating system, installed when missing.

The README's test command (`pip install -e ".[test]" && pytest`) is all a fresh Debian
machine needs: before the first test that needs them, this installs Debian's Chromium
(Playwright drives /usr/bin/chromium; browser downloads are blocked), LibreOffice Calc (a
downloaded CSV opened as users do) and fonts (pages and charts render text), with
apt-get as root or through sudo. Elsewhere, or when the install fails, it says exactly
what to install, and the tests that need it fail (never skip).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Debian package → how to tell it is there
PACKAGES = {
    "chromium": lambda: (
        shutil.which("chromium") is not None or os.path.exists(os.environ.get("KINERJA_CHROMIUM", "/usr/bin/chromium"))
    ),
    "libreoffice-calc-nogui": lambda: shutil.which("soffice") is not None,
    "fonts-dejavu-core": lambda: os.path.isdir("/usr/share/fonts/truetype/dejavu"),
}
# Which packages a test marker needs
NEEDED_BY = {"browser": ["chromium", "fonts-dejavu-core"], "site": ["libreoffice-calc-nogui", "fonts-dejavu-core"]}


def missing(packages: list[str]) -> list[str]:
    return [p for p in dict.fromkeys(packages) if not PACKAGES[p]()]


def ensure(packages: list[str]) -> list[str]:
    """Install the missing ``packages``; returns those still missing afterwards. One process
    at a time (the suite's xdist workers each call this): the others wait, then find them."""
    if not missing(packages):
        return []
    with open(Path(tempfile.gettempdir()) / "kinerja-system-deps.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _install(missing(packages))


def _install(need: list[str]) -> list[str]:
    if not need:
        return []
    apt = shutil.which("apt-get")
    sudo = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if apt is None or sudo is None or os.environ.get("KINERJA_NO_INSTALL"):
        print(
            f"\n[tests] missing system packages: {' '.join(need)} — install them with `sudo apt-get install {' '.join(need)}`",
            file=sys.stderr,
        )
        return need
    print(f"\n[tests] installing missing system packages: {' '.join(need)} (apt-get)…", file=sys.stderr, flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    quiet = {"stdout": subprocess.DEVNULL, "env": env}
    try:
        subprocess.run([*sudo, apt, "update", "-qq"], check=True, **quiet)
        subprocess.run([*sudo, apt, "install", "-y", "-qq", "--no-install-recommends", *need], check=True, **quiet)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"[tests] apt-get failed ({e}); install by hand: {' '.join(need)}", file=sys.stderr)
    return missing(need)
