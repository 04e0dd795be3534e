"""Feed items with a very long link and with bidi controls, through `signalwatch run --once` to the
fake Slack Web API: each message's markup arrives whole, an over-long link as its label only."""

from __future__ import annotations

import json
import re

from signalwatch.alerts.render import URL_LIMIT
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from tests.conftest import Workspace, feed_bytes
from tests.e2e.test_run_once import header

ACME_LINK = b"https://press.example/2026/11/20/acme-robotics-series-b/"
VANDELAY_LINK = b"https://press.example/2026/11/19/vandelay-seed/"
BIDI = "\u202e\u2066\u200b\u200f\u2069\ufeff"


def test_long_links_and_bidi_controls_from_a_feed_arrive_safe(workspace: Workspace, feeds: FixtureServer) -> None:
    too_long = ACME_LINK + b"?ref=" + b"q" * (URL_LIMIT + 1500)  # longer than a section: it used to be cut mid-link
    long_ok = VANDELAY_LINK + b"?ref=" + b"v" * (URL_LIMIT - 200)
    bidi_refs = "".join(f"&#x{ord(c):x};" for c in BIDI).encode()
    feed = (feed_bytes("funding-rss2.xml").replace(ACME_LINK, too_long).replace(VANDELAY_LINK, long_ok)
            .replace(b"Vandelay Imports secures", b"Vandelay Imports" + bidi_refs + b" secures"))
    feeds.route("funding.xml", Reply(feed))
    workspace.write_config([{"name": "funding-news", "type": "rss", "url": feeds.url("funding.xml")}])
    result = workspace.cli("run", "--once")
    assert result.returncode == 0, result.stderr

    messages = {header(m).split(" · ")[2]: m for m in workspace.slack.messages}
    assert set(messages) == {"Acme Robotics", "Vandelay Imports"}
    for message in messages.values():
        sent = message["text"] + json.dumps(message["blocks"], ensure_ascii=False)
        assert not set(sent) & set(BIDI)
        for text in [message["text"], *re.findall(r'"text": "((?:[^"\\]|\\.)*)"', json.dumps(message["blocks"]))]:
            bare = re.sub(r"^>", "", re.sub(r"<[^<>]*>", "", text.replace("\\n", "\n")), flags=re.M)
            assert "<" not in bare and ">" not in bare, text[-120:]
    acme = messages["Acme Robotics"]["text"] + json.dumps(messages["Acme Robotics"]["blocks"])
    assert "qqqqqqqqqq" not in acme and "Acme Robotics raises $45M Series B" in acme  # label only
    vandelay = messages["Vandelay Imports"]["blocks"][1]["text"]["text"]
    assert f"<{long_ok.decode()}|Vandelay Imports secures" in vandelay  # a long link that fits stays whole
