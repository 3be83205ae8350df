"""Reading one note: who acts in a sentence (its subject, the topic, a name the tagger missed,
or the reader, whose acts are no relations)."""
from extract.reading import read_note

from .helpers import note_of


def test_a_pronoun_subject_goes_on_about_the_last_sentence_subject(reader, vocabulary):
    """Prose with no heading topic: "It" is the thing the sentence before was about; an "it"
    in object position is left alone (it may be anything named before)."""
    text = b"Notes\n\nThe Raft protocol elects a leader. It replicates the log to every follower, " \
           b"and each follower applies it in order.\n"
    found = read_note(note_of(text), vocabulary, reader=reader)
    stated = {(r.subject.text, r.predicate, r.object.text) for r in found.relations}
    assert ("Raft protocol", "replicates", "log") in stated
    assert not any(obj == "Raft protocol" for _, _, obj in stated)


def test_people_are_no_end_of_a_relation(reader, vocabulary):
    """"Audience: data scientists", "data scientists track model runs": people use things, they are none."""
    markdown = (b"## Amazon SageMaker Studio\n\n- **Audience:** Individual data scientists\n\n"
                b"Data scientists use MLflow within SageMaker Studio for experiment tracking.\n\n"
                b"You can export dashboards to share with stakeholders and reviewers.\n")
    found = read_note(note_of(markdown), vocabulary, reader=reader).relations
    people = ("scientist", "stakeholder", "reviewer")
    assert not any(p in end.text.lower() for r in found for end in (r.subject, r.object) for p in people), found


