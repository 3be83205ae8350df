"""Who acts and on what: the subjects and objects of a verb as mentions.

A subject is explicit (``nsubj``), shared with a coordinated or governing verb, the noun a
relative clause or participle modifies, or, for a fragment without one, the sentence's
topic; a pronoun ("it", "this service") stands for the topic too. An object is expanded to
its coordinated nouns and the examples it lists ("such as A and B").
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..findings import SERVICE, TERM, Mention
from ..frequency import zipf
from ..names import ADJECTIVE_ENDINGS, singular
from ..mentions import shared_by_slash, coordinated_verb, fragment_verb, mention_of, name_of
from .context import Reading
from .means import configured_to, way_to
from .people import done_by_people, enabled, is_human, used_by_a_thing
from .pronouns import earlier_clause_subject, SUBJECT_DEPS, main_subject, nearer_antecedent, plural_for_it, stands_for_topic

__all__ = ["SUBJECT_DEPS", "subject_of_sentence", "subjects_of", "things", "thing", "stands_for_topic", "misread_verb",
           "given_name"]

_MODIFIED_NOUN_DEPS = {"relcl", "acl"}
_SHARED_SUBJECT_DEPS = {"conj", "xcomp", "advcl"}
_RELATIVE = {"WDT", "WP"}  # "that", "which", "who" opening a relative clause
_WHEN = {"when", "while", "before", "after", "once"}  # opening a clause of time
_FINITE = {"VBZ", "VBD"}
_INFLECTED = {"VBZ", "VBD", "VBP", "VBG", "VBN"}  # a verb form the parser may hang on another verb as its subject


def misread_verb(token: Token, reading: Reading) -> bool:
    """A fragment's first word read as a noun though it is the verb of the topic."""
    return reading.topic is not None and bool(fragment_verb(token, reading.rules.verbs))


def given_name(noun: Token, reading: Reading) -> Token | None:
    """The name a participle gives ``noun`` ("a technique called Object2Vec": Object2Vec), or None."""
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in reading.rules.naming_verbs:
            return next((c for c in child.children if c.dep_ in {"oprd", "attr", "dobj"}), None)
    return None


def subject_of_sentence(sentence, reading: Reading) -> Mention | None:
    """The thing a sentence is about: its main verb's explicit subject, when it names one."""
    subjects = [c for c in sentence.root.children if c.dep_ in SUBJECT_DEPS and not stands_for_topic(c)]
    if len(subjects) != 1 or is_human(subjects[0], reading):
        return None
    return mention_of(subjects[0], reading.rules.phrases)


def things(token: Token, reading: Reading) -> Iterator[Mention]:
    """What ``token`` names, with its coordinated nouns ("precision and recall"); a noun a
    participle names ("a technique called Object2Vec") is that name."""
    if coordinated_verb(token, reading.rules.phrases):
        yield from thing(token, reading)  # "automate model deployment": another verb's object, alone
        return
    for each in (token, *token.conjuncts, *_listed_after(token)):
        if each.i == token.i or not (coordinated_verb(each, reading.rules.phrases) or _contrasted(each)):
            yield from thing(each, reading)


def _listed_after(token: Token) -> Iterator[Token]:
    """"Automates algorithm selection, data preprocessing, model tuning and testing": a list
    the parser read as appositions of its first item (bare nouns after commas, two or more;
    "Kinesis, a streaming service" is one apposition, and says what Kinesis is). Only a verb's
    object: a bare "Model" opening a title of capitalised words is no verb."""
    doc = token.doc
    if token.dep_ != "dobj" or token.head.tag_ not in _INFLECTED or token.head.lemma_ == "be":
        return
    appositions = [c for c in token.children if c.dep_ == "appos" and c.i > token.i and doc[c.left_edge.i - 1].text == ","
                   and not any(d.dep_ == "det" for d in c.children)]
    if len(appositions) > 1 or any(a.conjuncts for a in appositions):
        for apposition in appositions:
            yield apposition
            yield from apposition.conjuncts


def _contrasted(conjunct: Token) -> bool:
    """"passages instead of generic results", "on disk rather than in memory", "A, not B": a
    thing set against the others, of which the sentence does not say what it says of them."""
    before = [t.lower_ for t in conjunct.doc[max(0, conjunct.left_edge.i - 2):conjunct.left_edge.i]]
    return before[-1:] == ["not"] or before in (["instead", "of"], ["rather", "than"])


def thing(token: Token, reading: Reading) -> Iterator[Mention]:
    """What ``token`` alone names (its coordinated nouns aside)."""
    token = given_name(token, reading) or token
    if stands_for_topic(token) and (earlier := main_subject(token) or earlier_clause_subject(token)) is not None:
        yield from thing(earlier, reading)
    elif stands_for_topic(token) and reading.topic is not None:
        yield from [] if nearer_antecedent(token) or plural_for_it(token, reading.topic) or \
            _another_kind(token, reading) else [reading.topic]
    elif stands_for_topic(token) and reading.antecedent is not None and token.dep_ in SUBJECT_DEPS:
        yield reading.antecedent  # "TCP runs on IP. It guarantees ...": a subject goes on about the last one
    elif (mention := mention_of(token, reading.rules.phrases)) is not None:
        yield from shared_by_slash(mention)
        yield from _shared_head(token)
    elif (head := _list_head(token, reading)) is not None:
        yield Mention(f"{token.lower_} {head}", TERM, compound=True)


