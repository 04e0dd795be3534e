"""Hiring signals from public job boards: one module per provider plus the `jobboards` connector.

Accounts name their boards as "provider:id" in the accounts CSV `boards` column (several
separated by ";"); providers: greenhouse, lever, lever-eu, ashby, workable, smartrecruiters,
recruitee, personio. `signalwatch accounts discover-boards` finds them from careers pages.
One source polls every account's boards::

    sources:
      - name: job-boards
        type: jobboards
        interval: 6h
        concurrency: 8        # boards in flight at once (the HTTP client still paces each host)
        threshold: 5          # hiring/surge: >= 5 new roles of one function ...
        window: 30d           # ... within 30 days
        growth: 0.5           # or open roles +50% (with at least `min_new` new ones)
        providers: [greenhouse, lever, lever-eu, ashby, workable, smartrecruiters, recruitee, personio]

Events: `hiring/posted` (a new role), `hiring/closed` (missing on two consecutive polls),
`hiring/surge` (once per surge). The first poll of a board only records its baseline.
"""

from signalwatch.connectors.jobboards.connector import (
    JobBoardsConnector,
    JobBoardsOptions,
)
from signalwatch.connectors.jobboards.registry import PROVIDERS

__all__ = ["JobBoardsConnector", "JobBoardsOptions", "PROVIDERS"]
