"""Core commands: init, run, demo, status, accounts, events, rules."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Placeholder until the core commands land in the next commits."""
