from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from engagements.forms import form_field
from engagements.jsonimport import parse_json_import
from surveys.definitions import validate_definition
from surveys.models import (
    LIKERT_LABELS,
    OTHER_KEY,
    SCALE_MAX,
    SCALE_MIN,
    Page,
    Question,
    QuestionKind,
    Survey,
)
from surveys.services import SURVEY_SETTINGS_FIELDS

BLANK = "blank"
MAX_IMPORT_BYTES = 1_000_000
MAX_INVITEES = 200


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class SurveyCreateForm(forms.Form):
    source = forms.ChoiceField(
        label=_("Start from"),
        widget=forms.RadioSelect,
        help_text=_("A template gives you its pages and questions to adapt."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Empty: the title of the template."),
    )

    def __init__(self, *args, templates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.templates = {str(template.pk): template for template in templates}
        form_field(self, "source", forms.ChoiceField).choices = [
            (pk, _("Template: %(title)s") % {"title": template.title})
            for pk, template in self.templates.items()
        ] + [(BLANK, _("An empty survey"))]
        if self.templates:
            self.fields["source"].initial = next(iter(self.templates))

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("source") == BLANK and not cleaned.get("title"):
            self.add_error("title", _("Give the new survey a title."))
        return cleaned

    @property
    def template(self):
        return self.templates.get(self.cleaned_data["source"])


class SurveyImportForm(forms.Form):
    file = forms.FileField(
        label=_("Survey file (JSON)"),
        help_text=_("A file exported from this portal with 'Export (JSON)'."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is larger than 1 MB."))
        return validate_definition(parse_json_import(upload.read()))


class SurveySettingsForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = list(SURVEY_SETTINGS_FIELDS)
        widgets = {
            "opens_at": DateTimeInput(),
            "closes_at": DateTimeInput(),
            "intro": forms.Textarea(attrs={"rows": 4}),
            "thank_you_text": forms.Textarea(attrs={"rows": 3}),
            "invitation_message": forms.Textarea(attrs={"rows": 8}),
            "reminder_message": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.is_template:
            for name in ("opens_at", "closes_at", "open_link_enabled", "access_code"):
                del self.fields[name]

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("The closing date must be after the opening date."))
        return cleaned


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["title", "intro"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 3})}


CONDITION_KINDS = [
    QuestionKind.SINGLE,
    QuestionKind.MULTIPLE,
    QuestionKind.LIKERT,
    QuestionKind.SCALE,
]


def condition_answers(question: Question) -> list[tuple[str, str]]:
    """The answers of ``question`` a condition can name: (stored value, label)."""
    if question.kind == QuestionKind.LIKERT:
        return [(str(number), f"{number} – {label}") for number, label in LIKERT_LABELS]
    if question.kind == QuestionKind.SCALE:
        return [(str(number), str(number)) for number in range(SCALE_MIN, SCALE_MAX + 1)]
    answers = list(zip(question.option_keys, question.options, strict=False))
    if question.allow_other:
        answers.append((OTHER_KEY, str(_("Other"))))
    return answers


class QuestionForm(forms.ModelForm):
    options_text = forms.CharField(
        max_length=10_000,
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One option per line, for a choice or ranking question."),
    )
    move_to_page = forms.ModelChoiceField(
        label=_("Page"), queryset=Page.objects.none(), required=False, empty_label=None
    )
    condition = forms.ChoiceField(
        label=_("Show only when"),
        required=False,
        help_text=_(
            "Choose an answer to a question on an earlier page: only respondents who gave "
            "that answer see this question."
        ),
        error_messages={
            "invalid_choice": _(
                "Choose an answer from the list: only an answer to a choice, scale or agree "
                "question on an earlier page can decide whether this question is shown."
            )
        },
    )

    class Meta:
        model = Question
        fields = [
            "kind",
            "text",
            "options_text",
            "allow_other",
            "ranking_top",
            "max_length",
            "help_text",
            "required",
            "condition",
            "is_highlight",
        ]
        widgets = {"help_text": forms.Textarea(attrs={"rows": 2})}

    # Which fields belong to which question types; the others are hidden by the page's
    # script (static/surveys/question_form.js) and ignored when saving.
    FIELDS_BY_KIND = {
        "options_text": [QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING],
        "allow_other": [QuestionKind.SINGLE, QuestionKind.MULTIPLE],
        "ranking_top": [QuestionKind.RANKING],
        "max_length": [QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT],
    }

    def __init__(self, *args, page: Page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        # Not required: a type that has no such field keeps the model's default.
        self.fields["max_length"].required = False
        self.fields["ranking_top"].required = False
        self.fields["kind"].widget.attrs["data-question-kind"] = ""
        for name, kinds in self.FIELDS_BY_KIND.items():
            self.fields[name].widget.attrs["data-for-kinds"] = " ".join(kinds)
        self._set_condition_choices(page)
        if self.instance.pk:
            self.fields["options_text"].initial = "\n".join(self.instance.options)
            form_field(self, "move_to_page", forms.ModelChoiceField).queryset = Page.objects.filter(
                survey_id=page.survey_id
            ).order_by("position")
            self.fields["move_to_page"].initial = page.pk
        else:
            del self.fields["move_to_page"]

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("max_length") is None:
            cleaned["max_length"] = Question._meta.get_field("max_length").default
        if cleaned.get("ranking_top") is None:
            cleaned["ranking_top"] = 0
        lines = (cleaned.get("options_text") or "").splitlines()
        cleaned["options"] = [line.strip() for line in lines if line.strip()]
        kind = cleaned.get("kind")
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING):
            if len(cleaned["options"]) < 2:
                self.add_error("options_text", _("Enter at least two options, one per line."))
            elif len(set(cleaned["options"])) != len(cleaned["options"]):
                self.add_error("options_text", _("Each option may appear only once."))
        question_pk, _colon, value = (cleaned.get("condition") or "").partition(":")
        cleaned["condition_question"] = self.earlier.get(question_pk)
        cleaned["condition_value"] = value if cleaned["condition_question"] else ""
        return cleaned

    def _set_condition_choices(self, page: Page) -> None:
        """The answers of the earlier questions, grouped per question; stored as
        "<question id>:<option key or number>"."""
        earlier = Question.objects.filter(
            page__survey_id=page.survey_id,
            page__position__lt=page.position,
            kind__in=CONDITION_KINDS,
        ).order_by("page__position", "position")
        self.earlier = {str(question.pk): question for question in earlier}
        choices: list = [("", _("Always show"))]
        for pk, question in self.earlier.items():
            answers = [
                (f"{pk}:{value}", _("the answer is “%(answer)s”") % {"answer": label})
                for value, label in condition_answers(question)
            ]
            choices.append((question.text, answers))
        instance = self.instance
        if instance.pk and instance.condition_question_id:
            current = f"{instance.condition_question_id}:{instance.condition_value}"
            if not any(
                current == value for _group, answers in choices[1:] for value, _l in answers
            ):
                # A condition written before conditions were checked: kept visible, so that
                # saving says what is wrong instead of dropping it silently.
                choices.append(
                    (
                        current,
                        _("“%(answer)s” (not an option: choose another answer)")
                        % {"answer": instance.condition_value},
                    )
                )
                self.earlier.setdefault(
                    str(instance.condition_question_id), instance.condition_question
                )
            self.fields["condition"].initial = current
        form_field(self, "condition", forms.ChoiceField).choices = choices

    def _post_clean(self):
        # The service validates the model (full_clean) when it saves.
        pass


class InvitationsForm(forms.Form):
    people = forms.CharField(
        max_length=200_000,
        label=_("People to invite"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One person per line: name, then a comma, then the e-mail address. "
            "For example: Jan Jansen, j.jansen@gemeente.nl"
        ),
    )

    def clean_people(self):
        people, errors, seen = [], [], set()
        for number, line in enumerate(self.cleaned_data["people"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            name, _comma, email = line.rpartition(",")
            name, email = name.strip(), email.strip().strip("<>")
            try:
                validate_email(email)
            except ValidationError:
                errors.append(
                    _("Line %(number)s: '%(email)s' is not an e-mail address.")
                    % {"number": number, "email": email}
                )
                continue
            if not name:
                errors.append(_("Line %(number)s: the name is missing.") % {"number": number})
                continue
            if len(name) > 200:
                errors.append(_("Line %(number)s: the name is too long.") % {"number": number})
                continue
            if email.casefold() in seen:
                continue
            seen.add(email.casefold())
            people.append((name, email))
        if errors:
            raise ValidationError(errors)
        if not people:
            raise ValidationError(_("Enter at least one person."))
        if len(people) > MAX_INVITEES:
            raise ValidationError(_("Invite at most 200 people at a time."))
        return people


class SmallGroupConfirmForm(forms.Form):
    """Shown when fewer people are invited than the minimum group size."""

    send_anyway = forms.BooleanField(
        label=_("Send anyway: I understand that results stay hidden below the minimum"),
        required=False,
    )


class AccessCodeForm(forms.Form):
    code = forms.CharField(label=_("Access code"), max_length=40)

    def __init__(self, *args, expected: str, blocked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.expected = expected
        self.blocked = blocked

    def clean_code(self):
        if self.blocked:  # too many wrong codes from this client: not even compared
            raise ValidationError(_("Too many wrong access codes. Try again in ten minutes."))
        code = self.cleaned_data["code"].strip()
        if code.casefold() != self.expected.strip().casefold():
            raise ValidationError(_("This access code is not correct."))
        return code
