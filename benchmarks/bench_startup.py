"""CLI start-up time: `signalwatch --help` and `signalwatch rules check` on the starter rules.

Each command runs in a fresh process several times; the median wall time is printed beside two
references measured in the same run: `python -c pass` (the interpreter alone) and
`python -c "import httpx"` (one mid-sized library). The CPU time (user + system) of the median
run is printed too: other processes on a shared machine stretch wall time, hardly CPU time. Usage:

    python benchmarks/bench_startup.py             # 7 runs per command
    python benchmarks/bench_startup.py --runs 15

Targets (issue "Fast where users feel it"): --help <= 0.4 s, rules check <= 1.0 s, judged in the
environment as it is. When that environment sets PYTHONDONTWRITEBYTECODE (so our own modules are
compiled from source on every start), the commands are also timed with a bytecode cache in a
temporary folder, as an installed wheel has one.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"signalwatch --help": 0.4, "signalwatch rules check": 1.0}


def _signalwatch() -> list[str]:
    """The installed console script beside this interpreter, else `python -m signalwatch`."""
    script = Path(sys.executable).with_name("signalwatch")
    return [str(script)] if script.exists() else [sys.executable, "-m", "signalwatch"]


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(argv: list[str], cwd: Path, runs: int, env: dict[str, str] | None = None) -> tuple[float, float, float, float]:
    """Median, min and max wall seconds of `runs` fresh processes, and the median's CPU seconds."""
    subprocess.run(argv, cwd=cwd, capture_output=True, check=False, env=env)  # warm the file (and bytecode) cache once
    samples = []
    for _ in range(runs):
        cpu, start = _cpu_seconds(), time.perf_counter()
        result = subprocess.run(argv, cwd=cwd, capture_output=True, check=False, env=env)
        samples.append((time.perf_counter() - start, _cpu_seconds() - cpu))
        if result.returncode not in (0, 3):
            raise SystemExit(f"{' '.join(argv)} exited {result.returncode}:\n{result.stderr.decode(errors='replace')}")
    samples.sort()
    walls = [wall for wall, _ in samples]
    return statistics.median(walls), walls[0], walls[-1], samples[len(samples) // 2][1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per command (default 7)")
    args = parser.parse_args()
    signalwatch = _signalwatch()
    work = Path(tempfile.mkdtemp(prefix="sw-startup-"))
    try:
        env = {k: v for k, v in os.environ.items() if k != "SIGNALWATCH_CONFIG"}  # the starter config in `work`
        subprocess.run([*signalwatch, "init", str(work)], check=True, capture_output=True, env=env)
        cases: list[tuple[str, list[str], dict[str, str], bool]] = [
            ("python -c pass", [sys.executable, "-c", "pass"], env, False),
            ('python -c "import httpx"', [sys.executable, "-c", "import httpx"], env, False),
            ("signalwatch --help", [*signalwatch, "--help"], env, True),
            ("signalwatch rules check", [*signalwatch, "rules", "check"], env, True),
        ]
        if env.get("PYTHONDONTWRITEBYTECODE"):
            cached = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
            cached["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
            cases += [(f"{label} (.pyc cached)", argv, cached, False) for label, argv, _, judged in cases if judged]
        print(f"CLI start-up, median of {args.runs} runs ({os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.2f} at the start, {' '.join(signalwatch)}):")
        print(f"  {'command':<40} {'median':>8} {'min':>8} {'max':>8} {'cpu':>8}  target")
        failed = False
        for label, argv, case_env, judged in cases:
            median, low, high, cpu = _timed(argv, work, args.runs, case_env)
            target = TARGETS.get(label) if judged else None
            verdict = "" if target is None else f"<= {target:.1f} s  {'ok' if median <= target else 'MISSED'}"
            failed |= target is not None and median > target
            print(f"  {label:<40} {median:>7.3f}s {low:>7.3f}s {high:>7.3f}s {cpu:>7.3f}s  {verdict}")
        print(f"  load average {os.getloadavg()[0]:.2f} at the end")
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
