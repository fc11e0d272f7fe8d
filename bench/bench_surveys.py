"""The survey at scale: 1,000 sent responses of 30 questions.

- the results page over HTTP (Daphne), against /livez on the same server, with its
  query count (measured in-process) in the note;
- saving one answer (autosave) over HTTP: median, p95 and requests per second, against
  GET /livez on the same server;
- the survey report PDF (30 charts), against bench_reports' plain WeasyPrint page.
The data is made through the app's services (bulk where the service offers it).
"""

import http.client
import random
import re
import time
from urllib.parse import urlsplit

from bench.harness import (
    BenchContext,
    Measurement,
    daphne_server,
    median_ms,
    p95_ms,
    time_calls,
)

RESPONSES = 1000
QUESTIONS = 30
KINDS = ["likert", "single", "scale", "multiple", "likert", "long_text", "ranking"]
OPTIONS = ["Openbare ruimte", "Afval", "Sociaal domein", "Veiligheid", "Wonen", "Dienstverlening"]


def _definition() -> dict:
    pages = []
    for page_number in range(5):
        questions = []
        for index in range(QUESTIONS // 5):
            number = page_number * (QUESTIONS // 5) + index
            kind = KINDS[number % len(KINDS)]
            item = {"key": f"v{number}", "kind": kind, "text": f"Benchmarkvraag {number + 1}"}
            if kind in ("single", "multiple", "ranking"):
                item["options"] = OPTIONS
            if kind == "ranking":
                item["ranking_top"] = 3
            if kind == "multiple":
                item["allow_other"] = True
            questions.append(item)
        pages.append({"title": f"Pagina {page_number + 1}", "questions": questions})
    return {"format": "rucphen-survey", "version": 1, "title": "Benchmarkenquête", "pages": pages}


def _value(question, rng: random.Random):
    kind = question.kind
    if kind == "likert":
        return rng.randint(1, 5)
    if kind == "scale":
        return rng.randint(0, 10)
    if kind == "single":
        return {"choices": [rng.choice(OPTIONS)], "other": ""}
    if kind == "multiple":
        picked = rng.sample(OPTIONS, k=rng.randint(1, 3))
        return {"choices": [o for o in OPTIONS if o in picked], "other": ""}
    if kind == "ranking":
        return rng.sample(OPTIONS, k=3)
    return rng.choice(["Begin klein.", "Samen met de regio.", "Let op privacy.", "Meer data."])


class _Client:
    """A keep-alive HTTP client with cookies, enough for the portal's own pages."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _eq, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, content


def run(ctx: BenchContext) -> list[Measurement]:
    import datetime

    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from weasyprint import HTML

    from accounts.models import Role
    from accounts.services import user_create
    from engagements.services import engagement_create, organisation_create
    from surveys import services
    from surveys.reports import survey_report_pdf_bytes
    from surveys.selectors import survey_questions

    started = time.perf_counter()
    organisation = organisation_create(name="Gemeente Enquêtebenchmark")
    consultant = user_create(username="bench-surveys", password=None, role=Role.CONSULTANT)
    engagement = engagement_create(
        organisation=organisation,
        title="Benchmark enquête",
        starts_on=datetime.date(2026, 1, 1),
        consultants=[consultant],
    )
    survey = services.survey_create_from_definition(definition=_definition(), engagement=engagement)
    services.survey_open(survey=survey)
    questions = survey_questions(survey=survey)
    rng = random.Random(1000)
    rows = [{q.pk: _value(q, rng) for q in questions} for _ in range(RESPONSES)]
    services.responses_bulk_create_completed(survey=survey, rows=rows)
    (invitation,) = services.invitations_create(
        survey=survey, people=[("Bench", "bench@example.org")], base_url="http://x/", send=False
    )
    services.response_start_for_invitation(invitation=invitation)
    setup_seconds = time.perf_counter() - started

    results_path = f"/enquete/{survey.pk}/resultaten/"
    in_process = Client(HTTP_HOST="127.0.0.1")
    in_process.force_login(consultant)
    with CaptureQueriesContext(connection) as queries:
        assert in_process.get(results_path).status_code == 200
    query_count = len(queries.captured_queries)

    session = SessionStore()
    session["_auth_user_id"] = str(consultant.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = consultant.get_session_auth_hash()
    session.create()

    likert = next(q for q in questions if q.kind == "likert")
    answer_path = f"/enquete/invullen/{invitation.token}/antwoord/{likert.pk}/"
    with daphne_server(ctx) as base_url:
        client = _Client(base_url)
        client.cookies["sessionid"] = session.session_key
        status, _body = client.request("GET", results_path)
        assert status == 200, status
        livez = time_calls(lambda: client.request("GET", "/livez"), repeat=50, warmup=5)
        results = time_calls(lambda: client.request("GET", results_path), repeat=15, warmup=2)

        respondent = _Client(base_url)
        status, page = respondent.request("GET", f"/enquete/invullen/{invitation.token}/1/")
        assert status == 200, status
        csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-CSRFToken": csrf,
            "Referer": base_url + "/",
        }
        values = iter(str(rng.randint(1, 5)) for _ in range(10_000))

        def save_one():
            body = f"{likert.field_name}={next(values)}".encode()
            status, _content = respondent.request("POST", answer_path, body, headers)
            assert status == 200, status

        saves = time_calls(save_one, repeat=200, warmup=5)
        livez_for_saves = time_calls(lambda: client.request("GET", "/livez"), repeat=200)

    plain = "<html><body>" + "<p>Een gewone alinea tekst.</p>" * 40 + "</body></html>"
    plain_samples = time_calls(lambda: HTML(string=plain).write_pdf(), repeat=5)
    # A private, empty cache, so that the first download really exports every chart.
    private = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=private):
        render = lambda: survey_report_pdf_bytes(survey=survey)  # noqa: E731
        pdf_cold = time_calls(render, repeat=1, warmup=0)
        pdf_samples = time_calls(render, repeat=3, warmup=0)

    requests_per_second = len(saves) / sum(saves)
    livez_per_second = len(livez_for_saves) / sum(livez_for_saves)
    return [
        Measurement(
            "Surveys",
            f"Results page, {RESPONSES} responses × {QUESTIONS} questions (HTTP, median)",
            median_ms(results),
            "ms",
            "GET /livez, same server",
            median_ms(livez),
            note=f"{query_count} queries; data made in {setup_seconds:.1f} s",
        ),
        Measurement(
            "Surveys",
            "Autosave one answer (HTTP, median)",
            median_ms(saves),
            "ms",
            "GET /livez, same server",
            median_ms(livez_for_saves),
            note=(
                f"p95 {p95_ms(saves):.1f} ms (livez {p95_ms(livez_for_saves):.1f} ms); "
                f"{requests_per_second:.0f} saves/s sequential (livez {livez_per_second:.0f}/s)"
            ),
        ),
        Measurement(
            "Surveys",
            f"Survey report PDF ({QUESTIONS} questions, charts as SVG), first download",
            median_ms(pdf_cold),
            "ms",
            "WeasyPrint plain page",
            median_ms(plain_samples),
            note="starts kaleido (Chromium) and exports every chart",
        ),
        Measurement(
            "Surveys",
            f"Survey report PDF ({QUESTIONS} questions), again with unchanged results",
            median_ms(pdf_samples),
            "ms",
            "WeasyPrint plain page",
            median_ms(plain_samples),
            note="chart SVGs from the cache",
        ),
    ]
