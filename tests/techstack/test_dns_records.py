"""DNS evidence: SPF parsing, and the dnspython resolver against a real DNS server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import dns.flags
import dns.message
import dns.rcode
import dns.rrset
import pytest

from signalwatch.techstack.dns import DnsLookupError, DnspythonResolver, lookup_records, spf_domains

ZONE = {
    ("acme.example.", "MX"): ["10 aspmx.l.google.com.", "20 alt1.aspmx.l.google.com."],
    ("acme.example.", "TXT"): [
        '"v=spf1 include:_spf.google.com include:mktomail.com " "include:sendgrid.net ~all"',
        '"atlassian-domain-verification=Ab1Cd2Ef3Gh4"',
    ],
    ("nomail.example.", "TXT"): ['"google-site-verification=Xk2m9QpL"'],
}


def _serve(sock: socket.socket, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            wire, addr = sock.recvfrom(4096)
        except TimeoutError:
            continue  # wake up to notice `stop`
        except OSError:
            return
        query = dns.message.from_wire(wire)
        question = query.question[0]
        name, rdtype = question.name.to_text(), dns.rdatatype.to_text(question.rdtype)
        if name.startswith("slow."):
            continue  # never answer: the client must give up on its own
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        if name.startswith("broken."):
            response.set_rcode(dns.rcode.SERVFAIL)
        elif (name, rdtype) in ZONE:
            response.answer.append(dns.rrset.from_text(name, 300, "IN", rdtype, *ZONE[(name, rdtype)]))
        elif not any(key[0] == name for key in ZONE):
            response.set_rcode(dns.rcode.NXDOMAIN)
        sock.sendto(response.to_wire(), addr)


@pytest.fixture()
def dns_server() -> Iterator[int]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.05)
    stop = threading.Event()
    thread = threading.Thread(target=_serve, args=(sock, stop), daemon=True)
    thread.start()
    yield sock.getsockname()[1]
    stop.set()
    sock.close()
    thread.join(timeout=2)


def test_spf_includes_and_redirects() -> None:
    records = [
        "v=spf1 ip4:203.0.113.0/24 include:_spf.google.com ~include:Mktomail.com. -all",
        "v=spf1 redirect=_spf.parent.example",
        "google-site-verification=include:not-spf.example",
        "v=spf10 include:not-spf-either.example",
    ]
    assert spf_domains(records) == ("_spf.google.com", "mktomail.com", "_spf.parent.example")


def test_lookup_over_the_wire(dns_server: int) -> None:
    resolver = DnspythonResolver(timeout=2.0, nameservers=["127.0.0.1"], port=dns_server)
    records = lookup_records(resolver, "acme.example")
    assert records.mx == ("alt1.aspmx.l.google.com", "aspmx.l.google.com")
    # A TXT record of several character-strings is one record: SPF spans both halves here.
    assert records.spf == ("_spf.google.com", "mktomail.com", "sendgrid.net")
    assert "atlassian-domain-verification=Ab1Cd2Ef3Gh4" in records.txt


def test_missing_records_are_empty_not_errors(dns_server: int) -> None:
    resolver = DnspythonResolver(timeout=2.0, nameservers=["127.0.0.1"], port=dns_server)
    assert lookup_records(resolver, "nomail.example").mx == ()
    assert lookup_records(resolver, "nxdomain.example").txt == ()


def test_timeouts_and_server_failures_raise(dns_server: int) -> None:
    resolver = DnspythonResolver(timeout=0.5, nameservers=["127.0.0.1"], port=dns_server)
    with pytest.raises(DnsLookupError, match="timed out"):
        resolver.resolve("slow.example", "MX")
    with pytest.raises(DnsLookupError):
        resolver.resolve("broken.example", "TXT")
