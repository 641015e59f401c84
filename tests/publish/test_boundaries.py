"""Issue 17, item 3 ("Publishing in one place"): the import boundaries between site/, search/ and publish/.

``site/`` and ``search/`` only make files into a folder they are given; ``publish/`` stages,
mirrors and swaps them into ``site/`` without knowing how they were made.  So ``site/`` and
``search/`` import nothing from each other, ``publish/`` imports neither, and no module outside
``search/`` names a folder of the search index's build cache."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "dibao"


def imported_packages(module: Path, text: str | None = None) -> set[str]:
    """The ``dibao`` sub-packages (first level) a module imports, relative imports resolved."""
    tree = ast.parse(module.read_text(encoding="utf-8") if text is None else text)
    own = module.relative_to(PACKAGE.parent).with_suffix("").parts  # ("dibao", "site", "update")
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name.split(".") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = list(own[:len(own) - node.level]) if node.level else []
            target = base + (node.module.split(".") if node.module else [])
            names = [target + [alias.name] for alias in node.names]
        else:
            continue
        for parts in names:
            if parts[:1] == ["dibao"] and len(parts) > 1:
                found.add(parts[1])
    return found


def modules(package: str) -> list[Path]:
    return sorted((PACKAGE / package).rglob("*.py"))


@pytest.mark.parametrize("package, forbidden", [("site", {"search", "publish"}), ("search", {"site", "publish"}),
                                                ("publish", {"site", "search"})])
def test_packages_import_nothing_across_the_boundary(package, forbidden):
    assert modules(package), f"dibao/{package}/ has no modules"
    crossing = {m.relative_to(PACKAGE).as_posix(): sorted(imported_packages(m) & forbidden) for m in modules(package)}
    assert {m: found for m, found in crossing.items() if found} == {}


def test_the_boundary_check_sees_relative_and_absolute_imports():
    """The checker itself: a module importing across by any spelling is caught."""
    module = PACKAGE / "site" / "update.py"
    for text in ("from ..search.build import x\n", "import dibao.search\n", "from dibao import search\n",
                 "from .. import search\n", "from dibao.search.build import x\n", "def f():\n    from ..search import y\n"):
        assert imported_packages(module, text) == {"search"}, text
    assert imported_packages(module, "from . import writer\nfrom .. import pickled\n") == {"site", "pickled"}


def test_no_module_outside_search_names_its_build_cache_folder():
    """Search keeps a build cache inside the folder it is given; which one is its own business."""
    from dibao.search import build

    cache_names = {build.CACHE}
    outside = [m for m in sorted(PACKAGE.rglob("*.py")) if "search" not in m.relative_to(PACKAGE).parts[:1]]
    naming = []
    for module in outside:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in cache_names:
                naming.append(f"{module.relative_to(PACKAGE).as_posix()}:{node.lineno}")
    assert naming == []
