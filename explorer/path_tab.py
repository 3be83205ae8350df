"""The Path tab: the best paths between two topics, drawn and explained hop by hop."""
from __future__ import annotations

import streamlit as st

from graph import Hop
from graph.cards import Sentence

from .markup import literal
from .products import GraphChoices, path_result
from .session import LoadedGraph
from .topic_tab import sentence_markdown
from .views import ViewSpec

__all__ = ["render_path"]

PATH_HEIGHT = 460


def _swap() -> None:
    state = st.session_state
    state["path_from"], state["path_to"] = state.get("path_to"), state.get("path_from")


def _start_from(topic: str) -> None:
    st.session_state["path_from"] = topic


def render_path(loaded: LoadedGraph, choices: GraphChoices, spec: ViewSpec, focus: str | None) -> None:
    """Two searchable pickers, then the paths between the topics they name."""
    start, swap, end, count = st.columns([5, 1, 5, 2], vertical_alignment="bottom")
    source = start.selectbox("From", choices.topics, index=None, key="path_from", bind="query-params",
                             placeholder="Type to find a topic")
    swap.button("⇄", key="path_swap", on_click=_swap, help="Swap the two topics", width="stretch")
    target = end.selectbox("To", choices.topics, index=None, key="path_to", bind="query-params",
                           placeholder="Type to find a topic")
    k = count.slider("Paths", 1, 5, 3, key="path_count", bind="query-params", help="How many of the best paths.")
    if source is None or target is None:
        st.info("Choose two topics to see how the notes connect them.", icon=":material/route:")
        if focus and source is None:
            st.button(f"Start from {literal(focus)}", key="path_from_focus", on_click=_start_from, args=(focus,))
        return
    if source == target:
        st.warning("Choose two different topics.")
        return
    result = path_result(loaded.graph, loaded.key, spec, source, target, k)
    if not result.paths:
        st.info(f"No path links **{literal(source)}** and **{literal(target)}** with the current filters. "
                "Co-occurrence edges (off by default) link many more topics: add them under “Edge kinds”.")
        return
    st.markdown(f"**{len(result.paths)}** best path{'s' if len(result.paths) > 1 else ''} from "
                f"**{literal(source)}** to **{literal(target)}** (stated links cost least, then structural, then "
                "co-occurrence). Heavy borders mark the best path.")
    st.iframe(result.html, height=PATH_HEIGHT, alt=f"Paths from {source} to {target}")
    for number, path in enumerate(result.paths, start=1):
        hops = len(path.hops)
        with st.container(border=True):
            st.markdown(f"**Path {number}** · {hops} hop{'s' if hops > 1 else ''} · cost {path.cost:g}")
            for step, hop in enumerate(path.hops, start=1):
                st.markdown(f"{step}\\. {_hop_markdown(hop)}")
                if hop.evidence:
                    citation = hop.evidence
                    st.markdown(sentence_markdown(Sentence(citation.sentence, citation.doc, citation.section,
                                                           citation.line)))


def _hop_markdown(hop: Hop) -> str:
    """One hop in path order; a hop walking an edge backwards shows the edge's real direction."""
    relation = ("not " if hop.negated else "") + hop.relation
    if hop.kind == "cooccurrence":
        link = ":gray[— named with —]"
    elif hop.forward:
        link = f"—*{literal(relation)}*→"
    else:
        link = f"←*{literal(relation)}*—"
    negated = " :red-badge[negated]" if hop.negated else ""
    return f"**{literal(hop.source)}** {link} **{literal(hop.target)}**{negated}"
