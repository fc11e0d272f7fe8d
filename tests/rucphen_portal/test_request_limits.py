"""Bodies larger than any form of the portal are refused before a view reads them."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/sessie/doe-mee/", "/account/inloggen/"])
def test_a_3_mb_form_body_on_an_anonymous_page_is_a_400(client, path):
    response = client.post(path, {"code": "A" * 3_000_000, "username": "x"})
    assert response.status_code == 400
