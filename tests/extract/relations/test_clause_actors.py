"""Who does what a clause says: the topic, the tools people use, the giver of a means, or
nobody when people act or a thing only serves them."""
import pytest

from extract.relations import clause_relations, sentence_relations

from ..helpers import hand_parsed
from .conftest import quads, read_parsed


def test_a_described_topic_does_what_its_description_is_for(read):
    """"Visual interface for defining and creating dashboards" under Grafana: Grafana creates them."""
    found = quads(read(clause_relations, "Visual interface for defining and creating complex dashboards in a browser.", "Grafana"))
    assert ("Grafana", "creates", "dashboards", False) in found, found
    assert not any(s == "visual interface" for s, _, _, _ in found), found


def test_an_opening_means_is_no_use_by_the_object(read):
    found = quads(read(clause_relations, "Using Terraform or Pulumi, you can provision virtual networks."))
    assert not any(s == "virtual networks" for s, _, _, _ in found), found


def test_a_clause_with_its_own_human_subject_is_no_act_of_the_tool(read):
    """The crawler catalogs tables; it is the reader who does not need a registry."""
    found = quads(read(clause_relations, "You can launch a Glue crawler to catalog tables when you do not need a schema registry."))
    assert ("Glue crawler", "catalogs", "tables", False) in found
    assert not any(obj == "schema registry" for _, _, obj, _ in found)


def test_a_participle_after_what_people_do_is_its_result_not_the_objects_act(read):
    """"You can manage user profiles within Grafana, enhancing compatibility": the profiles
    enhance nothing."""
    found = quads(read(clause_relations, "You can manage user profiles within Grafana, enhancing compatibility with LDAP directories."))
    assert not any(s == "user profiles" for s, _, _, _ in found), found


def test_a_purpose_on_a_thing_of_no_name_inside_a_phrase_is_no_act_of_that_thing(read):
    """"designed for compute-intensive workloads, such as training deep learning models": the
    workloads train nothing; "accessible via a unified API for creating apps": the API creates none."""
    for sentence in ("These instances are designed for compute-intensive workloads, such as training deep learning models.",
                     "These models are accessible via a unified API for creating generative AI applications."):
        found = quads(read(clause_relations, sentence, "Compute optimized instances"))
        assert not any(s in {"workloads", "application programming interface"} for s, _, _, _ in found), found


def test_a_measure_after_by_is_no_doer_and_a_bare_used_is_no_label(read):
    """"Charged by the number of requests": Lambda is charged by the requests, they charge nothing;
    "Used post-deployment to track performance" relates nothing by "used"."""
    charged = quads(read(clause_relations, "Charged by the number of requests received.", "AWS Lambda"))
    assert ("AWS Lambda", "charged by", "requests", False) in charged, charged
    used = quads(read(clause_relations, "Used post-deployment to track model performance and detect data drift over time.",
                      "Model Monitor"))
    assert not any(p == "used" for _, p, _, _ in used), used


def test_a_thing_for_people_to_act_with_does_not_act(read):
    """"an IDE environment for developers to build applications": the developers build them."""
    found = quads(read(clause_relations, "Web-based IDE environment for developers to quickly build and iterate GenAI "
                                         "applications using existing foundation models."))
    assert not any(p in {"builds", "iterates"} for _, p, _, _ in found), found


def test_a_tool_configured_to_act_does_it_itself(read):
    """"Configure X to do Y": X does Y, never the topic (an empty subject list, not a fallback)."""
    found = quads(read(clause_relations, "Use Amazon Macie to discover sensitive data.", "Amazon S3"))
    assert ("Amazon Macie", "discovers", "data", False) in found
    assert not any(s == "Amazon S3" and p == "discovers" for s, p, _, _ in found)


def test_what_is_configured_to_act_acts_and_a_tested_thing_does_not(read):
    """"Configure X to block Y": X blocks Y; "test models to detect Y": the topic detects Y."""
    configured = quads(read(clause_relations, "Configure security groups to block internet access.", "Amazon SageMaker"))
    assert ("security groups", "blocks", "internet access", False) in configured
    assert not any(s == "Amazon SageMaker" and o == "internet access" for s, _, o, _ in configured)
    tested = quads(read(clause_relations, "Intentionally test models to detect harmful outputs.", "Red teaming"))
    assert ("red teaming", "detects", "harmful outputs", False) in tested


def test_the_means_of_an_act_with_a_tool_belongs_to_its_user(read):
    """"Use comparison data to tune models through reinforcement learning": the topic uses
    reinforcement learning, the comparison data does not."""
    found = quads(read(clause_relations, "Use comparison data to tune models through reinforcement learning.",
                       "Amazon Bedrock"))
    assert ("amazon bedrock", "uses", "reinforcement learning", False) in {(s.lower(), p, o, n) for s, p, o, n in found}
    assert not any(s == "comparison data" and o == "reinforcement learning" for s, _, o, _ in found)


