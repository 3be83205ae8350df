"""What a verb's object says beside it: the things its prepositions name, and the label
each gives the relation (relations/object_preps.py)."""
from extract.relations import clause_relations

from .conftest import quads


def test_for_on_an_object_is_a_purpose_not_a_second_object(read):
    """"Extract packet headers for alerting and dashboards": the headers are for the dashboards."""
    found = quads(read(clause_relations, "Extract packet headers for alerting and dashboards.", "Fluentd"))
    assert ("Fluentd", "extracts", "packet headers", False) in found, found
    assert not any(obj in {"alerting", "dashboards"} for _, _, obj, _ in found), found


def test_to_after_what_a_verb_moves_names_where_it_goes(read):
    """"Routes external traffic to Services": the parser hangs "to" on "traffic"; a verb of
    taking things somewhere (``transfer_verbs``) routes to the Services all the same."""
    found = quads(read(clause_relations, "Routes external traffic to Services based on host rules.", "Ingress"))
    assert ("ingress", "routes to", "Services", False) in found, found


def test_from_after_an_object_joins_the_verb_and_for_after_a_light_object_only_when_given_or_needed(read):
    """"installs packages from PyPI" installs from PyPI, it does not install PyPI; "offers support
    for PyTorch" and "removes the need for data duplication" are about what follows "for", but
    "pins exact versions for deployment" pins no deployment."""
    assert ("pip", "installs from", "PyPI", False) in quads(read(clause_relations, "It installs packages from PyPI into the active environment.", "pip"))
    assert ("AWS Lake Formation", "removes", "manual data duplication", False) in \
        quads(read(clause_relations, "It removes the need for manual data duplication.", "Lake Formation"))
    pinned = quads(read(clause_relations, "It pins exact versions for deployment.", "requirements.txt"))
    assert not any(p == "pins" and o == "deployment" for _, p, o, _ in pinned), pinned


def test_with_after_an_activity_object_names_the_means(read):
    """"simplifies data orchestration with declarative asset definitions": Dagster uses the
    definitions; it does not simplify them."""
    found = quads(read(clause_relations, "It simplifies data orchestration with declarative asset definitions.", "Dagster"))
    assert ("Dagster", "simplifies", "data orchestration", False) in found, found
    assert ("Dagster", "uses", "declarative asset definitions", False) in found, found
    assert not any(p == "simplifies" and o == "declarative asset definitions" for _, p, o, _ in found), found


def test_beside_an_object_a_glossary_concept_is_a_circumstance_a_product_a_place(read):
    """"Activation functions introduce non-linearity in neural networks": the networks are where
    the non-linearity is, nothing the functions "introduce in"; "delivers records to Amazon S3"
    still delivers to it."""
    found = quads(read(clause_relations, "Activation functions introduce non-linearity in neural networks."))
    assert ("activation function", "introduces", "non-linearity", False) in found, found
    assert not any(obj == "neural network" for _, _, obj, _ in found), found
    found = quads(read(clause_relations, "Amazon Kinesis Data Firehose delivers streaming records to Amazon S3."))
    assert any(p == "delivers to" and obj == "Amazon S3" for _, p, obj, _ in found), found


def test_about_after_an_object_says_what_it_tells_of_not_what_the_verb_acts_on(read):
    """"provides detailed information about the cluster's node pools": the nodes are told of,
    not provided."""
    found = quads(read(clause_relations, "It provides detailed reports about the node pools of the cluster.", "Karpenter"))
    assert not any(p == "provides" and "node pool" in o for _, p, o, _ in found), found
