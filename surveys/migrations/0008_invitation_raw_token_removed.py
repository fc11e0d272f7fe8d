"""Invitation links stored hashed, step 2 of 2: the raw token column goes; the hash is
unique (the index links are looked up by) and must be a SHA-256 hex digest."""

from django.db import migrations, models
import django.db.models.functions.text
import django.db.models.lookups


class Migration(migrations.Migration):

    dependencies = [
        ("surveys", "0007_invitation_token_hashed"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="invitation",
            name="token",
        ),
        migrations.AlterField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(
                editable=False, max_length=64, unique=True, verbose_name="token hash"
            ),
        ),
        migrations.AddConstraint(
            model_name="invitation",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.Exact(
                    django.db.models.functions.text.Length("token_hash"), 64
                ),
                name="surveys_invitation_token_hash_is_sha256",
            ),
        ),
    ]
