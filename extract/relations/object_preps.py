"""What a verb's object says beside it: the things its prepositions name ("assesses
correlation between numeric features", "installs packages from PyPI", "routes traffic to
Services"), with the label each gives the relation."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..mentions import prepositional_objects, verb_lemma
from ..names import is_activity
from .context import Reading
from .labels import with_preposition

__all__ = ["object_preposition_objects"]


def object_preposition_objects(obj: Token, label: str, reading: Reading) -> Iterator[tuple[Token, str, bool]]:
    """"assesses correlation between numeric features": what the object is about; "from" after a
    light object joins the verb ("moves objects from S3 Standard": moves from it); "with" after
    an activity names its means ("simplifies feature engineering with a visual interface": uses it);
    "to" after what a verb moves names where it goes ("routes traffic to Services": routes to them)."""
    for prep in obj.children:
        if prep.dep_ == "prep" and (predicate := _object_preposition_label(prep, obj, label, reading)):
            yield from ((pobj, predicate, False) for pobj in prepositional_objects(prep))


def _object_preposition_label(prep: Token, obj: Token, label: str, reading: Reading) -> str:
    word, rules = prep.lower_, reading.rules
    if word in rules.means_preps or (word == "with" and is_activity(obj.text)):
        return "uses"
    if word == "to" and _transfers(obj.head, reading):
        return with_preposition(label, prep)
    if word in rules.object_preps and _about_the_object(prep, obj, reading):
        return with_preposition(label, prep) if word == "from" else label  # "installs packages from PyPI": installs from it
    return ""


def _transfers(verb: Token, reading: Reading) -> bool:
    """A verb taking a thing somewhere (``transfer_verbs``), also as the lemmatizer misses it ("Routes": "rout")."""
    return (verb_lemma(verb.text, reading.rules.verbs) or verb.lemma_.lower()) in reading.rules.transfer_verbs


def _about_the_object(prep: Token, obj: Token, reading: Reading) -> bool:
    """"for" says what the action is about only after a searching verb ("monitors models for
    drift"), a light object given ("offers support for PyTorch") or a need ("removes the need
    for data duplication"); elsewhere it is a purpose ("pins versions for deployment")."""
    if prep.lower_ != "for" or obj.head.lemma_.lower() in reading.rules.searching_verbs or obj.lemma_.lower() == "need":
        return True
    return obj.lemma_.lower() in reading.rules.phrases.stop_concepts and obj.head.lemma_.lower() in reading.rules.giving_verbs