def _another_kind(token: Token, reading: Reading) -> bool:
    """"SageMaker Data Wrangler > ... this scaler is robust to outliers": a demonstrative before
    a word of its own, neither a light or product word ("this service", "this algorithm") nor
    the topic's head ("Amazon SageMaker JumpStart > this hub"), points at something else, as a
    word of an exam's scenario does ("this scenario": ``scenario_words``)."""
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    phrases = reading.rules.phrases
    distal = any(c.dep_ == "det" and c.lower_ in {"that", "those"} for c in token.children)  # "that class": one named before
    light = lemma in phrases.product_heads or (lemma in phrases.stop_concepts and not distal)
    return lemma in reading.rules.scenario_words or (not light and lemma != singular(reading.topic.text.split()[-1].lower()))


def _list_head(modifier: Token, reading: Reading) -> str | None:
    """"structured, unstructured and semi-structured data" parsed as a list of three: a bare
    adjective in it shares the last item's head word ("structured data"). Only a word that is
    no noun and reads as an adjective ("bandwidth" or "userid" tagged an adjective are misreads)."""
    word = modifier.lower_
    if modifier.pos_ not in {"ADJ", "VERB"} or modifier.tag_ not in {"JJ", "VBN"} or not modifier.is_alpha \
            or word in reading.rules.phrases.nouns or not (zipf(word) or word.endswith(ADJECTIVE_ENDINGS)):
        return None
    group = sorted((modifier, *modifier.conjuncts), key=lambda t: t.i)
    last = group[-1]
    return last.text.split()[-1].lower() if last.i > modifier.i and last.pos_ in {"NOUN", "PROPN"} else None


def _shared_head(noun: Token) -> Iterator[Mention]:
    """"structured and unstructured data", "linear or tree-based algorithms": the modifier
    coordinated before the head makes a name with it too ("structured data")."""
    head_word = noun.text.split()[-1]
    for modifier in noun.lefts:
        if modifier.dep_ in {"amod", "compound", "nmod"} and any(c.dep_ == "cc" for c in modifier.children):
            for word in (modifier, *modifier.conjuncts):
                if word.i >= noun.i or word.pos_ not in {"ADJ", "NOUN", "VERB"} or not word.text.replace("-", "").isalpha():
                    continue
                name = name_of(word)  # "Fine-tuning and transfer learning": fine-tuning is a name of its own
                yield name if name is not None else Mention(f"{word.lower_} {head_word}", TERM, compound=word.pos_ == "NOUN")


def subjects_of(verb: Token, reading: Reading) -> list[Mention]:
    """The things that do what ``verb`` says (empty when people do it or nothing does)."""
    explicit = [child for child in verb.children if _explicit_subject(child, verb, reading)]
    if explicit and verb.dep_ == "relcl" and all(child.tag_ in _RELATIVE for child in explicit):
        return _modified(verb.head, reading)
    if explicit and any(done_by_people(child, verb, reading) for child in explicit):
        return subjects_of(verb.head, reading) if enabled(verb, reading) else []  # "X lets you deploy Y": X deploys Y
    if explicit:
        return [m for child in explicit for m in ([reading.topic] if _light_description(child, reading) else things(child, reading))]
    return _implicit_subjects(verb, reading)


def _light_description(subject: Token, reading: Reading) -> bool:
    """"Amazon Q Business: Fully managed AI-powered solution ... generates content": a subject
    headed by a product word too light to name anything describes the topic, which does it."""
    return reading.topic is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in reading.rules.product_words \
        and not any(c.dep_ in {"prep", "det"} for c in subject.children)


def _explicit_subject(child: Token, verb: Token, reading: Reading) -> bool:
    """A subject before its verb (a semicolon ends a sentence before the parse, so none stands across one)."""
    return child.dep_ in SUBJECT_DEPS and child.i < verb.i and not misread_verb(child, reading) and child.tag_ not in _FINITE


def _implicit_subjects(verb: Token, reading: Reading) -> list[Mention]:
    """The subject of a verb without one: the noun a relative clause or participle
    modifies, what a purpose phrase serves, a governing verb's subject, or the topic."""
    if verb.dep_ in _MODIFIED_NOUN_DEPS and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return _subjects_of_a_noun_clause(verb, reading)
    if (verb.dep_ == "pcomp" or (verb.dep_ == "pobj" and verb.tag_ == "VBG")) and verb.head.pos_ == "ADP":  # "by monitoring"
        return _purpose_subjects(verb.head, reading)
    if _readers_time(verb, reading):
        return []
    if (verb.dep_ in _SHARED_SUBJECT_DEPS or (verb.dep_ in SUBJECT_DEPS and verb.tag_ in _FINITE)) and \
            verb.head.i != verb.i:
        return subjects_of(verb.head, reading)  # "X identifies A, handles B, normalizes C": "handles" hung as a subject
    if verb.dep_ == "ROOT" and reading.topic is not None:
        return [reading.topic]
    return []


