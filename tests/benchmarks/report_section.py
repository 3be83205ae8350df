"""Write one benchmark's report as its own section of BENCHMARKS.md, leaving the others as they are.

Not collected by pytest. A section runs from its ``# Title`` line to the next line starting
with ``# `` (or the end of the file); a section not there yet is added at the end.
"""
from __future__ import annotations

import sys
from pathlib import Path


def write_section(path: Path, title: str, body: str) -> None:
    """Put ``# title`` and ``body`` in place of the file's section of that title."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    heading = f"# {title}"
    section = [heading, "", *body.rstrip("\n").splitlines(), ""]
    if heading in lines:
        start = lines.index(heading)
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("# ")), len(lines))
        lines[start:end] = section
    else:
        lines += ([""] if lines and lines[-1] else []) + section
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")


def write_report(path: Path, title: str, make_target: str, script: str, note: str, text: str) -> None:
    """Write a benchmark's ``text`` as section ``title``, after how to run it again (``make
    make_target`` or ``script`` with this run's arguments) and ``note`` on how to read it."""
    command = f"make {make_target}  # or: .venv/bin/python tests/benchmarks/{script} " + " ".join(sys.argv[1:])
    write_section(Path(path), title, f"Reproduce with `{command.strip()}`\n({note}).\n\n{text}\n")

