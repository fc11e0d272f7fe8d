import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from baseline.models import Assessment, Dimension, Respondent, RespondentRole
from baseline.selectors import version_list
from baseline.services import model_data_validate
from engagements.forms import form_field
from engagements.jsonimport import parse_json_import

DONT_KNOW = "dk"
MAX_IMPORT_BYTES = 1024 * 1024


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = [
            "title",
            "version",
            "measured_on",
            "deadline",
            "reminder_days_before",
            "invitation_message",
            "respondent_chart_announced",
        ]
        widgets = {
            "measured_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "deadline": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "invitation_message": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        version = form_field(self, "version", forms.ModelChoiceField)
        version.queryset = version_list()
        version.empty_label = None


class AssessmentScheduleForm(forms.ModelForm):
    """The deadline and the automatic reminder, changeable after creation."""

    class Meta:
        model = Assessment
        fields = ["deadline", "reminder_days_before"]
        widgets = {
            "deadline": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }

    def _post_clean(self):
        # The service validates the model (full_clean) when it saves.
        pass


class RespondentInviteForm(forms.ModelForm):
    class Meta:
        model = Respondent
        fields = ["name", "email", "role"]


class RespondentJoinForm(forms.Form):
    role = forms.ChoiceField(label=_("Your role"), choices=RespondentRole.choices)


def answer_value(answer) -> str:
    if answer is None:
        return ""
    if answer.dont_know:
        return DONT_KNOW
    return "" if answer.level is None else str(answer.level)


class DimensionAnswersForm(forms.Form):
    """One page of the questionnaire: every question of one dimension.

    Each question is a radio group (one option per level plus "don't know"), a comment
    and the consent to quote it. Field names carry the question id.
    """

    def __init__(self, *args, dimension: Dimension, answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.dimension = dimension
        self.questions = list(dimension.questions.all())
        for question in self.questions:
            answer = answers.get(question.pk)
            choices: list[tuple[str, str | Promise]] = [
                (str(option.level), option.text) for option in question.options.all()
            ]
            choices.append((DONT_KNOW, _("Don't know")))
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=question.text,
                choices=choices,
                widget=forms.RadioSelect,
                required=True,
                initial=answer_value(answer),
                error_messages={
                    "required": _("Choose the answer that fits best, or “don't know”.")
                },
            )
            self.fields[f"c{question.pk}"] = forms.CharField(
                label=_("Comment or evidence (optional)"),
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=answer.comment if answer else "",
            )
            self.fields[f"m{question.pk}"] = forms.BooleanField(
                label=_("My comment may be quoted anonymously in the report"),
                required=False,
                initial=answer.may_quote if answer else False,
            )

    def question_rows(self):
        return [
            {
                "question": question,
                "answer": self[f"q{question.pk}"],
                "comment": self[f"c{question.pk}"],
                "may_quote": self[f"m{question.pk}"],
            }
            for question in self.questions
        ]

    def parsed_answers(self, *, data_source: dict):
        """(question, level, don't know, comment, may quote) for each question, taken from
        ``data_source`` (cleaned data, or the raw data when the page had errors, so that
        nothing typed is lost)."""
        for question in self.questions:
            raw = data_source.get(f"q{question.pk}") or ""
            valid_levels = {str(option.level) for option in question.options.all()}
            level = int(raw) if raw in valid_levels else None
            # Raw data may hold NUL characters (which no database text column takes).
            comment = (data_source.get(f"c{question.pk}") or "").replace("\x00", "")[:4000]
            may_quote = data_source.get(f"m{question.pk}") in (True, "on", "true", "1")
            yield question, level, raw == DONT_KNOW, comment, may_quote


class AutosaveForm(forms.Form):
    """One answer, sent by the page's script on every change (static/js/autosave.js)."""

    answer = forms.CharField(required=False, max_length=4)
    comment = forms.CharField(required=False, max_length=4000)
    may_quote = forms.BooleanField(required=False)

    @classmethod
    def for_question(cls, data, *, question_pk: int) -> "AutosaveForm":
        """The answer as the page's form names its fields (``q<pk>``, ``c<pk>``, ``m<pk>``)."""
        return cls(
            {
                "answer": data.get(f"q{question_pk}", ""),
                "comment": data.get(f"c{question_pk}", ""),
                "may_quote": data.get(f"m{question_pk}", ""),
            }
        )

    def clean_answer(self):
        value = self.cleaned_data["answer"]
        # ASCII digits only: str.isdigit() also accepts '²' and '١', which int() refuses.
        if value and value != DONT_KNOW and not re.fullmatch(r"[0-9]{1,3}", value):
            raise ValidationError(_("Choose one of the levels shown."))
        return value


class DimensionScoreForm(forms.Form):
    """Target and consensus level for one dimension (one of a formset-like list)."""

    def __init__(self, *args, dimension: Dimension, level_choices, score=None, **kwargs):
        kwargs.setdefault("prefix", f"d{dimension.pk}")
        super().__init__(*args, **kwargs)
        self.dimension = dimension
        choices = [("", _("Not set")), *level_choices]
        self.fields["target_level"] = forms.TypedChoiceField(
            label=_("Target level"),
            choices=choices,
            coerce=int,
            empty_value=None,
            required=False,
            initial=score.target_level if score else "",
        )
        self.fields["consensus_level"] = forms.TypedChoiceField(
            label=_("Agreed level (consensus)"),
            choices=choices,
            coerce=int,
            empty_value=None,
            required=False,
            initial=score.consensus_level if score else "",
        )
        self.fields["consensus_reason"] = forms.CharField(
            label=_("Reason for the agreed level"),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 2}),
            initial=score.consensus_reason if score else "",
        )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if (
            data.get("consensus_level") is not None
            and not (data.get("consensus_reason") or "").strip()
        ):
            self.add_error("consensus_reason", _("Give the reason the group agreed on this level."))
        return data


