"""Writing the resolved rows (see ``reconcile``) into the YAML file's round-trip tree
(import). The validated model says what the file holds now; a node is touched only where
a resolved value differs from it. Realisations, budget rows and the narrative lists each
have their own step; the Perjanjian Kinerja is never written from a sheet."""

from __future__ import annotations

from typing import Any

from generator.compute.engine import walk_budget, walk_indicators
from generator.core.fmt import ROMAWI
from generator.model import Laporan, Realisasi, RealisasiAnggaran, Tahunan
from generator.staff.spreadsheet.messages import Messages
from generator.staff.spreadsheet.rows import Row
from generator.staff.spreadsheet.sheets import NARASI_PARTS
from generator.staff.spreadsheet.source import indicator_source, report_of
from generator.staff.spreadsheet.yamledit import drop, dump, house_value, put, round_trip_yaml, same


class Merge:
    """The YAML file as a round-trip tree, and the resolved rows applied to it one by one."""

    def __init__(self, t: Tahunan, tw: int, text: str, msgs: Messages):
        self.t, self.tw = t, tw
        self.msgs = msgs
        self.created = False  # the quarter's report did not exist and was added
        self.touched = False  # whether any row was written into the tree
        self.yaml = round_trip_yaml()
        self.tree = self.yaml.load(text)
        self.rewritten = dump(self.yaml, self.tree)  # the file as the writer reproduces it before any edit
        indicators, _source = indicator_source(t)
        self.indicators = [ind.id for ind, _p, _d in walk_indicators(indicators)]
        self.budget_rows = {pos.id: pos for pos, _p, _d in walk_budget(t.anggaran)}
        li, self.lap = report_of(t, tw)
        self.lap_node = self.tree["laporan"][li] if li is not None else None

    def edited(self) -> str:
        return dump(self.yaml, self.tree) if self.touched else self.rewritten

    def section(self, name: str) -> Any:
        """``laporan[tw].<name>``, creating the report entry (in quarter order) and the section when needed."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        self.touched = True
        if self.lap_node is None:
            self.lap_node = CommentedMap([("triwulan", self.tw)])
            if self.tree.get("laporan") is None:
                put(self.tree, "laporan", CommentedSeq(), list(Tahunan.model_fields))
            seq = self.tree["laporan"]
            pos = next((i for i, lap in enumerate(self.t.laporan) if lap.triwulan > self.tw), len(seq))
            seq.insert(pos, self.lap_node)
            self.created = True
            self.msgs.note(None, f"laporan triwulan {ROMAWI[self.tw]} {self.t.tahun} belum ada di berkas: dibuat baru")
        if self.lap_node.get(name) is None:
            put(self.lap_node, name, CommentedMap(), list(Laporan.model_fields))
        return self.lap_node[name]

    def missing_report_parts(self) -> list[str]:
        """What the quarter's report (as it will be written) lacks to be a complete report."""
        node = self.lap_node
        if node is None:
            return []
        missing = []
        if node.get("tanggal") is None:
            missing.append("tanggal laporan")
        if node.get("penandatangan") is None:
            missing.append("penandatangan")
        return missing

    # ----------------------------------------------------------------------- Realisasi sheet

    def indicator(self, row: Row) -> None:
        """The realisation: short form `id: 95,14` unless something else must be said."""
        from ruamel.yaml.comments import CommentedMap

        iid = str(row["id"])
        entry: Realisasi | None = self.lap.realisasi.get(iid) if self.lap else None
        own_target = entry is not None and entry.target is not None
        wanted = {
            "nilai": row["realisasi"],
            "na": row["na"],
            "target": row["target_tw"] if own_target else None,
            "catatan": row["catatan"],
        }
        if wanted["nilai"] is not None and wanted["na"] is not None:
            self.msgs.problem(row["@na"], "isi salah satu saja: realisasi, atau alasan data belum tersedia")
            return
        if wanted["nilai"] is None and wanted["na"] is None:
            if wanted["catatan"] is not None and entry is None:
                self.msgs.problem(row["@catatan"], "catatan tanpa realisasi: isi realisasinya atau alasan data belum tersedia")
            elif entry is not None and entry.teks is None:
                drop(self.section("realisasi"), iid)  # deleted with `hapus` (reconcile lists it)
            # a value printed as a word or a dash (`teks`) has no cell of its own: kept as it is
            return
        if entry is not None and all(same(v, getattr(entry, k)) for k, v in wanted.items()):
            return
        real = self.section("realisasi")
        current = real.get(iid)
        if isinstance(current, dict) or any(wanted[k] is not None for k in ("na", "target", "catatan")):
            value = current if isinstance(current, dict) else CommentedMap()
            drop(value, "teks")  # a number or a reason now stands where a printed word stood
            for key, v in wanted.items():
                if v is None:
                    drop(value, key)
                elif key not in value or entry is None or not same(v, getattr(entry, key)):
                    put(value, key, house_value(v), list(Realisasi.model_fields))
            if list(value) == ["nilai"]:  # nothing else left to say: back to the short form
                value = value["nilai"]
        else:
            value = house_value(wanted["nilai"])
        put(real, iid, value, self.indicators)

    # ----------------------------------------------------------------------- Anggaran and Narasi sheets

    def budget(self, row: Row) -> None:
        from ruamel.yaml.comments import CommentedMap

        bid = str(row["id"])
        pos = self.budget_rows.get(bid)
        if pos is None:
            return  # a row no longer in the file: reconcile refuses its changes
        real = self.lap.anggaran.get(bid) if self.lap else None
        target = row["target"] if row["target"] is not None else pos.pagu  # a deleted target is the pagu
        if row["realisasi"] is None:
            if real is not None:
                drop(self.section("anggaran"), bid)  # deleted with `hapus` (reconcile lists it)
            elif not same(target, pos.pagu):
                self.msgs.problem(row["@target"], "target diisi tanpa realisasi; isi juga realisasi anggarannya")
            return
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

    def narasi(self, wanted: dict[str, list[str]]) -> None:
        from ruamel.yaml.comments import CommentedSeq

        for part, texts in wanted.items():
            old = list(getattr(self.lap.narasi, part)) if self.lap else []
            if texts == old:
                continue
            narasi = self.section("narasi")
            seq = narasi.get(part)
            if not texts:
                drop(narasi, part)
                continue
            if seq is None:
                put(narasi, part, CommentedSeq([house_value(x) for x in texts]), NARASI_PARTS)
                continue
            for i, text in enumerate(texts):  # item by item, so comments on kept items stay
                if i >= len(seq):
                    seq.append(house_value(text))
                elif text != old[i]:
                    seq[i] = house_value(text)
            del seq[len(texts) :]
        if self.lap_node is not None and self.lap_node.get("narasi") == {}:
            drop(self.lap_node, "narasi")
