"""The scorer of fixtures/domains/expected.yaml, tested on small hand-built graphs."""
from pathlib import Path

import networkx as nx
import pytest

from .domain_expectations import (
    NoteExpectation,
    RelationExpectation,
    check,
    load_expectations,
    name_keys,
    split_aliases,
)

DOMAINS = Path(__file__).parent / "fixtures" / "domains"


def rel(s: str, o: str, *stems: str) -> RelationExpectation:
    return RelationExpectation(split_aliases(s), split_aliases(o), stems)


def expect(relations=(), entities=(), must_not=(), must_not_relations=()) -> NoteExpectation:
    return NoteExpectation(
        note="case.md",
        relations=tuple(relations),
        entities=tuple(split_aliases(e) for e in entities),
        must_not_appear=tuple(split_aliases(m) for m in must_not),
        must_not_relations=tuple(must_not_relations),
    )


def graph(*edges, nodes=()) -> nx.MultiDiGraph:
    """edges: (source, target, relation, extra attrs); nodes: (id, attrs)."""
    g = nx.MultiDiGraph()
    for node, attrs in nodes:
        g.add_node(node, **attrs)
    for source, target, relation, *extra in edges:
        attrs = {"relation": relation, "kind": "stated", "negated": False}
        attrs.update(extra[0] if extra else {})
        g.add_edge(source, target, **attrs)
    return g


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("API server", "api-server"),
        ("the API Server", "API server"),
        ("Pods", "pod"),
        ("unit files", "unit file"),
        ("caches", "cache"),
        ("processes", "process"),
        ("copies", "copy"),
        ("config map", "ConfigMap"),
        ("fork()", "fork"),
        ("IPs", "IP"),
    ],
)
def test_names_that_match(a, b):
    assert name_keys(a) & name_keys(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("HTTPS", "HTTP"),
        ("DNS", "DN"),
        ("k8s", "k8"),
        ("merge", "merge commit"),
        ("kubeconfig", "kube config file"),
        ("Amazon Keyspaces", "keyspace"),
    ],
)
def test_names_that_do_not_match(a, b):
    assert not name_keys(a) & name_keys(b)


# ---------------------------------------------------------------- relations


def test_relation_found():
    g = graph(("etcd", "cluster state", "stores"))
    report = check(g, expect([rel("etcd", "cluster state", "store", "hold")]))
    assert len(report.found_relations) == 1 and not report.missed_relations
    assert report.found_relations[0][1].relation == "stores"
    assert report.relation_recall == 1.0


def test_relation_missed_when_no_edge_or_wrong_stem():
    g = graph(("etcd", "cluster state", "mentions"), ("kubelet", "pod", "runs"))
    expectation = expect([
        rel("etcd", "cluster state", "store", "hold"),
        rel("kubelet", "API server", "talk"),
    ])
    report = check(g, expectation)
    assert not report.found_relations
    assert len(report.missed_relations) == 2
    assert report.relation_recall == 0.0
    assert "missed relation: kubelet -[talk]- API server" in report.summary()


def test_stem_matches_start_of_any_word_of_the_label():
    g = graph(("Redis", "caching", "is used for"), ("TCP", "IP", "runs_on_top_of"))
    report = check(g, expect([
        rel("Redis", "caching", "use"),
        rel("TCP", "IP", "sit", "run"),
    ]))
    assert len(report.found_relations) == 2


def test_stem_must_start_the_word():
    g = graph(("Redis", "caching", "reuses"))
    report = check(g, expect([rel("Redis", "caching", "use")]))
    assert report.missed_relations


def test_relation_in_reversed_direction_counts():
    g = graph(("API server", "kubelet", "is talked to by"))
    report = check(g, expect([rel("kubelet", "API server", "talk")]))
    assert report.found_relations
    hit = report.found_relations[0][1]
    assert (hit.source, hit.target) == ("API server", "kubelet")


def test_relation_matched_through_alias_and_label():
    g = graph(
        ("n1", "n2", "translates"),
        nodes=[("n1", {"label": "Domain Name System", "aliases": ["DNS"]}), ("n2", {"label": "IP addresses"})],
    )
    report = check(g, expect([rel("DNS", "IP address", "translat", "map")]))
    assert report.found_relations


def test_relation_with_alternative_names_in_expectation():
    g = graph(("scheduler", "pods", "assigns"))
    report = check(g, expect([rel("kube-scheduler | scheduler", "pod", "assign")]))
    assert report.found_relations


def test_cooccurrence_edge_does_not_count():
    g = graph(("etcd", "cluster state", "stores", {"kind": "cooccurrence"}))
    report = check(g, expect([rel("etcd", "cluster state", "store")]))
    assert report.missed_relations and not report.found_relations


def test_negated_edge_does_not_count():
    g = graph(("MongoDB", "fixed schema", "enforces", {"negated": True}))
    report = check(g, expect([rel("MongoDB", "fixed schema", "enforc")]))
    assert report.missed_relations


