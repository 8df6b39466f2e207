"""kinerja: static-site generator for published performance reports.

The pipeline is the package layout: load → validate → compute → render → build.
"""

__version__ = "0.1.0"