def test_people_are_no_purpose(read):
    """"perfect for non-technical users": the people a thing suits are not things it relates to."""
    found = quads(read(clause_relations, "Grafana is perfect for non-technical users and for dashboards."))
    assert not any("users" in obj for _, _, obj, _ in found)


def test_a_means_verb_the_parser_made_a_prepositional_object_still_acts(reader):
    """"by monitoring and profiling kernels", parsed with "monitoring" as the object of
    "by" (as the parser sometimes does): the topic monitors and profiles them."""
    words = ["Offers", "insights", "by", "monitoring", "and", "profiling", "kernels", "."]
    heads = [0, 0, 0, 2, 3, 3, 5, 0]
    deps = ["ROOT", "dobj", "prep", "pobj", "cc", "conj", "dobj", "punct"]
    tags = ["VBZ", "NNS", "IN", "VBG", "CC", "VBG", "NNS", "."]
    pos = ["VERB", "NOUN", "ADP", "VERB", "CCONJ", "VERB", "NOUN", "PUNCT"]
    lemmas = ["offer", "insight", "by", "monitor", "and", "profile", "kernel", "."]
    found = read_parsed(reader, clause_relations, hand_parsed(reader.nlp.vocab, words, heads, deps, tags, pos, lemmas),
                        "Prometheus")
    assert {("Prometheus", "monitors", "kernels", False), ("Prometheus", "profiles", "kernels", False)} <= found, found


def test_a_participle_of_using_hung_on_a_vague_object_says_how_the_subject_does_it(reader):
    """"Routers handle bursty traffic using token buckets", "using" parsed as a modifier of the
    traffic: the routers use token buckets; the traffic uses nothing."""
    words = ["Routers", "handle", "bursty", "traffic", "using", "token", "buckets", "."]
    heads = [1, 1, 3, 1, 3, 6, 4, 1]
    deps = ["nsubj", "ROOT", "amod", "dobj", "acl", "compound", "dobj", "punct"]
    tags = ["NNS", "VBP", "JJ", "NN", "VBG", "NN", "NNS", "."]
    pos = ["NOUN", "VERB", "ADJ", "NOUN", "VERB", "NOUN", "NOUN", "PUNCT"]
    lemmas = ["router", "handle", "bursty", "traffic", "use", "token", "bucket", "."]
    found = read_parsed(reader, clause_relations, hand_parsed(reader.nlp.vocab, words, heads, deps, tags, pos, lemmas))
    assert ("routers", "uses", "token buckets", False) in found, found
    assert not any(s == "bursty traffic" for s, _, _, _ in found), found


def test_by_after_an_active_verb_is_its_means_not_an_object(read):
    found = quads(read(clause_relations, "By clustering similar text, language models can classify content by sentiment."))
    assert ("language model", "classifies", "content", False) in found, found
    assert not any("text" in obj or "sentiment" in obj for _, _, obj, _ in found), found


def test_a_pronoun_in_an_inner_clause_after_a_noun_stands_for_no_topic(read):
    """"Profiling: Inspecting the call graph of a program to see how it allocates heap memory":
    "it" is the program, not the topic; "This is a stateless protocol because it keeps no session"
    goes on about the topic, as its subject does."""
    found = quads(read(clause_relations, "Inspecting the call graph of a program to see how it allocates heap memory.", "Profiling"))
    assert not any(p == "allocates" for _, p, _, _ in found), found
    found = quads(read(clause_relations, "This is a stateless protocol because it keeps no session state.", "UDP"))
    assert any(s == "UDP" and p == "keeps" for s, p, _, _ in found), found


def test_each_verb_of_an_opening_list_acts_on_the_object_of_the_last(read):
    """"Collect, aggregate and ship container logs to Elasticsearch" under Fluentd: it collects,
    aggregates and ships them."""
    found = quads(read(clause_relations, "Collect, aggregate and ship container logs to Elasticsearch.", "Fluentd"))
    assert {("Fluentd", verb, "container logs", False) for verb in ("collects", "aggregates", "ships")} <= found, found


def test_what_people_are_helped_to_do_they_do(read):
    """"Grafana helps developers build dashboards": the operators build them (an enabling verb
    with people as its object is theirs only with "lets", "allows", "enables")."""
    found = quads(read(clause_relations, "Grafana helps developers build dashboards for their clusters."))
    assert not any(p == "builds" for _, p, _, _ in found), found
    found = quads(read(clause_relations, "Grafana lets developers build dashboards for their clusters."))
    assert ("Grafana", "builds", "dashboards", False) in found, found


