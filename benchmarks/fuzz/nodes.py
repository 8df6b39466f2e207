"""Structured mutations: one YAML node of a real data file changed in place.

Each works on the text span of a node (``yaml.compose`` marks), so comments and the rest
of the file stay as they were and the change lands where a person editing the file would
make it: a key deleted, repeated, renamed or moved; a value of another type, an extreme
number or date, a huge or strange text, deep nesting, anchors and aliases, merge keys,
tags. Every choice comes from the ``rng`` passed in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # marks count characters either way; C is faster
NUMBERS = [
    "1e400", "-1e400", "1e22", "1e-400", "-0", "-0.0", ".nan", ".NaN", "NaN", ".inf", "-.inf", "+.inf",
    str(10**30), str(-(10**30)), str(10**400), "0." + "0" * 120 + "1", "99999999999999999999999999999999.5",
    "1_000_000", "0x7fffffff", "0o777", "0b101", "+1", "-1", "0", "00012", "1.537", "87,62", "1.537.000,25",
    "5.084.795.000", "1,537,000", "12e", "1e+", "Rp 1.000", "100%", "１２３", "١٢٣", "1\u00a0000", "9" * 400,
]  # fmt: skip
DATES = [
    "2025-02-30", "9999-12-31", "0001-01-01", "10000-01-01", "2025-13-01", "1900-01-01", "2025-1-1",
    "2025-01-01T25:00:00", "2025-01-01 10:00:00+07:00", "31-12-2025", "2025-12-31T23:59:59.999999Z", "0000-00-00",
]  # fmt: skip
TEXTS = [
    "", " ", "~", "null", "yes", "no", "on", "true", "y", "n/a", "-", "?", "|", ">", "@", "`x`", "'", '"', "#",
    "=HYPERLINK(\"http://evil.example/\",\"x\")", "<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}", "../../etc/passwd",
    "javascript:alert(1)", "https://good.go.id@evil.example/", "\\", "%", "$x$", "$$", "\\(", "[x](y)", "*", "&", "!",
]  # fmt: skip
UNICODE = [
    "\x01", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u202e", "\u0301",
    "😀", "👨‍👩‍👧", "ﬁ", "İ", "ß", "Ⅻ", "\U0010ffff", "\ufffd", "\ue000", "𝟏𝟐", "\u00a0", "\t", "\r", "\x00",
]  # fmt: skip
TAGS = [
    "!!python/object/apply:os.system ['echo pwned']", "!!python/name:os.system", "!!python/object:object {}",
    "!!binary aGVsbG8=", "!!set {a, b}", "!!omap [a: 1]", "!!timestamp 2025-01-01", "!!str", "!!int", "!!float",
    "!!bool", "!!null", "!custom", "!<tag:yaml.org,2002:int>", "!!map", "!!seq", "!!int 'x'", "!!float '1e400'",
]  # fmt: skip
KEYS = ["", "1", "null", "~", "true", "<<", "a b", "ä", "Jabatan", "jabatan ", "realisasi", "tahun", "id", "x" * 300]


@dataclass
class Span:
    start: int  # character offsets into the text
    end: int
    node: yaml.Node


@dataclass
class Pair:
    key: yaml.Node
    value: yaml.Node
    parent: yaml.MappingNode


class Tree:
    """The composed nodes of a text, with their character spans."""

    def __init__(self, text: str):
        self.text = text
        self.root = yaml.compose(text, Loader=_Loader)  # may raise: the caller falls back
        self.nodes: list[yaml.Node] = []
        self.pairs: list[Pair] = []
        self.seqs: list[yaml.SequenceNode] = []
        self.maps: list[yaml.MappingNode] = []
        seen: set[int] = set()
        stack = [self.root] if self.root is not None else []
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            self.nodes.append(node)
            if isinstance(node, yaml.MappingNode):
                self.maps.append(node)
                for k, v in node.value:
                    self.pairs.append(Pair(k, v, node))
                    stack += [k, v]
            elif isinstance(node, yaml.SequenceNode):
                self.seqs.append(node)
                stack += node.value

    def span(self, node: yaml.Node) -> Span:
        """The node's text, without the blank lines and comments a block collection's end
        mark runs on to."""
        start, end = node.start_mark.index, node.end_mark.index
        while end > start and self.text[end - 1] in " \t\r\n":
            end -= 1
        return Span(start, end, node)

    def lines(self, first: yaml.Node, last: yaml.Node) -> tuple[int, int]:
        """Line numbers (0-based, end exclusive) from ``first`` to the end of ``last``."""
        return first.start_mark.line, self.text.count("\n", 0, self.span(last).end) + 1


def _replace(text: str, span: Span, new: str) -> str:
    return text[: span.start] + new + text[span.end :]


def _value_text(rng: random.Random, depth: int = 0) -> str:
    """A random YAML value in flow style: any type."""
    kind = rng.randrange(8 if depth < 3 else 5)
    if kind == 0:
        return rng.choice(NUMBERS)
    if kind == 1:
        return rng.choice(DATES)
    if kind == 2:
        return rng.choice(["null", "~", "true", "false", "''", '""', "[]", "{}"])
    if kind == 3:
        return repr(rng.choice(TEXTS)) if rng.random() < 0.5 else rng.choice(TEXTS + ["x"])
    if kind == 4:
        return str(rng.randint(-(10**6), 10**6))
    if kind == 5:
        return "[" + ", ".join(_value_text(rng, depth + 1) for _ in range(rng.randrange(4))) + "]"
    items = (f"{rng.choice(KEYS[:8] + ['a', 'nilai', 'target'])}: {_value_text(rng, depth + 1)}" for _ in range(rng.randrange(4)))
    return "{" + ", ".join(items) + "}"


def _scalars(tree: Tree) -> list[yaml.ScalarNode]:
    return [n for n in tree.nodes if isinstance(n, yaml.ScalarNode)]


def _values(tree: Tree) -> list[yaml.Node]:
    return [p.value for p in tree.pairs] + [v for s in tree.seqs for v in s.value]


# --------------------------------------------------------------------------- structured


def delete_key(text: str, tree: Tree, rng: random.Random) -> str:
    p = rng.choice(tree.pairs)
    a, b = tree.lines(p.key, p.value)
    lines = text.split("\n")
    if p.parent.flow_style:
        return _replace(text, Span(p.key.start_mark.index, tree.span(p.value).end, p.key), "")
    return "\n".join(lines[:a] + lines[b:])


def duplicate_key(text: str, tree: Tree, rng: random.Random) -> str:
    p = rng.choice(tree.pairs)
    a, b = tree.lines(p.key, p.value)
    lines = text.split("\n")
    if p.parent.flow_style:  # {a: 1, a: 2}
        s = Span(p.key.start_mark.index, tree.span(p.value).end, p.key)
        return _replace(text, s, text[s.start : s.end] + ", " + text[s.start : s.end])
    block = lines[a:b]
    if rng.random() < 0.5 and block:  # the same key with another value
        head = block[0]
        col = p.key.start_mark.column
        key_end = p.key.end_mark.index - tree.text.rfind("\n", 0, p.key.start_mark.index) - 1
        block = [head[: max(col, key_end)] + ": " + _value_text(rng)]
    return "\n".join(lines[:b] + block + lines[b:])


def swap(text: str, tree: Tree, rng: random.Random) -> str:
    """Two neighbouring keys of one mapping, or two items of one list, change places."""
    lines = text.split("\n")
    groups: list[list[tuple[yaml.Node, yaml.Node]]] = [list(m.value) for m in tree.maps if len(m.value) > 1 and not m.flow_style]
    groups += [[(v, v) for v in s.value] for s in tree.seqs if len(s.value) > 1 and not s.flow_style]
    if not groups:
        return delete_key(text, tree, rng)
    g = rng.choice(groups)
    i = rng.randrange(len(g) - 1)
    a1, b1 = tree.lines(*g[i])
    a2, b2 = tree.lines(*g[i + 1])
    if b1 > a2:  # on one line (a flow collection): swap the texts
        s1, s2 = tree.span(g[i][1]), tree.span(g[i + 1][1])
        return text[: s1.start] + text[s2.start : s2.end] + text[s1.end : s2.start] + text[s1.start : s1.end] + text[s2.end :]
    return "\n".join(lines[:a1] + lines[a2:b2] + lines[b1:a2] + lines[a1:b1] + lines[b2:])


def rename_key(text: str, tree: Tree, rng: random.Random) -> str:
    p = rng.choice(tree.pairs)
    s = tree.span(p.key)
    old = text[s.start : s.end]
    new = rng.choice(
        [
            rng.choice(KEYS),
            old.upper(),
            old + rng.choice("sx_-"),
            old[:-1],
            old.replace("a", "а"),  # Cyrillic a
            repr(old),
            "? " + old,
            old + rng.choice(UNICODE),
        ]
    )
    return _replace(text, s, new if new.strip() else "''")


def _value_span(tree: Tree, rng: random.Random) -> Span:
    return tree.span(rng.choice(_values(tree) or tree.nodes))


def retype(text: str, tree: Tree, rng: random.Random) -> str:
    """A value becomes another type: number, text, list, map, null, date, boolean."""
    return _replace(text, _value_span(tree, rng), _value_text(rng))


def extreme_number(text: str, tree: Tree, rng: random.Random) -> str:
    nums = [n for n in _scalars(tree) if n.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")] or _scalars(tree)
    return _replace(text, tree.span(rng.choice(nums)), rng.choice(NUMBERS))


def scale_number(text: str, tree: Tree, rng: random.Random) -> str:
    """A written number scaled by a power of ten, negated or made zero: still a number the
    schema reads (Indonesian "1.537,5" as well as "1537.5"), at the edges of what fits."""
    nums = [n for n in _scalars(tree) if any(c.isdigit() for c in n.value) and len(n.value) < 40] or _scalars(tree)
    s = tree.span(rng.choice(nums))
    old = text[s.start : s.end].strip("'\"")
    how = rng.randrange(5)
    if how == 0:
        return _replace(text, s, "-" + old)
    if how == 1:
        return _replace(text, s, rng.choice(["0", "0,0", "0.00", "-0"]))
    digits = rng.choice([3, 6, 12, 18, 20, 21, 22, 27, 28, 29, 40, 400])
    if how == 2:  # a decimal point moved: many more digits after it
        return _replace(
            text, s, old + "." + "0" * digits + "1" if "." not in old and "," not in old else old + "0" * digits + "1"
        )
    return _replace(text, s, old + "0" * digits if how == 3 else old.replace(",", "") + f"e{digits}")


def extreme_date(text: str, tree: Tree, rng: random.Random) -> str:
    dates = [n for n in _scalars(tree) if n.tag == "tag:yaml.org,2002:timestamp"] or _scalars(tree)
    return _replace(text, tree.span(rng.choice(dates)), rng.choice(DATES))


def huge_string(text: str, tree: Tree, rng: random.Random) -> str:
    n = rng.choice([1_000, 20_000, 200_000])
    unit = rng.choice(["x", "ab ", "1", "Kepala Dinas ", "é", "= ", "-", "3276012345678901 ", "ä\u0301"])
    return _replace(text, _value_span(tree, rng), '"' + (unit * (n // len(unit)))[:n].replace('"', "'") + '"')


def unicode_chars(text: str, tree: Tree, rng: random.Random) -> str:
    s = tree.span(rng.choice(_scalars(tree)))
    old = text[s.start : s.end]
    ch = rng.choice(UNICODE)
    at = rng.randint(0, len(old))
    if rng.random() < 0.5:  # escaped inside double quotes: reaches the data even where YAML forbids the raw character
        esc = ch.encode("unicode_escape").decode("ascii").replace('"', '\\"')
        if rng.random() < 0.2:
            esc = rng.choice(["\\ud800", "\\udfff", "\\x00", "\\0", "\\e", "\\N", "\\L", "\\P", "\\_"])
        return _replace(text, s, '"' + old[:at].replace('"', "") + esc + old[at:].replace('"', "") + '"')
    return _replace(text, s, old[:at] + ch + old[at:])


def deep_nesting(text: str, tree: Tree, rng: random.Random) -> str:
    depth = rng.choice([20, 100, 900, 5000])
    if rng.random() < 0.5:
        deep = "[" * depth + "1" + "]" * depth
    else:
        deep = "{a: " * depth + "1" + "}" * depth
    return _replace(text, _value_span(tree, rng), deep)


def anchor_alias(text: str, tree: Tree, rng: random.Random) -> str:
    """An anchor on one value and an alias to it later (inside itself: a recursive
    collection), or an alias that was never defined."""
    values = _values(tree)
    a, b = sorted((tree.span(rng.choice(values)), tree.span(rng.choice(values))), key=lambda s: s.start)
    if rng.random() < 0.25 or a.start == b.start:
        return _replace(text, b, "*nope")
    return text[: a.start] + "&a " + text[a.start : b.start] + "*a" + text[b.end :]


def merge_key(text: str, tree: Tree, rng: random.Random) -> str:
    """A merge key (<<) as the first key of a block mapping, merging an earlier anchored
    value, a flow mapping, a list of aliases, or an alias that was never defined."""
    maps = [m for m in tree.maps if m.value and not m.flow_style]
    if not maps:
        return anchor_alias(text, tree, rng)
    key = rng.choice(maps).value[0][0]
    at = key.start_mark.index
    target = rng.choice(["*a", "{x: 1}", "[*a, *a]", "*nope", "1"])
    earlier = [n for n in _values(tree) if n.end_mark.index < at and (isinstance(n, yaml.ScalarNode) or n.flow_style)]
    new = text[:at] + f"<<: {target}\n{' ' * key.start_mark.column}" + text[at:]
    if "*a" in target and earlier:
        s = tree.span(rng.choice(earlier))
        new = new[: s.start] + "&a " + new[s.start :]
    return new


def tag(text: str, tree: Tree, rng: random.Random) -> str:
    s = _value_span(tree, rng)
    t = rng.choice(TAGS)
    old = text[s.start : s.end]
    if " " in t:  # a tag with its own value
        return _replace(text, s, t)
    return _replace(text, s, f"{t} {old}" if not old.startswith(("-", "?")) else t)
