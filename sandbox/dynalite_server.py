"""dynalite (npm), a second DynamoDB emulator, on 127.0.0.1 at a port the system picks.

dynalite parses expressions with DynamoDB's grammar and answers with DynamoDB's validation messages
(reserved words, undefined and unused placeholders, redundant parentheses, operand types), where
moto is lenient; the tests run the product's DynamoDB calls against both. It keeps its tables in
memory and creates a table at once. ``make install`` brings it with the CDK CLI (package.json).
"""

from __future__ import annotations

import queue
import subprocess
import threading
from pathlib import Path
from typing import IO

ROOT = Path(__file__).parent.parent
NODE = ROOT / "node_modules" / ".bin" / "node"
START_TIMEOUT_SECONDS = 30
# One request at a time is what dynalite does anyway (a single Node.js event loop).
_SERVE = """
const dynalite = require('dynalite')
const server = dynalite({createTableMs: 0, deleteTableMs: 0, updateTableMs: 0})
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
"""


class DynaliteServer:
    """``start()`` runs dynalite until ``stop()`` (or until this process ends: it exits when its
    standard input closes)."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self.endpoint_url = ""

    def start(self) -> None:
        self._process = subprocess.Popen(
            [str(NODE), "-e", _SERVE],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self._process.stdout is not None
        port = _first_line(self._process.stdout, START_TIMEOUT_SECONDS)
        if not port.strip().isdigit():
            self.stop()
            raise RuntimeError(f"dynalite did not start (it said {port!r}); run `make install`")
        self.endpoint_url = f"http://127.0.0.1:{port.strip()}"

    def stop(self) -> None:
        if self._process is None:
            return
        assert self._process.stdin is not None
        self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
        self._process = None

    def __enter__(self) -> DynaliteServer:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def _first_line(stream: IO[str], timeout: float) -> str:
    """The first line of ``stream``, or "" after ``timeout`` seconds."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return ""