@pytest.mark.parametrize("text, topic", [
    ("Parquet is columnar: it stores column values together.", "Data lake"),  # after a clause with its own subject
    ("It carries no schema.", "File formats"),  # "it" is no topic named in the plural
])
def test_it_stands_for_no_topic_it_cannot_be(read, text, topic):
    found = quads(read(clause_relations, text, topic))
    assert not any(s == topic.lower() for s, _, _, _ in found), found


def test_by_default_names_no_doer(read):
    """"Encryption at rest is enabled by default": nothing called "default" enables it."""
    found = quads(read(clause_relations, "Encryption at rest is enabled by default.", "Amazon EFS"))
    assert not any("default" in (s, o) for s, _, o, _ in found), found


def test_a_participle_of_how_on_an_object_says_nothing_of_the_object(read):
    """"routes requests to the replicas based on their weights": no replica is based on weights
    (content/relations.yaml: circumstantial_participles); "a service based on JupyterLab" is."""
    found = quads(read(clause_relations, "The load balancer routes requests to the backend replicas based on their weights."))
    assert not any(p == "based on" for _, p, _, _ in found), found
    found = quads(read(clause_relations, "SageMaker Studio Lab is a free service based on JupyterLab."))
    assert ("SageMaker Studio Lab", "based on", "JupyterLab", False) in found, found


def test_what_follows_from_a_tools_act_is_the_tools_doing(read):
    """"Use AWS Lambda to run quality checks, ensuring high annotation accuracy": Lambda ensures
    it, not the topic."""
    found = quads(read(clause_relations, "Use AWS Lambda to run quality checks, ensuring high annotation accuracy.", "Ground truth labels"))
    assert ("AWS Lambda", "ensures", "high annotation accuracy", False) in found, found
    assert not any(s == "ground truth labels" and p == "ensures" for s, p, _, _ in found), found


def test_a_noun_phrase_before_a_semicolon_is_no_subject_of_the_verb_after_it(read):
    """"the legacy build script of setuptools; avoid it for new projects": the script avoids nothing."""
    found = quads(read(clause_relations, "The legacy build script of setuptools; avoid it for new projects.", "setup.py"))
    assert not any("script" in s for s, _, _, _ in found), found


def test_a_subject_headed_by_a_light_product_word_describes_the_topic(read):
    """"Harbor: Managed registry service replicates container images": Harbor replicates them."""
    found = quads(read(clause_relations, "Managed registry service replicates container images across regions.", "Harbor"))
    assert ("Harbor", "replicates", "container images", False) in found, found


def test_a_demonstrative_before_a_word_of_another_kind_points_at_no_topic(read):
    """Under "SageMaker Data Wrangler", "this scaler is robust to outliers" is no statement of
    Data Wrangler; "this feature runs queries" under a feature, "this algorithm" under one, are."""
    found = quads(read(clause_relations, "This scaler removes outliers from the feature columns.", "SageMaker Data Wrangler"))
    assert not any(s == "SageMaker Data Wrangler" for s, _, _, _ in found), found
    found = quads(read(clause_relations, "This algorithm detects anomalous data points.", "Random Cut Forest"))
    assert any(p == "detects" and o == "anomalous data points" for s, p, o, _ in found if s.lower() == "random cut forest"), found


def test_the_object_of_an_instruction_does_not_do_its_purpose_unless_it_is_a_tool_used(read):
    """"You can extend the Docker image to add dependencies": the reader adds them, not the image; "Use
    Fluentd to ship logs": Fluentd ships them."""
    found = quads(read(clause_relations, "Therefore, you can extend the Docker image to add additional dependencies."))
    assert not any(p == "adds" for _, p, _, _ in found), found
    found = quads(read(clause_relations, "Use Amazon Kinesis Data Firehose to deliver streaming records to Amazon S3."))
    assert any(s == "Amazon Data Firehose" and p == "delivers" for s, p, _, _ in found), found


def test_this_scenario_points_at_the_question_never_at_the_topic(read):
    """"Serverless endpoints are the most suitable for this scenario" (content/lexicon.yaml: scenario_words)."""
    found = quads(read(sentence_relations, "Serverless endpoints are the most suitable for this scenario.", "Amazon SageMaker"))
    assert not any(o == "Amazon SageMaker" for _, _, o, _ in found), found


def test_what_a_thing_uses_something_to_do_the_thing_does(read):
    """"etcd: Uses compression to shrink the snapshot files": etcd shrinks them; people using a
    tool to do it have the tool do it ("You can use AWS Glue to catalog the tables")."""
    found = quads(read(clause_relations, "Uses compression to shrink the snapshot files.", "etcd"))
    assert any(s == "etcd" and p == "shrinks" for s, p, _, _ in found), found
    assert not any(s == "compression" for s, _, _, _ in found), found
    found = quads(read(clause_relations, "You can use AWS Glue to catalog the tables."))
    assert any(s == "AWS Glue" and p == "catalogs" for s, p, _, _ in found), found