def test_people_named_by_their_role_are_no_end_but_a_product_so_named_and_a_kind_of_company_are(reader, vocabulary):
    """"Use case: Security teams" names people; "MS Teams" is a product, and "vendors like
    Okta" are companies of a kind."""
    markdown = (b"## Falco\n\nUse case: Security teams\n\n## Chat plug-ins\n\n"
                b"Third-party plug-ins connect data sources such as Slack and MS Teams.\n\n"
                b"## Identity\n\nSSO works with identity providers from security companies like Okta.\n")
    found = {(r.subject.text, r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert not any(o.lower() == "security teams" for _, _, o in found), found
    assert any(s == "MS Teams" for s, _, _ in found), found
    assert any(s == "Okta" and p == "is a" for s, p, _ in found), found


def test_a_kind_does_not_act_on_its_own_kind(reader, vocabulary):
    """"Post-Training Bias: Measure bias in the outputs": one end is a kind of the other, and a
    kind relates to its kind as a kind ("is a"), never by an act; a product named for what it
    does still does it ("Glue Data Quality monitors data quality")."""
    markdown = (b"## Fairness\n\n- **Post-Training Bias:** Measure bias in the model outputs after training.\n"
                b"- **Interactive Notebooks:** Use serverless notebooks for data exploration.\n\n"
                b"## AWS Glue\n\nAWS Glue Data Quality helps monitor the data quality of your tables.\n")
    found = {(r.subject.name or r.subject.text.lower(), r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert not any(o in s and p != "is a" for s, p, o in found if s != o), found
    assert any(s == "Glue Data Quality" and o == "data quality" for s, _, o in found), found


def test_an_instruction_to_the_reader_is_no_statement_of_what_the_topic_does(reader, vocabulary):
    """In prose or a step, "Create a bucket" is the reader's act; in a feature list it says what the topic does."""
    markdown = (b"## Amazon Route 53\n\nCreate a hosted zone and add an alias record.\n\nStep 2: Attach a health check to the record.\n\n"
                b"### Features\n\n- Routes traffic to healthy endpoints.\n- Register domain names.\n")
    found = {(r.subject.text, r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert not any(p in {"creates", "adds", "attaches"} for _, p, _ in found), found
    assert ("Amazon Route 53", "registers", "domain names") in found, found


def test_an_instruction_under_a_label_naming_no_known_thing_is_the_readers_act(reader, vocabulary):
    """"Preferred registry: Choose a registry from Docker Hub" tells the reader what to do; the
    label is no actor. Under a name the vocabulary knows, the same words say what it does."""
    markdown = (b"## Container images\n\n- **Preferred registry:** Choose a registry from Docker Hub for private images.\n"
                b"- **Image hygiene:** Use distroless base images for smaller attack surfaces.\n"
                b"- **Amazon ECR:** Push images to private repositories.\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert not any(s in {"preferred registry", "image hygiene"} for s, _, _ in found), found
    assert ("amazon ecr", "pushes", "images") in found, found


def test_an_instruction_under_a_label_naming_an_activity_of_the_field_says_what_the_activity_does(reader, vocabulary):
    """"Deduplication: Remove duplicate rows" says what deduplication does; a label naming an
    everyday activity ("Networking: Open port 443") is still the reader's act."""
    markdown = (b"## Preparing tables\n\n- **Deduplication:** Remove duplicate rows before loading.\n"
                b"- **Networking:** Open port 443 on the firewall.\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("deduplication", "removes", "duplicate rows") in found, found
    assert not any(s == "networking" for s, _, _ in found), found


def test_a_labelled_text_opening_with_a_verb_the_tagger_took_for_a_noun_says_what_the_label_does(reader, vocabulary):
    """"Promtail: ships container logs to Loki", read by the tagger as "ships container" logging
    something: read again after "It", the verb is "ships" and Promtail does it; evidence as written."""
    markdown = b"## Log pipeline\n\n- **Promtail:** ships container logs to Loki.\n- **Alertmanager:** forwards alerts to PagerDuty.\n"
    found = read_note(note_of(markdown), vocabulary, reader=reader).relations
    quads = {(r.subject.text.lower(), r.predicate, r.object.text) for r in found}
    assert ("promtail", "ships", "container logs") in quads, quads
    assert ("alertmanager", "forwards", "alerts") in quads, quads
    assert all(not r.sentence.split(": ", 1)[-1].startswith("It ") for r in found)


def test_a_labelled_text_opening_with_a_plural_noun_stays_a_noun_phrase(reader, vocabulary):
    """"Hot partition: Discrepancies in load between shards" is no "It discrepancies": no such verb."""
    markdown = b"## Sharding\n\n- **Hot partitions:** Discrepancies in load between shards.\n"
    found = {(r.subject.text.lower(), r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("hot partitions", "is a", "discrepancies") in found, found


def test_a_sentence_opening_with_a_name_and_a_verb_the_tagger_took_for_a_noun_says_what_the_name_does(reader, vocabulary):
    """"Loki indexes only labels", tagged as the noun phrase "Loki indexes": read as "It indexes
    only labels", Loki does it. A name before a plural noun and its verb stays a noun phrase."""
    markdown = (b"## Logs\n\nLoki indexes only labels, not the full log line.\n\n"
                b"Kafka topics store events for a week.\n")
    found = {(r.subject.text, r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("Loki", "indexes", "labels") in found, found
    assert not any(s == "Kafka" and p == "topics" for s, p, _ in found), found


def test_a_sentence_opening_with_a_name_of_several_words_and_a_list_of_verbs_says_what_the_name_does(reader, vocabulary):
    """"Amazon Kinesis Data Streams captures, stores, and replays streaming records", the first
    verb tagged as a noun after the name: read as "It captures, ...", Kinesis Data Streams does it."""
    markdown = b"## Streaming\n\nAmazon Kinesis Data Streams captures, stores, and replays streaming records.\n"
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("Amazon Kinesis Data Streams", "replays", "streaming records") in found, found
    assert not any(s == "Streaming" for s, _, _ in found), found


def test_the_name_before_a_lines_equals_sign_is_what_the_line_goes_on_about(reader, vocabulary):
    """"Multi-AZ standby = ..., for high availability (NOT for read scaling)": the standby is
    for availability and not for read scaling; the section's topic is neither."""
    markdown = b"## Replication\n\nMulti-AZ standby = synchronous standby replica in another zone, for high availability (NOT for read scaling).\n"
    found = {(r.subject.text, r.predicate, r.object.text, r.negated)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert {("Multi-AZ standby", "used for", "high availability", False),
            ("Multi-AZ standby", "used for", "read scaling", True)} <= found, found
    assert not any(s in {"Replication", "high availability"} for s, _, _, _ in found), found


def test_an_opening_noun_before_a_plural_and_its_verb_is_no_name_and_from_joins_a_light_objects_verb(reader, vocabulary):
    """"Lifecycle rules move objects from Elasticsearch to ...": the rules move (no "Lifecycle
    rules" read as "It rules"), and moving objects from a store is moving from it."""
    markdown = b"## Archiving\n\nLifecycle rules move objects from Elasticsearch to Amazon S3 Glacier after thirty days.\n"
    found = {(r.subject.text.lower(), r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("lifecycle rules", "moves from", "Elasticsearch") in found, found
    assert not any(s == "lifecycle" for s, _, _ in found), found


def test_a_readers_verb_is_the_readers_act_under_any_label(reader, vocabulary):
    """"Multilingual Support: Access various languages and neural voices" under Amazon Polly tells
    the reader what to do (content/relations.yaml: reader_verbs); Polly accesses nothing."""
    markdown = (b"## Amazon Polly\n\n### Features\n\n- **Multilingual Support:** Access various languages and neural voices.\n"
                b"- **Lexicons:** Implement custom pronunciations for brand names.\n"
                b"- **Speech Marks:** Generates timing metadata for lip sync.\n"
                b"- **Cost-effective:** Pay for what you use, with cheaper tiers like Glacier for cold data.\n")
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert not any(p.split()[0] in {"accesses", "implements", "pays"} for _, p, _ in found), found


def test_a_label_naming_a_quality_of_a_named_thing_is_no_actor(reader, vocabulary):
    """"Cassandra > **Durability:** Writes every mutation to a commit log": Cassandra writes it;
    under everyday words ("Data lakes") a quality label is left as it is."""
    markdown = (b"## Cassandra\n\n- **Durability:** Writes every mutation to a commit log.\n"
                b"- **Latency:** Serves reads from memtables and SSTables.\n"
                b"- **Tunable Consistency:** Replicates each write to a quorum of nodes.\n\n"
                b"## PostgreSQL\n\n- **Consistency:** Ideal for transactional workloads.\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    subjects = {s for s, _, _ in found}
    assert {"cassandra", "postgresql"} <= subjects, found
    assert not subjects & {"durability", "latency", "consistency", "tunable consistency"}, found


def test_a_label_of_several_words_naming_a_quality_of_a_practice_acts_itself(reader, vocabulary):
    """"MLOps > **Code Reusability:** Modular code minimizes redundant work": the reusability does,
    not MLOps; a quality of a service ("Amazon DynamoDB > **Low Latency:**") is the service's."""
    markdown = (b"## MLOps\n\n- **Code Reusability:** Shortens every later project with shared modules.\n\n"
                b"## Amazon DynamoDB\n\n- **Low Latency:** Caches hot items in an in-memory accelerator.\n")
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    subjects = {s for s, _, _ in found}
    assert "MLOps" not in subjects and "Amazon DynamoDB" in subjects, found


def test_a_rare_word_the_tagger_took_for_an_adverb_is_the_subject_before_its_verb(reader, vocabulary):
    """"Ribosomes translate mRNA into proteins" ("Ribosomes" tagged an adverb): ribosomes translate it."""
    found = {(r.subject.text.lower(), r.predicate, r.object.text)
             for r in read_note(note_of(b"## Organelles\n\n- Ribosomes translate mRNA into proteins.\n"), vocabulary,
                                reader=reader).relations}
    assert ("ribosomes", "translates", "mRNA") in found, found


def test_a_label_naming_the_kind_a_service_is_describes_the_service(reader, vocabulary):
    """"Amazon DynamoDB > **NoSQL Database:** A fully managed key-value database": DynamoDB is
    one; a label naming a part of the service ("**Feature Store:** A central repository ...") is
    that part."""
    markdown = (b"## Amazon DynamoDB\n\n- **NoSQL Database:** A fully managed key-value database for low-latency workloads.\n\n"
                b"## Amazon SageMaker\n\n- **Feature Store:** A central repository that stores features for training.\n")
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("Amazon DynamoDB", "is a", "key-value database") in found, found
    assert not any(s == "NoSQL database" for s, _, _ in found), found
    assert any(s == "SageMaker Feature Store" for s, _, _ in found), found
