"""Attach the logged-in user's family to each request: every query is scoped by it."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from crawlcoach.web.families.access import attach_family
from crawlcoach.web.families.models import Caregiver


class FamilyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        attach_family(request, None)
        if request.user.is_authenticated:
            caregiver = Caregiver.objects.select_related("family").filter(user=request.user).first()
            if caregiver is not None:
                attach_family(request, caregiver.family)
        return self.get_response(request)
