"""Contract tests: the import layering of STYLE.md and the public surface."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "ai_impact"

# Lower number = lower layer. A module may import its own layer or lower ones only.
LAYERS: dict[str, int] = {
    "errors": 0,
    "settings": 0,
    "textfile": 0,
    "usertext": 0,
    "sources": 1,
    "db": 2,
    "titles": 3,
    "scoring": 3,
    "risk": 4,
    "reports": 5,
    "render": 6,
    "api": 7,
    "cli": 8,
    "web": 8,
    "export": 8,
    "workforce": 8,
}
FACE_ONLY = {"fastapi", "typer", "click", "uvicorn", "starlette"}
RENDER_ONLY = {"jinja2", "pygal"}


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py"))


def _layer_of(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_layering(path: Path) -> None:
    """Data flows one way: no module imports a higher layer or a face-only library."""
    layer = _layer_of(path)
    if layer == "__init__":
        return
    own = LAYERS.get(layer)
    assert own is not None, f"{path} is outside the known layers; add it to LAYERS"
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "ai_impact" and len(name.split(".")) > 1:
            target = name.split(".")[1]
            if target in LAYERS:
                assert LAYERS[target] <= own, f"{path.name} ({layer}) imports {name}"
        if top in FACE_ONLY:
            assert own == 8, f"{path.name} ({layer}) imports face-only {top}"
        if top in RENDER_ONLY:
            assert layer in {"render", "web", "export"}, f"{path.name} imports {top}"
        assert top != "torch", f"{path.name} imports torch: the runtime must not need it"


def test_no_utils_modules() -> None:
    """Helpers are named by purpose, never utils.py."""
    assert not [p for p in _modules() if p.stem in {"utils", "helpers", "misc"}]
