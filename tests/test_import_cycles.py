"""No import cycle inside the package: every module's intra-package imports, deferred ones in
function bodies included, make a graph without cycles (issue 11: entities and places used to
import each other)."""
import ast
from pathlib import Path

import sitrep

PACKAGE = Path(sitrep.__file__).resolve().parent


def _module_names() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, modules: set[str]) -> set[str]:
    """Package modules that `name` imports anywhere in its body."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names)   # "from . import nlp"
    # a module's own packages are initialised before it runs: not an edge
    ancestors = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
    return {m for m in found if m in modules and m != name and m not in ancestors}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, state, stack = [], {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                cycles.append(stack[stack.index(m):] + [m])
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)
    return cycles


def _graph():
    modules = _module_names()
    return {n: _imports(n, p, set(modules)) for n, p in modules.items()}


def test_the_package_import_graph_has_no_cycle():
    graph = _graph()
    assert graph["sitrep.entities"] and graph["sitrep.places"]      # the walk sees imports
    cycles = _cycles(graph)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_cycle_finder_finds_a_deferred_import_cycle(tmp_path):
    a = tmp_path / "a.py"
    b = tmp_path / "b.py"
    a.write_text("from .b import f\n", encoding="utf-8")
    b.write_text("def g():\n    from .a import h\n    return h\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("from . import d\n", encoding="utf-8")
    modules = {"p", "p.a", "p.b", "p.d"}
    assert _imports("p.c", tmp_path / "c.py", modules) == {"p.d"}     # its package is no edge
    graph = {"p.a": _imports("p.a", a, modules), "p.b": _imports("p.b", b, modules)}
    assert _cycles(graph) == [["p.a", "p.b", "p.a"]]
