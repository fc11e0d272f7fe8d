"""One token helper for survey, baseline and participant links."""

from engagements.tokens import (
    PersonalLinkToken,
    new_token,
    token_hash,
    token_matches,
    token_seal,
    token_unseal,
)


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
    from workshops.models import Participant

    assert issubclass(Survey, PersonalLinkToken)
    assert issubclass(Invitation, PersonalLinkToken)
    assert issubclass(Respondent, PersonalLinkToken)
    assert Participant._meta.get_field("token_hash").max_length == 64


def test_a_sealed_token_opens_only_with_the_secret_key(settings):
    token = new_token()
    sealed = token_seal(token)
    assert token not in sealed
    assert token_unseal(sealed) == token
    settings.SECRET_KEY = "another key altogether, as in a copy of the database elsewhere"
    assert token_unseal(sealed) == ""


def test_a_token_sealed_under_a_rotated_key_opens_while_that_key_is_a_fallback(settings):
    token = new_token()
    sealed = token_seal(token)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "the new key after a rotation"
    assert token_unseal(sealed) == token
    assert token_unseal(token_seal(token)) == token


def test_setting_a_personal_link_stores_only_its_hash_and_sealed_copy():
    from surveys.models import Invitation

    token = new_token()
    invitation = Invitation(name="Ans", email="ans@example.org", token=token)
    assert invitation.token_hash == token_hash(token)
    assert invitation.token == token
    assert token not in invitation.token_sealed
    invitation.token_revoke()
    assert invitation.token == "" and not token_matches(token, invitation.token_hash)
