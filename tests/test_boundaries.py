"""Rooms stay closed: a stage uses another stage only through its public API (its package's
``__init__``), never through one of its internal modules. Imports made only for type checking
count too: a type another stage passes on is part of its public API or it is not passed on."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

STAGES = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "stages"
PREFIX = "newsgraph.stages."


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, absolute, with its line."""
    package = "newsgraph.stages." + ".".join(path.relative_to(STAGES).with_suffix("").parts)
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: -node.level]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            out.append((node.lineno, module))
            # "from newsgraph.stages.actors import coder" names a module too
            out.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
    return out


def _internal_module(module: str) -> bool:
    return (STAGES / Path(*module.split(".")[2:])).with_suffix(".py").is_file()


def violations(path: Path) -> list[str]:
    own = path.relative_to(STAGES).parts[0]
    found = []
    for line, module in _imports(path):
        if not module.startswith(PREFIX):
            continue
        parts = module[len(PREFIX) :].split(".")
        if parts[0] != own and len(parts) > 1 and _internal_module(module):
            found.append(f"{path.relative_to(STAGES.parent)}:{line} imports {module}")
    return found


def test_the_checker_sees_an_internal_import(tmp_path: Path) -> None:
    # The check itself: a file in one stage that reaches into another's module is caught.
    probe = STAGES / "events" / "_probe_boundary.py"
    probe.write_text(
        "from newsgraph.stages.actors.coder import code_phrase\n"
        "from newsgraph.stages.actors import lookup\n"
        "from newsgraph.stages.quotes import find\n",
        encoding="utf-8",
    )
    try:
        found = violations(probe)
    finally:
        probe.unlink()
    assert found == [
        "stages/events/_probe_boundary.py:1 imports newsgraph.stages.actors.coder",
        "stages/events/_probe_boundary.py:3 imports newsgraph.stages.quotes.find",
    ]


@pytest.mark.parametrize(
    "path", sorted(STAGES.rglob("*.py")), ids=lambda p: str(p.relative_to(STAGES))
)
def test_no_stage_imports_another_stage_s_internal_module(path: Path) -> None:
    assert violations(path) == []
