"""The examples in the graph modules' docstrings run and say what they print."""
import doctest
import importlib
import pkgutil

import pytest

import graph

MODULES = sorted(info.name for info in pkgutil.iter_modules(graph.__path__) if info.name != "__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"graph.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
