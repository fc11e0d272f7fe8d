"""The open link and the resume tokens stored hashed, step 2 of 2: the raw token columns
go; a hash is unique (the index links are looked up by) and must be a SHA-256 hex digest,
and a finished response keeps no hash."""

from django.db import migrations, models
import django.db.models.functions.text
import django.db.models.lookups


class Migration(migrations.Migration):

    dependencies = [
        ("surveys", "0009_open_and_resume_tokens_hashed"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="response",
            name="surveys_response_completed_is_anonymous",
        ),
        migrations.RemoveField(
            model_name="survey",
            name="open_token",
        ),
        migrations.RemoveField(
            model_name="response",
            name="token",
        ),
        migrations.AlterField(
            model_name="survey",
            name="token_hash",
            field=models.CharField(
                editable=False, max_length=64, unique=True, verbose_name="token hash"
            ),
        ),
        migrations.AddConstraint(
            model_name="survey",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.Exact(
                    django.db.models.functions.text.Length("token_hash"), 64
                ),
                name="surveys_survey_token_hash_is_sha256",
            ),
        ),
        migrations.AddConstraint(
            model_name="response",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status", "completed"), _negated=True
                )
                | models.Q(("last_activity_at__isnull", True), ("token_hash__isnull", True)),
                name="surveys_response_completed_is_anonymous",
            ),
        ),
        migrations.AddConstraint(
            model_name="response",
            constraint=models.CheckConstraint(
                condition=models.Q(("token_hash__isnull", True))
                | django.db.models.lookups.Exact(
                    django.db.models.functions.text.Length("token_hash"), 64
                ),
                name="surveys_response_token_hash_is_sha256",
            ),
        ),
    ]
