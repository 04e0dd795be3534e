"""Local stand-ins for remote services (a fixture HTTP server, a fake Slack Web API).

They serve the demo and the tests on 127.0.0.1 and speak the real wire formats, so the
real clients (httpx, slack-sdk's WebClient) are exercised end to end.
"""
