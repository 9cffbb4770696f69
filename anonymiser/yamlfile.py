"""Load YAML keeping line numbers, so errors in registers, profiles and decisions can point at a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import AnonymiserError


class Node:
    """A YAML value with the line it starts on."""

    __slots__ = ("value", "line")

    def __init__(self, value: Any, line: int) -> None:
        self.value = value
        self.line = line

    def plain(self) -> Any:
        """The value with all line information stripped."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


def _convert(node: yaml.Node, loader: yaml.SafeLoader) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            out[str(key)] = _convert(value_node, loader)
            out[str(key)].line = key_node.start_mark.line + 1
        return Node(out, line)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, loader) for item in node.value], line)
    return Node(loader.construct_object(node), line)


def load_yaml(path: Path, error: type[AnonymiserError], what: str) -> Node:
    """Parse a YAML file into line-numbered nodes; any problem raises `error` naming the file and line."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(path, f"{what} not found", "Check the path.") from None
    except UnicodeDecodeError:
        raise error(path, f"{what} is not UTF-8 text", "Save it as UTF-8 and try again.") from None
    except OSError as exc:
        raise error(path, f"{what} cannot be read ({exc.strerror})", "Check the file's permissions.") from None
    if not raw.strip():
        raise error(path, f"{what} is empty", "Fill it in (see README).")
    loader = yaml.SafeLoader(raw)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise error(path, f"{line}{what} is not valid YAML ({exc.problem})",
                    "Fix the indentation or punctuation on that line.") from None
    finally:
        loader.dispose()
    if node is None:
        raise error(path, f"{what} is empty", "Fill it in (see README).")
    return _convert(node, yaml.SafeLoader(""))


def check_fields(path: Path, node: Node, allowed: set[str], required: set[str],
                 error: type[AnonymiserError], where: str) -> dict[str, Node]:
    """Check a mapping's keys: unknown or missing fields raise `error` with the line."""
    if not isinstance(node.value, dict):
        raise error(path, f"line {node.line}: {where} should be a set of 'field: value' lines",
                    "See README for the expected layout.")
    fields: dict[str, Node] = node.value
    for key, value in fields.items():
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise error(path, f"line {value.line}: unknown field '{key}' in {where}",
                        f"Known fields: {known}.")
    for key in sorted(required - fields.keys()):
        raise error(path, f"line {node.line}: {where} is missing the field '{key}'", "Add it.")
    return fields
