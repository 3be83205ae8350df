"""Relations stated by fragments rather than clauses: a noun phrase under a label or card
term defines it ("DeepAR: Time-series forecasting" -> DeepAR used for time-series
forecasting; "Bagging: An ensemble method" -> bagging is an ensemble method), and arrows
chain things ("A -> B -> C", "A = B")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..findings import SERVICE, TERM, Mention, Relation
from ..mentions import fragment_verb, listed_activity, listed_item, mention_of, names_a_class, of_object, outside_parentheses, phrase_start, phrase_text, verb_lemma
from ..names import ADJECTIVE_ENDINGS, ends_in_plural, is_activity, third_person
from .arguments import thing, things
from .copulas import names_a_kind, relational_objects
from .labels import composition_label
from .context import Reading
from .layout import HAS_EXAMPLE

__all__ = ["definition_relations", "arrow_relations", "with_equated_topic", "label_verb_relations", "label_verb", "lists_members"]
_ARROW = re.compile(r"\s*(?:->|→|=>|⇒|⟶)\s*")
_EQUALS = re.compile(r"\s+=\s+")
_MAX_PIECE_WORDS = 5


def definition_relations(sentence: Span, reading: Reading) -> Iterator[Relation]:
    """A noun phrase standing alone under a topic says what the topic is, or what it is for
    when the phrase names an activity."""
    root = sentence.root
    if reading.topic is None or not _noun_fragment(sentence, reading) or _aside(sentence):
        return
    inner = of_object(root)
    whole = composition_label(root, reading.rules) if inner is not None else ""
    described = not whole and _indefinite(root)  # "A machine learning hub offering models, algorithms and ...": one hub
    label = whole or ("is a" if described else _definition_label(root, reading))
    if not label:
        return
    for obj in (thing(root, reading) if described else things(inner if whole else root, reading)):  # "Hybrid of DW and DL": both
        found = reading.relation(reading.topic, label, obj, shape="definition")
        if found is not None:
            yield found


def _aside(sentence: Span) -> bool:
    """A passage wholly in parentheses ("(Hadoop, Apache Spark, Redshift Spectrum)") remarks on
    the text before it; it does not say what the section's topic is."""
    text = sentence.text.strip()
    return text.startswith("(") and text.endswith(")") and text.count("(") == 1


def _indefinite(noun) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)


def _definition_label(root, reading: Reading) -> str:
    """What a lone noun phrase says of its topic, or "" when it only describes it."""
    if any(c.dep_ == "conj" for c in root.children) and len(root.conjuncts) >= 2:
        return "includes"  # "ACID: atomicity, consistency, isolation, durability"
    if is_activity(root.text):
        return "used for"
    if root.tag_ in {"NNS", "NNPS"} and reading.topic.kind == SERVICE:
        return "provides"  # "SageMaker Debugger: Auto-generated performance reports": a service is no set of reports
    if root.tag_ in {"NNS", "NNPS"} and not ends_in_plural(reading.topic.text):
        return ""  # "Vertical axis: Actual labels": one thing is no set of things
    if names_a_kind(root) or any(m.compound or m.known for m in things(root, reading)):
        return "is a"  # "Amazon Neptune: Graph database." (not "Data lake: structured data")
    return ""



def _noun_fragment(sentence: Span, reading: Reading) -> bool:
    """The first sentence of its passage, a noun phrase; not a verb the tagger took for a noun
    ("Stores datasets" says what the topic does, not what it is)."""
    root, verbs = sentence.root, reading.rules.verbs
    return root.pos_ in {"NOUN", "PROPN"} and sentence.start == 0 and \
        not fragment_verb(root, verbs) and not fragment_verb(sentence[0], verbs) and not _gerund_opening(sentence, reading) \
        and not _finite_verb(sentence, verbs)


