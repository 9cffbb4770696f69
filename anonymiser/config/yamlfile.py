"""Load YAML keeping line numbers, so errors in registers, profiles and decisions can point at a line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from anonymiser.core.errors import AnonymiserError


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


MAX_NODES = 500_000  # a 5,000-person register is about 40,000; more means aliases run wild


class _TooBig(Exception):
    """Aliases that expand into more values than any real file holds ("billion laughs")."""


class _Duplicate(Exception):
    """A key written twice in one mapping: YAML would silently keep only the last ('people:' twice)."""

    def __init__(self, line: int, first: int) -> None:
        self.line = line
        self.first = first


class _Cycle(Exception):
    """An alias used inside the very value it names, which would go on for ever."""

    def __init__(self, line: int) -> None:
        self.line = line


def _convert(node: yaml.Node, loader: yaml.SafeLoader, budget: list[int], path: set[int] | None = None) -> Node:
    # Aliases make the YAML a graph: `path` holds the nodes above this one, so a cycle is
    # caught, and `budget` counts every value produced, so shared aliases cannot multiply
    # without limit.
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig()
    path = path if path is not None else set()
    line = node.start_mark.line + 1
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        if id(node) in path:
            raise _Cycle(line)
        path.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                out: dict[str, Node] = {}
                for key_node, value_node in node.value:
                    key = loader.construct_object(key_node, deep=True)
                    if str(key) in out:
                        raise _Duplicate(key_node.start_mark.line + 1, out[str(key)].line)
                    out[str(key)] = _convert(value_node, loader, budget, path)
                    out[str(key)].line = key_node.start_mark.line + 1
                return Node(out, line)
            return Node([_convert(item, loader, budget, path) for item in node.value], line)
        finally:
            path.discard(id(node))
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
        if node is None:
            raise error(path, f"{what} is empty", "Fill it in (see README).")
        return _convert(node, yaml.SafeLoader(""), [MAX_NODES])
    except yaml.MarkedYAMLError as exc:
        # Also a tag the safe loader refuses (!!python/...) or cannot build (!!binary '***').
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise error(path, f"{line}{what} is not valid YAML ({exc.problem})",
                    "Fix the indentation or punctuation on that line.") from None
    except yaml.YAMLError:
        raise error(path, f"{what} is not valid YAML", "Check it against the example in README.") from None
    except _Duplicate as exc:
        raise error(path, f"line {exc.line}: {what} repeats a field already given on line {exc.first}, "
                    "and only one would be read", "Merge the two into one (one list of people, one of addresses).") from None
    except _Cycle as exc:
        raise error(path, f"line {exc.line}: {what} uses an alias (*name) inside the value it names",
                    "Write the value out in full instead of the alias.") from None
    except _TooBig:
        raise error(path, f"{what} expands to more than {MAX_NODES:,} values (aliases repeated inside aliases?)",
                    "Write each entry out once, without nested aliases.") from None
    except RecursionError:
        raise error(path, f"{what} is nested too deeply", "Check it against the example in README.") from None
    except (ValueError, TypeError, OverflowError):
        # A tag whose text cannot become its type, like !!int Amara. The message would quote
        # the value, which may be a name, so only the kind of problem is given.
        raise error(path, f"{what} has a value that does not match its !!tag",
                    "Remove the !!tag or fix the value.") from None
    finally:
        loader.dispose()


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
            # A key that is not field-like may be a name typed in the wrong place: not echoed.
            shown = f"'{key}'" if re.fullmatch(r"[a-z_]{1,30}", key) else "(not shown)"
            raise error(path, f"line {value.line}: unknown field {shown} in {where}",
                        f"Known fields: {known}.")
    for key in sorted(required - fields.keys()):
        raise error(path, f"line {node.line}: {where} is missing the field '{key}'", "Add it.")
    return fields
