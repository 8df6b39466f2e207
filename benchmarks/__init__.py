"""Benchmarks: a synthetic province (``synth``) and one command that builds it and reports
the figures of issue 7 (``python -m benchmarks.run --agencies 40 --positions 70``)."""
