"""One's own account: email, leaving the family, deleting the account; and the way back in
when the password is forgotten (a reset link, by email when the server can send it)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from crawlcoach.web import notices
from crawlcoach.web.client_address import client_address
from crawlcoach.web.families import membership, reset
from crawlcoach.web.families.access import signed_in_user
from crawlcoach.web.families.account_forms import (
    DeleteAccountForm,
    EmailForm,
    ForgotPasswordForm,
    SuccessorForm,
)
from crawlcoach.web.families.models import Caregiver


def _caregiver(user: User) -> Caregiver | None:
    return Caregiver.objects.select_related("family").filter(user=user).first()


def _page(request: HttpRequest, status: int = 200, **forms: Any) -> HttpResponse:
    user = signed_in_user(request)
    caregiver = _caregiver(user)
    context = {
        "caregiver": caregiver,
        "email_form": forms.get("email_form") or EmailForm(instance=user),
        "leave_form": forms.get("leave_form") or SuccessorForm(caregiver),
        "delete_form": forms.get("delete_form") or DeleteAccountForm(user),
        "last_member": caregiver is not None and not membership.others(caregiver),
        "needs_successor": caregiver is not None and membership.needs_successor(caregiver),
    }
    return render(request, "families/account.html", context, status=status)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = EmailForm(request.POST, instance=signed_in_user(request))
        if form.is_valid():
            form.save()
            messages.success(request, notices.EMAIL_SAVED)
            return redirect("account")
        return _page(request, status=400, email_form=form)
    return _page(request)


@require_POST
@login_required
def leave_family(request: HttpRequest) -> HttpResponse:
    caregiver = _caregiver(signed_in_user(request))
    if caregiver is None:
        return redirect("account")
    form = SuccessorForm(caregiver, request.POST)
    if not form.is_valid():
        return _page(request, status=400, leave_form=form)
    try:
        departure = membership.leave(caregiver, form.chosen())
    except membership.MembershipRefused as refused:
        form.add_error(None, refused.message)
        return _page(request, status=400, leave_form=form)
    messages.success(request, notices.left_family(departure.family_name))
    return redirect("account")


@require_POST
@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = DeleteAccountForm(user, request.POST)
    if not form.is_valid():
        return _page(request, status=400, delete_form=form)
    try:
        departure = membership.delete_account(user, form.chosen())
    except membership.MembershipRefused as refused:
        form.add_error(None, refused.message)
        return _page(request, status=400, delete_form=form)
    logout(request)
    deleted_family = departure is not None and departure.family_deleted
    messages.success(
        request, notices.ACCOUNT_AND_FAMILY_DELETED if deleted_family else notices.ACCOUNT_DELETED
    )
    return redirect("login")


def forgot_password(request: HttpRequest) -> HttpResponse:
    """With a mail server: a form that emails a reset link, answering the same whatever was
    typed. Without one: how to get a link from the family or from whoever runs the server."""
    form = ForgotPasswordForm(request.POST or None) if settings.EMAIL_ENABLED else None
    sent = False
    if form is not None and request.method == "POST" and form.is_valid():
        reset.email_links(form.cleaned_data["name_or_email"], client_address(request))
        sent = True
    context = {"form": form, "sent": sent, "sent_message": notices.reset_email_sent(reset.hours())}
    return render(request, "families/forgot_password.html", context)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's reset view (the token moves into the session, out of the address bar) on our
    page; a new password signs the user out everywhere else and lifts their sign-in locks."""

    template_name = "families/password_reset.html"
    success_url = reverse_lazy("login")
    post_reset_login = False
    extra_context = {"closed_message": notices.RESET_LINK_CLOSED}

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        reset.after_reset(form.user)
        messages.success(self.request, notices.PASSWORD_RESET_DONE)
        return response
