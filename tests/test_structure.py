"""The package's shape: no import cycles (function-level imports count), and no mkdocs in govreg."""

from __future__ import annotations

import ast
import dataclasses
import re
import typing
from pathlib import Path

from conftest import ROOT

SRC = ROOT / "src" / "govreg"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in SRC.rglob("*.py")}


def import_graph() -> dict[str, set[str]]:
    """Module -> govreg modules it imports anywhere in its body (type-checking-only imports excluded)."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skip.update(id(n) for child in node.body for n in ast.walk(child))
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    targets.append(full if full in modules else base)
            for target in targets:
                if target in modules and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same graph with each subpackage's modules as one node (govreg.reviewpack.importer ->
    govreg.reviewpack), so a cycle through a package (build -> export -> reviewpack -> build) shows."""

    def node(module: str) -> str:
        parts = module.split(".")
        return ".".join(parts[:2]) if parts[0] == "govreg" and len(parts) > 2 else module

    out: dict[str, set[str]] = {}
    for module, deps in graph.items():
        mine = out.setdefault(node(module), set())
        mine.update(node(d) for d in deps if node(d) != node(module))
    for deps in list(out.values()):
        for d in deps:
            out.setdefault(d, set())
    return out


def hooks_graph() -> dict[str, set[str]]:
    """hooks/ modules -> the govreg modules and other hooks they import."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    hook_names = {f"hooks.{p.stem}" for p in (ROOT / "hooks").glob("*.py")}
    for path in (ROOT / "hooks").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        deps: set[str] = set()
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            deps.update(n for n in names if n in modules or n in hook_names)
        graph[f"hooks.{path.stem}"] = deps
    return graph


def test_no_import_cycles() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert found == [], f"import cycles in src/govreg: {found}"
    whole = package_graph(graph) | hooks_graph()
    for deps in list(whole.values()):
        for d in deps:
            whole.setdefault(d, set())
    found = cycles(whole)
    assert found == [], f"import cycles between packages (or hooks/): {found}"


def test_cycle_finder_finds_a_cycle_and_a_package_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]
    # No module cycle, but a package one: build -> export.x, export.y -> pack.z, pack.z -> build.
    graph = {
        "govreg.build": {"govreg.export.x"},
        "govreg.export.x": set(),
        "govreg.export.y": {"govreg.pack.z"},
        "govreg.pack.z": {"govreg.build"},
    }
    assert cycles(graph) == []
    assert cycles(package_graph(graph)) == [["govreg.build", "govreg.export", "govreg.pack"]]


def test_function_level_imports_are_in_the_graph() -> None:
    graph = import_graph()
    assert "govreg.derive" in graph["govreg.build"]
    assert "govreg.lint" in graph["govreg.cli"]  # imported inside validate(), not at the top
    assert hooks_graph(), "hooks/ is in the graph"


def test_only_the_plugin_imports_mkdocs() -> None:
    """MkDocs is one adapter (govreg/mkdocs_plugin.py): the rest of the package works without it."""
    for path in SRC.rglob("*.py"):
        if path.name == "mkdocs_plugin.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "mkdocs" for n in names), path


# A path in a template: a string literal with a folder separator or a file extension,
# or a Markdown link whose target is written out rather than asked of `url()`.
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_LITERAL = re.compile(r"\"([^\"]*)\"|'([^']*)'")
_PATHLIKE = re.compile(r"(^|[\w-])/|\.(md|json|js|csv|xlsx|xml|ics|html|svg)(#|$)")
_MD_LINK = re.compile(r"\]\((?!#)")


def _written_link_targets(text: str) -> list[str]:
    """Markdown link targets other than an anchor or one tag and nothing else (a path from Python;
    a literal joined inside the tag is caught by `_PATHLIKE`)."""
    found = []
    for m in _MD_LINK.finditer(text):
        rest = text[m.end() :]
        if rest.startswith("{{"):
            end = rest.find("}}") + 2
            if end > 1 and rest[end : end + 1] == ")":
                continue
        found.append("](" + rest.split(")", 1)[0] + ")")
    return found


def template_paths(text: str) -> list[str]:
    """Every path a template writes out itself, instead of asking urls.py."""
    found: list[str] = []
    for tag in _TAG.finditer(text):
        expr = tag.group(0)
        if re.match(r"\{%-?\s*(include|extends|import|from)\b", expr):
            continue
        for lit in _LITERAL.finditer(expr):
            value = lit.group(1) or lit.group(2) or ""
            named = expr[: lit.start()].rstrip().endswith("url(")  # a name in urls.PAGES, not a path
            if _PATHLIKE.search(value) and not named:
                found.append(value)
    found += _written_link_targets(text)
    return found


def test_no_template_writes_a_path() -> None:
    """Templates take every path from `url()` (urls.py): no literal, no joined string."""
    bad = {
        str(p.relative_to(ROOT)): template_paths(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "src/govreg/templates").rglob("*.j2"))
    }
    assert {k: v for k, v in bad.items() if v} == {}


def test_template_path_finder_finds_each_form() -> None:
    assert template_paths('{{ "x"|link("trace/" ~ rec.id ~ ".md") }}') == ["trace/", ".md"]
    assert template_paths('{{ "assets/filter.js"|href }}') == ["assets/filter.js"]
    assert template_paths("see [the model](data-model.md#reviews).") == ["](data-model.md#reviews)"]
    assert template_paths("[{{ d }}]({{ d }}.md)") == ["]({{ d }}.md)"]
    assert template_paths('{{ "d"|link(url("downloads")) }} [x]({{ url("feed")|rel }}) [y](#taking-part)') == []
    assert template_paths('{% include "parts/voices.md.j2" %}') == []
    assert template_paths('{{ url("filter.js")|href }} {{ url("trace", "x.md") }}') == ["x.md"]


# ---------------------------------------------------------------- typed views


def _loose(hint: object) -> list[str]:
    """The parts of a type hint that say nothing about the value (Any, object), however deep."""
    if hint is typing.Any or hint is object:
        return [str(hint)]
    return [bad for arg in typing.get_args(hint) for bad in _loose(arg)]


def _view_classes() -> list[type]:
    """The view classes of `render.pages`, and every dataclass their fields hold, however deep."""
    from govreg.render import pages

    found: list[type] = []
    todo = [v for v in vars(pages).values() if dataclasses.is_dataclass(v) and isinstance(v, type)]
    while todo:
        view = todo.pop()
        if view in found:
            continue
        found.append(view)
        stack = list(typing.get_type_hints(view).values())
        while stack:
            hint = stack.pop()
            if dataclasses.is_dataclass(hint) and isinstance(hint, type):
                todo.append(hint)
            stack.extend(typing.get_args(hint))
    return found


def test_each_page_template_has_one_typed_view() -> None:
    """Every template a page is written with has exactly one view class, and every view class names a template."""
    from govreg.render.pages import PAGES

    templates = sorted(p.name for p in (SRC / "templates").glob("*.j2"))
    named = sorted(view.TEMPLATE for view in PAGES)
    assert named == templates


def test_views_are_frozen_and_every_field_is_typed() -> None:
    """No view field is typed Any or object, at any depth; every view is frozen (a template cannot change it)."""
    views = _view_classes()
    assert len(views) >= 20
    loose = {}
    for view in views:
        assert view.__dataclass_params__.frozen, view.__name__  # type: ignore[attr-defined]
        for name, hint in typing.get_type_hints(view).items():
            if name != "TEMPLATE" and (bad := _loose(hint)):
                loose[f"{view.__name__}.{name}"] = bad
    assert loose == {}


def test_loose_type_finder_finds_any_at_depth() -> None:
    assert _loose(dict[str, tuple[typing.Any, ...]]) == ["typing.Any"]
    assert _loose(tuple[str, object] | None) == ["<class 'object'>"]
    assert _loose(dict[str, tuple[int, ...]] | None) == []
