"""The poll-to-poll diff: baseline silence, adoption, and drops only after two misses."""

from __future__ import annotations

from signalwatch.techstack.diff import diff_stack
from signalwatch.techstack.engine import Detection, Evidence

WEB = {"web", "dns"}


def found(tech: str, kind: str = "script", detail: str = "https://cdn.example/x.js", confidence: float = 0.95) -> Detection:
    return Detection(tech, confidence, (Evidence(kind, detail),))


def poll(state, detections, checked=WEB, domain="acme.com"):
    changes, state = diff_stack(state, domain, {d.tech: d for d in detections}, checked)
    return [(c.change, c.tech) for c in changes], state, changes


def test_first_poll_is_a_baseline() -> None:
    changes, state, _ = poll(None, [found("hubspot"), found("google_workspace", "mx", "aspmx.l.google.com")])
    assert changes == []
    assert sorted(state["present"]) == ["google_workspace", "hubspot"]
    assert state["baselined"] == ["dns", "web"]


def test_new_technology_is_adopted_with_its_evidence() -> None:
    _, state, _ = poll(None, [found("hubspot")])
    changes, state, raw = poll(state, [found("hubspot"), found("marketo", detail="//munchkin.marketo.net/munchkin.js")])
    assert changes == [("adopted", "marketo")]
    assert raw[0].evidence == (Evidence("script", "//munchkin.marketo.net/munchkin.js"),)
    assert raw[0].generation == 1


def test_dropped_only_after_two_consecutive_misses() -> None:
    _, state, _ = poll(None, [found("hubspot"), found("marketo")])
    changes, state, _ = poll(state, [found("hubspot")])
    assert changes == []  # one miss: a flaky page or an A/B test, not a drop
    assert state["present"]["marketo"]["misses"] == 1
    changes, state, raw = poll(state, [found("hubspot")])
    assert changes == [("dropped", "marketo")]
    assert raw[0].evidence == (Evidence("script", "https://cdn.example/x.js"),)
    assert "marketo" not in state["present"]


def test_a_sighting_between_misses_resets_the_count() -> None:
    _, state, _ = poll(None, [found("marketo")])
    _, state, _ = poll(state, [])
    _, state, _ = poll(state, [found("marketo")])
    changes, state, _ = poll(state, [])
    assert changes == [] and state["present"]["marketo"]["misses"] == 1


def test_unreachable_source_is_not_a_miss() -> None:
    _, state, _ = poll(None, [found("hubspot"), found("mimecast", "mx", "us-smtp-inbound-1.mimecast.com")])
    for _ in range(3):  # the homepage keeps timing out; DNS still answers
        changes, state, _ = poll(state, [found("mimecast", "mx", "us-smtp-inbound-1.mimecast.com")], checked={"dns"})
        assert changes == []
    assert state["present"]["hubspot"]["misses"] == 0


def test_first_look_at_a_source_is_also_a_baseline() -> None:
    _, state, _ = poll(None, [found("mimecast", "mx", "x.mimecast.com")], checked={"dns"})
    changes, state, _ = poll(state, [found("mimecast", "mx", "x.mimecast.com"), found("hubspot")])
    assert changes == []  # the website was never seen before: its stack is a baseline too
    changes, _, _ = poll(state, [found("mimecast", "mx", "x.mimecast.com"), found("hubspot"), found("drift")])
    assert changes == [("adopted", "drift")]


def test_readoption_gets_a_new_generation_for_a_new_dedupe_key() -> None:
    _, state, _ = poll(None, [found("drift")])
    _, state, _ = poll(state, [])
    _, state, _ = poll(state, [])
    changes, state, raw = poll(state, [found("drift")])
    assert changes == [("adopted", "drift")] and raw[0].generation == 2


def test_domain_change_starts_a_new_baseline() -> None:
    _, state, _ = poll(None, [found("hubspot")])
    changes, state, _ = poll(state, [found("marketo")], domain="acme.io")
    assert changes == [] and list(state["present"]) == ["marketo"]


def test_dns_only_drop_keeps_the_lower_confidence() -> None:
    _, state, _ = poll(None, [found("marketo", "spf", "mktomail.com", confidence=0.6)])
    _, state, _ = poll(state, [])
    changes, state, raw = poll(state, [])
    assert changes == [("dropped", "marketo")]
    assert raw[0].confidence == 0.6 and raw[0].evidence == (Evidence("spf", "mktomail.com"),)
    changes, _, _ = poll(state, [])
    assert changes == []  # dropped once, not again on every later poll
