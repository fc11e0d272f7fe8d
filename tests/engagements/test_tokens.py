"""One token helper for survey, baseline and participant links."""

from engagements.tokens import new_token, token_hash, token_matches


def test_a_token_carries_256_bits_and_is_url_safe():
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    for token in tokens:
        assert len(token) == 43  # 32 bytes in base64 without padding
        assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_a_stored_hash_matches_only_its_own_token():
    token, other = new_token(), new_token()
    stored = token_hash(token)
    assert token not in stored and len(stored) == 64
    assert token_matches(token, stored)
    assert not token_matches(other, stored)


def test_survey_baseline_and_participant_tokens_come_from_the_one_helper():
    from baseline.models import Respondent
    from surveys.models import Invitation, Survey

    assert Survey._meta.get_field("open_token").default is new_token
    assert Invitation._meta.get_field("token").default is new_token
    assert Respondent._meta.get_field("token").default is new_token
