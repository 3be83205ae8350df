"""The thing a noun names, as a phrase: its head with the modifiers that make it specific
("feature attribution drift", "high-cardinality categorical data"), without articles,
possessives and vague modifiers ("various", "fast"). A vocabulary name inside a phrase
headed by a product word ("the SageMaker console") names the product itself.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..findings import SERVICE, TERM, Mention
from ..names import adjective_by_ending, is_acronym, singular
from .prepositions import of_object, prepositional_objects
from .asides import after_opening_aside, bracketed, outside_parentheses
from .written import in_a_title, quoted, written_as_a_name
from .misreads import gerund_after_a_marker, gerund_of_a_shared_object, unit_of_a_number
from .names import name_of
from .verbs import coordinated_verb, fragment_verb, only_a_verb, verb_form, verb_inside

__all__ = ["PhraseRules", "mention_of", "phrase_start", "phrase_text", "outside_parentheses"]


_MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod", "nummod", "poss", "det", "quantmod", "advmod", "punct", "prep", "pobj"}
_KEPT_IN_PHRASE = {"compound", "amod", "nmod", "npadvmod", "nummod", "punct"}
_NOUNS = {"NOUN", "PROPN"}
_CLASSIFYING_ENDINGS = ("al", "ic", "ous")  # not "-ary": "primary reason", "necessary steps"
_JOINERS = {"-", "/", "&", "+", "."}  # punctuation inside a name ("key-value", "CI/CD"), never a comma


@dataclass(frozen=True)
class PhraseRules:
    """The words that shape phrases, from ``content/lexicon.yaml``."""

    vague_modifiers: frozenset[str] = frozenset()
    stop_concepts: frozenset[str] = frozenset()
    transparent_heads: frozenset[str] = frozenset()
    relational_heads: frozenset[str] = frozenset()  # "the name of X" is no kind of X: never "X name"
    product_heads: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()  # verb lemmas the pipeline knows
    resources: frozenset[str] = frozenset()  # catalogue names of a kind of resource ("EC2 instance type")
    nouns: frozenset[str] = frozenset()  # noun lemmas the pipeline knows
    adjectives: frozenset[str] = frozenset()  # and adjective lemmas
    change_heads: frozenset[str] = frozenset()  # "changes in latency" are about latency
    way_words: frozenset[str] = frozenset()  # "techniques", "methods": a heading's head naming a class of ways
    means_heads: frozenset[str] = frozenset()  # "a way to", "the ability to": means of whoever gives them


def phrase_start(head: Token) -> int:
    """Index of the first token of the modifiers that stand right before ``head``."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in _KEPT_IN_PHRASE or child.right_edge.i != start - 1 or (
                child.dep_ == "punct" and child.text not in _JOINERS):
            break
        aside = bracketed(list(child.subtree))
        inner = [t for t in child.subtree if t.i != child.i and t.i not in aside]
        if any((t.dep_ not in _MODIFIER_DEPS and not _opening_word(t)) or _separator(t) for t in inner):
            break  # a clause, or a comma list of modifiers ("newly, artificial samples"), is no name
        start = child.left_edge.i
    return after_opening_aside(head, start)


def _separator(token: Token) -> bool:
    return token.is_punct and token.text not in _JOINERS and token.text not in "()"


def _opening_word(token: Token) -> bool:
    """A fragment's first word the tagger hung on a modifier ("Automates" in "Automates model
    tuning"): it is kept out of the phrase later if it is a verb."""
    return token.is_sent_start and token.tag_ in {"NNS", "NNP", "NNPS"}


def mention_of(head: Token, rules: PhraseRules) -> Mention | None:
    """What ``head`` names, or None for pronouns, stop words and non-nouns. Asked many times of
    the same word while its sentence is read, it is worked out once per parse and rules."""
    doc = head.doc
    rules_then, length, known = doc.user_data.get("mentions", (None, 0, {}))
    if rules_then is not rules or length != len(doc):  # other rules, or words merged since
        known = {}
        doc.user_data["mentions"] = (rules, len(doc), known)
    if head.i not in known:
        known[head.i] = _mention_of(head, rules)
    return known[head.i]


def _mention_of(head: Token, rules: PhraseRules) -> Mention | None:
    if _colon_joined(head):
        return None  # code: an action "s3:GetObject", a key "app:web"
    if (name := _whole_name(head, rules)) is not None:
        return name
    if not _nounish(head) or fragment_verb(head, rules.verbs) or verb_form(head, rules) or gerund_of_a_shared_object(head):
        return None
    if head.lemma_.lower() in rules.transparent_heads and (inner := of_object(head)) is not None:
        return mention_of(inner, rules)
    if head.lemma_.lower() in rules.change_heads and (inner := of_object(head, "in")) is not None:
        return mention_of(inner, rules)
    if (owned := _owned_attribute(head, rules)) is not None:
        return owned
    words = _phrase_words(head, rules)
    if (product := _product(words, rules)) is not None:
        return product
    words = _without_description(_without_leading_noise(words, rules))
    text = phrase_text(words)
    return None if _names_nothing(text, words, rules) else _term(text, words)


