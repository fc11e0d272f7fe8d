import pytest
from django.core.management import call_command

from accounts.models import User
from engagements.models import Engagement, Organisation


@pytest.mark.django_db
def test_seed_demo_creates_rucphen_and_three_users_and_is_idempotent(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "Demo-wachtwoord-2026")
    call_command("seed_demo", "--skip-stages")
    call_command("seed_demo", "--skip-stages")
    output = capsys.readouterr().out
    assert Organisation.objects.filter(name="Gemeente Rucphen", cbs_code="GM0840").count() == 1
    assert Engagement.objects.filter(organisation__name="Gemeente Rucphen").count() == 1
    roles = dict(User.objects.values_list("username", "role"))
    assert roles == {"consultant": "consultant", "rucphen": "staff", "admin": "administrator"}
    for username in roles:
        assert User.objects.get(username=username).check_password("Demo-wachtwoord-2026")
        assert username in output
    engagement = Engagement.objects.get()
    assert list(engagement.consultants.values_list("username", flat=True)) == ["consultant"]
    assert (
        User.objects.get(username="rucphen").memberships.get().organisation
        == engagement.organisation
    )


@pytest.mark.django_db
def test_seed_demo_without_demo_password_prints_a_generated_one(monkeypatch, capsys):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    call_command("seed_demo", "--skip-stages")
    line = next(line for line in capsys.readouterr().out.splitlines() if "consultant" in line)
    password = line.split()[1]
    assert len(password) >= 12
    assert User.objects.get(username="consultant").check_password(password)
