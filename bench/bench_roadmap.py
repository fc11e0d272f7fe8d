"""The roadmap: generation of a 200-action catalogue against graphlib alone, and the full
"Visie en routeplan" PDF of the demo engagement against a plain WeasyPrint page."""

import io
import random
from graphlib import TopologicalSorter

from bench.harness import BenchContext, Measurement, median_ms, time_calls


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


def run(ctx: BenchContext) -> list[Measurement]:
    from django.core.management import call_command
    from weasyprint import HTML

    from engagements.models import Engagement
    from roadmap.generator import DimensionGoal, GeneratorInput, Quarter, generate
    from roadmap.models import Roadmap
    from roadmap.reports import vision_roadmap_pdf_bytes

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
    plain_samples = time_calls(lambda: HTML(string=plain).write_pdf(), repeat=3)
    # The first download of a process also starts kaleido's Chromium and exports every
    # chart; later downloads reuse the charts' SVGs (the per-process SVG cache of reporting.charts).
    cold_samples = time_calls(lambda: vision_roadmap_pdf_bytes(roadmap=roadmap), repeat=1, warmup=0)
    pdf_samples = time_calls(lambda: vision_roadmap_pdf_bytes(roadmap=roadmap), repeat=3)

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
            "Visie en routeplan PDF, first download of the process (cold chart export)",
            median_ms(cold_samples),
            "ms",
            "WeasyPrint plain page",
            median_ms(plain_samples),
            note="includes starting kaleido's Chromium",
        ),
        Measurement(
            "Roadmap",
            f"Visie en routeplan PDF, demo engagement ({roadmap.items.count()} actions)",
            median_ms(pdf_samples),
            "ms",
            "WeasyPrint plain page",
            median_ms(plain_samples),
            note="must stay under 5000 ms; later downloads reuse chart SVGs",
        ),
    ]
