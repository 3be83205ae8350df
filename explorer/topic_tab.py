"""The Topic tab: the focused topic's card, its informative relations first and expanded,
the rest folded, every linked topic a button that focuses it."""
from __future__ import annotations

import streamlit as st

from graph.cards import Related, RelationGroup, Sentence, TopicCard

from .controls import focus_on
from .markup import literal
from .products import GraphChoices, card, linked_in_view
from .session import LoadedGraph
from .views import ViewSpec

__all__ = ["render_card", "render_topic", "sentence_markdown"]

_EXPANDED_GROUPS = 6      # informative groups open at first; the others are one click away
_FOLDED_TOPICS = 12       # topics listed per folded group (all are in "Go to a linked topic")
_TYPE_COLOURS = {"service": "orange", "concept": "blue"}
_KIND_TEXT = {"stated": "stated", "structural": "from the notes' structure", "cooccurrence": "co-occurrence"}
_DEFINITION_TEXT = {"definition": "", "is a": " :gray[(an “is a” sentence)]", "label": " :gray[(a label sentence)]"}


def render_topic(loaded: LoadedGraph, choices: GraphChoices, focus: str | None, spec: ViewSpec) -> None:
    """The focused topic's card, or a way to choose one."""
    if focus is None:
        st.info("No topic chosen. Search above, pick a focus topic, or start with a well-connected one:",
                icon=":material/touch_app:")
        columns = st.columns(4)
        for number, topic in enumerate(choices.central):
            columns[number % 4].button(literal(topic), key=f"suggested_{number}", on_click=focus_on, args=(topic,),
                                       width="stretch")
        return
    render_card(card(loaded.graph, loaded.key, focus), linked_in_view(loaded.graph, loaded.key, spec, focus))


def render_card(topic: TopicCard, in_view: int | None = None) -> None:
    """The card; ``in_view`` is the topic's linked topics with the current filters."""
    colour = _TYPE_COLOURS.get(topic.type, "gray")
    badges = [f":{colour}-badge[{literal(topic.type)}]"]
    if topic.category:
        badges.append(f":gray-badge[{literal(topic.category)}]")
    st.subheader(literal(topic.label), anchor=False)
    st.markdown(" ".join(badges) + (f" part of **{literal(topic.parent)}**" if topic.parent else ""))
    links, notes, predicates = st.columns(3)
    links.metric("Linked topics", topic.links, help="Distinct topics linked to it by any kind of edge, either way, "
                                                    "in the whole graph (the sidebar filters do not apply).")
    notes.metric("Notes", len(topic.sources))
    predicates.metric("Relations", len(topic.groups), help="Predicates, each in one direction.")
    if in_view is not None and in_view != topic.links:
        st.caption(f"{in_view} linked topic{'s' if in_view != 1 else ''} with the current filters, "
                   "as the Insights tab counts them.")
    if topic.aliases:
        st.markdown("**Also called:** " + ", ".join(literal(alias) for alias in topic.aliases))
    if topic.definition:
        st.markdown("**Definition**" + _DEFINITION_TEXT.get(topic.definition_kind, ""))
        st.markdown(sentence_markdown(topic.defined_in or Sentence(topic.definition, "", "", 0)))
    if not topic.groups:
        st.caption("No relation: the notes name this topic but link it to nothing.")
    else:
        render_relations(topic)
    if topic.sources:
        st.markdown("**Sources:** " + ", ".join(literal(source) for source in topic.sources))


def render_relations(topic: TopicCard) -> None:
    """Informative groups with their evidence, then the others folded in one expander."""
    st.markdown("**Relations**")
    for number, group in enumerate(topic.informative):
        with st.expander(_group_heading(topic.label, group), expanded=number < _EXPANDED_GROUPS):
            for item_number, item in enumerate(group.related):
                _related_row(group, item, f"card_focus_{number}_{item_number}")
                for sentence in item.evidence:
                    st.markdown(sentence_markdown(sentence))
                if item.count > len(item.evidence):
                    st.caption(f"…and {item.count - len(item.evidence)} more sentence(s)")
    others = topic.others
    if others:
        linked = sum(len(group.related) for group in others)
        with st.expander(f"More relations: structure, co-occurrence, broad topics ({_count(len(others), 'group')}, "
                         f"{_count(linked, 'linked topic')})", expanded=not topic.informative):
            offset = len(topic.informative)
            for number, group in enumerate(others, start=offset):
                st.markdown(f"**{_group_heading(topic.label, group)}**")
                for item_number, item in enumerate(group.related[:_FOLDED_TOPICS]):
                    _related_row(group, item, f"card_focus_{number}_{item_number}")
                    if item.evidence:  # folded: one sentence each
                        st.markdown(sentence_markdown(item.evidence[0]))
                if len(group.related) > _FOLDED_TOPICS:
                    hidden = len(group.related) - _FOLDED_TOPICS
                    st.caption(f"…and {hidden} more: see “Go to a linked topic” below")
    st.selectbox("Go to a linked topic", topic.linked_topics, index=None, key="card_goto",
                 placeholder="Choose a topic on this card to focus it", on_change=_go_to_linked)


def _related_row(group: RelationGroup, item: Related, key: str) -> None:
    """A linked topic as a button that focuses it, with what links it."""
    name, about = st.columns([2, 5], vertical_alignment="center")
    name.button(literal(item.topic), key=key, on_click=focus_on, args=(item.topic,), type="tertiary",
                help=f"Focus {item.topic}")
    about.markdown(_related_markdown(group, item))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _go_to_linked() -> None:
    chosen = st.session_state.get("card_goto")
    st.session_state["card_goto"] = None
    if chosen:
        focus_on(chosen)


def _group_heading(label: str, group: RelationGroup) -> str:
    relation = literal(group.relation)
    size = f" ({len(group.related)})"
    if group.direction == "both":
        return f"named in the same sentence as…{size}"
    verb = f":red[not {relation}]" if group.negated else relation
    if group.direction == "out":
        return f"{literal(label)} → {verb} → …{size}"
    return f"… → {verb} → {literal(label)}{size}"


def _related_markdown(group: RelationGroup, item: Related) -> str:
    sentences = _count(item.count, "sentence")
    marker = ":red-badge[negated] " if group.negated else ""
    broad = ":gray-badge[broad topic] " if item.broad else ""
    return f"{marker}{broad}:gray[{_KIND_TEXT.get(item.kind, literal(item.kind))} · {sentences}]"


def sentence_markdown(sentence: Sentence) -> str:
    """An evidence sentence as a quote, with its note, section and line."""
    place = " · ".join(part for part in (sentence.doc, sentence.section,
                                         f"line {sentence.line}" if sentence.line else "") if part)
    elsewhere = f" (and {sentence.elsewhere} other place{'s' if sentence.elsewhere > 1 else ''})" if sentence.elsewhere else ""
    quote = f"> “{literal(sentence.text)}”"
    return f"{quote}  \n> :gray[{literal(place)}{elsewhere}]" if place or elsewhere else quote
