"""The one-way flow of DESIGN.md ("Architecture"), read from the source.

Every `import duiding.<app>...` / `from duiding.<app>... import ...` in an app's modules is an
arrow, including imports inside functions. An arrow from an app to one on a higher floor runs
against the flow and fails this test. Where an upstream change must reach downstream, the
upstream app sends a signal (DESIGN.md) instead of importing.
"""

import ast
from pathlib import Path

import pytest

import duiding

# Bottom to top, as in DESIGN.md: each floor may import from the floors below it, never above.
FLOORS = [
    "core",
    "accounts",
    "jobs",
    "areas",
    "indicators",
    "frameworks",
    "areaprofile",
    "programmes",
    "results",
    "activities",
    "outcomes",
    "stories",
    "reflections",
    "teams",
    "reports",
    "api",
    "home",
    "demo",
]

SOURCE = Path(duiding.__file__).parent


def _module_name(path: Path, source: Path) -> str:
    parts = list(path.relative_to(source.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_modules(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
    return {name for name in found if name.startswith("duiding.")}


def import_arrows(source: Path = SOURCE) -> list[tuple[str, str]]:
    """All (module, imported duiding module) arrows between apps of the floor list."""
    arrows = []
    for path in sorted(source.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = _module_name(path, source)
        parts = module.split(".")
        if len(parts) < 2 or parts[1] not in FLOORS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for target in _imported_modules(tree, module, path.name == "__init__.py"):
            target_app = target.split(".")[1]
            if target_app in FLOORS and target_app != parts[1]:
                arrows.append((module, target))
    return arrows


def against_the_flow(arrows: list[tuple[str, str]]) -> set[tuple[str, str]]:
    def floor(module: str) -> int:
        return FLOORS.index(module.split(".")[1])

    return {(src, dst) for src, dst in arrows if floor(dst) > floor(src)}


def test_apps_of_the_floor_list_exist_as_folders():
    apps = {p.name for p in SOURCE.iterdir() if (p / "apps.py").exists()}
    assert apps <= set(FLOORS), f"apps missing from the floor list: {sorted(apps - set(FLOORS))}"


def test_no_import_runs_against_the_floor_order():
    wrong = against_the_flow(import_arrows())
    assert not wrong, "imports against the floor order of DESIGN.md:\n" + "\n".join(
        f"  {src} -> {dst}" for src, dst in sorted(wrong)
    )


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("from duiding.results.models import X", True),
        ("def f():\n    from duiding.results import services\n", True),
        ("import duiding.results.models", True),
        ("from duiding.core.formatting import x", False),
    ],
)
def test_checker_sees_module_level_and_function_level_imports(tmp_path, code, expected):
    app = tmp_path / "duiding" / "indicators"
    app.mkdir(parents=True)
    (tmp_path / "duiding" / "__init__.py").write_text("")
    (app / "__init__.py").write_text("")
    (app / "thing.py").write_text(code)
    found = against_the_flow(import_arrows(tmp_path / "duiding"))
    assert bool(found) is expected
