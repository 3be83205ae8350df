"""The Path tab: how two topics are linked, what the notes say about both first, then the best
paths drawn (on the same map as the Network tab, its legend beside the drawing) and explained
step by step; when only broad topics link them, it says so."""
from __future__ import annotations

from functools import partial

import streamlit as st

from graph import Connection, Hop, describe_path, loose_reason
from graph.cards import Sentence

from .markup import literal
from .network_map import draw_map
from .network_tab import open_clicked
from .products import GraphChoices, PathResult, path_result
from .session import LoadedGraph
from .topic_tab import sentence_markdown
from .views import ViewSpec

__all__ = ["render_path"]

PATH_HEIGHT = 460
PATH_MAP_KEY = "path_map"
DIRECT_SHOWN = 3
SHARED_SHOWN = 10


def _ignore() -> None:
    """Callback for what the path map sends but the Path tab has no use for."""


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
    found = result.connection
    if not found.paths:
        st.info(f"No path links **{literal(source)}** and **{literal(target)}** with the current filters. "
                "Co-occurrence edges (off by default) link many more topics: add them under “Edge kinds”.")
        _render_direct(found)
        return
    _render_direct(found)
    _render_shared(found)
    if found.loose:
        st.warning(literal(loose_reason(found)), icon=":material/hub:")
        closest = len(found.paths)
        with st.expander(f"Show the closest path{'s' if closest > 1 else ''} anyway"):
            _render_paths(result, source, target)
    else:
        _render_paths(result, source, target)


def _render_direct(found: Connection) -> None:
    """What the notes say about both topics at once, strongest first, with the sentence."""
    if not found.direct:
        return
    st.markdown("**Said directly**")
    for hop in found.direct[:DIRECT_SHOWN]:
        st.markdown(_hop_markdown(hop))
        _render_evidence(hop)


def _render_shared(found: Connection) -> None:
    """The topics both link to, specific ones first; broad ones are marked."""
    if not found.shared:
        return
    names = [literal(name) + (" :gray[(broad topic)]" if name in found.broad else "")
             for name in found.shared[:SHARED_SHOWN]]
    more = f" and {len(found.shared) - SHARED_SHOWN} more" if len(found.shared) > SHARED_SHOWN else ""
    st.markdown(f"**Both link to:** {', '.join(names)}{more}")


def _render_paths(result: PathResult, source: str, target: str) -> None:
    paths = result.connection.paths
    st.markdown(f"**{len(paths)}** best path{'s' if len(paths) > 1 else ''} from **{literal(source)}** to "
                f"**{literal(target)}**: links the notes state come first, broad topics last. "
                "Heavy borders mark the best path.")
    draw_map(result.data, height=PATH_HEIGHT, frozen=False, arranged=False, key=PATH_MAP_KEY,
             on_focus=partial(open_clicked, PATH_MAP_KEY), on_expand=_ignore, on_positions=_ignore)
    st.caption("Click a topic to open its card, click an edge for its sentences.")
    for number, path in enumerate(paths, start=1):
        with st.container(border=True):
            st.markdown(f"**Path {number}** · {literal(describe_path(path))}")
            for step, hop in enumerate(path.hops, start=1):
                st.markdown(f"{step}\\. {_hop_markdown(hop)}")
                _render_evidence(hop)


def _render_evidence(hop: Hop) -> None:
    if hop.evidence:
        citation = hop.evidence
        st.markdown(sentence_markdown(Sentence(citation.sentence, citation.doc, citation.section, citation.line)))


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
