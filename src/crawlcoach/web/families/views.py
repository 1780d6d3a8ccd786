"""Accounts and the family: sign-up, log-in with lock-out, invitations, the caregivers page."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from crawlcoach.web.api.family_page import token_section
from crawlcoach.web.families.access import family_of, family_required, signed_in_user
from crawlcoach.web.families.account_forms import RenameFamilyForm
from crawlcoach.web.families.admin_views import NEW_RESET_LINK_SESSION_KEY
from crawlcoach.web.families.forms import (
    CaregiverCreationForm,
    LockoutAuthenticationForm,
    SignupForm,
)
from crawlcoach.web.families.models import Caregiver, Family, Invitation


def signup_open() -> bool:
    """The first visit creates the first account; later families only when the server allows."""
    return settings.OPEN_SIGNUP or not get_user_model().objects.exists()


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    if not signup_open():
        return render(request, "families/signup_closed.html", status=403)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            family = Family.objects.create(name=form.cleaned_data["family_name"])
            Caregiver.objects.create(user=user, family=family, is_admin=True)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.first_name}! Add your baby to begin.")
        return redirect("child_add")
    first = not get_user_model().objects.exists()
    return render(request, "families/signup.html", {"form": form, "first_account": first})


class LoginView(auth_views.LoginView):
    template_name = "families/login.html"
    authentication_form = LockoutAuthenticationForm
    redirect_authenticated_user = True

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if not get_user_model().objects.exists():
            return redirect("signup")  # no default password: the first visit makes the account
        return super().dispatch(request, *args, **kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "families/password_change.html"

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, "Your password has been changed.")
        return response

    def get_success_url(self) -> str:
        return reverse("family")


@family_required
def family_page(request: HttpRequest) -> HttpResponse:
    family = family_of(request)
    now = timezone.now()
    invitations = [inv for inv in family.invitations.all() if inv.is_open(now)]
    links = [(inv, invitation_link(inv)) for inv in invitations]
    caregivers = family.caregivers.select_related("user").order_by("joined_at")
    me = next(c for c in caregivers if c.user_id == request.user.pk)
    context = {
        "caregivers": caregivers,
        "invitation_links": links,
        "is_admin": me.is_admin,
        "rename_form": RenameFamilyForm(initial={"name": family.name}),
        "new_reset_link": request.session.pop(NEW_RESET_LINK_SESSION_KEY, None),
        **token_section(request),
    }
    return render(request, "families/family.html", context)


def invitation_link(invitation: Invitation) -> str:
    """The join link on the configured site address, never on the request's Host header."""
    return urljoin(settings.SITE_URL, reverse("join", args=[invitation.token]).lstrip("/"))


@require_POST
@family_required
def invite(request: HttpRequest) -> HttpResponse:
    Invitation.objects.create(
        family=family_of(request),
        created_by=signed_in_user(request),
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_DAYS),
    )
    messages.success(
        request,
        "Invitation link made. Send it to the other caregiver; it works once, "
        f"for {settings.INVITATION_DAYS} days.",
    )
    return redirect("family")


@require_POST
@family_required
def revoke_invitation(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation,
        pk=invitation_id,
        family=family_of(request),
    )
    invitation.delete()
    messages.success(request, "Invitation withdrawn; the link no longer works.")
    return redirect("family")


class _InvitationTaken(Exception):
    """Another join consumed the invitation first; the new account is rolled back."""


def join(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.objects.select_related("family").filter(token=token).first()
    if invitation is None or not invitation.is_open(timezone.now()):
        return _closed_invitation(request, invitation)
    if request.user.is_authenticated:
        return _join_signed_in(request, invitation)
    form = CaregiverCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)  # hashes the password before the transaction starts
        try:
            _accept(invitation, user)
        except _InvitationTaken:
            invitation.refresh_from_db()
            return _closed_invitation(request, invitation)
        except IntegrityError:
            form.add_error("username", "That username was taken a moment ago; choose another.")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome to {invitation.family.name}, {user.first_name}!")
            return redirect("home")
    return render(request, "families/join.html", {"form": form, "invitation": invitation})


def _join_signed_in(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """An account without a family (it left, or was removed) joins with itself; an account in a
    family is asked to log out first (one family per account)."""
    user = signed_in_user(request)
    in_family = Caregiver.objects.filter(user=user).exists()
    if request.method == "POST" and not in_family:
        try:
            _accept(invitation, user, existing=True)
        except (_InvitationTaken, IntegrityError):
            invitation.refresh_from_db()
            return _closed_invitation(request, invitation)
        messages.success(request, f"Welcome to {invitation.family.name}, {user.first_name}!")
        return redirect("home")
    context = {"invitation": invitation, "in_family": in_family}
    return render(request, "families/join_logged_in.html", context)


def _accept(invitation: Invitation, user: User, existing: bool = False) -> None:
    """Create the account and its membership, consuming the invitation in the same transaction.

    The invitation is taken by one conditional UPDATE (``accepted_at IS NULL``): of several joins
    at once exactly one matches the row, the others roll their new accounts back.
    """
    now = timezone.now()
    with transaction.atomic():
        if not existing:
            user.save()
        Caregiver.objects.create(user=user, family=invitation.family)
        taken = Invitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True, expires_at__gt=now
        ).update(accepted_at=now, accepted_by=user)
        if not taken:
            raise _InvitationTaken


def _closed_invitation(request: HttpRequest, invitation: Invitation | None) -> HttpResponse:
    """A calm page for a link that was used, has expired, or is unknown (withdrawn or garbled)."""
    if invitation is None:
        reason, status = "unknown", 404
    else:
        reason, status = ("used" if invitation.accepted_at else "expired"), 410
    context = {"reason": reason, "days": settings.INVITATION_DAYS}
    return render(request, "families/join_closed.html", context, status=status)
