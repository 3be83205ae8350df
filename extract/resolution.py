"""Which entity a token names: a catalogued service, a concept phrase, a person, or nothing."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .catalogue import CatalogueMatch, CatalogueMatcher, is_brand
from .lexicon import Lexicon
from .naming import entity_key
from .phrases import Phrase, is_nounish, modifier_start, normalise_case, noun_phrase
from .registry import SERVICE, Registry

__all__ = ["Ref", "Resolver", "HUMAN"]

_PRONOUNS = {"it", "they", "this", "these", "that", "those", "them", "its", "their", "which", "who", "he", "she"}
_ANAPHOR_DETERMINERS = {"this", "these", "those", "such"}


@dataclass(frozen=True)
class Ref:
    """An entity named in a sentence, by its registry key and how the sentence spells it."""

    key: str
    name: str
    surface: str
    type: str


HUMAN = Ref("#human", "", "", "human")


def _capitalised(token: Token) -> bool:
    """Written as a name: capitalised where a sentence does not require it."""
    return token.text[:1].isupper() and (not token.is_sent_start or token.pos_ == "PROPN")


class Resolver:
    """Turns tokens of parsed notes into entity references, recording them in the registry."""

    def __init__(self, registry: Registry, lexicon: Lexicon, matcher: CatalogueMatcher):
        self.registry = registry
        self.lexicon = lexicon
        self.vocabulary = lexicon.vocabulary
        self.matcher = matcher
        self._matches: dict[int, dict[int, CatalogueMatch]] = {}

    def matches(self, doc: Doc) -> dict[int, CatalogueMatch]:
        """Catalogue matches of a doc by token index (computed once per doc)."""
        found = self._matches.get(id(doc))
        if found is None:
            found = {}
            for match in self.matcher(doc):
                for i in range(match.start, match.end):
                    found[i] = match
            self._matches[id(doc)] = found
        return found

    def service(self, match: CatalogueMatch, doc: Doc) -> Ref:
        """The service a catalogue match names, recorded in the registry."""
        key = self.registry.note(self.registry.service_key(match.name), match.name, doc[match.start:match.end].text)
        return Ref(key, match.name, doc[match.start:match.end].text, SERVICE)

    def is_pronoun(self, token: Token) -> bool:
        """"It", "they", "this service", "these models": words that point back to a topic."""
        if token.lower_ in _PRONOUNS and token.pos_ in {"PRON", "DET"}:
            return True
        # "this integration", "these models": a noun pointing back, never a topic of its own
        return any(c.dep_ == "det" and c.lower_ in _ANAPHOR_DETERMINERS for c in token.children) and not any(
            c.dep_ in {"compound", "amod"} for c in token.lefts)

    def is_human(self, token: Token) -> bool:
        """"you", "users", "data scientists": people, who are never topics."""
        agents = self.vocabulary.human_agents
        return token.lower_ in agents or token.lemma_.casefold() in agents or (
            token.doc[max(0, token.i - 1):token.i + 1].text.casefold() in agents)

    def ref(self, token: Token, *, whole: bool = False, product: bool = False, start: int | None = None) -> Ref | None:
        """The entity ``token`` names, or :data:`HUMAN`, or None. Pronouns give None:
        the caller resolves them against the topic."""
        matches = self.matches(token.doc)
        match = matches.get(token.i)
        if match is None and token.lower_ in self.vocabulary.product_heads and token.i > 0:
            # "the Titan Embeddings model", "the Cost Explorer console"
            before = matches.get(token.i - 1)
            if before is not None and token.doc[before.end - 1].head.i == token.i:
                match = before
        if match is not None:
            return self.service(match, token.doc)
        if self.is_human(token):
            return HUMAN
        if not is_nounish(token) or self.is_pronoun(token):
            return None
        # An explicit start cuts a leading gerund off ("training foundation models") or
        # takes in a participle the parser split off ("vanishing gradients").
        phrase = noun_phrase(token, self.lexicon, strip_generic=not whole, strip_product=product, start=start)
        return self._concept(phrase, _capitalised(token.doc[phrase.start])) if phrase else None

    def span_ref(self, span: Span) -> Ref | None:
        """The entity a whole heading or label names ("Amazon Polly", "Hyperband"); a
        comparison ("Bias vs Variance") names no single thing."""
        if any(t.lower_ in {"vs", "vs.", "versus"} for t in span) or span[0].lower_ in self.vocabulary.purpose_adjectives:
            return None  # "Bias vs Variance", "Ideal for fast processing" name no single thing
        known = self.registry.known(span.text)
        if known is not None and self.registry.type_of(known) == SERVICE:
            # "Amazon Bedrock - Agents" is the catalogued Bedrock Agents, not Bedrock
            entity = self.registry.entity(known)
            return Ref(self.registry.note(known, entity.name, span.text), entity.name, span.text, SERVICE)
        matches = {m.start: m for m in self.matches(span.doc).values() if span.start <= m.start and m.end <= span.end}
        content = [t for t in span if not t.is_punct and t.pos_ not in {"DET"}]
        for match in matches.values():
            covered = sum(1 for t in content if match.start <= t.i < match.end)
            before = [t for t in content if t.i < match.start]
            if before and len(before) >= covered - 1 and all(t.pos_ in {"NOUN", "VERB", "ADJ"} for t in before):
                # "Fine-tuning Amazon Bedrock" is about fine-tuning (in Bedrock)
                start = before[0].i
                name = normalise_case(span.doc[start:match.start].text, self.lexicon.proper_words)
                return self._concept(Phrase(name=name, surface=span.doc[start:match.start].text, start=start,
                                            end=match.start, head=match.start - 1), _capitalised(span.doc[start]))
            if content and (covered >= max(1, len(content) - 1) or match.start <= span.root.i < match.end):
                return self.service(match, span.doc)
        if len(span) == 1 and span[0].is_alpha and span[0].lower_ not in self.vocabulary.stop_concepts \
                and span[0].lower_ not in self.lexicon.verb_only:  # "Build", "Deploy" name no topic
            # A one-word label or heading ("Inpainting", "Hyperband") names itself.
            token = span[0]
            name = normalise_case(token.text, self.lexicon.proper_words)
            known = self.registry.known(token.text)
            if known is None:
                return self._concept(Phrase(name=name, surface=token.text, start=token.i, end=token.i + 1, head=token.i),
                                     _capitalised(token))
        known = self.registry.known(span.text)
        if known is not None:
            entity = self.registry.entity(known)
            return Ref(self.registry.note(known, entity.name, span.text), entity.name, span.text, self.registry.type_of(known))
        if len(span) > 1 and all(not t.whitespace_ for t in span[:-1]) and any(t.is_alpha for t in span):
            # One hyphenated word ("Text-to-Speech") names itself whatever its parse.
            name = normalise_case(span.text, self.lexicon.proper_words)
            return self._concept(Phrase(name=name, surface=span.text, start=span.start, end=span.end, head=span.end - 1),
                                 _capitalised(span[0]))
        root = span.root
        last = span[-1]
        if root.i != last.i and last.pos_ in {"NOUN", "PROPN"} and all(
                t.pos_ in {"NOUN", "PROPN", "ADJ", "PUNCT"} or not t.whitespace_ for t in span):
            root = last  # a title-case name parsed badly: English noun phrases end in their head
        after = span[root.i - span.start + 1:]
        if is_nounish(root) and len(after) >= 2 and after[0].pos_ == "ADP" and len(span) <= 6 and all(
                t.pos_ in {"ADP", "NOUN", "PROPN", "ADJ", "PUNCT", "DET", "CCONJ"} for t in after) and after[-1].pos_ in {"NOUN", "PROPN"}:
            # "Difference in Proportions", "Hyperband with Early Stopping": the label is the name.
            start = modifier_start(root)
            words = [normalise_case(t.text, self.lexicon.proper_words) + t.whitespace_ for t in span.doc[start:span.end]]
            name = "".join(words).strip()
            return self._concept(Phrase(name=name, surface=span.doc[start:span.end].text, start=start, end=span.end,
                                        head=root.i), _capitalised(span.doc[start]))
        phrase = noun_phrase(root, self.lexicon)
        return self._concept(phrase, _capitalised(span.doc[phrase.start])) if phrase else None

    def _concept(self, phrase: Phrase, capitalised: bool) -> Ref:
        capitalised = capitalised or is_brand(phrase.surface) or len(phrase.surface.split()) > 1
        key = self.registry.concept_key(phrase.name, capitalised=capitalised)
        key = self.registry.note(key, phrase.name, phrase.surface)
        return Ref(key, phrase.name, phrase.surface, self.registry.type_of(key))

    def mentions(self, sentence: Span) -> list[Ref]:
        """Every entity named in a sentence (for co-occurrence), in order, without repeats."""
        found: dict[str, Ref] = {}
        matches = self.matches(sentence.doc)
        for token in sentence:
            if token.i in matches:
                match = matches[token.i]
                if token.i == match.start:
                    ref = self.service(match, sentence.doc)
                    found.setdefault(ref.key, ref)
            elif is_nounish(token) and token.dep_ not in {"compound", "amod", "nmod"} and not self.is_pronoun(token):
                ref = self.ref(token)
                if ref is not None and ref is not HUMAN:
                    found.setdefault(ref.key, ref)
        return list(found.values())

    def alias(self, long_form: str, short_form: str) -> None:
        """Merge an abbreviation with its long form (the long form names the node)."""
        name = " ".join(normalise_case(word, self.lexicon.proper_words) for word in long_form.split())
        key = self.registry.concept_key(name, capitalised=True)
        self.registry.note(key, name, long_form, weight=3)
        short_key = entity_key(short_form)
        self.registry.note(short_key, short_form, short_form, weight=0)
        self.registry.merge(key, short_key)
