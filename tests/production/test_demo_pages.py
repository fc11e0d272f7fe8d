"""Every page of the demo answers without a server error, for every role, in production mode.

The pages are found by following links from the start pages (as a user would), so a page
that is added later is covered without listing it here.
"""

import pytest
from django.conf import settings
from django.urls import resolve

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["admin", "consultant", "rucphen", "anonymous"])
def test_every_demo_page_answers_without_a_server_error(crawls, role):
    result = crawls[role]
    assert result.server_errors() == [], "\n".join(result.errors)
    # A crawl that stopped at the first page would pass the line above without proving much.
    assert len(result.statuses) > {"admin": 200, "consultant": 100, "rucphen": 30}.get(role, 50)


def test_the_crawl_reaches_every_stage_and_every_download(crawls):
    visited = {
        resolve(url.split("?")[0]).view_name
        for url in crawls["admin"].statuses
        if not url.startswith(settings.STATIC_URL)
    }
    for name in [
        "engagements:engagement_detail",
        "surveys:results",
        "workshops:session_detail",
        "baseline:assessment_results",
        "roadmap:roadmap_detail",
        "surveys:results_csv",
        "surveys:results_xlsx",
        "workshops:votes_csv",
        "roadmap:roadmap_xlsx",
        "engagements:engagement_export",
    ]:
        assert name in visited, name
