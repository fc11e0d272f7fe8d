import re

from django import forms
from django.utils.translation import gettext_lazy as _

from engagements.forms import form_field
from engagements.validators import validate_sane_date
from workshops.charts import scale_labels
from workshops.models import (
    MAX_CONTRIBUTION_LENGTH,
    RANKING_PLACES,
    Complexity,
    Dimension,
    Endorsement,
    Example,
    ItemKind,
    MunicipalTask,
)
from workshops.services import MAX_TIMER_MINUTES


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = forms.DateField(label=_("Date"), widget=DateInput(), validators=[validate_sane_date])
    with_defaults = forms.BooleanField(
        label=_("Start with the default agenda"),
        required=False,
        initial=True,
        help_text=_(
            "Slides, survey results, examples (with the client's own products), statements, "
            "vision and ambassadors. You can change everything afterwards."
        ),
    )


def _option_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def presenter_notes_field() -> forms.CharField:
    """Notes prepared with an agenda item for the facilitator's eyes only."""
    return forms.CharField(
        max_length=5000,
        label=_("Presenter notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Only for you: shown on the facilitator page with this item, never on the "
            "projector or the phones."
        ),
    )


OPTIONS_HELP = _("Multiple-choice poll only: one option per line, two to eight options.")


class ItemForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (kind, kind.label)
            for kind in (
                ItemKind.SLIDE,
                ItemKind.STATEMENT,
                ItemKind.QUESTION,
                ItemKind.POLL,
                ItemKind.IDEAS,
                ItemKind.RANKING,
            )
        ],
        widget=forms.RadioSelect,
        initial=ItemKind.STATEMENT,
    )
    title = forms.CharField(
        label=_("Title, statement or question"),
        max_length=300,
        widget=forms.TextInput(attrs={"size": 60}),
    )
    body = forms.CharField(
        max_length=20_000,
        label=_("Text (slides only)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: **bold**, lists with - or 1., headings with #."),
    )
    options = forms.CharField(
        max_length=5000,
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=OPTIONS_HELP,
    )
    presenter_notes = presenter_notes_field()

    def clean_options(self):
        return _option_lines(self.cleaned_data["options"])

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("kind") == ItemKind.POLL and len(data.get("options") or []) < 2:
            self.add_error("options", _("Give a poll between 2 and 8 options, one per line."))
        return data


class ItemUpdateForm(forms.Form):
    title = forms.CharField(label=_("Title, statement or question"), max_length=300)
    body = forms.CharField(
        max_length=20_000,
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Markdown: **bold**, lists with - or 1., headings with #."),
    )
    options = forms.CharField(
        max_length=5000,
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=OPTIONS_HELP,
    )
    presenter_notes = presenter_notes_field()

    def __init__(self, *args, kind: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if kind != ItemKind.POLL:
            del self.fields["options"]

    def clean_options(self):
        return _option_lines(self.cleaned_data["options"])


class VisionStatementForm(forms.Form):
    """A vision statement prepared before the session or reworded during it."""

    text = forms.CharField(
        label=_("Vision statement"),
        max_length=1000,
        error_messages={"required": _("Type the vision statement first.")},
    )
    dimension_key = forms.ChoiceField(label=_("Dimension (optional)"), required=False, choices=[])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "dimension_key", forms.ChoiceField).choices = [
            ("", _("(none)")),
            *Dimension.choices,
        ]


class ContributionForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_CONTRIBUTION_LENGTH,
        error_messages={
            "required": _("Type your answer first."),
            "max_length": _("Keep your answer under %(limit_value)d characters."),
        },
    )


class UpvoteForm(forms.Form):
    idea = forms.IntegerField(widget=forms.HiddenInput)


class PollForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    option = forms.IntegerField(
        min_value=0,
        error_messages={
            "required": _("Choose one of the options."),
            "invalid": _("Choose one of the options."),
            "min_value": _("Choose one of the options."),
        },
    )


