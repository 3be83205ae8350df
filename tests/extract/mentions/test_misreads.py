"""A word the tagger read as a verb though the parse hangs noun modifiers on it is a noun,
and the object of a preposition left without one. Parses written out by hand: the shapes
are the tagger's slips, which a given model version may or may not make on a sentence."""
from extract.mentions.misreads import adverbs_read_as_names, nouns_read_as_verbs, subjects_read_as_commands
from extract.relations import clause_relations

from ..helpers import hand_parsed
from ..relations.conftest import read_parsed


def test_a_verb_with_a_determiner_and_a_compound_is_a_noun_and_the_object(reader):
    """"Argo automates the entire deployment workflow", "workflow" tagged a verb and parsed as a clause."""
    doc = hand_parsed(reader.nlp.vocab, ["Argo", "automates", "the", "entire", "deployment", "workflow", "."],
                      [1, 1, 5, 5, 5, 1, 1], ["nsubj", "ROOT", "det", "amod", "compound", "ccomp", "punct"],
                      ["NNP", "VBZ", "DT", "JJ", "NN", "VB", "."], ["PROPN", "VERB", "DET", "ADJ", "NOUN", "VERB", "PUNCT"])
    nouns_read_as_verbs(doc)
    assert (doc[5].pos_, doc[5].tag_) == ("NOUN", "NN")
    assert ("Argo", "automates", "deployment workflow", False) in read_parsed(reader, clause_relations, doc)


def test_a_noun_after_a_preposition_without_an_object_is_its_object(reader):
    """"Used for log shipping", with "shipping" hung on "Used" as a clause."""
    doc = hand_parsed(reader.nlp.vocab, ["Used", "for", "log", "shipping", "."], [0, 0, 3, 0, 0],
                      ["ROOT", "prep", "compound", "ccomp", "punct"], ["VBN", "IN", "NN", "NN", "."],
                      ["VERB", "ADP", "NOUN", "NOUN", "PUNCT"])
    nouns_read_as_verbs(doc)
    assert (doc[3].head.i, doc[3].dep_) == (1, "pobj")
    assert ("Fluent Bit", "used for", "log shipping", False) in read_parsed(reader, clause_relations, doc, "Fluent Bit")


def test_a_verb_with_its_own_subject_stays_a_verb(reader):
    doc = hand_parsed(reader.nlp.vocab, ["Teams", "deploy", "the", "service", "."], [1, 1, 3, 1, 1],
                      ["nsubj", "ROOT", "det", "dobj", "punct"], ["NNS", "VBP", "DT", "NN", "."],
                      ["NOUN", "VERB", "DET", "NOUN", "PUNCT"])
    nouns_read_as_verbs(doc)
    assert doc[1].pos_ == "VERB"


def test_an_opening_adverb_parsed_as_the_subject_is_an_adverb_and_the_topic_acts(reader):
    """"Dynamically scales to absorb bursts", its adverb read as a name and the subject."""
    doc = hand_parsed(reader.nlp.vocab, ["Dynamically", "scales", "to", "absorb", "bursts", "."], [1, 1, 3, 1, 3, 1],
                      ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"], ["NNP", "VBZ", "TO", "VB", "NNS", "."],
                      ["PROPN", "VERB", "PART", "VERB", "NOUN", "PUNCT"])
    adverbs_read_as_names(doc)
    assert (doc[0].pos_, doc[0].dep_) == ("ADV", "advmod")
    found = read_parsed(reader, clause_relations, doc, "Envoy proxy")
    assert ("Envoy proxy", "absorbs", "bursts", False) in found
    assert not any(subject == "Dynamically" for subject, _, _, _ in found)


def test_a_name_ending_in_ly_stays_a_name(reader):
    doc = hand_parsed(reader.nlp.vocab, ["Italy", "exports", "olive", "oil", "."], [1, 1, 3, 1, 1],
                      ["nsubj", "ROOT", "compound", "dobj", "punct"], ["NNP", "VBZ", "NN", "NN", "."],
                      ["PROPN", "VERB", "NOUN", "NOUN", "PUNCT"])
    adverbs_read_as_names(doc)
    assert (doc[0].pos_, doc[0].dep_) == ("PROPN", "nsubj")


def test_an_opening_noun_noun_subject_read_as_a_command_is_a_subject(reader):
    """"Read replicas use asynchronous replication", parsed as "Read replicas" (a command) being the subject of "use"."""
    doc = hand_parsed(reader.nlp.vocab, ["Read", "replicas", "use", "asynchronous", "replication", "."], [2, 0, 2, 4, 2, 2],
                      ["csubj", "dobj", "ROOT", "amod", "dobj", "punct"], ["VB", "NNS", "VB", "JJ", "NN", "."],
                      ["VERB", "NOUN", "VERB", "ADJ", "NOUN", "PUNCT"])
    subjects_read_as_commands(doc)
    assert (doc[0].dep_, doc[0].head.i, doc[1].dep_, doc[1].head.i) == ("compound", 1, "nsubj", 2)
    assert ("read replicas", "uses", "asynchronous replication", False) in read_parsed(reader, clause_relations, doc)


def test_a_command_with_more_than_its_object_stays_a_command(reader):
    """"Register models in a registry": the verb has more than the noun after it."""
    doc = hand_parsed(reader.nlp.vocab, ["Register", "models", "in", "a", "registry", "."], [0, 0, 0, 4, 2, 0],
                      ["ROOT", "dobj", "prep", "det", "pobj", "punct"], ["VB", "NNS", "IN", "DT", "NN", "."],
                      ["VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"])
    subjects_read_as_commands(doc)
    assert (doc[0].pos_, doc[1].dep_) == ("VERB", "dobj")


def test_examples_read_as_acts_are_examples_and_their_means_is_the_acts(reader):
    """"It helps in catching bugs like shadowing and aliasing by scanning files", parsed with
    "like" on the verb, "shadowing" a clause and "by scanning" hung on it."""
    words = ["It", "helps", "in", "catching", "bugs", "like", "shadowing", "and", "aliasing", "by", "scanning", "files", "."]
    doc = hand_parsed(reader.nlp.vocab, words, [1, 1, 1, 2, 3, 3, 5, 6, 6, 6, 9, 10, 1],
                      ["nsubj", "ROOT", "prep", "pcomp", "dobj", "prep", "pcomp", "cc", "conj", "prep", "pcomp", "dobj", "punct"],
                      ["PRP", "VBZ", "IN", "VBG", "NNS", "IN", "VBG", "CC", "JJ", "IN", "VBG", "NNS", "."],
                      ["PRON", "VERB", "ADP", "VERB", "NOUN", "ADP", "VERB", "CCONJ", "ADJ", "ADP", "VERB", "NOUN", "PUNCT"],
                      ["it", "help", "in", "catch", "bug", "like", "shadow", "and", "aliasing", "by", "scan", "file", "."])
    nouns_read_as_verbs(doc)
    assert (doc[6].pos_, doc[8].pos_, doc[9].head.i) == ("NOUN", "NOUN", 3)
    found = read_parsed(reader, clause_relations, doc, "Pylint")
    assert {("Pylint", "catches", "shadowing", False), ("Pylint", "catches", "aliasing", False),
            ("Pylint", "scans", "files", False)} <= found, found
    assert not any(s in {"shadowing", "aliasing"} for s, _, _, _ in found), found
