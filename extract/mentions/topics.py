"""What a heading, a label or a flashcard term is about: the implicit subject of the
fragments under it ("Amazon Lex: For building chatbots" is about Amazon Lex).

A heading names a topic when its main noun phrase is a name or a specific phrase;
wordings around a topic ("What is X?", "X overview") come from ``content/lexicon.yaml``,
and headings that name an aspect ("Features", "Pros") name no topic.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from ..findings import SERVICE, TERM, Mention
from ..frequency import zipf
from ..names import adjective_by_ending, entity_key, is_acronym, is_activity, is_coined, singular
from .abbreviations import best_long_form
from .names import name_of
from .phrases import PhraseRules, mention_of, phrase_text
from .prepositions import prepositional_objects
from .verbs import fragment_verb

__all__ = ["shared_by_slash", "topic_of", "alternatives_of", "one_named_first", "is_aspect", "names_a_class", "purpose_of",
           "within_owner"]

_NOUN_TAGS = {"NOUN", "PROPN"}
_KNOWN_MODIFIER = 3.5  # zipf: a rarer word the tagger calls an adjective or adverb alone is a name
_FIELD_WORD = 4.0  # zipf: a noun rarer than this before an activity names one of the field ("Intrusion Detection")
_MODIFIER_ENDINGS = ("ly", "less", "able", "ible", "ive", "ful", "ous", "al", "ic", "ary", "ent", "ant")
_TRAILING_ASIDE = re.compile(r"(?<=\w)\s*\([^()]*\)\W*$")  # an abbreviation or remark after the topic
_OPENING_ABBREVIATION = re.compile(r"\s*\((\w{2,6})\)")
_COMPARISON = re.compile(r"\b(?:vs\.?|versus|compared to|or)\s", re.IGNORECASE)  # "X vs. Y" is about both


def topic_of(doc: Doc, rules: PhraseRules, patterns: Sequence[re.Pattern], aspects: frozenset[str], *,
             card: bool = False) -> Mention | None:
    """The topic a heading or label names, or None; a card's term of one capitalised word names
    one even when prose uses the word for nothing in particular ("Service", "Job" in a
    Kubernetes deck)."""
    found = _topic(doc, rules, patterns, aspects)
    word = doc.text.strip()
    if found is None and card and word[:1].isupper() and word.isalpha() and word.lower() not in rules.pronouns:
        return Mention(word, TERM, proper=True)
    return found


def _topic(doc: Doc, rules: PhraseRules, patterns: Sequence[re.Pattern], aspects: frozenset[str]) -> Mention | None:
    text = doc.text.strip().rstrip(":?").strip()
    if not text or _aspect(text, aspects) or _COMPARISON.search(text):
        return None
    span = _topic_span(doc, text, patterns, rules)
    if span is None or len(span) == 0 or _a_count(span.root):
        return None
    head = span.root
    if (shaped := _ways(span, rules) or _plural_title(span, rules)) is not None:
        return shaped
    if len(span) == 1 and adjective_by_ending(head.lower_, rules.adjectives) and head.lower_ not in rules.nouns and not name_of(head):
        return None  # "Relational", "Serverless": a heading of one adjective names a kind of the topic above it
    if len(span) == 1 and head.pos_ not in {"NOUN", "PROPN"}:
        return _one_word_topic(head, rules, aspects)
    return _phrase_topic(span, rules, aspects)


def _phrase_topic(span, rules: PhraseRules, aspects: frozenset[str]) -> Mention | None:
    """The noun phrase a heading of several words is, when it is most of the heading."""
    head = span.root
    if head.pos_ not in {"NOUN", "PROPN"} or _starts_with_verb(span, rules) or (_aspect(head.text, aspects) and not _narrowed(head, rules)):
        return None
    mention = mention_of(head, rules)
    if mention is None or len(mention.text) * 3 < len(span.text):  # the phrase must be most of the heading
        return None
    return mention


def _narrowed(head, rules: PhraseRules) -> bool:
    """"Intrusion Detection", "Anomaly Detection": a rare noun before an aspect word naming an
    activity makes an activity of the field of it (not "Pipeline Setup", "Model Training",
    "Accelerated ML Training")."""
    before = [t for t in head.subtree if t.i < head.i]
    return is_activity(head.text) and bool(before) and \
        all(t.pos_ in {"NOUN", "PROPN"} and not adjective_by_ending(t.lower_, rules.adjectives) for t in before) and \
        zipf(head.doc[head.i - 1].lower_) < _FIELD_WORD


def _plural_title(span, rules: PhraseRules) -> Mention | None:
    """"AWS Trainium instances" tagged as a name and its verb: a short title's last word, a plural
    of a known noun with nothing after it to act on, closes a noun phrase."""
    head = span.root
    read_as_verb = len(span) <= 4 and head.tag_ == "VBZ" and head.i == span.end - 1 and head.lower_.endswith("s") and \
        head.lower_[:-1] in rules.nouns and all(c.dep_ in {"nsubj", "punct"} for c in head.children)
    return Mention(phrase_text(list(span)), TERM, compound=True) if read_as_verb else None


def _a_count(head) -> bool:
    """"Three pillars:", "Top 10 metrics": a count of what follows, no topic."""
    return head.tag_ in {"NNS", "NNPS"} and any(c.dep_ == "nummod" for c in head.children)


def _ways(span, rules: PhraseRules) -> Mention | None:
    """"Popular Embedding Techniques", "Regularization methods": a class of ways of doing a
    thing, named by the words before a plural type word (an aspect word alone: "Techniques")."""
    last = span[-1]
    if singular(last.lower_) == last.lower_ or singular(last.lower_) not in rules.way_words:
        return None
    words = [t for t in span[:-1] if t.lower_ not in rules.vague_modifiers]
    if not words or not all(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in words):
        return None
    return Mention(phrase_text([*words, last]).lower(), TERM, compound=True)


def _no_noun(token, rules: PhraseRules) -> bool:
    """An everyday word that is no noun, however the tagger reads it capitalised ("Versatile"),
    or an adjective by its ending, whatever rare use as a noun the lexicon knows ("Comprehensive")."""
    word = token.text.lower()
    return bool(rules.nouns) and token.text.isalpha() and (adjective_by_ending(word, rules.adjectives) or not {word, singular(word)} & rules.nouns) and \
        zipf(word) > 0 and not name_of(token) and not is_acronym(token.text)


def alternatives_of(doc: Doc) -> list[Mention]:
    """"XGBoost/LightGBM", "Nginx/HAProxy": a heading or label naming several things at once,
    each a word of its own written as a name, one of them a vocabulary name or coined word;
    [] for anything else ("CI/CD" is one name, "Pros/Cons" names nothing, "On-line/off-line
    repositories" one thing)."""
    tokens = [t for t in doc if t.text.strip() and t.text not in {":", "?"}]
    if len(tokens) < 3 or len(tokens) % 2 == 0 or any((t.text == "/") != (i % 2 == 1) for i, t in enumerate(tokens)):
        return []
    pieces = [_own_name(t) for t in tokens[::2]]
    if not all(pieces) or len({p.text for p in pieces}) < len(pieces) or not any(p.known or is_coined(p.text) for p in pieces):
        return []  # "Pros/Cons", "Input/Output": no name among them
    return pieces


def one_named_first(text: str, topics: list) -> list:
    """Of several topics, the one a passage opens by abbreviating ("(W2V) Vector embeddings"
    under "BlazingText/Word2Vec/Doc2Vec" is about Word2Vec); all of them otherwise."""
    opening = _OPENING_ABBREVIATION.match(text)
    if opening is None or len(topics) < 2:
        return topics
    named = [t for t in topics if t is not None and best_long_form(opening.group(1), t.text)]
    return named[:1] if len(named) == 1 else topics


def _own_name(token) -> Mention | None:
    """A name a token is by itself: a vocabulary name or a capitalised word ("Nginx", "HAProxy")."""
    if (name := name_of(token)) is not None:
        return name
    return Mention(token.text, TERM) if token.text.isalnum() and token.text[:1].isupper() else None


def _one_word_topic(token, rules: PhraseRules, aspects: frozenset[str]) -> Mention | None:
    """A term in a word of its own, whatever the tagger makes of it alone ("Merge:", "MongoDB",
    "Alertmanager", which the tagger alone calls an adverb)."""
    word = token.text
    coined = is_coined(word)  # "PostgreSQL", "S3", whatever the tagger says
    if not any(c.isalpha() for c in word) or _aspect(word, aspects) or word.lower() in rules.pronouns \
            or word.lower() in rules.stop_concepts or (token.pos_ in {"ADJ", "ADV"} and not coined and _modifier_word(word)) \
            or (token.tag_ == "VBZ" and not coined):
        return None  # "Ideal:", "Alternatively:" name nothing; "Provides:" says what the topic does
    return Mention(word, TERM)


def _modifier_word(word: str) -> bool:
    """"Ideal", "Alternatively", "Serverless": an adjective or adverb of English, not a name
    the tagger had no other guess for ("Alertmanager", "Prometheus")."""
    return zipf(word) >= _KNOWN_MODIFIER or word.lower().endswith(_MODIFIER_ENDINGS)


def _topic_span(doc: Doc, text: str, patterns: Sequence[re.Pattern], rules: PhraseRules):
    """The part of a heading that names its topic ("What is X?" -> X), or all of it; nothing
    when a wording leaves one everyday word that is no noun ("Versatile Applications")."""
    for pattern in patterns:
        match = pattern.match(text)
        if match and match.group(1):
            span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            return None if span is not None and len(span) == 1 and _no_noun(span[0], rules) else span
    if (aside := _TRAILING_ASIDE.search(text)) is not None:  # "Synthetic Minority Oversampling Technique (SMOTE)"
        return doc.char_span(0, aside.start(), alignment_mode="expand")
    return doc.char_span(0, len(doc.text), alignment_mode="expand")


def _starts_with_verb(span, rules: PhraseRules) -> bool:
    """"Captures semantic relationships", "Supports variable-length sequences": a label that
    says what its topic does, not a topic."""
    first = span[0]
    return first.tag_ in {"VBZ", "VB", "VBG"} or (first.tag_ == "NNS" and first.dep_ == "compound"
                                                and first.lemma_.lower() != first.lower_.rstrip("s")) or \
        (first.lower_.endswith("s") and "/" not in span.text and bool(fragment_verb(first, rules.verbs)))


def is_aspect(text: str, aspects: frozenset[str]) -> bool:
    """"Features", "Use cases:": a heading or label naming a side of the topic above it."""
    return _aspect(text.strip().rstrip(":?").strip(), aspects)


def _aspect(text: str, aspects: frozenset[str]) -> bool:
    lower = text.lower()
    return lower in aspects or singular(lower) in aspects


_ABSTRACT_SUFFIXES = ("ity", "ness", "ment", "tion", "sion", "ance", "ence")


def shared_by_slash(mention: Mention) -> list[Mention]:
    """"feature/bias attribution drift": feature attribution drift and bias attribution drift.
    Only words of lower case ("TCP/IP stack" and "I/O operations" are names of one thing), and
    not an abstract noun before one word, which stands alone ("flexibility/cost effectiveness")."""
    first, _, rest = mention.text.partition(" ")
    options = first.split("/")
    if mention.known or not rest or len(options) < 2 or not all(o.isalpha() and o.islower() and len(o) > 2 for o in options):
        return [mention]
    if len(rest.split()) == 1 and any(o.endswith(_ABSTRACT_SUFFIXES) for o in options):
        return [mention]
    return [Mention(f"{option} {rest}", TERM, compound=True) for option in options]


def names_a_class(heading: Doc, nouns: frozenset[str] = frozenset()) -> bool:
    """"Algorithms for classification", "Ensemble methods": a plural noun heads the heading;
    "Activation Functions" too, a plural of one of ``nouns`` the tagger took for a name."""
    root = heading[:].root
    if root.pos_ not in _NOUN_TAGS:
        return False
    last = root.lower_.split()[-1]  # a name of the vocabulary is one token: "Activation Functions"
    return root.tag_ in {"NNS", "NNPS"} or (root.tag_ == "NNP" and root.ent_type_ != SERVICE and last != singular(last)
                                            and singular(last) in nouns)


def purpose_of(heading: Doc, rules: PhraseRules) -> Mention | None:
    """"Algorithms for classification": what a class heading's items are for."""
    root = heading[:].root
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for pobj in prepositional_objects(prep):
                return mention_of(pobj, rules)
    return None


def within_owner(topics: list[Mention | None], headings: Sequence[str], catalogue: Mapping[str, str],
                 vendors: frozenset[str]) -> list[Mention | None]:
    """Headings right under a service's heading named as the catalogue names its features: "SageMaker >
    Built-in Algorithms" is "SageMaker built-in algorithms", "AWS Glue > Data Catalog" the Glue
    Data Catalog (``catalogue``: the key of every service form -> its name)."""
    qualified, owner = list(topics), None
    for depth, heading in enumerate(headings):
        topic = topics[depth]
        if owner is not None and (topic is None or topic.kind != SERVICE):
            short = " ".join(w for w in owner.name.split() if w.lower() not in vendors)
            if (name := catalogue.get(entity_key(f"{short} {heading}"))) is not None and name != owner.name:
                qualified[depth] = topic = Mention(heading, SERVICE, name)
        owner = topic if topic is not None and topic.kind == SERVICE else None  # the heading right above
    return qualified
