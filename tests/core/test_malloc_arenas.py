"""The daemon caps glibc's malloc arenas before its threads start, unless the environment already does."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CHECK = "from signalwatch.runtime.app import limit_malloc_arenas; print(limit_malloc_arenas())"


def _run(env: dict[str, str]) -> str:
    return subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, check=True, timeout=60).stdout.strip()


GLIBC = sys.platform.startswith("linux") and "CS_GNU_LIBC_VERSION" in getattr(os, "confstr_names", {})


@pytest.mark.skipif(not GLIBC, reason="glibc only")
def test_the_cap_is_set_on_glibc_and_an_explicit_environment_wins() -> None:
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    assert _run(env) == "True"
    assert _run({**env, "MALLOC_ARENA_MAX": "4"}) == "False"  # the operator's own setting is left alone