class ModelImportForm(forms.Form):
    file = forms.FileField(
        label=_("JSON file"),
        required=False,
        help_text=_("An export of a maturity model from this portal."),
    )
    text = forms.CharField(
        max_length=1_000_000,
        label=_("Or paste the JSON"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "font-monospace"}),
    )
    changelog = forms.CharField(
        label=_("What changed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        upload = data.get("file")
        text = data.get("text") or ""
        if upload:
            if upload.size > MAX_IMPORT_BYTES:
                raise ValidationError(_("The file is larger than 1 MB."))
            try:
                text = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                raise ValidationError(_("The file is not a UTF-8 text file.")) from None
        if not text.strip():
            raise ValidationError(_("Choose a file or paste the JSON."))
        parsed = parse_json_import(text)
        model_data_validate(data=parsed)
        data["parsed"] = parsed
        return data


# --- The maturity-model editor -------------------------------------------------------------


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ModelInfoForm(forms.Form):
    name = forms.CharField(label=_("Name of the model"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=_textarea(3)
    )


class ChangelogForm(forms.Form):
    changelog = forms.CharField(
        label=_("What changed"),
        required=False,
        max_length=2000,
        widget=_textarea(2),
        help_text=_("Shown with the new version, so others see why it differs."),
    )


class LevelForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=2000, widget=_textarea(2)
    )


def level_formset(count: int) -> type[forms.BaseFormSet]:
    """A formset of exactly ``count`` levels: this page renames levels; adding one or removing
    the highest has pages of its own (every description and answer option belongs to a
    level, see services.model_level_add and model_level_remove)."""
    return forms.formset_factory(
        LevelForm, extra=0, min_num=count, max_num=count, validate_min=True, validate_max=True
    )


def _in_new_order(entries: list[tuple[int | None, bool, Any]]) -> list[Any]:
    """(position typed, position changed, item) in the order the positions say: an item
    without a position goes last; of two at the same position, the one moved there first."""
    ranked = sorted(
        enumerate(entries),
        key=lambda entry: (
            entry[1][0] is None,
            entry[1][0] or 0,
            not entry[1][1],
            entry[0],
        ),
    )
    return [item for _index, (_position, _moved, item) in ranked]


class DimensionOrderForm(forms.Form):
    """A position per dimension, 1 being the first."""

    def __init__(self, *args, dimensions: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.dimensions = dimensions
        for number, (key, name) in enumerate(dimensions, start=1):
            self.fields[f"position_{key}"] = forms.IntegerField(
                label=name, min_value=1, max_value=len(dimensions), initial=number
            )

    def keys(self) -> list[str]:
        """The dimensions' keys in their new order."""
        return _in_new_order(
            [
                (
                    self.cleaned_data[f"position_{key}"],
                    self.cleaned_data[f"position_{key}"] != number,
                    key,
                )
                for number, (key, _name) in enumerate(self.dimensions, start=1)
            ]
        )


class DimensionForm(forms.Form):
    name = forms.CharField(label=_("Name of the dimension"), max_length=120)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=_textarea(3)
    )
    sources = forms.CharField(
        label=_("Draws from"),
        required=False,
        max_length=2000,
        widget=_textarea(2),
        help_text=_("The frameworks this dimension is based on."),
    )

    def __init__(self, *args, levels: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.levels = levels
        for number, name in levels:
            self.fields[f"descriptor_{number}"] = forms.CharField(
                label=_("Level %(number)s, %(name)s") % {"number": number, "name": name},
                max_length=2000,
                widget=_textarea(2),
            )

    @property
    def descriptor_fields(self) -> list[forms.BoundField]:
        return [self[f"descriptor_{number}"] for number, _name in self.levels]

    @property
    def descriptors(self) -> list[str]:
        return [self.cleaned_data[f"descriptor_{number}"].strip() for number, _n in self.levels]


class ModelQuestionForm(forms.Form):
    key = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Question"), max_length=500)
    help_text = forms.CharField(
        label=_("Explanation"), required=False, max_length=2000, widget=_textarea(2)
    )

    def __init__(self, *args, levels: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.levels = levels
        for number, name in levels:
            self.fields[f"option_{number}"] = forms.CharField(
                label=_("Answer for level %(number)s, %(name)s") % {"number": number, "name": name},
                max_length=500,
            )

    @property
    def option_fields(self) -> list[forms.BoundField]:
        return [self[f"option_{number}"] for number, _name in self.levels]

    def as_data(self) -> dict:
        data = self.cleaned_data
        return {
            "key": data.get("key", ""),
            "text": data["text"].strip(),
            "help_text": data.get("help_text", "").strip(),
            "options": [data[f"option_{number}"].strip() for number, _n in self.levels],
        }


class BaseModelQuestionFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this question")
        if "ORDER" in form.fields:
            form.fields["ORDER"].label = _("Position")

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        if not self.questions():
            raise ValidationError(_("A dimension needs at least one question."))

    def questions(self) -> list[dict]:
        """The questions to keep, in the order of their positions (an untouched extra form
        and a removed question left out; a new question without a position goes last)."""
        kept = [
            (form.cleaned_data.get("ORDER"), "ORDER" in form.changed_data, form.as_data())
            for form in self.forms
            # django-stubs lacks BaseFormSet._should_delete_form (Django's own test for DELETE).
            if (form.initial or form.has_changed()) and not self._should_delete_form(form)  # type: ignore[attr-defined]
        ]
        return _in_new_order(kept)


# django-stubs types formset_factory as returning type[BaseFormSet], not the formset= class.
ModelQuestionFormSet: type[BaseModelQuestionFormSet] = forms.formset_factory(  # type: ignore[assignment]
    ModelQuestionForm,
    formset=BaseModelQuestionFormSet,
    extra=1,
    can_delete=True,
    can_order=True,
    max_num=30,
    validate_max=True,
)


def error_items(*forms_and_formsets) -> list[tuple[str, str]]:
    """Every error of a page's forms and formsets as (field id or "", message), for the
    one error summary the page shows (templates/baseline/_editor_errors.html)."""
    items: list[tuple[str, str]] = []
    forms_list: list = []
    for item in forms_and_formsets:
        if isinstance(item, forms.BaseFormSet):
            items.extend(("", str(error)) for error in item.non_form_errors())
            forms_list.extend(item.forms)
        else:
            forms_list.append(item)
    for form in forms_list:
        items.extend(("", str(error)) for error in form.non_field_errors())
        for name, errors in form.errors.items():
            if name == "__all__":
                continue
            field = form[name]
            items.extend((field.id_for_label, f"{field.label}: {error}") for error in errors)
    return items