class RankingForm(forms.Form):
    """Up to three dimensions, most important first; works as plain selects without JS."""

    item = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("(choose)")), *Dimension.choices]
        for place in range(1, RANKING_PLACES + 1):
            self.fields[f"place_{place}"] = forms.ChoiceField(
                label=_("Place %(place)s") % {"place": place},
                required=place == 1,
                choices=choices,
                error_messages={
                    "required": _("Choose at least your most important dimension."),
                    "invalid_choice": _("Choose dimensions from the list."),
                },
            )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        order = [data.get(f"place_{place}") for place in range(1, RANKING_PLACES + 1)]
        order = [key for key in order if key]
        if len(set(order)) != len(order):
            raise forms.ValidationError(_("Choose each dimension at most once."))
        data["order"] = order
        return data


class OwnProductForm(forms.ModelForm):
    chart_title = forms.CharField(label=_("Chart title"), max_length=200, required=False)
    chart_data = forms.CharField(
        max_length=5000,
        label=_("Sample data for a chart"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Optional: one line per bar, a label and a number separated by a semicolon, "
            "for example: Rucphen;120. The gallery then shows a live chart."
        ),
    )

    def clean_chart_data(self):
        labels, values = [], []
        lines = [line.strip() for line in self.cleaned_data["chart_data"].splitlines()]
        for number, line in enumerate((line for line in lines if line), start=1):
            label, _sep, value = line.rpartition(";")
            try:
                parsed = float(value.strip().replace(",", "."))
            except ValueError:
                parsed = None
            if not label.strip() or parsed is None or parsed != parsed or abs(parsed) > 1e12:
                raise forms.ValidationError(
                    _("Line %(number)s is not a label and a number, such as Rucphen;120.")
                    % {"number": number}
                )
            labels.append(label.strip()[:60])
            values.append(parsed)
        if len(labels) > 30:
            raise forms.ValidationError(_("Use at most 30 lines."))
        return {"labels": labels, "values": values} if labels else {}

    class Meta:
        model = Example
        fields = [
            "title",
            "task",
            "complexity",
            "summary",
            "data_used",
            "benefits",
            "source_name",
            "source_url",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "data_used": forms.Textarea(attrs={"rows": 2}),
            "benefits": forms.Textarea(attrs={"rows": 2}),
        }


class GalleryFilterForm(forms.Form):
    task = forms.ChoiceField(
        label=_("Municipal task"),
        required=False,
        choices=[("", _("All tasks")), *MunicipalTask.choices],
    )
    complexity = forms.ChoiceField(
        label=_("Complexity"),
        required=False,
        choices=[("", _("Simple and advanced")), *Complexity.choices],
    )


class ControlAction:
    GOTO = "goto"
    NEXT = "next"
    PREVIOUS = "previous"
    OPEN = "open"
    CLOSE = "close"
    REVEAL = "reveal"
    HIDE = "hide"
    NEW_ROUND = "new_round"
    RESET = "reset"
    TIMER_START = "timer_start"
    TIMER_STOP = "timer_stop"
    SAVE_NOTES = "save_notes"
    VISION_ADD = "vision_add"
    VISION_DELETE = "vision_delete"
    PRIORITIES = "priorities"
    ADOPT = "adopt"
    UNADOPT = "unadopt"
    FINISH = "finish"
    REOPEN = "reopen"

    ALL = (
        GOTO, NEXT, PREVIOUS, OPEN, CLOSE, REVEAL, HIDE, NEW_ROUND, RESET, TIMER_START,
        TIMER_STOP, SAVE_NOTES, VISION_ADD, VISION_DELETE, PRIORITIES, ADOPT, UNADOPT,
        FINISH, REOPEN,
    )  # fmt: skip


DIMENSION_CHOICES = [("", _("(none)")), *Dimension.choices]