def _names_nothing(text: str, words: list[Token], rules: PhraseRules) -> bool:
    """A stop word, unless capitalised inside a sentence ("routes traffic to Services"), an
    activity, or one adjective the tagger took for a name ("Exhaustive and computationally heavy")."""
    name = len(words) == 1 and written_as_a_name(words) and not in_a_title(words[0])
    return (_stop(text, rules) and not name) or _activity(words, rules) or _lone_adjective(words, rules)


def _lone_adjective(words: list[Token], rules: PhraseRules) -> bool:
    token, word = words[0], words[0].lower_
    as_a_word = token.text.islower() or (token.is_sent_start and token.text[1:].islower())  # not "CUBIC"
    return len(words) == 1 and as_a_word and adjective_by_ending(word, rules.adjectives) and word not in rules.nouns and \
        not name_of(token)


def _activity(words: list[Token], rules: PhraseRules) -> bool:
    """"filtering anomalies", "personalizing content": a verb's -ing form and its object name
    an activity, no thing ("training data" opens with a noun the pipeline knows)."""
    first = words[0].lower_
    after_article = words[0].i > 0 and words[0].nbor(-1).dep_ == "det"  # "an embedding technique": a noun's modifier
    if len(words) < 2 or not first.endswith("ing") or words[0].tag_ not in {"VBG", "JJ"} or first in rules.nouns \
            or after_article:
        return False
    return any(stem in rules.verbs for stem in (first[:-3], first[:-3] + "e", first[:-4]))


def _colon_joined(head: Token) -> bool:
    doc = head.doc
    before = head.i >= 2 and doc[head.i - 1].text == ":" and not doc[head.i - 2].whitespace_ and not doc[head.i - 1].whitespace_
    after = head.i + 2 < len(doc) and doc[head.i + 1].text == ":" and not head.whitespace_ and not doc[head.i + 1].whitespace_
    return before or after


def _owned_attribute(head: Token, rules: PhraseRules) -> Mention | None:
    """A bare noun named by what it belongs to: "the performance of regression models" is
    regression model performance, "the importance of features" feature importance, where
    "performance" alone would name nothing in particular."""
    if head.pos_ != "NOUN" or any(c.dep_ in _KEPT_IN_PHRASE for c in head.lefts) or head.lemma_.lower() in rules.relational_heads:
        return None
    inner = of_object(head)
    if inner is None or inner.pos_ != "NOUN" or inner.conjuncts:
        return None
    owner = mention_of(inner, rules)
    if owner is None or owner.kind == SERVICE or owner.proper or len(owner.text.split()) > 3:
        return None
    rest, _, last = owner.text.rpartition(" ")
    return Mention(f"{rest} {singular(last)} {head.lower_}".strip(), TERM, compound=True)


def _whole_name(head: Token, rules: PhraseRules) -> Mention | None:
    """A vocabulary name, unless words before a concept or a kind of resource narrow it ("graph
    neural networks", "accelerated computing EC2 instance types")."""
    name = name_of(head)
    owner = next((t for t in head.lefts if t.dep_ == "compound" and t.i == head.i - 1), None)
    if name is not None and name.kind == SERVICE and owner is not None and (of := name_of(owner)) is not None \
            and of.kind == SERVICE and of.name != name.name:
        return of  # "a SageMaker Clarify processing job": Clarify's job, no other service's
    narrowable = name is not None and (name.kind != SERVICE or name.name in rules.resources)
    return name if name is not None and not (narrowable and _specific_modifiers(head, rules)) else None


def _product(words: list[Token], rules: PhraseRules) -> Mention | None:
    """"the SageMaker console": a name before a product word names the product itself; a concept
    right before it names it ("the SageMaker semantic segmentation algorithm": semantic segmentation)."""
    names = [t for t in words[:-1] if t.dep_ != "poss" and (name := name_of(t)) is not None]  # not "AWS's DNS service"
    services = [t for t in names if name_of(t).kind == SERVICE]
    if not services or words[-1].lemma_.lower() not in rules.product_heads:
        return None
    nearest = names[-1]
    return name_of(nearest) if nearest.i == words[-1].i - 1 or nearest == services[-1] else None


