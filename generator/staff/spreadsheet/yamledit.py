"""Editing a YAML file through ruamel.yaml's round trip, in the house style: comments,
key order and the way untouched values are written stay as they were; a new value is
written as staff would write it and a new key goes where the model's field order puts it."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from generator.core.numbers import format_id
from generator.staff.scaffold.yamltext import scalar


def round_trip_yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 1_000_000  # never fold long lines
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.add_representer(type(None), lambda rep, _v: rep.represent_scalar("tag:yaml.org,2002:null", "null"))
    return y


def dump(y: Any, tree: Any) -> str:
    out = io.StringIO()
    y.dump(tree, out)
    return out.getvalue()


def house_value(value: Any, *, rupiah: bool = False) -> Any:
    """A new value as the house style writes it: whole numbers plain, decimals and Rupiah
    in Indonesian notation, text plain unless YAML would misread it."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, Decimal):
        if rupiah:
            text = format_id(value, 0)
            return int(value) if "." not in text else text if text.count(".") > 1 else DoubleQuotedScalarString(text)
        return int(value) if value == value.to_integral_value() else format_id(value)
    if isinstance(value, str):
        return DoubleQuotedScalarString(value) if scalar(value).startswith('"') else value
    return value


def put(node: Any, key: str, value: Any, order: list[str]) -> None:
    """Set ``node[key]``; a new key goes where ``order`` (the model's fields, or the
    indicators' order) puts it among the keys already there."""
    if key in node:
        node[key] = value
        return
    rank = {k: i for i, k in enumerate(order)}
    pos = len(node)
    for i, existing in enumerate(node):
        if rank.get(existing, len(order)) > rank.get(key, len(order)):
            pos = i
            break
    node.insert(pos, key, value)


def drop(node: Any, key: str) -> None:
    if key in node:
        del node[key]


def same(a: Any, b: Any) -> bool:
    """Equal values, None only equal to None (a cell and the model's value)."""
    return (a is None and b is None) or (a is not None and b is not None and a == b)
