"""Pool workers: how many cores there are for them, and a worker that ends when its parent
does (the build's agency jobs, the forked MkDocs build and the document parts each hold a
core, and an orphan would keep it, and with it a Typst helper, after the user stopped the
build)."""

from __future__ import annotations

import os
import threading
import time


def exit_with_parent(parent: int) -> None:
    """For a pool worker (forked by a pool's thread, so PR_SET_PDEATHSIG cannot serve): a
    thread that ends the worker within a tenth of a second of its parent's death."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.1)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)
