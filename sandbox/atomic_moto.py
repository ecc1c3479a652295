"""moto's server, answering one request at a time: DynamoDB makes each request atomic, moto alone does not.

Threads of a concurrency test (or of the sandbox) then race exactly as they would against AWS: each
request is applied whole, and their interleaving is between requests.
"""

from __future__ import annotations

import threading
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from moto.server import ThreadedMotoServer
from werkzeug.serving import make_server


class _QuietKeptAlive(MotoRequestHandler):
    """moto's request handler, keeping each client's connection open between requests (HTTP/1.1, as
    AWS's endpoints do: a client does not connect again for every request) and logging no line per
    request."""

    protocol_version = "HTTP/1.1"

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class AtomicMotoServer(ThreadedMotoServer):
    """A ThreadedMotoServer on 127.0.0.1 whose requests are served one after another; ``served``
    counts them by operation (``X-Amz-Target``, e.g. ``DynamoDB_20120810.UpdateItem``)."""

    def __init__(self) -> None:
        super().__init__(ip_address="127.0.0.1", port=0, verbose=False)
        self.served: Counter[str] = Counter()

    def _server_entry(self) -> None:
        app = DomainDispatcherApplication(create_backend_app)
        lock = threading.Lock()

        def atomic(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            with lock:
                self.served[environ.get("HTTP_X_AMZ_TARGET", environ.get("PATH_INFO", ""))] += 1
                return list(app(environ, start_response))

        self._server = make_server(
            self._ip_address, self._port, atomic, True, request_handler=_QuietKeptAlive
        )
        self._server_ready_event.set()
        self._server.serve_forever()

    def stop(self) -> None:
        """Stop serving and forget every resource: moto's backends outlive a server in the process."""
        urllib.request.urlopen(urllib.request.Request(f"{self.endpoint_url}/moto-api/reset", method="POST"))
        super().stop()

    @property
    def endpoint_url(self) -> str:
        host, port = self.get_host_and_port()
        return f"http://{host}:{port}"
