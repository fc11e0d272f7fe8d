from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

# Each of these holds answers to an agenda item: an item with any was open at some time.
ANSWERS = ("Vote", "ExampleMark", "Contribution", "PollVote", "RankingBallot")


def opened_items_get_a_time(apps, schema_editor):
    """Items that are open, revealed or answered were opened; the moment is unknown, so the
    migration's own moment stands in (the screens only ask whether there was one)."""
    AgendaItem = apps.get_model("workshops", "AgendaItem")
    answered = Q(voting_open=True) | Q(results_revealed=True)
    for name in ANSWERS:
        model = apps.get_model("workshops", name)
        answered |= Q(Exists(model.objects.filter(item=OuterRef("pk"))))
    AgendaItem.objects.filter(answered).update(opened_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0005_agendaitem_presenter_notes"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="opened_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="answering opened at"
            ),
        ),
        migrations.RunPython(opened_items_get_a_time, migrations.RunPython.noop),
    ]