def _finite_verb(sentence: Span, verbs: frozenset[str]) -> bool:
    """"Root Mean Square Error (RMSE) measures prediction error": a verb the tagger saw, or a
    verb's third person right after a name's parentheses, makes a clause of the passage, no noun
    phrase, however the parser hung it on a noun."""
    return any((t.pos_ == "VERB" and t.tag_ in {"VBZ", "VBD", "VBP"} and t.dep_ in {"compound", "amod", "nmod", "appos"})
               or (t.i > sentence.start and t.nbor(-1).text == ")" and t.lower_.endswith("s")
                   and bool(verb_lemma(t.lower_, verbs))) for t in sentence)


def _gerund_opening(sentence: Span, reading: Reading) -> bool:
    """"Personalizing content or product suggestions": an activity the topic does, no kind of
    thing it is ("Training data", "Streaming ingestion" open with a word known as a noun)."""
    first = sentence[0]
    return first.tag_ == "VBG" and first.lower_ not in reading.rules.phrases.nouns and first.lemma_.lower() in reading.rules.verbs


def arrow_relations(sentence: Span, reading: Reading) -> Iterator[Relation]:
    """"A -> B -> C": A leads to B, B to C; "A = B": A is B; "A = pointer to B": A points to B."""
    for splitter, label in ((_ARROW, "leads to"), (_EQUALS, "is")):
        pieces = _pieces(sentence, splitter, reading, defining=label == "is")
        related = _related_after_equals(sentence, reading) if label == "is" and len(pieces) == 2 else None
        for first, second in zip(pieces, pieces[1:]):
            if first is None or second is None:
                continue
            for predicate, obj in related or [(label, second)]:
                if (found := reading.relation(first, predicate, obj, shape="arrow", verb="->" if label != "is" else "=")):
                    yield found


def _related_after_equals(sentence: Span, reading: Reading) -> list[tuple[str, Mention]]:
    """"HEAD = pointer to the current commit": what the relational noun after "=" relates to."""
    cut = _EQUALS.search(sentence.text)
    span = sentence.char_span(cut.end(), len(sentence.text), alignment_mode="contract") if cut else None
    related = relational_objects(span.root, reading.rules) if span is not None and len(span) else None
    return [(related[0], m) for token in related[1] if (m := mention_of(token, reading.rules.phrases))] if related else []


def with_equated_topic(sentence: Span, reading: Reading) -> Reading:
    """``reading`` with, for its topic, the name before a line's one "=" ("RDS Multi-AZ =
    standby replica in another AZ, for high availability"): what the rest goes on about."""
    cuts = list(_EQUALS.finditer(sentence.text))
    span = sentence.char_span(0, cuts[0].start(), alignment_mode="contract") if len(cuts) == 1 else None
    name = _piece(span, reading) if span is not None and len(span) else None
    return replace(reading, topic=name) if name is not None else reading


def _quality(text: str, reading: Reading) -> bool:
    """"Features: Parallel training, Cost-effective, Automated": one adjective listed among
    things names a quality, no thing ("automated", "cost-effective", "fully-customizable")."""
    last = text.lower().rsplit("-", 1)[-1]
    return " " not in text and last.endswith(ADJECTIVE_ENDINGS) and last not in reading.rules.phrases.nouns


def _piece(span: Span, reading: Reading):
    """What one piece of an arrow chain names: its words (a parenthesis and articles aside),
    never grown past its arrows; a vocabulary name when the piece is one. A piece that is more
    than a short noun phrase ("pointer to the current commit, moves forward") names nothing."""
    words = _name_words(span)
    if not words:
        return None
    if len(words) == 1 and (mention := mention_of(words[0], reading.rules.phrases)) is not None and mention.known:
        return mention
    text = phrase_text(words)
    return Mention(text, TERM, compound=len(words) > 1) if any(t.pos_ in {"NOUN", "PROPN"} for t in words) else None


