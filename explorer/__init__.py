"""The Streamlit explorer's pieces: the widgets and tabs ``app.py`` lays out.

Modules that import Streamlit: ``session`` (cached pipeline and graphs, builds),
``products`` (cached results of ``graph``), ``controls`` (filters, focus, search),
``network_map`` (the map component: vis-network in the page, its clicks sent back; script and
style in ``assets/``) and one module per tab. Plain modules with no Streamlit: ``settings``,
``views``, ``cards``, ``markup``.
"""
