"""PostgreSQL for the tests: a fresh database per test on the server named by $SIGNALWATCH_TEST_POSTGRES
(`.ci/run` starts one); without it the PostgreSQL tests skip and say how to run them."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

PG_ENV = "SIGNALWATCH_TEST_POSTGRES"
SKIP_REASON = (
    f"PostgreSQL tests need a server: set {PG_ENV}=postgresql+psycopg://user@host:port/postgres "
    "(`.ci/run` starts one from the OS packages; `source .ci/postgres.sh && sw_pg_start` does it locally)"
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    admin_url = os.environ.get(PG_ENV, "").strip()
    if not admin_url:
        _skip_or_fail(SKIP_REASON)
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"sw_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as exc:
        admin.dispose()
        _skip_or_fail(f"{SKIP_REASON}; connecting failed: {exc.orig}")
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _skip_or_fail(reason: str) -> None:
    """Locally a missing server skips; in CI (CI=true) it fails, so PostgreSQL is always exercised there."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)
