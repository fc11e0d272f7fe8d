import pytest

from surveys.reports import survey_report_pdf_bytes
from tests.engagements.factories import EngagementFactory
from tests.pdf_text import pdf_image_count, pdf_text
from tests.surveys.factories import completed_responses, small_survey

pytestmark = pytest.mark.django_db


def test_the_report_exports_each_chart_once_while_the_results_are_unchanged(monkeypatch):
    survey = small_survey(engagement=EngagementFactory())
    completed_responses(survey=survey, count=5)
    from collections import OrderedDict

    from reporting import charts

    exported = []

    def fake_export(figure, **size):
        exported.append(figure)
        return b"<svg/>"

    def fake_batch(jobs):
        return [fake_export(figure) for figure, _opts in jobs]

    monkeypatch.setattr(charts._kaleido, "to_svg", fake_export)
    monkeypatch.setattr(charts._kaleido, "export_batch", fake_batch)
    monkeypatch.setattr(charts, "_svg_cache", OrderedDict())
    survey_report_pdf_bytes(survey=survey)
    charts = len(exported)
    # The response chart, then agree, multiple choice and ranking; open questions have none.
    assert charts == 4
    survey_report_pdf_bytes(survey=survey)
    assert len(exported) == charts
    completed_responses(survey=survey, count=1)
    survey_report_pdf_bytes(survey=survey)
    assert len(exported) == 2 * charts


def test_the_report_shows_charts_as_vector_images_and_names_the_survey():
    survey = small_survey(engagement=EngagementFactory())
    completed_responses(survey=survey, count=5)
    pdf = survey_report_pdf_bytes(survey=survey)
    assert "Korte enquête" in pdf_text(pdf)
    assert pdf_image_count(pdf) >= 3
