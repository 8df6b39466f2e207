"""Applying the sheet rows to the YAML file's round-trip tree (import). The validated
model says what the file holds now; a node is touched only where a cell differs from it.
Indicator definitions, quarter targets and realisations, budget rows and the narrative
lists each have their own step; cells that cannot be applied become Problems."""

from __future__ import annotations

from typing import Any

from generator.compute.engine import walk_budget, walk_indicators
from generator.core.fmt import ROMAWI
from generator.model import Indikator, Laporan, Realisasi, RealisasiAnggaran, Tahunan
from generator.staff.spreadsheet.cells import Problems
from generator.staff.spreadsheet.sheets import NARASI_PARTS
from generator.staff.spreadsheet.source import indicator_source, report_of
from generator.staff.spreadsheet.yamledit import drop, dump, house_value, put, round_trip_yaml, same


class Merge:
    """The YAML file as a round-trip tree, and the sheet rows applied to it one by one."""

    def __init__(self, t: Tahunan, tw: int, text: str):
        self.t, self.tw = t, tw
        self.problems = Problems()
        self.notes: list[str] = []
        self.yaml = round_trip_yaml()
        self.tree = self.yaml.load(text)
        self.rewritten = dump(self.yaml, self.tree)  # the file as the writer reproduces it before any edit
        indicators, source = indicator_source(t)
        self.indicators = {ind.id: ind for ind, _p, _d in walk_indicators(indicators)}
        self.nodes: dict[str, Any] = {}
        if source:
            node = self.tree
            for part in source:
                node = node[part]
            self._index(indicators, node)
        self.budget_rows = {pos.id: pos for pos, _p, _d in walk_budget(t.anggaran)}
        li, self.lap = report_of(t, tw)
        self.lap_node = self.tree["laporan"][li] if li is not None else None

    def edited(self) -> str:
        return dump(self.yaml, self.tree)

    def _index(self, items, nodes) -> None:
        for ind, node in zip(items, nodes):
            self.nodes[ind.id] = node
            if ind.rincian:
                self._index(ind.rincian, node["rincian"])

    def section(self, name: str):
        """``laporan[tw].<name>``, creating the report entry (in quarter order) and the section when needed."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if self.lap_node is None:
            self.lap_node = CommentedMap([("triwulan", self.tw)])
            if self.tree.get("laporan") is None:
                put(self.tree, "laporan", CommentedSeq(), list(Tahunan.model_fields))
            seq = self.tree["laporan"]
            pos = next((i for i, lap in enumerate(self.t.laporan) if lap.triwulan > self.tw), len(seq))
            seq.insert(pos, self.lap_node)
            self.notes.append(f"laporan triwulan {ROMAWI[self.tw]} {self.t.tahun} belum ada di berkas: dibuat baru")
        if self.lap_node.get(name) is None:
            put(self.lap_node, name, CommentedMap(), list(Laporan.model_fields))
        return self.lap_node[name]

    # ----------------------------------------------------------------------- Realisasi sheet

    def indicator(self, row: dict) -> None:
        iid = row["id"]
        ind = self.indicators.get(iid)
        if ind is None:
            self.problems.add(
                row["@id"], f"id indikator '{iid}' tidak ada di perjanjian kinerja berkas ini; jangan mengubah kolom id"
            )
            return
        node = self.nodes[iid]
        self._definition(row, ind, node)
        entry = self.lap.realisasi.get(iid) if self.lap else None
        own_target = entry is not None and entry.target is not None
        if not own_target:
            self._quarter_target(row, ind, node)
        self._realisation(row, entry, own_target)

    def _definition(self, row: dict, ind: Indikator, node) -> None:
        """The indicator's definition (the Perjanjian Kinerja in force)."""
        fields = list(Indikator.model_fields)
        for key in ("nomor", "sasaran", "indikator", "satuan", "target"):
            if same(row[key], getattr(ind, key)):
                continue
            if row[key] is not None:
                put(node, key, house_value(row[key]), fields)
            elif key == "indikator":
                self.problems.add(row["@" + key], "nama indikator tidak boleh kosong")
            else:
                drop(node, key)
        pol = row["polaritas"] or "naik"
        if pol not in ("naik", "turun"):
            self.problems.add(row["@polaritas"], f"polaritas '{pol}' tidak dikenal; pilih naik atau turun")
        elif pol != ind.polaritas:
            put(node, "polaritas", pol, fields)

    def _quarter_target(self, row: dict, ind: Indikator, node) -> None:
        """The target s.d. the quarter when the report has no `target` of its own: the PK's target_triwulan."""
        from ruamel.yaml.comments import CommentedMap

        if same(row["target_tw"], ind.target_triwulan.get(self.tw)):
            return
        if row["target_tw"] is None:
            quarters = node["target_triwulan"]
            drop(quarters, next(k for k in quarters if int(k) == self.tw))
            if not quarters:
                drop(node, "target_triwulan")
        else:
            if "target_triwulan" not in node:
                put(node, "target_triwulan", CommentedMap(), list(Indikator.model_fields))
            node["target_triwulan"][self.tw] = house_value(row["target_tw"])

    def _realisation(self, row: dict, entry: Realisasi | None, own_target: bool) -> None:
        """The realisation: short form `id: 95,14` unless something else must be said."""
        from ruamel.yaml.comments import CommentedMap

        iid = row["id"]
        wanted = {
            "nilai": row["realisasi"],
            "na": row["na"],
            "target": row["target_tw"] if own_target else None,
            "catatan": row["catatan"],
        }
        if wanted["nilai"] is not None and wanted["na"] is not None:
            self.problems.add(row["@na"], "isi salah satu saja: realisasi, atau alasan data belum tersedia")
            return
        if wanted["nilai"] is None and wanted["na"] is None:
            if wanted["catatan"] is not None and entry is None:
                self.problems.add(row["@catatan"], "catatan tanpa realisasi: isi realisasinya atau alasan data belum tersedia")
            elif entry is not None:
                drop(self.section("realisasi"), iid)  # a cleared row: no realisation for this indicator
            return
        if entry is not None and all(same(v, getattr(entry, k)) for k, v in wanted.items()):
            return
        real = self.section("realisasi")
        current = real.get(iid)
        if isinstance(current, dict) or any(wanted[k] is not None for k in ("na", "target", "catatan")):
            value = current if isinstance(current, dict) else CommentedMap()
            for key, v in wanted.items():
                if v is None:
                    drop(value, key)
                elif key not in value or entry is None or not same(v, getattr(entry, key)):
                    put(value, key, house_value(v), list(Realisasi.model_fields))
        else:
            value = house_value(wanted["nilai"])
        put(real, iid, value, list(self.indicators))

    # ----------------------------------------------------------------------- Anggaran and Narasi sheets

    def budget(self, row: dict) -> None:
        from ruamel.yaml.comments import CommentedMap

        bid = row["id"]
        pos = self.budget_rows.get(bid)
        if pos is None:
            self.problems.add(row["@id"], f"id pos anggaran '{bid}' tidak ada di berkas ini; jangan mengubah kolom id")
            return
        real = self.lap.anggaran.get(bid) if self.lap else None
        if row["realisasi"] is None:
            if real is not None:
                drop(self.section("anggaran"), bid)
            return
        target = row["target"] if row["target"] is not None else pos.pagu  # a blank target is the pagu
        if (
            real is not None
            and same(row["realisasi"], real.realisasi)
            and same(target, real.target if real.target is not None else pos.pagu)
        ):
            return
        node = self.section("anggaran")
        entry = node.get(bid)
        if entry is None:
            entry = CommentedMap()
            entry.fa.set_flow_style()  # like the bundled data: {target: …, realisasi: …}
            put(node, bid, entry, list(self.budget_rows))
        order = list(RealisasiAnggaran.model_fields)
        if "target" in entry or target != pos.pagu:
            put(entry, "target", house_value(target, rupiah=True), order)
        put(entry, "realisasi", house_value(row["realisasi"], rupiah=True), order)

    def narasi(self, rows: list[dict]) -> None:
        from ruamel.yaml.comments import CommentedSeq

        wanted: dict[str, list[str]] = {part: [] for part in NARASI_PARTS}
        for row in rows:
            part, text = row["bagian"], row["teks"]
            if part not in wanted:
                self.problems.add(
                    row["@bagian"], f"bagian '{part or ''}' tidak dikenal; pilih salah satu: {', '.join(NARASI_PARTS)}"
                )
            elif text is not None:
                wanted[part].append(text)
        for part, texts in wanted.items():
            old = list(getattr(self.lap.narasi, part)) if self.lap else []
            if texts == old:
                continue
            narasi = self.section("narasi")
            seq = narasi.get(part)
            if seq is None:
                put(narasi, part, CommentedSeq([house_value(x) for x in texts]), NARASI_PARTS)
                continue
            for i, text in enumerate(texts):  # item by item, so comments on kept items stay
                if i >= len(seq):
                    seq.append(house_value(text))
                elif text != old[i]:
                    seq[i] = house_value(text)
            del seq[len(texts) :]
