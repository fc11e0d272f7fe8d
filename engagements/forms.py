from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from engagements.models import Engagement, Organisation


def form_field[F: forms.Field](form: forms.BaseForm, name: str, kind: type[F]) -> F:
    """The form's field ``name`` as the kind of field the form declares it to be.

    ``form.fields`` holds plain ``Field``s for the type checker; a form that sets the choices
    or queryset of one of its fields in ``__init__`` asks for it by kind through this.
    """
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{name} is a {type(field).__name__}, not a {kind.__name__}.")
    return field


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "cbs_code", "logo"]


class StaffInviteForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=150,
        help_text=_("The invitation goes here; it is also the user name."),
    )
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)


class EngagementForm(forms.ModelForm):
    consultants = forms.ModelMultipleChoiceField(
        label=_("Consultants"),
        queryset=User.objects.filter(role=Role.CONSULTANT, is_active=True).order_by("username"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The consultants who manage this engagement."),
    )

    class Meta:
        model = Engagement
        fields = [
            "organisation",
            "title",
            "description",
            "starts_on",
            "ends_on",
            "status",
            "min_group_size",
            "consultants",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            form_field(self, "organisation", forms.ModelChoiceField).queryset = organisations
        if self.instance.pk:
            # The client of an engagement does not change.
            self.fields["organisation"].disabled = True

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        return cleaned


class EngagementDeleteForm(forms.Form):
    confirm_title = forms.CharField(
        label=_("Type the title of the engagement to confirm"),
        max_length=200,
        help_text=_("Deleting cannot be undone. Download the archive first if you need it."),
    )

    def __init__(self, *args, engagement, **kwargs):
        super().__init__(*args, **kwargs)
        self.engagement = engagement

    def clean_confirm_title(self):
        value = self.cleaned_data["confirm_title"].strip()
        if value != self.engagement.title:
            raise forms.ValidationError(_("This is not the title of the engagement."))
        return value