def _readers_time(verb: Token, reading: Reading) -> bool:
    """"When creating a training job, the Role Manager helps you ...": the reader creates it
    (not "When using X for Y, ...", a tool's use)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i < verb.head.i and \
        any(c.lower_ in _WHEN for c in verb.children) and verb.lemma_.lower() not in reading.rules.instrument_verbs


def _subjects_of_a_noun_clause(verb: Token, reading: Reading) -> list[Mention]:
    """Who does what a relative clause or participle on a noun says: the noun, mostly."""
    if configured_to(verb, reading):
        return list(things(verb.head, reading))  # "Configure security groups to block traffic": the groups block it
    if verb.lemma_.lower() in reading.rules.circumstantial_participles and verb.head.dep_ in {"dobj", "pobj"}:
        return []  # "distributes traffic between the versions based on weights": how it distributes
    if _means_of_the_clause(verb, reading) or way_to(verb, reading) or used_by_a_thing(verb, reading):
        return subjects_of(verb.head.head, reading)
    return _modified(verb.head, reading)


def _means_of_the_clause(verb: Token, reading: Reading) -> bool:
    """"designed for compute-intensive workloads using hardware accelerators": a participle of
    using hung on a vague object, or on the object of an activity ("forecasting time series using
    RNNs"), says how the clause's subject does it, not what the object uses."""
    noun = verb.head
    after_an_act = noun.dep_ == "dobj" and noun.head.tag_ == "VBG"  # "forecasting time series using RNNs"
    return verb.tag_ == "VBG" and verb.lemma_.lower() in reading.rules.instrument_verbs and noun.dep_ in {"dobj", "pobj"} \
        and noun.head.pos_ in {"VERB", "ADP"} and (after_an_act or not any(m.known or m.compound or m.proper
                                                                           for m in things(noun, reading)))


def _modified(noun: Token, reading: Reading) -> list[Mention]:
    """What a relative clause or participle is said of: the noun it modifies, or, when that
    noun only says what something is ("ECR is a registry that stores images", "Word2Vec: an
    algorithm that generates embeddings"), that thing."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head.head  # "a set of practices that combine ...": the set does
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return subjects_of(noun.head, reading)
    if noun.dep_ == "ROOT" and reading.topic is not None:
        return [reading.topic]
    return list(things(noun, reading))


def _described(owner: Token, reading: Reading) -> list[Mention]:
    """A fragment's noun: the name it gives, or the topic it describes ("Visual interface for
    creating ETL workflows" under Glue Studio)."""
    named = [m for m in things(owner, reading) if m.known or m.proper]
    return named or ([reading.topic] if reading.topic else list(things(owner, reading)))


def _served_noun(owner: Token, reading: Reading) -> list[Mention]:
    """Who does what a purpose on a noun says: the noun, or the one who uses or gives it; a thing
    of no name inside a phrase does nothing ("accessible via a unified API for creating apps")."""
    if owner.dep_ == "ROOT" or stands_for_topic(owner):
        return _described(owner, reading)
    if owner.dep_ == "dobj" and owner.head.lemma_.lower() in reading.rules.instrument_verbs:
        return [*things(owner, reading), *subjects_of(owner.head, reading)]  # "uses X for detecting Y": both do
    if (owner.dep_ in {"dobj", "attr"} and owner.lemma_.lower() in reading.rules.phrases.means_heads) or \
            (owner.dep_ == "attr" and owner.head.lemma_ == "be"):  # "X is a repository for storing features": X stores them
        return subjects_of(owner.head, reading)  # "provides an approach to developing X": its giver develops X
    return [m for m in things(owner, reading) if owner.dep_ != "pobj" or m.kind == SERVICE or m.proper]


def _purpose_subjects(prep: Token, reading: Reading) -> list[Mention]:
    """"For building chatbots" serves what the "for" phrase hangs on: a noun, a verb's
    subject, or the topic of a fragment."""
    owner = prep.head
    if owner.i == prep.i or (owner.dep_ == "ROOT" and owner.lower_ in reading.rules.purpose_adjectives):
        return [reading.topic] if reading.topic is not None else []  # "Ideal for generating transcripts", "Ideal" a noun
    if owner.pos_ in {"NOUN", "PROPN"}:
        return _served_noun(owner, reading)
    if owner.pos_ in {"VERB", "AUX"}:
        return subjects_of(owner, reading)
    return [reading.topic] if reading.topic is not None else []
