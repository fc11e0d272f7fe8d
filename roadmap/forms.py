from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.forms import form_field
from roadmap.catalogue import parse_catalogue
from roadmap.generator import MAX_LEVEL, MIN_LEVEL, Effort
from roadmap.models import (
    MAX_CAPACITY,
    MAX_DURATION_QUARTERS,
    MAX_HORIZON_YEARS,
    CatalogueAction,
    DocumentStatus,
    ItemStatus,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

QUARTER_CHOICES = [(n, _("Q%(number)s") % {"number": n}) for n in range(1, 5)]
LEVEL_CHOICES = [("", _("not set"))] + [(n, str(n)) for n in range(MIN_LEVEL, MAX_LEVEL + 1)]
MAX_IMPORT_BYTES = 1_000_000


def _level_or_none(label: "StrOrPromise", choices: Sequence[tuple[Any, Any]]) -> forms.Field:
    """A level to choose, or none (the empty choice gives None)."""
    return forms.TypedChoiceField(
        label=label, choices=choices, coerce=int, empty_value=None, required=False
    )


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 2000)
        kwargs.setdefault("max_value", 2100)
        super().__init__(**kwargs)


class RoadmapCreateForm(forms.Form):
    start_year = YearField(label=_("First year"))
    start_quarter = forms.TypedChoiceField(
        label=_("First quarter"), choices=QUARTER_CHOICES, coerce=int, initial=1
    )
    horizon_years = forms.IntegerField(
        label=_("Horizon in years"), min_value=1, max_value=MAX_HORIZON_YEARS, initial=3
    )
    capacity = forms.IntegerField(
        label=_("Actions at the same time"),
        min_value=1,
        max_value=MAX_CAPACITY,
        initial=3,
        help_text=_("How many actions the organisation can carry at once."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["start_year"].initial = today.year + (1 if today.month > 9 else 0)


class RoadmapSettingsForm(RoadmapCreateForm):
    """Planning settings plus the current and target level of every dimension."""

    def __init__(self, *args, dimensions, **kwargs):
        super().__init__(*args, **kwargs)
        self.dimensions = list(dimensions)
        for dimension in self.dimensions:
            self.fields[f"current_{dimension.key}"] = _level_or_none(_("Now"), LEVEL_CHOICES)
            self.fields[f"target_{dimension.key}"] = _level_or_none(_("Target"), LEVEL_CHOICES)
            self.initial.setdefault(f"current_{dimension.key}", dimension.current_level)
            self.initial.setdefault(f"target_{dimension.key}", dimension.target_level)

    def dimension_rows(self):
        return [
            (dimension, self[f"current_{dimension.key}"], self[f"target_{dimension.key}"])
            for dimension in self.dimensions
        ]

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        for dimension in self.dimensions:
            current = cleaned.get(f"current_{dimension.key}")
            target = cleaned.get(f"target_{dimension.key}")
            if current is not None and target is not None and target < current:
                self.add_error(
                    f"target_{dimension.key}",
                    _("The target of %(name)s is below its current level.")
                    % {"name": dimension.name},
                )
        return cleaned

    def levels(self) -> dict[str, tuple[int | None, int | None]]:
        return {
            d.key: (self.cleaned_data[f"current_{d.key}"], self.cleaned_data[f"target_{d.key}"])
            for d in self.dimensions
        }


class ItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    owner = forms.CharField(label=_("Owner"), max_length=120, required=False)
    start_year = YearField(label=_("Year"))
    start_quarter = forms.TypedChoiceField(label=_("Quarter"), choices=QUARTER_CHOICES, coerce=int)
    duration_quarters = forms.IntegerField(
        label=_("Duration in quarters"), min_value=1, max_value=MAX_DURATION_QUARTERS
    )
    status = forms.ChoiceField(label=_("Status"), choices=ItemStatus.choices)
    cost_euros = forms.IntegerField(
        label=_("Cost estimate in euros (optional)"),
        min_value=0,
        max_value=100_000_000,
        required=False,
        help_text=_("One-off cost; summed per year under “Resources” in the document."),
    )
    fte = forms.DecimalField(
        label=_("FTE estimate (optional)"),
        min_value=0,
        max_value=99,
        max_digits=4,
        decimal_places=1,
        required=False,
        localize=True,
        help_text=_("Staff capacity while the action runs, for example 0,4."),
    )
    pinned = forms.BooleanField(
        label=_("Keep this action as it is when the roadmap is generated again"),
        required=False,
        initial=True,
    )


class ItemCreateForm(forms.Form):
    dimension_key = forms.ChoiceField(label=_("Dimension"))
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    effort = forms.ChoiceField(label=_("Effort"), choices=Effort.choices, initial=Effort.MEDIUM)
    owner = forms.CharField(label=_("Owner"), max_length=120, required=False)
    start_year = YearField(label=_("Year"))
    start_quarter = forms.TypedChoiceField(label=_("Quarter"), choices=QUARTER_CHOICES, coerce=int)
    duration_quarters = forms.IntegerField(
        label=_("Duration in quarters"), min_value=1, max_value=MAX_DURATION_QUARTERS, initial=1
    )

    def __init__(self, *args, dimensions, **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "dimension_key", forms.ChoiceField).choices = [
            (d.key, d.name) for d in dimensions
        ]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ItemStatus.choices)


class ActionsField(forms.ModelMultipleChoiceField):
    """Catalogue actions, each shown by its title and key."""

    def label_from_instance(self, obj: CatalogueAction) -> str:
        return f"{obj.title} ({obj.key})"


class CatalogueActionForm(forms.Form):
    key = forms.SlugField(
        label=_("Key"),
        max_length=80,
        help_text=_("Lower-case letters, digits and hyphens, unique in this catalogue."),
    )
    dimension_key = forms.ChoiceField(label=_("Dimension"))
    from_level = forms.TypedChoiceField(
        label=_("Step"),
        coerce=int,
        choices=[(n, f"{n} → {n + 1}") for n in range(MIN_LEVEL, MAX_LEVEL)],
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        max_length=5000,
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    effort = forms.ChoiceField(label=_("Effort"), choices=Effort.choices)
    duration_quarters = forms.IntegerField(
        label=_("Duration in quarters"), min_value=1, max_value=MAX_DURATION_QUARTERS, initial=1
    )
    owner_role = forms.CharField(label=_("Owner role"), max_length=120, required=False)
    prerequisites = ActionsField(
        label=_("Prerequisites"),
        queryset=CatalogueAction.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Actions that must be finished before this one starts."),
    )
    met_by_vision = forms.BooleanField(
        label=_("Done once the vision session has adopted a vision"),
        required=False,
        help_text=_("Never planned for an engagement whose vision has been adopted."),
    )

    def __init__(self, *args, catalogue, dimensions, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalogue = catalogue
        self.action = action
        self.dimensions = dimensions
        form_field(self, "dimension_key", forms.ChoiceField).choices = dimensions
        others = catalogue.actions.order_by("dimension_key", "from_level", "key")
        if action is not None:
            others = others.exclude(pk=action.pk)
        form_field(self, "prerequisites", ActionsField).queryset = others
        rule_choices = [("", _("no rule"))] + [(n, str(n)) for n in range(2, MAX_LEVEL + 1)]
        for key, name in dimensions:
            self.fields[f"rule_{key}"] = _level_or_none(name, rule_choices)

    def rule_fields(self):
        return [self[f"rule_{key}"] for key, _name in self.dimensions]

    def clean_key(self):
        key = self.cleaned_data["key"]
        clash = self.catalogue.actions.filter(key=key)
        if self.action is not None:
            clash = clash.exclude(pk=self.action.pk)
        if clash.exists():
            raise ValidationError(_("Another action in this catalogue has this key."))
        return key

    def level_rules(self) -> dict[str, int]:
        return {
            key: self.cleaned_data[f"rule_{key}"]
            for key, _name in self.dimensions
            if self.cleaned_data.get(f"rule_{key}")
        }


class CatalogueImportForm(forms.Form):
    file = forms.FileField(
        label=_("Catalogue file (JSON)"),
        help_text=_("A file exported from this portal. It replaces the actions of the catalogue."),
    )

    def __init__(self, *args, dimension_keys: set[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.dimension_keys = dimension_keys

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is larger than 1 MB."))
        return parse_catalogue(upload.read(), dimension_keys=self.dimension_keys)


class DocumentForm(forms.Form):
    """The decision document's status, version and narrative sections (prefilled with the
    drafts from the data; a text left as drafted keeps following the data)."""

    document_status = forms.ChoiceField(label=_("Status"), choices=DocumentStatus.choices)
    document_version = forms.CharField(label=_("Version"), max_length=20)

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        for section in sections:
            self.fields[section.field] = forms.CharField(
                label=section.title,
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 8}),
                help_text=section.help_text,
                initial=section.text,
            )
