"""Validate stage: the schema of every file, then the rules that span files.

assemble (read every file of data/ into the Dataset, each checked against its schema),
schema (pydantic's findings in words people understand, at the right line), rules (the
rules across files), ppid (the PPID register: deadlines and personal data), dataset (the
validated data in memory). Reports every problem; never raises on bad input. Computing
the reports is the compute stage's (generator/check runs both).
"""
