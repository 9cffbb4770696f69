"""The package's shape: no import cycles, no borrowed private names, small modules, a small top level.

The import graph counts every import: at module level, inside functions, and under TYPE_CHECKING.
The contracts between stages are import-linter's (pyproject.toml, `lint-imports`).
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import grimp
import pytest

import anonymiser

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "anonymiser"
MAX_LINES = 400
# Modules over MAX_LINES today, being split; remove each as it comes under the limit.
TOP_LEVEL_FILES = {"__init__.py", "__main__.py", "api.py", "cli.py"}


def _modules() -> dict[str, Path]:
    """Dotted name -> file of every module in the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _cycles(imports: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm; the graph is small enough to recurse
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(imports.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in imports.get(node, ()):
                found.append(sorted(component))

    for node in sorted(imports):
        if node not in index:
            visit(node)
    return found


def test_the_checked_package_is_this_repository() -> None:
    assert Path(anonymiser.__file__).resolve().parent == PACKAGE


def test_no_import_cycles_between_modules() -> None:
    graph = grimp.build_graph("anonymiser", exclude_type_checking_imports=False, cache_dir=None)
    imports = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert _cycles(imports) == []


def test_cycles_are_found() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _borrowed_private_names(module: str, path: Path, modules: dict[str, Path]) -> list[str]:
    """`from elsewhere import _name` (or of a `_module`) where elsewhere is not this module's package or below it."""
    here = _package_of(module, path)
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")[: len(here.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            targets = [(source, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [(alias.name, "") for alias in node.names]
        else:
            continue
        for source, name in targets:
            if source != "anonymiser" and not source.startswith("anonymiser."):
                continue
            full = f"{source}.{name}" if name else source
            parts = full.split(".")
            first = next((i for i, part in enumerate(parts) if _private(part)), None)
            if first is None:
                continue
            # The package the private part belongs to: the one that holds it, or holds its module.
            owner = ".".join(parts[:first])
            if owner in modules and modules[owner].name != "__init__.py":
                owner = owner.rpartition(".")[0]
            if here != owner and not here.startswith(owner + "."):
                out.append(f"{module} imports {full}")
    return out


def test_no_module_imports_a_private_name_from_another_package() -> None:
    modules = _modules()
    borrowed = [b for m, p in modules.items() for b in _borrowed_private_names(m, p, modules)]
    assert borrowed == []


def test_a_borrowed_private_name_is_found(tmp_path: Path) -> None:
    names = ("decide.keep", "decide.overlaps", "detect.analyse")
    modules = {f"anonymiser.{name}": tmp_path / f"{name}.py" for name in names}
    modules["anonymiser.decide.keep"].write_text(
        "from anonymiser.detect.analyse import _noted, bisect\nfrom anonymiser.decide.overlaps import _x\n"
        "import anonymiser.detect.recognizers._pattern\n", encoding="utf-8")
    assert _borrowed_private_names("anonymiser.decide.keep", modules["anonymiser.decide.keep"], modules) == [
        "anonymiser.decide.keep imports anonymiser.detect.analyse._noted",
        "anonymiser.decide.keep imports anonymiser.detect.recognizers._pattern",
    ]


def test_modules_stay_under_the_line_limit() -> None:
    lengths = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in _modules().values()}
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}


def test_the_top_of_the_package_holds_only_the_entry_points() -> None:
    files = {p.name for p in PACKAGE.iterdir() if p.is_file()}
    assert files <= TOP_LEVEL_FILES, f"move {sorted(files - TOP_LEVEL_FILES)} into a stage package"


_CONFLICT = re.compile(r"^(?:<{7}|>{7})(?: |$)|^={7}$", re.M)


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False).stdout.split()
    return [ROOT / f for f in listed if f.endswith((".py", ".md", ".txt", ".yaml", ".yml", ".toml", ".cfg", ".html"))
            and (ROOT / f).is_file()]


def test_no_file_holds_a_merge_conflict_marker() -> None:
    files = _tracked_text_files()
    if not files:
        pytest.skip("not a git checkout: no tracked files to read")
    marked = [str(f.relative_to(ROOT)) for f in files if _CONFLICT.search(f.read_text(encoding="utf-8", errors="replace"))]
    assert marked == []


def test_a_conflict_marker_is_found() -> None:
    assert _CONFLICT.search("a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> branch\n")
    assert not _CONFLICT.search("| table | row |\n========\nheading\n")
