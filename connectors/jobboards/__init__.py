"""Hiring signals from public job boards: one module per provider plus the `jobboards` connector.

Accounts name their boards as "provider:id" (e.g. "greenhouse:acme", "lever-eu:acme");
providers: greenhouse, lever, lever-eu, ashby, workable, smartrecruiters, recruitee, personio.
"""

from signalwatch.connectors.jobboards.connector import JobBoardsConnector, JobBoardsOptions
from signalwatch.connectors.jobboards.registry import PROVIDERS

__all__ = ["JobBoardsConnector", "JobBoardsOptions", "PROVIDERS"]