def test_a_counting_edge_beside_a_cooccurrence_edge_is_found():
    g = graph(
        ("etcd", "cluster state", "co-occurs", {"kind": "cooccurrence"}),
        ("etcd", "cluster state", "stores"),
    )
    report = check(g, expect([rel("etcd", "cluster state", "store")]))
    assert report.found_relations


def test_edge_without_relation_attribute_does_not_count():
    g = nx.MultiDiGraph()
    g.add_edge("etcd", "cluster state", kind="stated")
    report = check(g, expect([rel("etcd", "cluster state", "store")]))
    assert report.missed_relations


def test_self_loop_is_not_a_relation_between_two_names():
    g = graph(("congestion control", "congestion control", "is"))
    report = check(g, expect([rel("CUBIC | congestion control", "congestion control", "is")]))
    assert report.missed_relations


def test_negated_statement_extracted_as_stated_is_reported():
    stated = graph(("Redis", "durability", "guarantees"))
    negated = graph(("Redis", "durability", "guarantees", {"negated": True}))
    expectation = expect(must_not_relations=[rel("Redis", "durability", "guarant")])
    bad = check(stated, expectation)
    assert bad.wrong_relations and not bad.clean
    assert "negated statement extracted as stated" in bad.summary()
    assert check(negated, expectation).clean


# ---------------------------------------------------------------- entities and must-not


def test_entities_found_and_missing():
    g = graph(("kubelet", "API server", "talks to"))
    report = check(g, expect(entities=["kubelet", "API server | kube-apiserver", "etcd"]))
    assert [names for names, _ in report.found_entities] == [("kubelet",), ("API server", "kube-apiserver")]
    assert report.missing_entities == [("etcd",)]
    assert report.entity_recall == pytest.approx(2 / 3)
    assert "missing entity: etcd" in report.summary()


def test_entity_found_by_alias_of_expectation_and_aliases_attribute():
    g = nx.MultiDiGraph()
    g.add_node("kubernetes", label="Kubernetes", aliases="k8s")
    g.add_node("hpa", label="HPA", aliases=["Horizontal Pod Autoscaler"])
    report = check(g, expect(entities=["k8s", "Horizontal Pod Autoscaler | HPA"]))
    assert not report.missing_entities
    assert report.found_entities[0][1] == ["kubernetes"]


def test_entity_found_by_plural_node():
    g = nx.MultiDiGraph()
    g.add_node("ReplicaSets")
    g.add_node("unit-files", label="Unit Files")
    report = check(g, expect(entities=["ReplicaSet", "unit file"]))
    assert not report.missing_entities


def test_entity_not_found_by_partial_name():
    g = nx.MultiDiGraph()
    g.add_node("merge commit")
    report = check(g, expect(entities=["merge"]))
    assert report.missing_entities == [("merge",)]


def test_must_not_nodes_detected():
    g = nx.MultiDiGraph()
    g.add_node("aws-config", label="AWS Config")
    g.add_node("Data")
    g.add_node("kubectl get pods")
    g.add_node("ConfigMap", aliases=["config map"])
    expectation = expect(must_not=["AWS Config | Config", "data", "kubectl get pods", "Secrets Manager"])
    report = check(g, expectation)
    present = {names[0]: nodes for names, nodes in report.present_must_not}
    assert present == {"AWS Config": ["aws-config"], "data": ["Data"], "kubectl get pods": ["kubectl get pods"]}
    assert not report.clean
    summary = report.summary()
    assert "must-not present 3" in summary
    assert "must-not node: data -> Data" in summary


def test_clean_graph_reports_no_must_not():
    g = graph(("kubectl", "kubeconfig", "reads"))
    report = check(g, expect(must_not=["AWS Config", "file"]))
    assert report.clean and not report.present_must_not


def test_summary_counts():
    g = graph(("etcd", "cluster state", "stores"))
    report = check(g, expect([rel("etcd", "cluster state", "store"), rel("kubelet", "pod", "run")], ["etcd", "kubelet"]))
    first = report.summary().splitlines()[0]
    assert first == "case.md: relations 1/2, entities 1/2, must-not present 0"


# ---------------------------------------------------------------- the shipped expectations


def test_shipped_expectations_load_and_cover_every_note():
    expectations = load_expectations(DOMAINS / "expected.yaml")
    notes = {p.name for p in DOMAINS.iterdir() if p.suffix in {".md", ".txt"}}
    assert set(expectations) == notes
    for name, e in expectations.items():
        lines = len((DOMAINS / name).read_text(encoding="utf-8").splitlines())
        assert 25 <= lines <= 60, name
        assert 5 <= len(e.relations) <= 14, name  # a page of exam tips states more per line than prose
        assert 6 <= len(e.entities) <= 20, name
        assert 5 <= len(e.must_not_appear) <= 10, name
        assert all(2 <= len(r.stems) <= 5 for r in e.relations), name


def test_load_rejects_bad_relation(tmp_path):
    path = tmp_path / "expected.yaml"
    path.write_text("a.md:\n  relations:\n    - {s: x, o: y, stems: Store}\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_expectations(path)
    path.write_text("a.md:\n  relatons: []\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_expectations(path)