def _term(text: str, words: list[Token]) -> Mention:
    compound = any(t.pos_ in _NOUNS and t.dep_ in {"compound", "nmod"} or _classifying(t) for t in words[:-1]) or \
        "-" in words[-1].text.strip("-")  # a coined word: "cherry-pick", "cross-validation"
    return Mention(text, TERM, compound=compound, proper=written_as_a_name(words) or quoted(words))


def _classifying(modifier: Token) -> bool:
    """"local explanation", "statistical test", "continuous monitoring": an adjective of the kind
    that sorts things into classes (by its ending) names a kind, as a noun before the head does."""
    return modifier.pos_ == "ADJ" and modifier.dep_ == "amod" and modifier.lower_.endswith(_CLASSIFYING_ENDINGS)


def _phrase_words(head: Token, rules: PhraseRules) -> list[Token]:
    """The head and its modifiers, without a verb the tagger took for a modifier: a fragment's
    opening verb ("Register models"), or a word only ever a verb ("automate model deployment")."""
    words = list(head.doc[phrase_start(head):head.i + 1])
    if len(words) > 1 and words[0].lower_ == coordinated_verb(head, rules):
        words = words[1:]  # "manage approvals and automate model deployment"
    while len(words) > 1 and (fragment_verb(words[0], rules.verbs) or only_a_verb(words[0], rules)):
        words = words[1:]
    verbs = [i for i, word in enumerate(words[:-1]) if verb_inside(word, rules)]
    return words[verbs[-1] + 1:] if verbs else words  # "diagnose issues", "feedback loop adjusts predictions"


def _nounish(head: Token) -> bool:
    """A noun, or a subject the tagger took for an adjective ("A ribosome is ..."); never an
    adjective elsewhere ("is ideal for")."""
    return head.pos_ in _NOUNS or (head.pos_ == "ADJ" and head.dep_ in {"nsubj", "nsubjpass"})


def _without_leading_noise(words: list[Token], rules: PhraseRules) -> list[Token]:
    """Articles, possessives, numbers ("170 trillion parameters") and vague modifiers
    (``lexicon.yaml``: "intelligent chatbots" names chatbots) dropped from the front, but not the first part of a hyphenated
    word ("three-way handshake") nor a word of a name written in capitals ("Total Variation Distance")."""
    titled = len(words) > 1 and all(w.text[:1].isupper() for w in words) and words[-1].tag_ != "NNPS" and \
        singular(words[-1].lower_) == words[-1].lower_  # "Total Variation Distance" names one thing; "Popular ML Frameworks" a class
    while words[:-1] and not _hyphenated(words[0]) and (
            words[0].dep_ in {"det", "poss", "punct", "nummod"} or (words[0].lower_ in rules.vague_modifiers and not titled)
            or words[0].pos_ in {"PRON", "DET", "ADV", "NUM"} or unit_of_a_number(words[0]) or gerund_after_a_marker(words[0])):
        words = words[1:]
    return words


def _without_description(words: list[Token]) -> list[Token]:
    """"open-source JupyterLab", "managed Apache Kafka": lower-case adjectives before a name
    describe the thing the name names; they are no part of it."""
    if words[-1].tag_ not in {"NNP", "NNPS"} or not words[-1].text[:1].isupper() or words[-1].text.isupper():
        return words  # "mutual TLS" names a kind of TLS
    while words[:-1] and words[0].tag_ == "JJ" and words[0].text.islower():
        words = words[1:]
    return words


def _hyphenated(token: Token) -> bool:
    return not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor(1).text == "-"


def _stop(text: str, rules: PhraseRules) -> bool:
    lower = text.lower()
    return len(text) < 2 or lower in rules.pronouns or lower in rules.stop_concepts or singular(lower) in rules.stop_concepts


def _specific_modifiers(head: Token, rules: PhraseRules) -> bool:
    """"graph neural networks": words before a glossary concept that make it narrower."""
    start = phrase_start(head)
    return any(t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.lower_ not in rules.vague_modifiers and name_of(t) is None
               and t.dep_ in {"compound", "amod"} for t in head.doc[start:head.i])


def phrase_text(words: list[Token]) -> str:
    """The phrase as written, common words in lower case; a name written in title case
    ("Transmission Control Protocol") keeps its capitals."""
    words = outside_parentheses(words) or words
    letters = [t for t in words if t.text[:1].isalpha()]
    titled = len(letters) > 1 and all(t.text[:1].isupper() for t in letters)
    parts = [(t.text if titled or t.pos_ == "PROPN" or t.ent_type_ or is_acronym(t.text) else t.text.lower())
             + t.whitespace_ for t in words]
    text = "".join(parts).strip(" -/,")
    if text.endswith(".") and words[-1].i == words[-1].sent.end - 1:
        text = text[:-1]  # the tokenizer keeps a full stop after one capital as an initial's: "... and CRI-O."
    return text
