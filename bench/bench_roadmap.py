"""The roadmap: generation of a 200-action catalogue against graphlib alone, and the full
"Visie en routeplan" PDF of the demo engagement against a plain WeasyPrint page."""

import io
import os
import random
import subprocess
import sys
from graphlib import TopologicalSorter

from bench.harness import ROOT, BenchContext, Measurement, median_ms, time_calls


def _catalogue(size: int, seed: int = 1):
    from roadmap.generator import CatalogueAction, Effort, LevelRequirement

    rng = random.Random(seed)
    dims = [f"d{i}" for i in range(7)]
    actions = []
    for index in range(size):
        level = rng.randint(1, 4)
        dimension = rng.choice(dims)
        earlier = [a.key for a in actions if a.from_level <= level]
        requires = ()
        if level > 1 and rng.random() < 0.15:
            other = rng.choice([d for d in dims if d != dimension])
            requires = (LevelRequirement(other, rng.randint(2, level)),)
        actions.append(
            CatalogueAction(
                key=f"a{index:03d}",
                dimension_key=dimension,
                from_level=level,
                title=f"Actie {index}",
                effort=rng.choice(list(Effort)),
                duration_quarters=rng.randint(1, 3),
                prerequisites=tuple(rng.sample(earlier, k=min(len(earlier), rng.randint(0, 2)))),
                requires=requires,
            )
        )
    return actions


COLD_SCRIPT = """
import os, sys, time, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rucphen_portal.settings")
sys.path.insert(0, os.getcwd())
django.setup()
from roadmap.models import DocumentExport, DocumentKind, Roadmap
from roadmap.tasks import document_build
roadmap = Roadmap.objects.get(pk=int(sys.argv[1]))
export = DocumentExport.objects.create(
    roadmap=roadmap, kind=DocumentKind.PDF, fingerprint=f"bench-{os.getpid()}"
)
if sys.argv[2:] == ["warmed"]:  # a worker that started a few seconds ago (roadmap.apps)
    import threading
    from reporting.charts import _kaleido
    from roadmap.tasks import documents_warm_up
    documents_warm_up()
    for thread in threading.enumerate():
        if thread.name in ("kaleido-warm-up", "reports-import"):
            thread.join()
    assert _kaleido.started()
started = time.perf_counter()
document_build.call(export.pk)
elapsed = time.perf_counter() - started
export.refresh_from_db()
assert export.status == "done" and bytes(export.content).startswith(b"%PDF"), export.error
export.delete()
print(elapsed)
"""


def _cold_in_fresh_process(ctx: BenchContext, roadmap_pk: int, *flags: str) -> float:
    """The first document of a fresh worker process: the background task that makes it
    (``roadmap.tasks.document_build``), timed from the task's start to the PDF stored.
    Only Django's setup comes before. Cold: importing WeasyPrint and starting kaleido's
    Chromium are part of it. Warmed: the worker did both at its start (roadmap.apps)."""
    result = subprocess.run(
        [sys.executable, "-c", COLD_SCRIPT, str(roadmap_pk), *flags],
        cwd=ROOT,
        env={**os.environ, **ctx.env},
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def run(ctx: BenchContext) -> list[Measurement]:
    from django.core.management import call_command
    from weasyprint import HTML

    from engagements.models import Engagement
    from roadmap.generator import DimensionGoal, GeneratorInput, Quarter, generate
    from roadmap.models import Roadmap
    from roadmap.reports import vision_roadmap_docx_bytes, vision_roadmap_pdf_bytes

    actions = _catalogue(200)
    data = GeneratorInput(
        actions=actions,
        dimensions=[DimensionGoal(f"d{i}", f"Dimensie {i}", 1, 5) for i in range(7)],
        start=Quarter(2027, 1),
        capacity=4,
        priorities=["d3", "d1"],
    )
    graph = {a.key: set(a.prerequisites) for a in actions}
    generate_samples = time_calls(lambda: generate(data), repeat=7)
    sort_samples = time_calls(lambda: list(TopologicalSorter(graph).static_order()), repeat=7)

    call_command("seed_demo", stdout=io.StringIO())
    engagement = Engagement.objects.get(organisation__name="Gemeente Rucphen")
    roadmap = Roadmap.objects.select_related("engagement__organisation").get(engagement=engagement)
    plain = "<html><body>" + "<p>Een gewone alinea tekst.</p>" * 40 + "</body></html>"
    plain_samples = time_calls(lambda: HTML(string=plain).write_pdf(), repeat=5)
    cold = [_cold_in_fresh_process(ctx, roadmap.pk) for _ in range(3)]
    warmed = [_cold_in_fresh_process(ctx, roadmap.pk, "warmed") for _ in range(3)]
    # Warm: the worker's second document (Chromium running, chart SVGs cached per process).
    pdf_samples = time_calls(lambda: vision_roadmap_pdf_bytes(roadmap=roadmap), repeat=3)
    docx_samples = time_calls(lambda: vision_roadmap_docx_bytes(roadmap=roadmap), repeat=3)
    plain_after = time_calls(lambda: HTML(string=plain).write_pdf(), repeat=5)
    plain_ms = median_ms(plain_samples + plain_after)
    actions_count = roadmap.items.count()

    return [
        Measurement(
            "Roadmap",
            "Generate a 200-action roadmap (select, order, schedule, warnings)",
            median_ms(generate_samples),
            "ms",
            "graphlib topological sort of the same graph",
            median_ms(sort_samples),
            note="must stay under 1000 ms",
        ),
        Measurement(
            "Roadmap",
            f"Visie en routeplan PDF, cold: fresh process ({actions_count} actions)",
            median_ms(cold),
            "ms",
            "WeasyPrint plain page",
            plain_ms,
            note="target under 5000 ms; the worker's task, importing WeasyPrint and "
            "starting kaleido's Chromium included",
        ),
        Measurement(
            "Roadmap",
            f"Visie en routeplan PDF, first of a worker ({actions_count} actions)",
            median_ms(warmed),
            "ms",
            "WeasyPrint plain page",
            plain_ms,
            note="the task in a fresh worker that started Chromium and imported WeasyPrint "
            "at its start (roadmap.apps)",
        ),
        Measurement(
            "Roadmap",
            f"Visie en routeplan PDF, warm ({actions_count} actions)",
            median_ms(pdf_samples),
            "ms",
            "WeasyPrint plain page",
            plain_ms,
            note="target under 2000 ms",
        ),
        Measurement(
            "Roadmap",
            "Visie en routeplan .docx, warm",
            median_ms(docx_samples),
            "ms",
            "WeasyPrint plain page",
            plain_ms,
            note="target under 1000 ms",
        ),
    ]
