"""The "Your notes" tab: upload notes, build their graph with a progress bar, explore it.

The graph built from uploads lives in this session's workspace folder, which the URL names
(``?workspace=...``): a reload, or the link opened elsewhere, reopens it while the workspace
lives (a day after its last change).
"""
from __future__ import annotations

import streamlit as st

from graph import GraphFileError

from .controls import cleared_view, forget_view, request_state
from .markup import literal
from .session import (
    SESSION_LIFETIME_SECONDS,
    BuildReport,
    adopt_workspace,
    build_with_progress,
    forget_uploads,
    load_build_report,
    save_build_report,
    save_session_uploads,
    session_folder,
)
from .settings import Settings

__all__ = ["SHIPPED", "WORKSPACE_PARAM", "YOURS", "render_notes", "restore_uploads", "user_graph_path"]

SHIPPED, YOURS = "Shipped notes", "Your notes"
MODES = ("With the shipped notes", "On their own")
WORKSPACE_PARAM = "workspace"


def restore_uploads(settings: Settings) -> None:
    """Reopen the graph of the workspace the URL names, unless this session has it already;
    a workspace that is gone is dropped from the URL with a word about it."""
    ident = st.query_params.get(WORKSPACE_PARAM)
    if ident is None or (user_graph_path(settings) and ident == st.session_state.get("_workspace_id")):
        return
    graph = adopt_workspace(settings, ident)
    if graph is None:
        del st.query_params[WORKSPACE_PARAM]
        st.toast("The notes this link named are gone (uploaded notes are kept for a day). Upload them again in "
                 "“Your notes”.", icon=":material/history:")
        return
    st.session_state["_user_graph"] = str(graph)
    st.session_state["_build_report"] = load_build_report(graph.parent)


def user_graph_path(settings: Settings) -> str | None:
    """The graph this session built from uploads, if any."""
    return st.session_state.get("_user_graph")


def render_notes(settings: Settings) -> None:
    st.markdown("Upload your own notes (markdown, plain text from a PDF, or a flashcard export) and explore them "
                "on their own or together with the shipped notes. They stay in this session's folder on this "
                "machine.")
    files = st.file_uploader(
        "Notes", type=["md", "markdown", "txt"], accept_multiple_files=True, key="uploads",
        help=f"Up to {settings.max_files} files of at most {settings.max_bytes / 1e6:g} MB each.")
    mode = st.radio("Build", MODES, key="build_mode", horizontal=True)
    if st.button("Build the graph", key="rebuild", type="primary", disabled=not files, icon=":material/build:"):
        _build(files, settings, with_shipped=mode == MODES[0])
    report: BuildReport | None = st.session_state.get("_build_report")
    if report is not None:
        _show_report(report)
    if user_graph_path(settings):
        st.caption(f"The address names your workspace: reload the page or open the link again within "
                   f"{SESSION_LIFETIME_SECONDS // 3600} hours of the last build to come back to your notes. "
                   "Anyone with the link can open them.")
        st.button("Remove my notes", key="forget_notes", on_click=_forget, args=(settings,),
                  icon=":material/delete:", help="Delete the uploaded notes and their graph; back to the shipped notes.")


def _build(files, settings: Settings, *, with_shipped: bool) -> None:
    from extract import ModelNotInstalled, NoteError, VocabularyError

    taken = [path.name for path in settings.notes_dir.rglob("*") if path.is_file()] if with_shipped else []
    folder, refused = save_session_uploads(files, settings, taken=taken)
    saved = sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []
    if not saved:
        st.error("None of these files can be used:\n\n" + "\n".join(f"- {literal(message)}" for message in refused))
        return
    out = session_folder(settings) / "graph.json"
    try:
        report = build_with_progress([settings.notes_dir, folder] if with_shipped else [folder], out)
    except (NoteError, VocabularyError, ModelNotInstalled, GraphFileError, OSError) as error:
        st.error(f"The graph could not be built: {literal(error)}")
        return
    report = BuildReport(report.notes, tuple(refused) + report.problems, report.topics, report.edges)
    save_build_report(report, out.parent)
    st.session_state["_user_graph"] = str(out)
    st.session_state["_build_report"] = report
    st.query_params[WORKSPACE_PARAM] = out.parent.name
    request_state(graph_source=YOURS, **cleared_view())
    st.rerun()


def _show_report(report: BuildReport) -> None:
    if report.topics:
        st.success(f"Built a graph of **{report.topics:,}** topics and **{report.edges:,}** edges from "
                   f"{len(report.notes)} note(s). It is now the graph you explore (see “Graph” in the sidebar).")
    else:
        st.warning("The notes were read, but no topic was found in them.")
    for problem in report.problems:
        st.warning(literal(problem), icon=":material/description:")


def _forget(settings: Settings) -> None:
    forget_uploads(settings)
    for key in ("_user_graph", "_build_report"):
        st.session_state.pop(key, None)
    st.session_state["graph_source"] = SHIPPED
    st.query_params.pop(WORKSPACE_PARAM, None)
    forget_view()
