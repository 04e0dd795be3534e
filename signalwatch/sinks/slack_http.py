"""slack-sdk's WebClient over kept-alive connections.

WebClient sends every call through urllib, which opens a new connection each time: to slack.com
a TCP and TLS handshake per alert. `KeepAliveWebClient` replaces only the sending of the built
request (`_perform_urllib_http_request_internal`) with an httpx connection pool, so slack-sdk
still builds the request and parses the answer, and it fails as urllib fails, so the sink reads
failures alike: `URLError` when the request never fully left (nothing reached Slack), a timeout
or a reset while waiting for the answer when Slack may have acted on it.
"""

from __future__ import annotations

import email.parser
import socket
import urllib.error
import urllib.request
from http.client import HTTPMessage
from io import BytesIO
from typing import Any

import httpx
from slack_sdk import WebClient

__all__ = ["KeepAliveWebClient"]

KEEPALIVE_SECONDS = 30.0  # an idle connection is closed before a server would drop it under us

# httpx failures before the request was fully sent: nothing reached Slack.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.WriteError, httpx.WriteTimeout,
             httpx.UnsupportedProtocol, httpx.LocalProtocolError, httpx.ProxyError)


class KeepAliveWebClient(WebClient):
    """A WebClient whose calls reuse connections (thread-safe, like httpx's pool)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        verify = self.ssl if self.ssl is not None else True
        # TCP_NODELAY, as urllib's http.client sets it: a request's body must not wait for the ACK of its headers.
        transport = httpx.HTTPTransport(verify=verify, proxy=self.proxy, socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
                                        limits=httpx.Limits(max_connections=8, max_keepalive_connections=4, keepalive_expiry=KEEPALIVE_SECONDS))
        self._http = httpx.Client(timeout=httpx.Timeout(float(self.timeout)), transport=transport)

    def _perform_urllib_http_request_internal(self, url: str, req: urllib.request.Request) -> dict[str, Any]:
        try:
            response = self._http.request(req.get_method(), url, content=req.data, headers=dict(req.header_items()))  # type: ignore[arg-type]
        except _NOT_SENT as exc:
            raise urllib.error.URLError(exc) from exc
        except httpx.TimeoutException as exc:  # sent, no answer in time
            raise TimeoutError(str(exc) or "timed out waiting for Slack's answer") from exc
        except httpx.HTTPError as exc:  # sent, then the connection failed before a whole answer came
            raise ConnectionResetError(f"{type(exc).__name__}: {exc}") from exc
        headers = _message(response.headers)
        if response.status_code >= 400:  # as urlopen does: slack-sdk reads status, headers and body from it
            raise urllib.error.HTTPError(url, response.status_code, response.reason_phrase, headers, BytesIO(response.content))
        if headers.get_content_type() == "application/gzip":
            return {"status": response.status_code, "headers": headers, "body": response.content}
        return {"status": response.status_code, "headers": headers,
                "body": response.content.decode(headers.get_content_charset() or "utf-8")}


def _message(headers: httpx.Headers) -> HTTPMessage:
    """Response headers as urllib hands them over."""
    text = "".join(f"{name}: {value}\r\n" for name, value in headers.multi_items())
    message: HTTPMessage = email.parser.Parser(_class=HTTPMessage).parsestr(text, headersonly=True)  # type: ignore[assignment]
    return message
