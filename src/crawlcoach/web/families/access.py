"""The one gate every family page goes through: logged in and a member of a family."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render

from crawlcoach.web import notices
from crawlcoach.web.families.models import Family

View = Callable[..., HttpResponseBase]

# The request attribute FamilyMiddleware sets: Django's HttpRequest has no such field, so it is
# read and written only through the two functions below, which carry its type.
_FAMILY = "family"


def attach_family(request: HttpRequest, family: Family | None) -> None:
    setattr(request, _FAMILY, family)


def request_family(request: HttpRequest) -> Family | None:
    """The logged-in user's family, or None (not logged in, or in no family)."""
    family: Family | None = getattr(request, _FAMILY, None)
    return family


def signed_in_user(request: HttpRequest) -> User:
    """The logged-in user of a request that passed ``family_required`` (never the anonymous one)."""
    user = request.user
    if not isinstance(user, User):  # only a view without the gate gets here
        raise Http404("This page is for the family's caregivers; log in first.")
    return user


def family_of(request: HttpRequest) -> Family:
    """The family of a request that passed ``family_required``."""
    family = request_family(request)
    if family is None:  # only a view without the gate gets here
        raise Http404("This account does not belong to a family.")
    return family


def family_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request_family(request) is None:
            # Left the family or was removed: a calm page, not an error.
            return render(request, "families/no_family.html", {"message": notices.NO_FAMILY})
        return view(request, *args, **kwargs)

    return wrapped
