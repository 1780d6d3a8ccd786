"""Looking after the family (its admins only): rename it, remove a caregiver, name another
admin, make a reset link for a caregiver who forgot the password."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from crawlcoach.web import notices
from crawlcoach.web.families import membership, reset
from crawlcoach.web.families.access import family_of, family_required, signed_in_user
from crawlcoach.web.families.account_forms import RenameFamilyForm
from crawlcoach.web.families.models import Caregiver

NEW_RESET_LINK_SESSION_KEY = "family_new_reset_link"


def _as_admin(
    request: HttpRequest, action: Callable[[Caregiver], HttpResponse | None]
) -> HttpResponse:
    admin = Caregiver.objects.select_related("family").get(user=signed_in_user(request))
    try:
        membership.require_admin(admin)
        answer = action(admin)
    except membership.MembershipRefused as refused:
        messages.error(request, refused.message)
        answer = None
    return answer or redirect("family")


def _member(request: HttpRequest, caregiver_id: int) -> Caregiver:
    """A caregiver of the request's own family (another family's id: 404)."""
    return get_object_or_404(
        Caregiver.objects.select_related("user"), pk=caregiver_id, family=family_of(request)
    )


@require_POST
@family_required
def rename_family(request: HttpRequest) -> HttpResponse:
    def act(admin: Caregiver) -> None:
        form = RenameFamilyForm(request.POST)
        if not form.is_valid():
            messages.error(request, notices.FAMILY_NAME_NEEDED)
            return
        membership.rename(admin, form.cleaned_data["name"])
        messages.success(request, notices.family_renamed(form.cleaned_data["name"]))

    return _as_admin(request, act)


@require_POST
@family_required
def remove_caregiver(request: HttpRequest, caregiver_id: int) -> HttpResponse:
    other = _member(request, caregiver_id)

    def act(admin: Caregiver) -> None:
        membership.remove(admin, other)
        messages.success(request, notices.caregiver_removed(other.display_name))

    return _as_admin(request, act)


@require_POST
@family_required
def make_admin(request: HttpRequest, caregiver_id: int) -> HttpResponse:
    other = _member(request, caregiver_id)

    def act(admin: Caregiver) -> None:
        membership.make_admin(admin, other)
        messages.success(request, notices.admin_named(other.display_name))

    return _as_admin(request, act)


@require_POST
@family_required
def make_reset_link(request: HttpRequest, caregiver_id: int) -> HttpResponse:
    other = _member(request, caregiver_id)

    def act(admin: Caregiver) -> None:
        # Shown once, on the page the redirect goes to (as a new API token is).
        request.session[NEW_RESET_LINK_SESSION_KEY] = {
            "name": other.display_name,
            "link": reset.link_for(other.user),
            "message": notices.reset_link_made(other.display_name, reset.hours()),
        }

    return _as_admin(request, act)