def test_the_means_of_an_activity_is_its_doers_not_its_objects(read):
    """"for forecasting retail demand series using recurrent neural networks": DeepAR uses them."""
    found = quads(read(clause_relations, "This algorithm is for forecasting retail demand series using recurrent neural networks.",
                       "DeepAR"))
    assert not any(s == "retail demand series" for s, _, _, _ in found), found
    assert any(s == "DeepAR" and p == "uses" for s, p, _, _ in found), found


def test_a_fronted_clause_of_time_is_the_readers_act(read):
    """"When creating a training job, the Role Manager attaches a role": the reader creates the
    job; "When using X for Y, ..." still reads the tool's use."""
    found = quads(read(clause_relations, "When creating a SageMaker training job, SageMaker Role Manager attaches an IAM role to it."))
    assert not any(p == "creates" for _, p, _, _ in found), found


def test_what_a_thing_is_for_it_does_each_act_of_a_list(read):
    """"Harbor is a registry for storing, signing, and scanning container images": Harbor does each."""
    found = quads(read(clause_relations, "Harbor is a registry for storing, signing, and scanning container images."))
    assert {("Harbor", verb, "container images", False) for verb in ("stores", "signs", "scans")} <= found, found


def test_this_solution_points_at_an_answer_never_at_the_topic(read):
    """An exam explanation's "this solution" is the answer chosen, not the service of its section."""
    found = quads(read(sentence_relations, "However, this solution requires additional firewall rules.", "Amazon VPC"))
    assert not any(s == "Amazon VPC" for s, _, _, _ in found), found


def test_a_purpose_after_a_pronoun_object_is_the_objects_not_the_users(read):
    """"When using this for object tracking, OpenCV supports ...": "this" serves object tracking;
    OpenCV does not "use for" it."""
    found = quads(read(clause_relations, "When using this for object tracking, OpenCV supports several trackers.", "Kalman filter"))
    assert not any(p == "uses for" for _, p, _, _ in found), found


def test_a_fragment_opening_with_a_readers_verb_is_no_act_of_the_topic(read):
    """"Configure firewall rules to drop inbound traffic" under a service tells the reader what to
    do (content/relations.yaml: reader_verbs); "Configures" would say what the service does."""
    found = quads(read(clause_relations, "Configure firewall rules to drop inbound traffic.", "Amazon VPC"))
    assert not any(p == "configures" for _, p, _, _ in found), found


def test_an_instruction_to_use_something_under_a_service_is_the_readers(read):
    """Under a service, "Leverage ready-made Helm charts to speed up installs" tells the reader
    to use them; the service does not use them (the charts still speed up installs)."""
    found = quads(read(clause_relations, "Leverage ready-made Helm charts to speed up installs.", "Amazon EKS"))
    assert not any(s == "Amazon EKS" and p == "uses" for s, p, _, _ in found), found


def test_that_with_a_light_word_points_at_something_named_before_not_the_topic(read):
    """"images ... that belong to that class" under "Folder layout": "that class" is a class named
    earlier, not the folder layout; "this service" under a service still is the service."""
    found = quads(read(clause_relations, "Each folder holds images in PNG format that belong to that class.", "Folder layout"))
    assert not any(o.lower() == "folder layout" for _, _, o, _ in found), found


def test_a_concept_used_for_a_product_is_what_the_product_uses(reader):
    """"Object detection ... Use case: Amazon Rekognition": Rekognition uses object detection;
    nothing is "used for" a product."""
    from extract.findings import CONCEPT, SERVICE, Mention
    from extract.model import Source
    from extract.relations import Reading

    reading = Reading(reader.rules.relations, Source("t.md", "H", 1), "Use case: Amazon Rekognition")
    found = reading.relation(Mention("object detection", CONCEPT, "object detection"), "used for",
                             Mention("Amazon Rekognition", SERVICE, "Amazon Rekognition"), shape="label verb")
    assert (found.subject.name, found.predicate, found.object.name) == ("Amazon Rekognition", "uses", "object detection")


def test_it_after_a_clause_goes_on_about_that_clauses_subject(read):
    """"Ansible is an agentless tool: it connects over SSH and runs playbooks": Ansible runs them."""
    found = quads(read(clause_relations, "Ansible is an agentless configuration management tool: it connects over SSH "
                                         "and runs playbooks written in YAML.", "Configuration management"))
    assert any(s.lower() == "ansible" and p == "runs" and o == "playbooks" for s, p, o, _ in found), found
