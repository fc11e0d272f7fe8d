import pytest

from accounts.models import Role
from accounts.services import user_create


@pytest.mark.django_db
def test_an_administrator_gets_access_to_django_admin():
    admin = user_create(username="anna", password="Lang-genoeg-2026!", role=Role.ADMINISTRATOR)
    assert admin.is_staff and admin.is_superuser and admin.is_administrator


@pytest.mark.django_db
def test_consultants_and_staff_have_no_admin_access():
    consultant = user_create(username="carla", password=None, role=Role.CONSULTANT)
    staff = user_create(username="ruud", password=None, role=Role.ORGANISATION_STAFF)
    assert not consultant.is_staff and not staff.is_staff
    assert consultant.is_consultant and not staff.is_consultant
    assert not consultant.has_usable_password()


@pytest.mark.django_db
def test_the_database_refuses_an_unknown_role():
    from django.db import IntegrityError

    from accounts.models import User

    with pytest.raises(IntegrityError):
        User.objects.create(username="x", role="dictator")
