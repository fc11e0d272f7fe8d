"""Conditions on a choice question store the option exactly as written in the question.

Before, the value was free text compared case-sensitively ("nooit" never matched the
option "Nooit"). Existing conditions that match an option in another case or spacing are
rewritten to the option itself; others are left as they are (the editor now refuses them
on the next save and the respondent's page compares without regard to case).
"""

from django.db import migrations


def _normal(text):
    return " ".join(str(text).split()).casefold()


def forwards(apps, schema_editor):
    Question = apps.get_model("surveys", "Question")
    dependent = Question.objects.filter(
        condition_question__isnull=False, condition_question__kind__in=["single", "multiple"]
    ).select_related("condition_question")
    for question in dependent:
        options = {_normal(option): option for option in question.condition_question.options}
        option = options.get(_normal(question.condition_value))
        if option is not None and option != question.condition_value:
            question.condition_value = option
            question.save(update_fields=["condition_value"])


class Migration(migrations.Migration):
    dependencies = [("surveys", "0002_invitation_reminders")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
