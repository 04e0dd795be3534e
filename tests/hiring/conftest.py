"""Fixtures for the hiring tests: the fake board server and a loopback-friendly HTTP client."""

from hiring_boardserver import board_server, http  # noqa: F401 - pytest fixtures
