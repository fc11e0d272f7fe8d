"""Invitation links stored hashed (engagements/tokens.py), step 1 of 2: every existing raw
token is hashed into ``token_hash`` and sealed into ``token_sealed``, so links already sent
keep working and can still be copied and re-sent."""

from django.db import migrations, models

from engagements.tokens import new_token, token_hash, token_seal, token_unseal


def hash_and_seal(apps, schema_editor):
    Invitation = apps.get_model("surveys", "Invitation")
    rows = list(Invitation.objects.exclude(token__isnull=True).only("pk", "token"))
    for row in rows:
        row.token_hash = token_hash(row.token)
        row.token_sealed = token_seal(row.token)
    Invitation.objects.bulk_update(rows, ["token_hash", "token_sealed"], batch_size=500)


def unseal(apps, schema_editor):
    Invitation = apps.get_model("surveys", "Invitation")
    rows = list(Invitation.objects.only("pk", "token_sealed"))
    for row in rows:
        row.token = token_unseal(row.token_sealed) or new_token()
    Invitation.objects.bulk_update(rows, ["token"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("surveys", "0006_option_keys"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(
                editable=False, max_length=64, null=True, verbose_name="token hash"
            ),
        ),
        migrations.AddField(
            model_name="invitation",
            name="token_sealed",
            field=models.CharField(
                default="", editable=False, max_length=255, verbose_name="sealed token"
            ),
            preserve_default=False,
        ),
        # Without its default, so that undoing step 2 can add the column back empty.
        migrations.AlterField(
            model_name="invitation",
            name="token",
            field=models.CharField(max_length=64, null=True, unique=True, verbose_name="token"),
        ),
        migrations.RunPython(hash_and_seal, unseal),
    ]
