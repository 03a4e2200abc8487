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


# --- cycles and imports hidden in functions ----------------------------------------------------


def _modules(source: Path) -> dict[str, Path]:
    return {
        _module_name(path, source): path
        for path in sorted(source.rglob("*.py"))
        if "migrations" not in path.parts
    }


def _owner(name: str, modules: dict[str, Path]) -> str | None:
    """The module an imported name lives in: `duiding.a.b.c` -> `duiding.a.b` when c is a name."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _top_level_targets(path: Path, module: str, modules: dict[str, Path]) -> set[str]:
    """Duiding modules a module imports when it is loaded (module level, TYPE_CHECKING left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    statements = []
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.If | ast.Try):
            statements.extend(node.body)
        else:
            statements.append(node)
    for node in statements:
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        for target in _imported_modules(
            ast.Module(body=[node], type_ignores=[]), module, is_package
        ):
            names = []
            if isinstance(node, ast.ImportFrom):
                names = [f"{target}.{alias.name}" for alias in node.names]
            for name in names or [target]:
                owner = _owner(name if name in modules else target, modules)
                if owner and owner != module:
                    found.add(owner)
    return found


def import_cycles(source: Path = SOURCE) -> list[list[str]]:
    """Groups of modules that import each other at load time (strongly connected components)."""
    modules = _modules(source)
    graph = {m: _top_level_targets(p, m, modules) for m, p in modules.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return cycles


def function_level_imports(source: Path = SOURCE) -> list[str]:
    """`duiding` imports inside functions, except in AppConfig.ready (where Django wants them)."""
    found = []
    for module, path in _modules(source).items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef) or func.name == "ready":
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Import | ast.ImportFrom) and _imported_modules(
                    ast.Module(body=[node], type_ignores=[]), module, path.name == "__init__.py"
                ):
                    found.append(f"{module}:{node.lineno} ({func.name})")
    return found


def test_no_import_cycles_between_modules():
    cycles = import_cycles()
    assert not cycles, "modules that import each other:\n" + "\n".join(
        "  " + " <-> ".join(group) for group in cycles
    )


def test_no_duiding_import_hidden_in_a_function():
    hidden = function_level_imports()
    assert not hidden, "duiding imports inside functions (move them to the top):\n" + "\n".join(
        f"  {item}" for item in hidden
    )


@pytest.mark.parametrize(
    ("files", "cyclic"),
    [
        ({"a.py": "from duiding.app.b import x\n", "b.py": "from duiding.app.a import y\n"}, True),
        (
            {
                "a.py": "from duiding.app import b\n",
                "b.py": "def f():\n    from duiding.app import a\n",
            },
            False,
        ),
        ({"a.py": "from duiding.app.b import x\n", "b.py": "x = 1\n"}, False),
    ],
)
def test_cycle_checker_sees_load_time_cycles(tmp_path, files, cyclic):
    app = tmp_path / "duiding" / "app"
    app.mkdir(parents=True)
    (tmp_path / "duiding" / "__init__.py").write_text("")
    (app / "__init__.py").write_text("")
    for name, code in files.items():
        (app / name).write_text(code)
    assert bool(import_cycles(tmp_path / "duiding")) is cyclic
