"""The widgets that choose the view: sidebar filters, the focus bar and search.

Every widget has a key; the view's widgets are bound to the URL's query parameters
(``bind="query-params"``), so a link reopens the same focus, depth, filters and path.
Callbacks change widget values through ``st.session_state`` (they run before the widgets).
"""
from __future__ import annotations

import streamlit as st

from graph import NODE_TYPES, SearchResult

from .markup import literal, shorten
from .products import GraphChoices
from .views import ViewSpec

__all__ = ["DIRECTION_LABELS", "KIND_LABELS", "apply_pending_state", "cleared_view", "display_options", "expand",
           "focus_bar", "focus_on", "forget_view", "map_options", "request_state", "reset_filters", "search_results",
           "show_in_url", "sidebar_filters"]

URL = "query-params"
KIND_LABELS = {"stated": "stated", "structural": "structural", "co-occurrence": "cooccurrence"}
DIRECTION_LABELS = {"both ways": "both", "outgoing": "out", "incoming": "in"}
FILTER_DEFAULTS = {"node_types": list(NODE_TYPES), "edge_kinds": ["stated", "structural"], "relations": [],
                   "sources": [], "min_evidence": 1, "negated": True, "orphans": False}
VIEW_KEYS = ("focus", "path_from", "path_to", "compare_first", "compare_second", "card_goto", "relations", "sources",
             "expanded")
_LIST_KEYS = ("relations", "sources", "expanded")


def reset_filters() -> None:
    """Callback: every sidebar filter back to its default."""
    for key, value in FILTER_DEFAULTS.items():
        st.session_state[key] = list(value) if isinstance(value, list) else value


def focus_on(topic: str | None) -> None:
    """Callback: focus ``topic`` (None clears the focus), close the search results and fold
    the topics expanded around the old focus."""
    st.session_state["focus"] = topic
    st.session_state["search"] = ""
    st.session_state["expanded"] = []


def expand(topic: str) -> None:
    """Callback: show the neighbours of ``topic`` too (once)."""
    expanded = list(st.session_state.get("expanded") or [])
    if topic not in expanded:
        st.session_state["expanded"] = expanded + [topic]


def show_in_url(**values: str | None) -> None:
    """Callback helper: write several view values (None removes one) into the URL at once.

    Each widget bound to the URL that a callback changes otherwise updates the address on
    its own, and the browser keeps one history entry per widget: Back would stop halfway
    (the focus changed, the tab not yet). Written beforehand, the widgets find the URL
    already right and add nothing, so Back undoes the whole change.
    """
    from streamlit.runtime.state.session_state_proxy import get_session_state

    try:
        with get_session_state().query_params() as params:
            for key, value in values.items():
                if value is None:
                    params.discard_param_no_forward_msg(key)
                else:
                    params.set_with_no_forward_msg(key, value)
            last, value = list(values.items())[-1]
            if value is None:
                params.remove_param(last)
            else:
                params.set_corrected_value(last, value, "string_value")  # sends the whole query string
    except (AttributeError, TypeError):  # another Streamlit: the widgets update the URL one by one
        pass


def request_state(**values) -> None:
    """Set widget values at the start of the next run (for code that runs after the widgets)."""
    st.session_state.setdefault("_pending", {}).update(values)


def apply_pending_state() -> None:
    """Apply :func:`request_state` values; call before any widget is drawn."""
    for key, value in st.session_state.pop("_pending", {}).items():
        st.session_state[key] = value


def cleared_view() -> dict:
    """Widget values that forget the topics and notes picked in another graph."""
    return {key: [] if key in _LIST_KEYS else None for key in VIEW_KEYS}


def forget_view() -> None:
    """Callback (another graph was chosen): topics and notes picked in the old one go."""
    st.session_state.update(cleared_view())


def sidebar_filters(choices: GraphChoices) -> ViewSpec:
    """The sidebar's filters as a :class:`ViewSpec` (no focus yet); empty pickers keep all."""
    bar = st.sidebar
    bar.subheader("Filters")
    types = bar.multiselect("Topic types", NODE_TYPES, default=list(NODE_TYPES), key="node_types", bind=URL,
                            placeholder="All types")
    kinds = bar.multiselect("Edge kinds", list(KIND_LABELS), default=FILTER_DEFAULTS["edge_kinds"], key="edge_kinds",
                            bind=URL, placeholder="All kinds",
                            help="Stated: a sentence says it. Structural: headings and lists. Co-occurrence: two "
                                 "topics named in one sentence (many, and weak: off by default).")
    relations = bar.multiselect("Relations", choices.relations, default=[], key="relations", bind=URL,
                                placeholder="All relations", help="Most frequent first; type to find one.")
    sources = bar.multiselect("Source notes", choices.notes, default=[], key="sources", bind=URL,
                              placeholder="All notes", help="Keep what these notes say.")
    min_evidence = bar.slider("Minimum evidence", 1, 10, 1, key="min_evidence", bind=URL,
                              help="Keep edges backed by at least this many sentences.")
    negated = bar.toggle("Negated edges (“X is not used for Y”)", True, key="negated", bind=URL)
    orphans = bar.toggle("Topics with no edge left", False, key="orphans", bind=URL)
    bar.button("Reset filters", key="reset_filters", on_click=reset_filters, icon=":material/filter_alt_off:")
    return ViewSpec(
        types=tuple(types) or None, relations=tuple(relations) or None,
        kinds=tuple(KIND_LABELS[label] for label in kinds) or tuple(KIND_LABELS.values()),
        notes=tuple(sources) or None, min_evidence=int(min_evidence), negated=bool(negated), orphans=bool(orphans),
    )


