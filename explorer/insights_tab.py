"""The Insights tab: central topics, named communities, per-note statistics, two topics compared."""
from __future__ import annotations

import streamlit as st

from graph import Link, NodeNotFound
from graph.terminal import percent

from .markup import literal
from .products import GraphChoices, comparison, insights
from .session import LoadedGraph
from .views import ViewSpec

__all__ = ["LINKED_COLUMN", "SHARE_COLUMN", "render_insights"]

LINKED_COLUMN = "Linked topics (filtered)"
SHARE_COLUMN = {"degree": "Linked to (share of topics)", "betweenness": "On shortest paths (share)"}


def render_insights(loaded: LoadedGraph, choices: GraphChoices, spec: ViewSpec) -> None:
    """Figures of the filtered graph (the focus does not apply here)."""
    measure = st.segmented_control("Centrality", ["degree", "betweenness"], default="degree",
                                   key="centrality_measure",
                                   help="Degree: how many topics it links to. Betweenness: how many shortest "
                                        "paths run through it.") or "degree"
    found = insights(loaded.graph, loaded.key, spec, measure)
    summary = found.summary
    for column, (label, value) in zip(st.columns(5), [("Topics", summary["nodes"]), ("Edges", summary["edges"]),
                                                      ("Notes", summary["notes"]),
                                                      ("Communities", len(summary["communities"])),
                                                      ("Negated edges", summary["negated"])]):
        column.metric(label, f"{value:,}")

    st.subheader("Most central", anchor=False)
    st.caption("With the sidebar filters (co-occurrence is off by default). Linked topics count each topic once, "
               "whatever the edges' kinds and directions, as a topic card does; the card counts the whole graph "
               "and says how many of them the filters keep.")
    services, concepts = st.columns(2)
    for column, title, rows in ((services, "Services", found.services), (concepts, "Concepts", found.concepts)):
        column.markdown(f"**{title}**")
        column.dataframe([{"Rank": rank, "Topic": topic, LINKED_COLUMN: links, SHARE_COLUMN[measure]: percent(score)}
                          for rank, (topic, score, links) in enumerate(rows, start=1)],
                         hide_index=True, width="stretch")

    st.subheader("Communities", anchor=False)
    st.caption("Groups of closely linked topics, named after their best-connected members.")
    st.dataframe([{"Cluster": " · ".join(group["leaders"][:2]), "Topics": group["size"],
                   "Leading topics": ", ".join(group["leaders"])} for group in summary["communities"][:20]],
                 hide_index=True, width="stretch")

    st.subheader("Notes", anchor=False)
    st.dataframe([{"Note": note.note, "Topics": note.topics, "Services": note.services, "Concepts": note.concepts,
                   "Stated edges": note.edges.get("stated", 0), "Structural": note.edges.get("structural", 0),
                   "Co-occurrence": note.edges.get("cooccurrence", 0), "Negated": note.negated,
                   "Sentences": note.sentences, "Sections": note.sections, "Only here": len(note.only_here),
                   "Top topics": ", ".join(note.top_topics)} for note in found.notes],
                 hide_index=True, width="stretch")

    render_comparison(loaded, choices)


def render_comparison(loaded: LoadedGraph, choices: GraphChoices) -> None:
    st.subheader("Compare two topics", anchor=False)
    left, right = st.columns(2)
    first = left.selectbox("First topic", choices.topics, index=None, key="compare_first",
                           placeholder="Type to find a topic")
    second = right.selectbox("Second topic", choices.topics, index=None, key="compare_second",
                             placeholder="Type to find a topic")
    if first is None or second is None:
        st.caption("Choose two topics to see what they share and what sets them apart.")
        return
    try:
        compared = comparison(loaded.graph, loaded.key, first, second)
    except (ValueError, NodeNotFound) as error:
        st.warning(literal(error))
        return
    st.markdown(f"Similarity **{compared.similarity:.0%}** (shared linked topics out of all their linked topics) · "
                f"{len(compared.shared_neighbours)} shared topic(s) · "
                f"shared relations: {', '.join(map(literal, compared.shared_relations)) or 'none'}")
    if compared.direct:
        st.markdown("**Directly linked:** " + "; ".join(_link(link) for link in compared.direct))
    if compared.shared_neighbours:
        st.markdown("**Both link to:** " + ", ".join(map(literal, compared.shared_neighbours)))
    for column, name, links in ((left, compared.first, compared.relations_only_first),
                                (right, compared.second, compared.relations_only_second)):
        column.markdown(f"**Only {literal(name)}**")
        column.markdown("\n".join(f"- {_link(link)}" for link in links[:25]) or "Nothing of its own.")
        if len(links) > 25:
            column.caption(f"…and {len(links) - 25} more")


def _link(link: Link) -> str:
    relation = ("not " if link.negated else "") + link.relation
    return f"{literal(link.source)} *{literal(relation)}* {literal(link.target)}"
