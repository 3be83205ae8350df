"""The Topic tab: the focused topic's card, its relations grouped by predicate with evidence."""
from __future__ import annotations

import streamlit as st

from graph.cards import Related, RelationGroup, Sentence, TopicCard

from .controls import focus_on
from .markup import literal
from .products import GraphChoices, card
from .session import LoadedGraph

__all__ = ["render_topic", "sentence_markdown"]

_EXPANDED_GROUPS = 4
_TYPE_COLOURS = {"service": "orange", "concept": "blue"}


def render_topic(loaded: LoadedGraph, choices: GraphChoices, focus: str | None) -> None:
    """The focused topic's card, or a way to choose one."""
    if focus is None:
        st.info("No topic chosen. Search above, pick a focus topic, or start with a well-connected one:",
                icon=":material/touch_app:")
        columns = st.columns(4)
        for number, topic in enumerate(choices.central):
            columns[number % 4].button(literal(topic), key=f"suggested_{number}", on_click=focus_on, args=(topic,),
                                       width="stretch")
        return
    render_card(card(loaded.graph, loaded.key, focus))


def render_card(topic: TopicCard) -> None:
    colour = _TYPE_COLOURS.get(topic.type, "gray")
    badges = [f":{colour}-badge[{literal(topic.type)}]"]
    if topic.category:
        badges.append(f":gray-badge[{literal(topic.category)}]")
    st.subheader(literal(topic.label), anchor=False)
    st.markdown(" ".join(badges) + (f" part of **{literal(topic.parent)}**" if topic.parent else ""))
    links, notes, predicates = st.columns(3)
    links.metric("Links", topic.links)
    notes.metric("Notes", len(topic.sources))
    predicates.metric("Relations", len(topic.groups))
    if topic.aliases:
        st.markdown("**Also called:** " + ", ".join(literal(alias) for alias in topic.aliases))
    if topic.definition:
        st.markdown("**Definition**")
        st.markdown(sentence_markdown(topic.defined_in or Sentence(topic.definition, "", "", 0)))
    if topic.groups:
        st.markdown("**Relations**")
        for number, group in enumerate(topic.groups):
            with st.expander(_group_heading(topic.label, group), expanded=number < _EXPANDED_GROUPS):
                for item in group.related:
                    st.markdown(_related_markdown(group, item))
                    for sentence in item.evidence:
                        st.markdown(sentence_markdown(sentence))
                    if item.count > len(item.evidence):
                        st.caption(f"…and {item.count - len(item.evidence)} more sentence(s)")
        st.selectbox("Go to a linked topic", topic.linked_topics, index=None, key="card_goto",
                     placeholder="Choose a topic on this card to focus it", on_change=_go_to_linked)
    else:
        st.caption("No relation: the notes name this topic but link it to nothing.")
    if topic.sources:
        st.markdown("**Sources:** " + ", ".join(literal(source) for source in topic.sources))


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
    kind = {"stated": "stated", "structural": "from the notes' structure", "cooccurrence": "co-occurrence"}
    sentences = f"{item.count} sentence{'s' if item.count != 1 else ''}"
    marker = " :red-badge[negated]" if group.negated else ""
    return f"**{literal(item.topic)}**{marker} :gray[· {kind.get(item.kind, literal(item.kind))} · {sentences}]"


def sentence_markdown(sentence: Sentence) -> str:
    """An evidence sentence as a quote, with its note, section and line."""
    place = " · ".join(part for part in (sentence.doc, sentence.section,
                                         f"line {sentence.line}" if sentence.line else "") if part)
    elsewhere = f" (and {sentence.elsewhere} other place{'s' if sentence.elsewhere > 1 else ''})" if sentence.elsewhere else ""
    quote = f"> “{literal(sentence.text)}”"
    return f"{quote}  \n> :gray[{literal(place)}{elsewhere}]" if place or elsewhere else quote
