"""The thing a noun names: the head with the modifiers that make it specific."""
import pytest

from extract.findings import CONCEPT, SERVICE, TERM
from extract.mentions import mention_of, phrase_start

from .conftest import token


@pytest.fixture(scope="module")
def mention(parse, reader):
    """``mention(sentence, word)``: what the noun ``word`` of ``sentence`` names."""
    return lambda sentence, word: mention_of(token(parse(sentence), word), reader.rules.relations.phrases)


def plain(found):
    return None if found is None else (found.text, found.kind, found.name)


@pytest.mark.parametrize("sentence, head, expected", [
    # modifiers that narrow the head stay, in lower case
    ("Dense connective tissue binds bones.", "tissue", ("dense connective tissue", TERM, "")),
    ("Our three-way handshake opens sessions.", "handshake", ("three-way handshake", TERM, "")),
    ("Fast-food kitchens reuse frying oil.", "kitchens", ("fast-food kitchens", TERM, "")),
    ("The team tuned the key-value cache.", "cache", ("key-value cache", TERM, "")),
    # articles, possessives and vague modifiers go
    ("Various frameworks run here.", "frameworks", ("frameworks", TERM, "")),
    ("The fast vector storage grows.", "storage", ("vector storage", TERM, "")),
    # ... while an -ing word after an article modifies a noun
    ("It is an embedding technique for graphs.", "technique", ("embedding technique", TERM, "")),
    # lower-case adjectives before a name describe what it names
    ("Dashboards live in open-source Grafana.", "Grafana", ("Grafana", TERM, "")),
    # a name in title case keeps its capitals
    ("Transmission Control Protocol guarantees delivery.", "Protocol", ("Transmission Control Protocol", TERM, "")),
    # a verb the tagger hung inside a noun phrase is no part of it
    ("A feedback loop adjusts predictions.", "predictions", ("predictions", TERM, "")),
    ("A merge commit joins two branches.", "commit", ("merge commit", TERM, "")),
    # modifiers listed with commas are no name
    ("Generates newly, artificial samples of minority classes.", "samples", ("artificial samples", TERM, "")),
    # words before a kind of resource narrow it; before a service they do not
    ("Accelerated computing EC2 instance types carry GPUs.", "EC2 instance types",
     ("accelerated computing EC2 instance types", TERM, "")),
    # an -ing verb right after an example marker is the verb of what follows, no modifier of it
    ("VAEs serve many domains, including generating images, compressing data, detecting anomalies.", "images",
     ("images", TERM, "")),
    # a letter the tokenizer cut from its number is no part of the name
    ("The cluster serves 40M parameter models.", "models", ("parameter models", TERM, "")),
    ("Spot capacity comes at a 70% discount.", "discount", ("discount", TERM, "")),
    ("The largest model has 170 trillion tunable knobs.", "knobs", ("tunable knobs", TERM, "")),
    # a full stop the tokenizer kept on a sentence's last word is no part of the name
    ("The cluster runs containers under Plan B.", "B.", ("Plan B", TERM, "")),
    # an aside in parentheses is no part of the name
    ("Each Virtual Local Area Network (VLAN) tag isolates traffic.", "tag", ("Virtual Local Area Network tag", TERM, "")),
    # an aside before the phrase's first word is no part of it
    ("(HAP) Load balancer with health checks.", "balancer", ("load balancer", TERM, "")),
    # a change passes the meaning to what it is a change in
    ("The agent reports sudden shifts in queue depth.", "shifts", ("queue depth", TERM, "")),
    # a head that passes the meaning to its "of" object
    ("The garden grows a variety of herbs.", "variety", ("herbs", TERM, "")),
    ("The kit offers a choice of three soldering irons.", "choice", ("soldering irons", TERM, "")),
    # a bare attribute is named by what it belongs to; a relational head is not
    ("Snapshots protect the durability of the volumes.", "durability", ("volume durability", TERM, "")),
    # a glossary concept stays itself ("latency" is one)
    ("Monitoring tracks the latency of the network.", "latency", ("latency", CONCEPT, "latency")),
    ("Clarify reports the importance of features.", "importance", ("feature importance", TERM, "")),
    ("The chef checks the acidity of the sauces.", "acidity", ("sauce acidity", TERM, "")),
    ("The shell prints the name of the pod.", "name", ("name", TERM, "")),
    ("Amazon CloudWatch tracks the performance of Amazon EC2.", "performance", ("performance", TERM, "")),
    # a stop word capitalised inside a sentence names a thing of the subject, unless a title's
    ("An Ingress routes external traffic to Services by host.", "Services", ("Services", TERM, "")),
    # a vocabulary name, and a product word after one
    ("A neural net has layers.", "neural net", ("neural net", CONCEPT, "neural network")),
    ("Open the Amazon S3 console today.", "console", ("Amazon S3", SERVICE, "Amazon S3")),
    # a service's name before another's names the first one's thing ("Clarify's processing job")
    ("Configure a SageMaker Clarify processing job first.", "processing job", ("SageMaker Clarify", SERVICE, "SageMaker Clarify")),
    # words before a glossary concept that narrow it make a term of their own
    ("Graph neural networks learn on edges.", "neural networks", ("Graph neural networks", TERM, "")),
])
def test_mention_of_a_noun(mention, sentence, head, expected):
    assert plain(mention(sentence, head)) == expected


