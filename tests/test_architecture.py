"""The app's rooms import one way: text needs no Django, and nothing but the URLs and settings reaches into the API."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "measures"


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def modules_in(*folders):
    return [path for folder in folders for path in (APP / folder).glob("*.py")]


@pytest.mark.parametrize("path", modules_in("text"), ids=lambda path: path.name)
def test_text_is_plain_python(path):
    imports = set(imported_modules(path))
    assert not {name for name in imports if name.split(".")[0] in {"django", "rest_framework"}}
    assert all(name.startswith("measures.text") for name in imports if name.startswith("measures"))


@pytest.mark.parametrize("path", [*APP.glob("*.py"), *modules_in("ingest", "seed", "text")], ids=str)
def test_only_the_api_imports_the_api(path):
    assert not [name for name in imported_modules(path) if name.startswith("measures.api")]


@pytest.mark.parametrize(
    "path", [*APP.glob("*.py"), *modules_in("api", "ingest", "seed", "text")], ids=lambda p: str(p.relative_to(APP))
)
def test_nothing_but_the_urls_imports_the_site(path):
    assert not [name for name in imported_modules(path) if name.startswith("measures.site")]
