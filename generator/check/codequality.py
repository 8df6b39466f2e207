"""`kinerja check --format gitlab`: the findings as a GitLab Code Quality report (a subset
of the Code Climate issue format), for ``artifacts: reports: codequality`` in
.gitlab-ci.yml. GitLab shows the findings a merge request adds or resolves in the merge
request's Code Quality widget (all tiers; on the changed lines of the diff only in GitLab
Ultimate), compared with the report of the target branch's latest pipeline.

Each finding's fingerprint leaves out the line number, so a finding that only moved
(lines added above it) is the same finding on both sides of the comparison.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from generator.core.diagnostics import Diagnostic

# Code Climate severities: info, minor, major, critical, blocker.
SEVERITY = {"error": "critical", "warning": "minor"}


def code_quality(diagnostics: list[Diagnostic], lang: str = "id") -> str:
    """The report as JSON text: one issue per diagnostic, in the order given."""
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in diagnostics:
        text = d.message.text(lang) + (f" — {d.hint.text(lang)}" if d.hint else "")
        key = (d.path, d.code, d.message.text("en"))
        seen[key] += 1  # identical findings in one file stay distinct issues
        raw = "\x1f".join((*key, str(seen[key])))
        issues.append(
            {
                "type": "issue",
                "check_name": d.code,
                "description": f"{d.code}: {text}",
                "categories": ["Bug Risk"],
                "severity": SEVERITY[d.severity],
                "fingerprint": hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32],
                "location": {"path": d.path, "lines": {"begin": d.line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)
