"""Stage 5, assemble: every note's findings merged into one set of entities and triples."""
from .graph_data import COOCCURS, assemble_findings
from .naming import Names
from .termhood import is_specific

__all__ = ["assemble_findings", "Names", "is_specific", "COOCCURS"]
