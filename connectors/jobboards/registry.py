"""The job-board providers the `jobboards` connector knows, by the name accounts use."""

from __future__ import annotations

from signalwatch.connectors.jobboards import (
    ashby,
    greenhouse,
    lever,
    personio,
    recruitee,
    smartrecruiters,
    workable,
)
from signalwatch.connectors.jobboards.model import Provider

__all__ = ["PROVIDERS"]

PROVIDERS: dict[str, Provider] = {
    provider.name: provider
    for provider in (
        greenhouse.PROVIDER, lever.PROVIDER, lever.PROVIDER_EU, ashby.PROVIDER, workable.PROVIDER,
        smartrecruiters.PROVIDER, recruitee.PROVIDER, personio.PROVIDER,
    )
}
