"""The app served by ``streamlit run`` on a free localhost port, and Debian's Chromium with
every request that leaves localhost blocked. Used by the browser tests and the benchmark.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

REPOSITORY = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def shipped_graph() -> Path:
    """The graph of the shipped notes, built first when build/graph.json is missing or unreadable."""
    from graph import GraphFileError, load_graph

    path = REPOSITORY / "build" / "graph.json"
    try:
        load_graph(path)
    except GraphFileError:
        subprocess.run([sys.executable, "-m", "graph", "build", "content/notes", "--out", str(path), "--quiet"],
                       cwd=REPOSITORY, check=True)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path
    ready_at: float  # time.perf_counter() when the health check first answered


@contextmanager
def serve_app(environment: dict[str, str], log: Path, *, timeout: float = 60) -> Iterator[Server]:
    """Run ``streamlit run app.py`` with the RECIPES flags until the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(REPOSITORY / "app.py"), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=REPOSITORY, env={**os.environ, **environment}, stdout=output,
                                   stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                    if answer.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.05)
        yield Server(url, process, log, time.perf_counter())
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Traffic:
    """Every request a browser context made, and those that were blocked for leaving localhost."""

    hosts: set[str] = field(default_factory=set)
    blocked: list[str] = field(default_factory=list)


def keep_local(context) -> Traffic:
    """Block (and record) every request of ``context`` whose host is not localhost."""
    traffic = Traffic()

    def route(request_route) -> None:
        url = request_route.request.url
        host = urlparse(url).hostname
        if url.startswith(("http:", "https:", "ws:", "wss:")) and host not in LOCAL_HOSTS:
            traffic.blocked.append(url)
            request_route.abort()
        else:
            request_route.continue_()

    context.route("**/*", route)
    context.on("request", lambda request: traffic.hosts.add(urlparse(request.url).hostname or request.url[:10]))
    return traffic
