"""The live server of the page benches: `duiding runserver` on a free loopback port in a child
process (no autoreload, static files served), shared by bench/area_page.py and
bench/outcome_page.py."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start_server() -> tuple[subprocess.Popen, str]:
    """`duiding runserver` on a free port in a child process; (process, base url)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    command = [sys.executable, "-m", "duiding", "runserver", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, "--noreload", "--insecure"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _attempt in range(300):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server, f"http://127.0.0.1:{port}"
        time.sleep(0.1)
    server.terminate()
    raise RuntimeError("the live server did not start")
