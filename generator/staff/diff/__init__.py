"""`kinerja diff BASE [HEAD]`: what a pull request changes, in plain Indonesian Markdown.

Both revisions are taken out of git (``git archive``) into temporary folders and run
through the same `check` as the site, so the summary speaks of figures, not of YAML
lines: per agency, position and report, target and realisation old → new, the capaian
and predikat that follow, indicators and reports added or removed, calculation policies
that now resolve differently, and printed-vs-computed differences that appear. Without
HEAD the data folder as it is on disk is compared with BASE.

The output starts with ``MARKER`` so the pull-request workflow can find and update its
own comment instead of adding a new one on every push.

Modules: ``sides`` (reading the two revisions), ``markdown`` (Markdown text), ``counts``
(the tally), ``agreements`` and ``reports`` (comparing one year's agreement and one
report), ``summary`` (the whole comment), ``commands`` (the command line).
"""

from generator.staff.diff.commands import add_commands, cmd_diff, diff
from generator.staff.diff.markdown import MARKER, md
from generator.staff.diff.sides import DiffError, Side, side_from_disk, side_from_git
from generator.staff.diff.summary import render

__all__ = ["MARKER", "DiffError", "Side", "add_commands", "cmd_diff", "diff", "md", "render", "side_from_disk", "side_from_git"]