def _name_words(span: Span) -> list:
    """The words of a piece that is a short noun phrase (parenthesis and articles aside), or []."""
    words = outside_parentheses([t for t in span if t.text not in ".:;!?" or t.text in {"(", ")"}])
    words = [t for t in words if t.pos_ not in {"DET", "PRON"}]
    if not words or len(words) > _MAX_PIECE_WORDS or any(_beyond_a_name(t) for t in words) or words[-1].pos_ == "VERB":
        return []
    return words


def _beyond_a_name(token) -> bool:
    """A preposition, conjunction or clause punctuation: the piece says more than a name."""
    return token.pos_ in {"AUX", "ADP", "SCONJ", "CCONJ"} or (token.is_punct and token.text not in "-/&+") \
        or not any(c.isalnum() for c in token.text)


def _pieces(sentence: Span, splitter: re.Pattern, reading: Reading, *, defining: bool = False) -> list:
    """What each piece names; after "=" a definition ("HEAD = pointer to the current commit")
    names what its head noun does ("pointer")."""
    text = sentence.text
    cuts = [(m.start(), m.end()) for m in splitter.finditer(text)]
    if not cuts:
        return []
    bounds = [0] + [c for cut in cuts for c in cut] + [len(text)]
    pieces = []
    for start, end in zip(bounds[::2], bounds[1::2]):
        span = sentence.char_span(start, end, alignment_mode="contract")
        piece = _piece(span, reading) if span is not None and len(span) else None
        if piece is None and defining and pieces and span is not None and len(span) and span.root.pos_ == "NOUN" \
                and mention_of(span.root, reading.rules.phrases) is not None:  # a noun, not a verb read as one
            piece = _piece(span.doc[max(phrase_start(span.root), span.start):span.root.i + 1], reading)
        pieces.append(piece)
    return pieces


def label_verb(label: Span, verbs: frozenset[str]) -> str:
    """The verb a short label is ("Provides:", "Includes", "Supports:", "Comes with:", "Features
    include:"), or "". Only a third person says what the topic does; "Merge:", "Fetch:" name a
    term being defined."""
    if len(label) == 2 and label[1].tag_ in {"VBP", "VBZ"} and label[1].lemma_.lower() in verbs:
        return label[1].lemma_.lower()  # "Features include:": what the topic's features include, it includes
    if not 1 <= len(label) <= 2 or not label[0].lower_.endswith("s") or (len(label) == 2 and label[1].pos_ != "ADP"):
        return ""
    lemma = verb_lemma(label[0].text, verbs)
    if lemma == label[0].lower_:
        return ""  # "Process:", "Access:" are no third person
    return f"{lemma} {label[1].lower_}" if len(label) == 2 else lemma


def lists_members(text: Doc, heading: Doc, nouns: frozenset[str]) -> bool:
    """"Popular tools: Sigmoid function, ReLU" under "Activation functions": a list without a
    verb under a heading that names a class of things names members of the class."""
    return names_a_class(heading, nouns) and not any(t.pos_ in {"VERB", "AUX"} for t in text)


def label_verb_relations(verb: str, sentence: Span, reading: Reading, predicate: str | None = None) -> Iterator[Relation]:
    """"Provides: shared spaces, EFS volumes" under a topic: the topic provides each; a label
    naming an attribute ("Use cases:", ``predicate`` "used for") relates the topic so to each."""
    if reading.topic is None:
        return
    for head in sentence:
        obj = mention_of(head, reading.rules.phrases) if listed_item(head) else listed_activity(head)
        if obj is not None and not _quality(obj.text, reading):
            first, _, particle = verb.partition(" ")  # "come with": "comes with"
            label = predicate or ("used for" if verb == "use" and is_activity(obj.text) else
                                  f"{third_person(first)} {particle}".strip())
            if label == HAS_EXAMPLE:
                found = reading.relation(obj, "is a", reading.topic, shape="label verb", verb=label)
            else:
                found = reading.relation(reading.topic, label, obj, shape="label verb", verb=verb or label)
            if found is not None:
                yield found
