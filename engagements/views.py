from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from engagements import access, services
from engagements.feedback import error_text
from engagements.forms import (
    EngagementDeleteForm,
    EngagementForm,
    OrganisationForm,
    StaffInviteForm,
)
from engagements.reports import engagement_summary_pdf_bytes
from engagements.selectors import (
    audit_events_for_user,
    engagement_consultant_names,
    engagement_list_for_user,
    organisation_list_for_user,
    staff_invitations_for_organisation,
)
from engagements.stages import stage_statuses
from reporting.pdf import pdf_response
from reporting.responses import attachment_response


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    engagements = list(engagement_list_for_user(user=request.user))
    return render(
        request,
        "engagements/home.html",
        {
            "engagements": engagements,
            "can_create": access.can_create_engagements(request.user),
        },
    )


@login_required
def engagement_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_viewer(request.user, pk)
    return render(
        request,
        "engagements/engagement_detail.html",
        {
            "engagement": engagement,
            "stages": stage_statuses(engagement=engagement, user=request.user),
            "consultant_names": engagement_consultant_names(engagement=engagement),
            "can_manage": access.can_manage_engagement(request.user, engagement),
            "is_administrator": request.user.is_administrator,
        },
    )


@login_required
def engagement_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    access.require_engagement_creator(request.user)
    organisations = access.organisations_visible_to(request.user)
    initial = {"starts_on": timezone.localdate(), "consultants": [request.user.pk]}
    chosen = request.GET.get("organisation", "")
    if chosen.isascii() and chosen.isdigit():
        initial["organisation"] = organisations.filter(pk=int(chosen)).first()
    form = EngagementForm(request.POST or None, organisations=organisations, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        engagement = services.engagement_create(
            organisation=data["organisation"],
            title=data["title"],
            description=data["description"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            status=data["status"],
            min_group_size=data["min_group_size"],
            consultants=list(data["consultants"]),
            created_by=request.user,
        )
        messages.success(request, _("The engagement has been created."))
        return redirect(engagement)
    return render(
        request,
        "engagements/engagement_form.html",
        {"form": form, "new_organisation_url": _new_organisation_url()},
    )


def _new_organisation_url() -> str:
    """The organisation form that returns to a new engagement for the new organisation."""
    return reverse("engagements:organisation_create") + "?volgende=traject"


@login_required
def engagement_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_manager(request.user, pk)
    form = EngagementForm(request.POST or None, instance=engagement)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.engagement_update(
            engagement=engagement,
            title=data["title"],
            description=data["description"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            status=data["status"],
            min_group_size=data["min_group_size"],
            consultants=list(data["consultants"]),
        )
        messages.success(request, _("The changes have been saved."))
        return redirect(engagement)
    return render(
        request, "engagements/engagement_form.html", {"form": form, "engagement": engagement}
    )


@login_required
def engagement_summary_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_viewer(request.user, pk)
    pdf = engagement_summary_pdf_bytes(engagement=engagement, user=request.user)
    filename = _("engagement-summary-%(pk)s.pdf") % {"pk": engagement.pk}
    return pdf_response(pdf, filename=filename)


@login_required
def organisation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = list(organisation_list_for_user(user=request.user))
    return render(
        request,
        "engagements/organisation_list.html",
        {
            "organisations": organisations,
            "can_create": access.can_create_engagements(request.user),
        },
    )


@login_required
def organisation_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organisation = access.get_organisation_for_viewer(request.user, pk)
    engagements = engagement_list_for_user(user=request.user).filter(organisation=organisation)
    can_invite = access.can_invite_staff(request.user, organisation)
    return render(
        request,
        "engagements/organisation_detail.html",
        {
            "organisation": organisation,
            "engagements": list(engagements),
            "can_manage": access.can_create_engagements(request.user),
            "can_create_engagement": access.can_create_engagements(request.user),
            "can_invite": can_invite,
            "invitations": (
                list(staff_invitations_for_organisation(organisation=organisation))
                if can_invite
                else []
            ),
            "can_edit": access.can_manage_organisation(request.user, organisation),
        },
    )


@login_required
def organisation_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    access.require_engagement_creator(request.user)
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(
            name=form.cleaned_data["name"],
            cbs_code=form.cleaned_data["cbs_code"],
            logo=form.cleaned_data["logo"],
        )
        messages.success(request, _("The organisation has been created."))
        if request.GET.get("volgende") == "traject":
            url = reverse("engagements:engagement_create")
            return redirect(f"{url}?organisation={organisation.pk}")
        return redirect(organisation)
    return render(
        request,
        "engagements/organisation_form.html",
        {"form": form, "next_engagement": request.GET.get("volgende") == "traject"},
    )


@login_required
def organisation_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organisation = access.get_organisation_for_manager(request.user, pk)
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        logo = form.cleaned_data["logo"]
        services.organisation_update(
            organisation=organisation,
            name=form.cleaned_data["name"],
            cbs_code=form.cleaned_data["cbs_code"],
            logo=logo or None,
            clear_logo=logo is False,
        )
        messages.success(request, _("The changes have been saved."))
        return redirect(organisation)
    return render(
        request,
        "engagements/organisation_form.html",
        {"form": form, "organisation": organisation},
    )


@login_required
def staff_invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organisation = access.get_organisation_for_inviter(request.user, pk)
    form = StaffInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = services.staff_invite(
                organisation=organisation,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                job_title=data["job_title"],
                invited_by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("The invitation to %(email)s is being sent.") % {"email": invitation.user.email},
            )
            return redirect(organisation)
    return render(
        request, "engagements/staff_invite.html", {"form": form, "organisation": organisation}
    )


def _invitation_of(request: AuthenticatedHttpRequest, pk: int, invitation_pk: int):
    organisation = access.get_organisation_for_inviter(request.user, pk)
    invitation = get_object_or_404(
        organisation.staff_invitations.select_related("user"), pk=invitation_pk
    )
    return organisation, invitation


@login_required
@require_POST
def staff_invitation_resend(
    request: AuthenticatedHttpRequest, pk: int, invitation_pk: int
) -> HttpResponse:
    organisation, invitation = _invitation_of(request, pk, invitation_pk)
    try:
        services.staff_invitation_resend(
            invitation=invitation, base_url=request.build_absolute_uri("/")
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The invitation to %(email)s is being sent again; the earlier link no longer works.")
            % {"email": invitation.user.email},
        )
    return redirect(organisation)


@login_required
@require_POST
def staff_invitation_revoke(
    request: AuthenticatedHttpRequest, pk: int, invitation_pk: int
) -> HttpResponse:
    organisation, invitation = _invitation_of(request, pk, invitation_pk)
    services.staff_invitation_revoke(invitation=invitation)
    messages.success(
        request,
        _("%(name)s no longer has access to %(organisation)s.")
        % {"name": invitation.user, "organisation": organisation},
    )
    return redirect(organisation)


@login_required
def organisation_logo(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    organisation = access.get_organisation_for_viewer(request.user, pk)
    if not organisation.logo:
        raise Http404
    try:
        handle = organisation.logo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle)


@login_required
def engagement_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_administrator(request.user, pk)
    archive = services.engagement_export(engagement=engagement, actor=request.user)
    return attachment_response(
        archive,
        filename=_("engagement-%(pk)s-archive.zip") % {"pk": engagement.pk},
        content_type="application/zip",
    )


@login_required
def engagement_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    engagement = access.get_engagement_for_administrator(request.user, pk)
    form = EngagementDeleteForm(request.POST or None, engagement=engagement)
    if request.method == "POST" and form.is_valid():
        services.engagement_delete(engagement=engagement, actor=request.user)
        messages.success(request, _("The engagement and all its data have been deleted."))
        return redirect("engagements:home")
    return render(
        request, "engagements/engagement_delete.html", {"engagement": engagement, "form": form}
    )


@login_required
def audit_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    access.require_audit_reader(request.user)
    events = list(audit_events_for_user(user=request.user)[:200])
    return render(request, "engagements/audit_log.html", {"events": events})
