"""Which pool a source request goes through: direct, or the proxy the environment names.

HTTP_PROXY, HTTPS_PROXY and ALL_PROXY name a proxy per scheme; a host NO_PROXY names (the
host itself or any name under it, as httpx matches `*host`; with its port when one is given)
goes direct, as does an address inside a network it names ("10.0.0.0/8", "::1", "fd00::/8",
as curl and requests read them: a self-hosted daemon's CRM or Slack proxy rules are often
written so), and NO_PROXY=* turns the proxies off. Each proxy is a `SourceTransport` of its
own, so a proxied request has the same timeouts, deadline and error mapping as a direct one.
"""

from __future__ import annotations

import ipaddress
import ssl
import urllib.request
from collections.abc import Iterable

import httpx

from signalwatch.http.transport import SourceTransport

__all__ = ["Routes", "environment_proxies"]


def environment_proxies() -> tuple[dict[str, str], list[str]]:
    """The proxies the environment names ({"http": url, "https": url}) and the NO_PROXY hosts."""
    found = urllib.request.getproxies()
    proxies = {scheme: found.get(scheme) or found["all"] for scheme in ("http", "https") if found.get(scheme) or found.get("all")}
    bypass = [host.strip() for host in found.get("no", "").split(",") if host.strip()]
    return proxies, bypass


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _bypass_rule(entry: str) -> tuple[str | Network, int | None] | None:
    """A NO_PROXY entry as (host or address network, port or None); None for an entry that is not a host."""
    try:
        return ipaddress.ip_network(entry.strip("[]"), strict=False), None  # "10.0.0.0/8", "::1", "[fd00::1]"
    except ValueError:
        pass
    try:
        parsed = httpx.URL(f"http://{entry.lstrip('.')}")
    except httpx.InvalidURL:
        return None
    return (parsed.host, parsed.port) if parsed.host else None


def _names(rule: str | Network, host: str) -> bool:
    """Whether a NO_PROXY rule's host or network covers `host` (a name or an address literal)."""
    if isinstance(rule, str):
        return host == rule or host.endswith(f".{rule}")
    try:
        return ipaddress.ip_address(host) in rule
    except ValueError:  # a name: networks cover addresses only
        return False


class Routes:
    """The direct pool, and a proxy's pool per scheme for the hosts NO_PROXY does not name."""

    def __init__(self, direct: SourceTransport, proxies: dict[str, SourceTransport] | None = None,
                 bypass: Iterable[str] = ()) -> None:
        self.direct = direct
        self._proxies = dict(proxies or {})
        self._bypass = [rule for rule in map(_bypass_rule, bypass) if rule is not None]

    @classmethod
    def from_environment(cls, direct: SourceTransport, ssl_context: ssl.SSLContext) -> Routes:
        proxies, bypass = environment_proxies()
        if "*" in bypass:
            proxies = {}
        return cls(direct, {scheme: SourceTransport(ssl_context, proxy=url) for scheme, url in proxies.items()}, bypass)

    @property
    def proxied(self) -> bool:
        """Whether any request may go through a proxy (which resolves the origin itself)."""
        return bool(self._proxies)

    def __call__(self, url: httpx.URL) -> SourceTransport:
        proxy = self._proxies.get(url.scheme)
        if proxy is None:
            return self.direct
        host, port = url.host, url.port
        for rule, only_port in self._bypass:
            if _names(rule, host) and only_port in (None, port):
                return self.direct
        return proxy

    def close(self) -> None:
        for transport in (self.direct, *self._proxies.values()):
            transport.close()
