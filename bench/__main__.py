"""Run every benchmark and print one table: ``make bench``."""

import datetime
import importlib
import os
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _prepare_database() -> str:
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        return url
    path = ROOT / "var" / "bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def main(argv: list[str]) -> int:
    only = set(argv)
    database_url = _prepare_database()
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rucphen_portal.settings")
    sys.path.insert(0, str(ROOT))

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    from engagements.models import Organisation

    if Organisation.objects.exists():
        # The benchmarks create their own organisations, users and data by name.
        print(
            f"{database_url.rsplit('/', 1)[-1]} is not empty: give BENCH_DATABASE_URL an "
            "empty database (createdb), or leave it out for a fresh SQLite file.",
            file=sys.stderr,
        )
        return 2

    from bench.harness import BenchContext, format_table, machine_description

    ctx = BenchContext(database_url=database_url, env={"DATABASE_URL": database_url})
    measurements = []
    import bench

    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda i: i.name):
        if not info.name.startswith("bench_"):
            continue
        if only and info.name.removeprefix("bench_") not in only:
            continue
        module = importlib.import_module(f"bench.{info.name}")
        print(f"running {info.name} ...", file=sys.stderr, flush=True)
        measurements.extend(module.run(ctx))

    table = format_table(measurements)
    header = (
        f"Benchmarks of {datetime.date.today().isoformat()} on {machine_description()}, "
        f"database {database_url.split(':')[0]}"
    )
    output = f"{header}\n\n{table}\n"
    (ROOT / "var" / "bench-latest.md").write_text(output)
    print(output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