@pytest.mark.parametrize("sentence, head", [
    ("The company uses it.", "company"),   # a scenario word of the lexicon's stop list
    ("The company uses it.", "it"),        # a pronoun
    ("Pods restart quickly.", "restart"),  # a verb
    ("Pods restart quickly.", "quickly"),  # an adverb
    # a bare -ing word listed with one that takes an object is a verb of that object
    ("A fully managed repository for storing, retrieving, and sharing features across teams.", "retrieving"),
    # a verb's -ing form with its object names an activity, no thing
    ("Use case: Summarizing legal documents", "documents"),
    ("Use case: Discovering research trends", "trends"),
    ("Use cases: Chat, Question and Answer, Sentiment Analysis", "Question"),
    # code: the parts of an identifier joined by a colon
    ("The role may call s3:GetObject on the bucket.", "s3"),
    ("The role may call s3:GetObject on the bucket.", "GetObject"),
    ("Selectors match the label app:web on each pod.", "web"),
    # one adjective the tagger took for a name ("CUBIC", written as one, stays a name)
    ("Exhaustive and computationally heavy, yet thorough.", "Exhaustive"),
])
def test_no_mention(mention, sentence, head):
    assert mention(sentence, head) is None


def test_phrase_start_stops_at_a_clause(parse):
    doc = parse("The scheduler assigns pods to worker nodes.")
    assert phrase_start(token(doc, "nodes")) == token(doc, "worker").i
    assert phrase_start(token(doc, "pods")) == token(doc, "pods").i


def test_mentions_are_plain_hashable_data(mention):
    found = mention("Dense connective tissue binds bones.", "tissue")
    again = mention("Dense connective tissue binds bones.", "tissue")
    assert found is not again and {found, again} == {found} and not found.known
    assert mention("A neural net has layers.", "neural net").known


@pytest.mark.parametrize("sentence, head, quoted", [
    ('StatefulSets give each pod a "sticky identity" across restarts.', "identity", True),
    ('Simple RNNs have "short-term memory."', "memory", True),  # the full stop inside the quotes
    ('The team picked the "best" model.', "model", False),  # one word in quotes is as often irony
    ("StatefulSets give each pod a sticky identity.", "identity", False),
])
def test_a_phrase_in_quotation_marks_is_written_as_a_term(mention, sentence, head, quoted):
    assert mention(sentence, head).proper is quoted


@pytest.mark.parametrize("sentence, head, text, compound", [
    # an adjective that sorts things into kinds names a kind, as a noun modifier does ...
    ("Clinicians rely on medical transcription.", "transcription", "medical transcription", True),
    ("PDP gives a global explanation of the model.", "explanation", "global explanation", True),
    ("The chi-square is a statistical test.", "test", "statistical test", True),
    # ... not an adjective of degree or place, which goes ("traditional", "external")
    ("Traditional statistical models fit the data.", "models", "statistical models", True),
    ("Agents replace traditional scripts.", "scripts", "scripts", False),
    ("The primary cause is memory pressure.", "cause", "primary cause", False),  # "-ary" sorts nothing
    ("Prometheus is an open-source monitoring system.", "system", "monitoring system", True),
    ("The cook reaches for a sharp knife.", "knife", "sharp knife", False),
    # a name written in capitals keeps its first word, whatever it says elsewhere
    ("Total Variation Distance (TVD) measures the gap.", "Distance", "Total Variation Distance", True),
])
def test_what_makes_a_phrase_name_a_kind(mention, sentence, head, text, compound):
    found = mention(sentence, head)
    assert (found.text, found.compound) == (text, compound)


def test_a_mention_is_worked_out_once_per_parse_and_again_after_words_are_merged(parse, reader):
    rules = reader.rules.relations.phrases
    doc = parse("The cluster autoscaler adds worker nodes.")
    first = mention_of(token(doc, "nodes"), rules)
    assert mention_of(token(doc, "nodes"), rules) is first  # the same answer, not worked out again
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[1:3])  # "cluster autoscaler" one word now: every index after it moves
    assert mention_of(token(doc, "nodes"), rules).text == "worker nodes"
    assert mention_of(token(doc, "cluster autoscaler"), rules).text == "cluster autoscaler"
