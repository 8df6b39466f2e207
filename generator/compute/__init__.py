"""Compute stage, pure (no files, no formatting): capaian, predikat, budget absorption
and efficiency under named policies (engine, policy), the exact JSON form of the results
(serialize), and the PPID's working-day deadlines and statistics (workdays, ppid_stats)."""
