"""Answer options get stable keys, and conditions store the option's key, not its text.

Every choice question's options get the keys "o1", "o2", ... in their order. A condition
on a choice question whose value matches an option (whatever its case or spacing) now
stores that option's key; "anders"/"other" on a question with 'other, namely' becomes
``__other__``. A value that matches no option is left as it was: the question stays hidden
as before, and the editor shows the condition as "not an option" until it is changed.
"""

from django.db import migrations, models

CHOICE_KINDS = ["single", "multiple", "ranking"]
OTHER_KEY = "__other__"


def _normal(text):
    return " ".join(str(text).split()).casefold()


def forwards(apps, schema_editor):
    Question = apps.get_model("surveys", "Question")
    for question in Question.objects.filter(kind__in=CHOICE_KINDS).only("options"):
        question.option_keys = [f"o{n}" for n in range(1, len(question.options) + 1)]
        question.save(update_fields=["option_keys"])
    dependent = Question.objects.filter(
        condition_question__isnull=False, condition_question__kind__in=["single", "multiple"]
    ).select_related("condition_question")
    for question in dependent:
        source = question.condition_question
        keys = {_normal(option): key for option, key in zip(source.options, source.option_keys)}
        key = keys.get(_normal(question.condition_value))
        if key is None and source.allow_other and _normal(question.condition_value) in {
            "anders",
            "other",
        }:
            key = OTHER_KEY
        if key is not None:
            question.condition_value = key
            question.save(update_fields=["condition_value"])


def backwards(apps, schema_editor):
    Question = apps.get_model("surveys", "Question")
    dependent = Question.objects.filter(
        condition_question__isnull=False, condition_question__kind__in=["single", "multiple"]
    ).select_related("condition_question")
    for question in dependent:
        source = question.condition_question
        texts = dict(zip(source.option_keys, source.options))
        texts[OTHER_KEY] = "anders"
        if question.condition_value in texts:
            question.condition_value = texts[question.condition_value]
            question.save(update_fields=["condition_value"])


class Migration(migrations.Migration):
    dependencies = [("surveys", "0005_text_max_lengths")]

    operations = [
        migrations.AddField(
            model_name="question",
            name="option_keys",
            field=models.JSONField(
                blank=True, default=list, editable=False, verbose_name="option keys"
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="condition_value",
            field=models.CharField(
                blank=True,
                help_text=(
                    "For a choice: the option's key (see option_keys); for a scale or agree "
                    "question: the number."
                ),
                max_length=200,
                verbose_name="has the answer",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
