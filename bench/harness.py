"""The benchmark harness: a fresh database, measurements with baselines, one table.

A benchmark module ``bench/bench_<name>.py`` defines ``run(ctx: BenchContext) ->
list[Measurement]``. It creates its own data (through the apps' services) in the
bench database, which is fresh for every run: an SQLite file under var/ by default,
or the PostgreSQL database named by BENCH_DATABASE_URL.
"""

import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Measurement:
    group: str
    name: str
    value: float
    unit: str
    baseline_name: str
    baseline_value: float
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.baseline_value if self.baseline_value else float("nan")


@dataclass
class BenchContext:
    database_url: str
    env: dict = field(default_factory=dict)  # environment for server subprocesses


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p95_ms(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def time_calls(fn: Callable[[], object], *, repeat: int, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def daphne_server(
    ctx: BenchContext,
    *,
    port: int | None = None,
    application: str = "rucphen_portal.asgi:application",
):
    """A Daphne process serving ``application`` (the portal by default) on 127.0.0.1
    against the bench database."""
    port = port or free_port()
    log = (ROOT / "var" / f"bench-daphne-{port}.log").open("w+b")
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "daphne"),
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            application,
        ],
        cwd=ROOT,
        env={**os.environ, **ctx.env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("Daphne did not start for the benchmark")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.seek(0)
        output = log.read().decode(errors="replace")
        log.close()
    # A figure measured while the server failed is no figure: say so instead of printing it.
    if "Traceback" in output:
        raise RuntimeError(f"The benchmark's Daphne logged a traceback (var/{Path(log.name).name})")


def machine_description() -> str:
    cores = os.cpu_count()
    return (
        f"{platform.system()} {platform.machine()}, {cores} cores, Python {sys.version.split()[0]}"
    )


def format_table(measurements: list[Measurement]) -> str:
    lines = [
        "| group | measurement | value | baseline | baseline value | ratio | note |",
        "|---|---|---|---|---|---|---|",
    ]
    for m in measurements:
        lines.append(
            f"| {m.group} | {m.name} | {m.value:.1f} {m.unit} | {m.baseline_name} | "
            f"{m.baseline_value:.1f} {m.unit} | {m.ratio:.2f}× | {m.note} |"
        )
    return "\n".join(lines)
