"""The baseline: results page and report PDF with 50 respondents on the default model.

Targets (issue 5): the results page under 300 ms with a query count that does not grow
with respondents; the baseline PDF under 3 seconds, charts included.
"""

import datetime
import random

from bench.harness import BenchContext, Measurement, median_ms, time_calls

RESPONDENTS = 50
FEW = 5


def _answer_all(assessment, count: int, rng: random.Random) -> None:
    from baseline.models import Question
    from baseline.services import answer_save, respondent_invite, respondent_submit

    questions = list(
        Question.objects.filter(dimension__version=assessment.version).select_related("dimension")
    )
    for _ in range(count):
        respondent = respondent_invite(assessment=assessment, role="management")
        for question in questions:
            dont_know = rng.random() < 0.05
            answer_save(
                respondent=respondent,
                question=question,
                level=None if dont_know else rng.randint(1, 5),
                dont_know=dont_know,
                comment="Een toelichting bij dit antwoord." if rng.random() < 0.1 else "",
                may_quote=True,
            )
        respondent_submit(respondent=respondent)


def run(ctx: BenchContext) -> list[Measurement]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from weasyprint import HTML

    from accounts.models import Role
    from accounts.services import user_create
    from baseline.reports import baseline_report_pdf
    from baseline.services import assessment_create, default_model_ensure, dimension_score_set
    from engagements.services import engagement_create, organisation_create

    rng = random.Random(5)
    version = default_model_ensure()
    consultant = user_create(username="bench-baseline", password=None, role=Role.CONSULTANT)

    def assessment_with(count: int, name: str):
        organisation = organisation_create(name=name)
        engagement = engagement_create(
            organisation=organisation,
            title="Benchmark nulmeting",
            starts_on=datetime.date(2026, 1, 1),
            consultants=[consultant],
        )
        assessment = assessment_create(
            engagement=engagement,
            version=version,
            title="Nulmeting",
            measured_on=datetime.date(2026, 9, 1),
        )
        _answer_all(assessment, count, rng)
        return assessment

    few = assessment_with(FEW, "Gemeente Bench Klein")
    many = assessment_with(RESPONDENTS, "Gemeente Bench Groot")
    for assessment in (few, many):  # targets make the third chart (gap per dimension)
        for dimension in version.dimensions.all():
            dimension_score_set(
                assessment=assessment,
                dimension=dimension,
                target_level=4,
                consensus_level=None,
            )

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(consultant)

    def results(assessment):
        def get():
            response = client.get(f"/nulmeting/meting/{assessment.pk}/resultaten/")
            assert response.status_code == 200, response.status_code

        return get

    def queries(assessment) -> int:
        with CaptureQueriesContext(connection) as captured:
            results(assessment)()
        return len(captured.captured_queries)

    page_samples = time_calls(results(many), repeat=15, warmup=2)
    livez_samples = time_calls(lambda: client.get("/livez"), repeat=15, warmup=2)
    queries_few, queries_many = queries(few), queries(many)

    plain = "<html><body>" + "<p>Een gewone alinea tekst.</p>" * 40 + "</body></html>"
    plain_samples = time_calls(lambda: HTML(string=plain).write_pdf(), repeat=5)
    pdf_samples = time_calls(lambda: baseline_report_pdf(assessment=many), repeat=5, warmup=1)

    return [
        Measurement(
            "Baseline",
            f"Results page, {RESPONDENTS} respondents (in-process)",
            median_ms(page_samples),
            "ms",
            "/livez in-process",
            median_ms(livez_samples),
            note="target < 300 ms",
        ),
        Measurement(
            "Baseline",
            f"Results page queries, {RESPONDENTS} respondents",
            queries_many,
            "queries",
            f"{FEW} respondents",
            queries_few,
            note="must not grow with respondents",
        ),
        Measurement(
            "Baseline",
            f"Baseline report PDF, 3 charts, {RESPONDENTS} respondents",
            median_ms(pdf_samples),
            "ms",
            "WeasyPrint plain page",
            median_ms(plain_samples),
            note="target < 3000 ms (kaleido warm)",
        ),
    ]