def display_options() -> tuple[str, int]:
    """How to draw: colour mode and the most topics drawn."""
    bar = st.sidebar
    bar.subheader("Display")
    color_by = bar.segmented_control("Colour by", ["type", "community"], default="type", key="color_by", bind=URL)
    max_nodes = bar.slider("Most topics drawn", 50, 1500, 300, step=50, key="max_nodes", bind=URL,
                           help="Larger views show their best-connected topics only.")
    return color_by or "type", int(max_nodes)


def map_options(choices: GraphChoices) -> tuple[tuple[str, ...], bool]:
    """The topics expanded on the map (double-click one to add it) and whether the layout the
    user arranged is kept ("Freeze layout")."""
    bar = st.sidebar
    expanded = bar.multiselect("Expanded topics", choices.topics, default=[], key="expanded", bind=URL,
                               placeholder="Double-click a topic on the map",
                               help="Their neighbours are shown too, whatever the focus and the number of topics drawn.")
    frozen = bar.toggle("Freeze layout", False, key="freeze_layout", bind=URL,
                        help="Keep the topics where you dragged them, in every view of this session.")
    return tuple(expanded), bool(frozen)


def focus_bar(choices: GraphChoices) -> tuple[str, str | None, int, str]:
    """The row above the tabs: search, focus topic, depth, direction and "clear focus"."""
    search, focus, depth, direction, clear = st.columns([5, 5, 2, 2.4, 1.6], vertical_alignment="bottom")
    query = search.text_input("Search", key="search",
                              placeholder="A name (typos are fine) or a question: how do I detect bias?",
                              icon=":material/search:")
    topic = focus.selectbox("Focus topic", choices.topics, index=None, key="focus", bind=URL,
                            placeholder="Whole graph: choose a topic to focus")
    steps = depth.slider("Depth", 1, 4, 1, key="depth", bind=URL, help="Steps from the focus topic.")
    way = direction.selectbox("Links", list(DIRECTION_LABELS), key="direction", bind=URL,
                              help="Outgoing: what the topic uses, states, is part of. Incoming: what uses it.")
    clear.button("Clear", key="clear_focus", on_click=focus_on, args=(None,), disabled=topic is None,
                 icon=":material/close:", width="stretch", help="Clear the focus: back to the whole graph")
    return query.strip(), topic, int(steps), DIRECTION_LABELS.get(way, "both")


def search_results(query: str, results: list[SearchResult] | None, problem: str = "") -> None:
    """The ranked results of ``query``; choosing one focuses it."""
    with st.container(border=True):
        if problem:
            st.warning(literal(problem))
            return
        if not results:
            st.markdown(f"Search: nothing matches {literal(repr(query))}: no name, alias or sentence of the notes "
                        "comes close. Check the spelling, or try other words.")
            return
        st.caption(f"{len(results)} best matches for “{literal(query)}”: choose one to focus it")
        for number, result in enumerate(results):
            pick, about = st.columns([2, 5], vertical_alignment="center")
            pick.button(literal(result.label), key=f"search_result_{number}", on_click=focus_on, args=(result.id,),
                        width="stretch", help=f"Focus {result.label}")
            about.markdown(_result_text(result))


def _result_text(result: SearchResult) -> str:
    kind = f":{'orange' if result.type == 'service' else 'blue'}-badge[{literal(result.type)}]"
    if result.match in ("name", "alias"):
        matched = "name" if result.match == "name" else f"alias “{literal(result.text)}”"
        return f"{kind} matched its {matched}"
    place = " · ".join(part for part in (result.doc, result.section.rpartition(" > ")[2]) if part)
    where = f" — :gray[{literal(place)}]" if place else ""
    more = f" :gray[(+{result.mentions - 1} more)]" if result.mentions > 1 else ""
    return f"{kind} “{literal(shorten(result.text, 120))}”{where}{more}"
