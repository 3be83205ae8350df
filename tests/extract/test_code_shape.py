"""The extractor stays readable: small functions, small modules, stages that import only
earlier stages (read -> parse -> mentions -> relations -> assemble)."""
import ast
from pathlib import Path

import pytest
from radon.complexity import cc_visit

EXTRACT = Path(__file__).resolve().parents[2] / "extract"
FILES = sorted(EXTRACT.rglob("*.py"))
STAGES = ["read", "parse", "mentions", "relations", "assemble"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(EXTRACT)))
def test_no_function_is_too_complex(path):
    complex_ones = [f"{block.name} ({block.complexity})" for block in cc_visit(path.read_text()) if block.complexity > 15]
    assert not complex_ones, f"{path.name}: split {complex_ones}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(EXTRACT)))
def test_no_module_is_too_long(path):
    assert len(path.read_text().splitlines()) <= 260


def _imported_stages(path: Path) -> set[str]:
    """The stages a module of a stage package imports from (``..relations``, ``extract.relations``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.level == 0 and node.module.startswith("extract."):
                found.add(node.module.split(".")[1])
            elif node.level == 2:
                found.add(node.module.split(".")[0])
    return found & set(STAGES)


def test_the_import_check_sees_a_later_stage(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("from ..relations import clauses\nfrom extract.assemble import Names\nfrom .x import y\n")
    assert _imported_stages(module) == {"relations", "assemble"}


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_later_stage(stage):
    later = set(STAGES[STAGES.index(stage) + 1:])
    for path in (EXTRACT / stage).rglob("*.py"):
        assert not (_imported_stages(path) & later), f"{path.relative_to(EXTRACT)} imports a later stage"
