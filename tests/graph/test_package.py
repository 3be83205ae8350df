"""The graph package exports its public names, loading their modules on first use."""
import importlib

import graph


def test_every_public_name_is_exported():
    assert [name for name in graph.__all__ if not hasattr(graph, name)] == []


def test_a_function_named_like_its_module_is_never_hidden_by_the_module():
    for module in ("neighbourhood", "search"):
        importlib.import_module(f"graph.{module}")
        assert callable(getattr(graph, module)), f"graph.{module} is the module, not the function"
