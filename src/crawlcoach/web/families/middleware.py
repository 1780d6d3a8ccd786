"""Attach the logged-in user's family to each request: every query is scoped by it."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from crawlcoach.web.families.models import Caregiver


class FamilyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.family = None  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            caregiver = Caregiver.objects.select_related("family").filter(user=request.user).first()
            if caregiver is not None:
                request.family = caregiver.family  # type: ignore[attr-defined]
        return self.get_response(request)
