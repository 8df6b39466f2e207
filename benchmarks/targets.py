"""The targets of issue 21 (and issue 18's for the official documents) with met / not met.

Sizes are binary, as the rest of the benchmark prints them: KB = 1024 bytes, MB = 1024 KB,
GB = 1024 MB. A target whose figure was not measured (the browser part skipped with
--no-browser, a stage the build does not report) says "not measured", never "met".
"""

from __future__ import annotations

KB, MB, GB = 2**10, 2**20, 2**30
DOCUMENTS_STAGE = "Dokumen resmi (CPU)"  # CPU seconds making documents, summed over workers


def _row(ident: str, target: str, figure: float | None, limit: float | None, shown: str, low: float | None = None) -> dict:
    if figure is None or limit is None:
        verdict = "not measured"
    else:
        verdict = "met" if figure <= limit and (low is None or figure >= low) else "not met"
    return {"id": ident, "target": target, "figure": figure, "limit": limit, "verdict": verdict, "shown": shown}


def documents(fig: dict, position_documents: int | None) -> dict:
    """Issue 18's figures: what making the documents adds to the cold build, on one machine
    and with a CI matrix making them (benchmarks/matrix.py), and how many a one-value change
    re-made."""
    doc_cpu = (fig.get("cold_stages_seconds") or {}).get(DOCUMENTS_STAGE)
    out: dict = {"cpu_seconds": doc_cpu, "position_documents": position_documents}
    if doc_cpu is not None and fig["cold_cpu_seconds"] > 0:
        out["share_of_cold_cpu"] = round(doc_cpu / fig["cold_cpu_seconds"], 4)
        out["wall_share_estimate"] = round(doc_cpu / fig["cores"] / fig["cold_build_seconds"], 4)
    m = fig.get("matrix") or {}
    if m.get("site_documents_cpu_seconds") is not None and m["site_build_seconds"] > 0:
        # the parts run side by side before the site job: the longest one is what they add,
        # plus the site build's own document stage (reading and verifying) over its cores
        added = m["longest_part_seconds"] + m["site_documents_cpu_seconds"] / fig["cores"]
        out["matrix_share"] = round(added / m["site_build_seconds"], 4)
    return out


def verdicts(fig: dict) -> list[dict]:
    """One row per target: the figure compared, its limit, the verdict and how it reads."""
    floor = fig["floor"]["seconds"]
    search = fig.get("search") or {}
    gz = search.get("bytes_before_first_result_gzip")
    docs = fig["documents"]
    share, one_machine = docs.get("matrix_share"), docs.get("wall_share_estimate")
    remade, own = docs["warm_remade"], docs.get("position_documents")
    m = fig.get("matrix") or {}
    matrix_made = m.get("site_documents_made")
    rows = [
        _row(
            "cold_to_floor",
            "cold build ≤ 1.0 × floor",
            fig["cold_to_floor"],
            1.0,
            f"{fig['cold_to_floor']:.2f} × floor ({fig['cold_build_seconds']:.1f} s / {floor:.1f} s)",
        ),
        _row(
            "warm_to_floor",
            "warm rebuild, one value changed, ≤ 0.15 × floor",
            fig["warm_to_floor"],
            0.15,
            f"{fig['warm_to_floor']:.2f} × floor ({fig['warm_rebuild_seconds']:.1f} s / {floor:.1f} s)",
        ),
        _row(
            "peak_pss",
            "peak memory (PSS, process tree) ≤ 1 GB",
            fig["peak_rss_process_tree_bytes"],
            GB,
            f"{fig['peak_rss_process_tree_bytes'] / MB:,.0f} MiB",
        ),
        _row(
            "search_gzip",
            "≤ 250 KB gzip before the first search result",
            gz,
            250 * KB if gz is not None else None,
            f"{gz / KB:,.1f} KB" if gz is not None else "—",
        ),
        _row("site_bytes", "site ≤ 700 MB", fig["site_bytes"], 700 * MB, f"{fig['site_bytes'] / MB:,.1f} MiB"),
        _row(
            "median_page",
            "median position page ≤ 40 KB",
            fig["median_position_page_bytes"],
            40 * KB,
            f"{fig['median_position_page_bytes'] / KB:,.1f} KB",
        ),
        _row(
            "documents_share",
            "documents add ≤ 10 % to the cold build (issue 18)",
            share,
            0.10 if share is not None else None,
            (
                f"~{share:.1%} with a CI matrix of {m['parts']} parts ((longest part {m['longest_part_seconds']:.1f} s + "
                f"{m['site_documents_cpu_seconds']:.1f} CPU-s / {fig['cores']} cores) / site build {m['site_build_seconds']:.1f} s; "
                "runners' start not included)"
                if share is not None
                else "not measured (no CI matrix phase)"
            )
            + (
                f"; one machine: ~{one_machine:.1%} of the cold wall, {docs['share_of_cold_cpu']:.1%} of the cold CPU "
                f"({docs['cpu_seconds']:.1f} of {fig['cold_cpu_seconds']:.1f} CPU-s)"
                if one_machine is not None
                else f'; one machine: not measured (no "{DOCUMENTS_STAGE}" in the build\'s stages)'
            ),
        ),
        _row(
            "documents_matrix_made",
            "site build after a CI matrix makes no document (18)",
            matrix_made,
            0 if matrix_made is not None else None,
            f"{matrix_made} made, {m.get('site_documents_reused')} reused from the parts' cache"
            if matrix_made is not None
            else "not measured (no CI matrix phase)",
        ),
        _row(
            "documents_remade",
            "one-value change re-makes only that position's documents (issue 18)",
            remade,
            own if own else None,
            f"{remade} re-made; the changed position has {own}"
            if own
            else f"{remade} re-made; the position's documents not found",
            low=1,
        ),
    ]
    return rows


def table(rows: list[dict]) -> list[str]:
    width = max(len(r["target"]) for r in rows)
    out = ["Targets (issue 21)"]
    out += [f"  {r['target']:<{width}}  {r['verdict']:<12}  {r['shown']}" for r in rows]
    return out