class ControlForm(forms.Form):
    """The facilitator's one form: every button posts the notes too, so nothing typed is lost."""

    # A button's value: an action, or "goto:<item id>" / "vision_delete:<statement id>".
    action = forms.CharField(max_length=40)
    # The item the notes were typed for (another screen may have moved on since).
    notes_item = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    notes = forms.CharField(
        max_length=20_000, label=_("Discussion notes"), required=False, widget=forms.Textarea
    )
    minutes = forms.DecimalField(
        label=_("Minutes"),
        required=False,
        min_value=1,
        max_value=MAX_TIMER_MINUTES,
        decimal_places=1,
        initial=5,
    )
    vision_text = forms.CharField(label=_("New vision statement"), required=False, max_length=1000)
    dimension_key = forms.ChoiceField(
        label=_("Dimension"), required=False, choices=DIMENSION_CHOICES
    )
    priority_1 = forms.ChoiceField(label=_("Priority 1"), required=False, choices=DIMENSION_CHOICES)
    priority_2 = forms.ChoiceField(label=_("Priority 2"), required=False, choices=DIMENSION_CHOICES)
    priority_3 = forms.ChoiceField(label=_("Priority 3"), required=False, choices=DIMENSION_CHOICES)

    def clean_action(self):
        raw = self.cleaned_data["action"]
        action, _sep, target = raw.partition(":")
        if action not in ControlAction.ALL:
            raise forms.ValidationError(_("Unknown action."))
        # ASCII digits only: str.isdigit() also accepts '²' and '١', which int() refuses.
        self.cleaned_data["target"] = int(target) if re.fullmatch(r"[0-9]{1,18}", target) else None
        return action

    def clean(self):
        super().clean()
        data = self.cleaned_data
        action = data.get("action")
        if action == ControlAction.TIMER_START and not data.get("minutes"):
            self.add_error("minutes", _("Enter a number of minutes between 1 and 120."))
        if action == ControlAction.VISION_ADD and not (data.get("vision_text") or "").strip():
            self.add_error("vision_text", _("Type the vision statement first."))
        if action in (ControlAction.GOTO, ControlAction.VISION_DELETE) and not data.get("target"):
            self.add_error(None, _("Choose an item."))
        if action == ControlAction.PRIORITIES:
            chosen = [data.get(f"priority_{n}") for n in (1, 2, 3) if data.get(f"priority_{n}")]
            if len(set(chosen)) != len(chosen):
                self.add_error(None, _("Choose each dimension at most once."))
            data["priorities"] = chosen
        return data


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        help_text=_("The code on the projector, for example K7M2QX."),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper().replace(" ", "")


class JoinForm(forms.Form):
    name = forms.CharField(
        label=_("Name (optional)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    department = forms.CharField(
        label=_("Department (optional)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )


class VoteForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    value = forms.TypedChoiceField(
        label=_("Your answer"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose one of the five answers."),
            "invalid_choice": _("Choose one of the five answers."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "value", forms.ChoiceField).choices = list(
            zip(range(1, 6), scale_labels(), strict=True)
        )


class MarkForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    relevant = forms.BooleanField(required=False)


class EndorseForm(forms.Form):
    statement = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.ChoiceField(
        label=_("Your answer"),
        choices=Endorsement.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose one of the three answers."),
            "invalid_choice": _("Choose one of the three answers."),
        },
    )


class AmbassadorForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name to volunteer as ambassador.")},
    )
    department = forms.CharField(
        label=_("Department (optional)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    withdraw = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.data.get("withdraw"):
            self.fields["name"].required = False


MAX_PICTURE_BYTES = 10 * 1024 * 1024


class ExamplePictureForm(forms.Form):
    """A picture for a gallery example (PNG or JPEG) with the text that describes it."""

    picture = forms.FileField(
        label=_("Picture (PNG or JPEG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    picture_alt = forms.CharField(
        label=_("What the picture shows"),
        max_length=300,
        required=False,
        help_text=_("For people who cannot see the picture; required with a picture."),
    )
    remove = forms.BooleanField(label=_("Remove the picture"), required=False)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("remove"):
            return data
        picture = data.get("picture")
        if not picture:
            self.add_error("picture", _("Choose a PNG or JPEG file."))
        elif picture.size > MAX_PICTURE_BYTES:
            self.add_error("picture", _("The picture is larger than 10 MB."))
        if not (data.get("picture_alt") or "").strip():
            self.add_error("picture_alt", _("Describe what the picture shows."))
        return data
