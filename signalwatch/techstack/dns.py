"""DNS evidence: a one-method resolver interface, the dnspython resolver, and SPF parsing.

    Resolver.resolve(name, rdtype) -> list[str]     MX: exchange host names; TXT: record texts
     ├── DnspythonResolver                          real lookups, with a total time limit
     └── (tests) a fake resolver or a local DNS server on 127.0.0.1

An empty answer (NXDOMAIN, no records) is an empty list; a lookup that could not be done
(timeout, SERVFAIL) raises DnsLookupError so the poll does not mistake it for "no records".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["DnsLookupError", "DnsRecords", "DnspythonResolver", "Resolver", "lookup_records", "spf_domains"]

MAX_RECORDS = 100  # a domain with more TXT or MX records than this is not telling us anything useful
_SPF_TERM = re.compile(r"^[+\-~?]?(include:|redirect=)(\S+)$", re.IGNORECASE)


class DnsLookupError(Exception):
    """A DNS lookup failed (timeout, server failure); distinct from an empty answer."""


class Resolver(Protocol):
    """Answers one DNS question; see the module docstring for the contract."""

    def resolve(self, name: str, rdtype: str) -> list[str]: ...


@dataclass(frozen=True)
class DnsRecords:
    """The records of one domain that tech-stack fingerprints read."""

    mx: tuple[str, ...] = ()
    txt: tuple[str, ...] = ()

    @property
    def spf(self) -> tuple[str, ...]:
        return spf_domains(self.txt)

    def values(self, kind: str) -> tuple[str, ...]:
        if kind == "mx":
            return self.mx
        if kind == "spf":
            return self.spf
        if kind == "txt":
            return self.txt
        raise ValueError(f"unknown DNS evidence kind {kind!r}")


def spf_domains(txt_records: Iterable[str]) -> tuple[str, ...]:
    """Domains named by include: and redirect= in the domain's SPF record(s), lower-case."""
    domains: list[str] = []
    for record in txt_records:
        terms = record.split()
        if not terms or terms[0].lower() != "v=spf1":
            continue
        for term in terms[1:]:
            match = _SPF_TERM.match(term)
            if match:
                domains.append(match.group(2).lower().rstrip("."))
    return tuple(dict.fromkeys(domains))


def _host(name: str) -> str:
    return name.lower().rstrip(".")


def lookup_records(resolver: Resolver, domain: str) -> DnsRecords:
    """MX and TXT records of `domain`; raises DnsLookupError when either lookup fails."""
    mx = sorted({_host(host) for host in resolver.resolve(domain, "MX")})[:MAX_RECORDS]
    txt = [text.strip() for text in resolver.resolve(domain, "TXT")][:MAX_RECORDS]
    return DnsRecords(mx=tuple(mx), txt=tuple(txt))


class DnspythonResolver:
    """Real lookups through dnspython; `timeout` bounds each question, retries included."""

    def __init__(self, timeout: float = 5.0, nameservers: Sequence[str] = (), port: int = 53) -> None:
        self._timeout = timeout
        self._nameservers = list(nameservers)
        self._port = port
        self._resolver: Any = None  # built on first use: reading /etc/resolv.conf is I/O

    def _client(self) -> Any:
        import dns.resolver

        if self._resolver is None:
            resolver = dns.resolver.Resolver(configure=not self._nameservers)
            if self._nameservers:
                resolver.nameservers = self._nameservers
                resolver.port = self._port
            resolver.lifetime = self._timeout
            resolver.timeout = min(self._timeout, 2.0)
            self._resolver = resolver
        return self._resolver

    def resolve(self, name: str, rdtype: str) -> list[str]:
        import dns.exception
        import dns.resolver

        try:
            answer = self._client().resolve(name, rdtype, raise_on_no_answer=False)
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return []
        except dns.exception.Timeout as exc:
            raise DnsLookupError(f"{rdtype} {name}: timed out") from exc
        except dns.exception.DNSException as exc:
            raise DnsLookupError(f"{rdtype} {name}: {type(exc).__name__}: {exc}") from exc
        if rdtype == "MX":
            return [rdata.exchange.to_text(omit_final_dot=True) for rdata in answer]
        if rdtype == "TXT":
            # A TXT record is a list of character-strings; SPF and tokens are their concatenation.
            return [b"".join(rdata.strings).decode("utf-8", "replace") for rdata in answer]
        return [rdata.to_text() for rdata in answer]
