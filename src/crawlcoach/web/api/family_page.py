"""The Family page's API tokens section: each caregiver makes and withdraws their own tokens.
A new token is shown once, on the page the making redirects to; only its hash is kept."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from crawlcoach.web.api import tokens
from crawlcoach.web.api.models import ApiToken
from crawlcoach.web.families.access import family_required, signed_in_user
from crawlcoach.web.families.models import Caregiver

NEW_TOKEN_SESSION_KEY = "api_new_token"


def _caregiver(request: HttpRequest) -> Caregiver:
    return Caregiver.objects.get(user=signed_in_user(request))


def token_section(request: HttpRequest) -> dict[str, Any]:
    """The family page's context for the section: this caregiver's tokens, and a token just
    made (taken out of the session, so it is never shown again)."""
    return {
        "api_tokens": list(ApiToken.objects.filter(caregiver__user=signed_in_user(request))),
        "new_api_token": request.session.pop(NEW_TOKEN_SESSION_KEY, None),
    }


@require_POST
@family_required
def create_token(request: HttpRequest) -> HttpResponse:
    token, key = tokens.create_token(_caregiver(request), request.POST.get("name", ""))
    request.session[NEW_TOKEN_SESSION_KEY] = {"name": token.name, "key": key}
    return redirect("family")


@require_POST
@family_required
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    # Only one's own tokens: another caregiver's or another family's id is not found.
    token = get_object_or_404(ApiToken, pk=token_id, caregiver__user=signed_in_user(request))
    token.delete()
    messages.success(request, f"The token “{token.name}” is withdrawn; it no longer works.")
    return redirect("family")
