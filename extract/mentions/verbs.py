"""Verbs the tagger reads as nouns: a fragment's opening verb ("Stores datasets"), a verb's
third person taken for a plural ("analyzes"), a verb inside a noun phrase ("feedback loop
adjusts predictions"). Each is told by the verb lemmas the pipeline knows and, where a word
may be both, by the noun lemmas it knows."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .phrases import PhraseRules

__all__ = ["verb_lemma", "fragment_verb", "verb_form", "verb_inside", "only_a_verb", "coordinated_verb"]

_FINITE = {"VBZ", "VBP", "VBD", "MD"}
_IRREGULAR_THIRD_PERSONS = {"has": "have", "does": "do"}


def verb_lemma(word: str, verbs: frozenset[str]) -> str:
    """The verb ``word`` is a form of ("stores" -> "store", "Register" -> "register"), or ""."""
    lower = word.lower()
    if lower in verbs:
        return lower
    if lower in _IRREGULAR_THIRD_PERSONS:
        return _IRREGULAR_THIRD_PERSONS[lower]
    for ending, cut, added in (("ies", 3, "y"), ("s", 1, ""), ("es", 2, "")):  # "classifies", "scrapes", "pushes"
        if lower.endswith(ending) and (candidate := lower[:-cut] + added) in verbs:
            return candidate
    return ""


def fragment_verb(token: Token, verbs: frozenset[str]) -> str:
    """The verb a fragment opens with, though the tagger read it as a noun: "Stores and moves
    datasets", "Register models in a registry", "Leverage labelled data to teach models".
    Only where no finite verb follows ("Test data is split" opens with a noun)."""
    if not token.is_sent_start or not token.text[:1].isupper() or token.text.isupper() or token.ent_type_ or \
            not _misread(token):
        return ""  # capitals throughout ("HEAD") write a name
    if not _room_for_a_verb(token, verbs) or _opens_a_title(token):
        return ""
    return verb_lemma(token.text, verbs) if _acts(token) else ""


def _opens_a_title(token: Token) -> bool:
    """"Content Security Policy", "Single Shot multibox Detector": a capitalised word before two
    more, or before one more and a capitalised head further on, opens a name, not a verb phrase."""
    after = token.doc[token.i + 1:min(token.i + 3, token.sent.end)]
    titled = [t.is_alpha and t.text.istitle() for t in after]
    head = token.head
    return len(after) == 2 and (all(titled) or (titled[0] and head.i > token.i + 2 and head.text.istitle()))


def _acts(token: Token) -> bool:
    """Placed as a verb: before what it acts on, with an object or a preposition (not "of": "Sequence
    of tokenized files" is a noun), or listed with verbs."""
    return (token.dep_ in {"compound", "nmod", "amod", "nsubj"} and token.head.i > token.i) or \
        any(c.dep_ in {"dobj", "appos", "npadvmod"} for c in token.children) or \
        (any(c.dep_ == "prep" and c.lower_ != "of" for c in token.children) and _words_after(token) >= 4) or \
        any(c.tag_ in {"VB", "VBP", "VBZ"} for c in token.conjuncts)  # "Discover, visualize, and transform data"


def _misread(token: Token) -> bool:
    """Tagged as a noun, or, in the third person, as a preposition or adjective ("Facilitates")."""
    return token.tag_ in {"NN", "NNS", "NNP", "NNPS"} or (token.tag_ in {"IN", "JJ"} and token.lower_.endswith("s"))


def _words_after(token: Token) -> int:
    return sum(1 for t in token.doc[token.i + 1:token.sent.end] if _wordlike(t))


def _wordlike(token: Token) -> bool:
    """A word, or a merged name or hyphenated word ("rolling updates", "pre-processing")."""
    return token.is_alpha or (any(c.isalpha() for c in token.text) and not token.is_punct)


def _room_for_a_verb(token: Token, verbs: frozenset[str]) -> bool:
    """Enough words after ``token`` for it to act on, and no finite verb among them; a name
    or heading ("Mother sauces", "Experiments") has none."""
    following = [t for t in token.doc[token.i + 1:token.sent.end] if _wordlike(t)]
    third_person = token.lower_.endswith("s") and token.lower_ not in verbs  # "Stores", not "Process"
    return len(following) >= (1 if third_person else 3) and not any(
        t.tag_ in _FINITE and t.dep_ != "conj" for t in following)  # "..., and incorporates X" shares the subject


def verb_inside(token: Token, rules: PhraseRules) -> bool:
    """Inside a phrase, a form of a verb that is never a noun, tagged or placed as a verb form
    ("feedback loop adjusts predictions", "utilizes algorithms"); "merge commit" keeps "merge"."""
    lower = token.lower_
    if token.ent_type_ or token.pos_ == "PROPN" or "-" in lower or not rules.nouns or lower in rules.nouns:
        return False
    lemma = verb_lemma(lower, rules.verbs) or lower
    verbal = token.tag_ in {"VB", "VBP", "VBZ"} or lower.endswith("s") or (token.tag_ == "NN" and token.dep_ == "amod")
    return lemma in rules.verbs and lemma not in rules.nouns and verbal


def verb_form(token: Token, rules: PhraseRules) -> bool:
    """"analyzes", "detects": a verb's third person the tagger took for a plural noun, standing
    alone (a plural noun such as "commits" or "stores" is also a known noun)."""
    lower = token.lower_
    if not lower.endswith("s") or token.ent_type_ or not rules.nouns or any(c.dep_ == "compound" for c in token.lefts):
        return False
    lemma = verb_lemma(lower, rules.verbs)
    return bool(lemma) and lemma not in rules.nouns and lower[:-1] not in rules.nouns


def only_a_verb(token: Token, rules: PhraseRules) -> bool:
    """A word only ever a verb, tagged as one or opening the sentence ("Configure security
    groups ...", "Configure" read as an adjective)."""
    lower = token.lower_
    return not token.ent_type_ and lower in rules.verbs and lower not in rules.nouns and bool(rules.nouns) and \
        (token.tag_ in {"VB", "VBP"} or (token.is_sent_start and token.tag_ == "JJ"))


def coordinated_verb(noun: Token, rules: PhraseRules) -> str:
    """"manage approvals and automate model deployment", parsed as one verb with two objects:
    the verb (its lemma) a noun phrase coordinated with a base-form verb's object opens with,
    a word only ever a verb; or ""."""
    first = noun.left_edge
    if noun.dep_ != "conj" or first.i == noun.i or first.i == 0 or first.nbor(-1).lower_ not in {"and", "or", ","}:
        return ""
    member = _first_member(noun)
    if not _a_verb_here(first, noun, member, rules):
        return ""
    if member.dep_ == "pobj" and member.head.head.dep_ == "dobj":
        member = member.head.head  # "Compare predictions with targets and compute metrics": hung on the nearest noun
    return first.lower_ if member.dep_ == "dobj" and member.head.tag_ in {"VB", "VBP"} else ""


def _a_verb_here(first: Token, noun: Token, member: Token, rules: PhraseRules) -> bool:
    """A word only ever a verb, or a noun-and-verb read here as a verb."""
    if first.ent_type_ or first.pos_ == "PROPN" or not rules.nouns or first.lower_ not in rules.verbs:
        return False
    return first.lower_ not in rules.nouns or _among_verbs(noun, member, rules) or _tagged_no_noun(first, rules)


def _first_member(noun: Token) -> Token:
    """The first of the list ``noun`` is coordinated in."""
    member = noun
    while member.dep_ == "conj" and member.head.i != member.i:
        member = member.head
    return member


def _tagged_no_noun(word: Token, rules: PhraseRules) -> bool:
    """A word both noun and verb the tagger read as neither ("and compute accuracy metrics":
    "compute" an adjective, which it never is; "and secure storage" is one)."""
    return word.tag_ in {"VB", "VBP"} or (word.tag_ == "JJ" and bool(rules.adjectives) and word.lower_ not in rules.adjectives)


def _among_verbs(noun: Token, first_member: Token, rules: PhraseRules) -> bool:
    """"log predictions, track metrics, and diagnose issues": a word both noun and verb opens
    a verb phrase when another listed phrase opens with a word only ever a verb, or a verb
    follows in the list."""
    others = [m for m in (first_member, *first_member.conjuncts) if m.i != noun.i and m.left_edge.i < m.i]
    later_verbs = [t for t in noun.doc[noun.i + 1:noun.sent.end] if t.dep_ == "conj" and t.pos_ == "VERB" and t.head.i < noun.i]
    return bool(later_verbs) or any(m.left_edge.lower_ in rules.verbs and m.left_edge.lower_ not in rules.nouns for m in others)
