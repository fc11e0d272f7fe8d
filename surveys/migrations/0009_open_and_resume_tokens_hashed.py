"""The open link and the resume tokens stored hashed (engagements/tokens.py), step 1 of 2.

Every survey's open link token is hashed into ``token_hash`` and sealed into
``token_sealed`` (the consultant copies the link again), and every unfinished response's
resume token is hashed into ``token_hash`` (only the respondent holds it), so links already
handed out keep working. Undoing this gives each survey its sealed token back; a resume
token cannot come back from its hash, so undoing gives unfinished responses new ones."""

from django.db import migrations, models

from engagements.tokens import new_token, token_hash, token_seal, token_unseal


def hash_and_seal(apps, schema_editor):
    Survey = apps.get_model("surveys", "Survey")
    surveys = list(Survey.objects.only("pk", "open_token"))
    for survey in surveys:
        survey.token_hash = token_hash(survey.open_token)
        survey.token_sealed = token_seal(survey.open_token)
    Survey.objects.bulk_update(surveys, ["token_hash", "token_sealed"], batch_size=500)
    Response = apps.get_model("surveys", "Response")
    responses = list(Response.objects.exclude(token__isnull=True).only("pk", "token"))
    for response in responses:
        response.token_hash = token_hash(response.token)
    Response.objects.bulk_update(responses, ["token_hash"], batch_size=500)


def unseal(apps, schema_editor):
    Survey = apps.get_model("surveys", "Survey")
    surveys = list(Survey.objects.only("pk", "token_sealed"))
    for survey in surveys:
        survey.open_token = token_unseal(survey.token_sealed) or new_token()
    Survey.objects.bulk_update(surveys, ["open_token"], batch_size=500)
    Response = apps.get_model("surveys", "Response")
    responses = list(Response.objects.exclude(token_hash__isnull=True).only("pk"))
    for response in responses:
        response.token = new_token()
    Response.objects.bulk_update(responses, ["token"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("surveys", "0008_invitation_raw_token_removed"),
    ]

    operations = [
        migrations.AddField(
            model_name="survey",
            name="token_hash",
            field=models.CharField(
                editable=False, max_length=64, null=True, verbose_name="token hash"
            ),
        ),
        migrations.AddField(
            model_name="survey",
            name="token_sealed",
            field=models.CharField(
                default="", editable=False, max_length=255, verbose_name="sealed token"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="response",
            name="token_hash",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=64,
                null=True,
                unique=True,
                verbose_name="token hash",
            ),
        ),
        # Without its default, so that undoing step 2 can add the column back empty.
        migrations.AlterField(
            model_name="survey",
            name="open_token",
            field=models.CharField(
                max_length=64, null=True, unique=True, verbose_name="open link token"
            ),
        ),
        migrations.RunPython(hash_and_seal, unseal),
    ]
