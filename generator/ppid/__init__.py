"""PPID (UU 14/2008): holiday calendar, request register, deadlines, statistics."""
