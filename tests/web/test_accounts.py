"""Sign-up, log-in with lock-out, log-out, password change and invitations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from web_helpers import PASSWORD

from crawlcoach.web.families.models import Caregiver, Family, Invitation

pytestmark = pytest.mark.django_db

SIGNUP = {
    "family_name": "The Okafors",
    "first_name": "Sam",
    "username": "sam",
    "password1": PASSWORD,
    "password2": PASSWORD,
}


def test_first_visit_goes_to_signup_and_creates_the_family(client: Client) -> None:
    assert client.get("/").url == reverse("signup")
    assert client.get(reverse("login")).url == reverse("signup")
    page = client.get(reverse("signup"))
    assert b"Welcome to crawlcoach" in page.content

    response = client.post(reverse("signup"), SIGNUP)

    assert response.url == reverse("child_add")
    caregiver = Caregiver.objects.get(user__username="sam")
    assert caregiver.family.name == "The Okafors"
    assert client.get("/").status_code == 200  # logged in


def test_signup_is_closed_after_the_first_account_unless_opened(
    client: Client, parent: User, settings: object
) -> None:
    assert client.get(reverse("signup")).status_code == 403
    assert client.post(reverse("signup"), SIGNUP).status_code == 403
    settings.OPEN_SIGNUP = True  # type: ignore[attr-defined]
    assert client.post(reverse("signup"), SIGNUP).status_code == 302
    assert Family.objects.count() == 2


def test_signup_rejects_mismatched_passwords(client: Client) -> None:
    response = client.post(reverse("signup"), {**SIGNUP, "password2": "something-else-77"})
    assert response.status_code == 200
    assert not User.objects.exists()


def test_login_and_logout(client: Client, parent: User) -> None:
    response = client.post(reverse("login"), {"username": parent.username, "password": PASSWORD})
    assert response.url == reverse("home")
    assert client.get("/").status_code == 200
    assert client.post(reverse("logout")).url == reverse("login")
    assert client.get("/").url == reverse("login")


def test_pages_need_a_login(client: Client, parent: User) -> None:
    response = client.get(reverse("family"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_repeated_wrong_passwords_lock_the_account(client: Client, parent: User, settings) -> None:
    for _ in range(settings.LOCKOUT_ATTEMPTS):
        client.post(reverse("login"), {"username": parent.username, "password": "wrong-guess-1"})
    # Now even the right password is refused, with a clear message.
    response = client.post(reverse("login"), {"username": parent.username, "password": PASSWORD})
    assert response.status_code == 200
    assert b"signing in from here is paused" in response.content
    assert "_auth_user_id" not in client.session


def test_lock_ends_after_its_time(client: Client, parent: User, settings) -> None:
    from crawlcoach.web.families import lockout

    earlier = timezone.now() - timedelta(minutes=settings.LOCKOUT_MINUTES + 1)
    for _ in range(settings.LOCKOUT_ATTEMPTS):
        assert lockout.count_attempt(parent.username, "127.0.0.1", now=earlier)
    response = client.post(reverse("login"), {"username": parent.username, "password": PASSWORD})
    assert response.status_code == 302


def test_a_success_clears_earlier_failures(client: Client, parent: User, settings) -> None:
    for _ in range(settings.LOCKOUT_ATTEMPTS - 1):
        client.post(reverse("login"), {"username": parent.username, "password": "wrong-guess-1"})
    client.post(reverse("login"), {"username": parent.username, "password": PASSWORD})
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": parent.username, "password": "wrong-guess-1"})
    response = client.post(reverse("login"), {"username": parent.username, "password": PASSWORD})
    assert response.status_code == 302


def test_password_change(parent_client: Client, parent: User) -> None:
    assert parent_client.get(reverse("password_change")).status_code == 200
    new = "quiet-heron-83-meadow"
    response = parent_client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.url == reverse("family")
    parent.refresh_from_db()
    assert parent.check_password(new)


def test_family_page_lists_caregivers(parent_client: Client) -> None:
    page = parent_client.get(reverse("family"))
    assert page.status_code == 200
    assert b"Sam" in page.content


def test_invitation_lets_a_second_caregiver_join_once(parent_client: Client, parent: User) -> None:
    parent_client.post(reverse("invite"))
    invitation = Invitation.objects.get()
    link = reverse("join", args=[invitation.token])
    assert link.encode() in parent_client.get(reverse("family")).content

    newcomer = Client()
    assert b"Join The Okafors" in newcomer.get(link).content
    response = newcomer.post(
        link,
        {"first_name": "Alex", "username": "alex", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.url == reverse("home")
    alex = User.objects.get(username="alex")
    assert alex.caregiver.family == parent.caregiver.family
    used = Client().get(link)
    assert used.status_code == 410
    assert b"already used" in used.content and b"Ask the person who invited you" in used.content


def test_expired_and_revoked_invitations_do_not_work(parent_client: Client, parent: User) -> None:
    family = parent.caregiver.family
    old = Invitation.objects.create(family=family, expires_at=timezone.now() - timedelta(minutes=1))
    expired = Client().get(reverse("join", args=[old.token]))
    assert expired.status_code == 410 and b"has expired" in expired.content
    fresh = Invitation.objects.create(family=family, expires_at=timezone.now() + timedelta(days=1))
    parent_client.post(reverse("invite_revoke", args=[fresh.pk]))
    for token in (fresh.token, "made-up-token"):
        gone = Client().get(reverse("join", args=[token]))
        assert gone.status_code == 404
        assert b"may have been withdrawn" in gone.content and b"for a new link" in gone.content
    assert not User.objects.filter(username="alex").exists()


def test_joining_on_a_link_used_meanwhile_keeps_no_account(parent: User) -> None:
    """The form was opened while the link was open; another person joined before it was sent."""
    invitation = Invitation.objects.create(
        family=parent.caregiver.family, expires_at=timezone.now() + timedelta(days=1)
    )
    link = reverse("join", args=[invitation.token])
    late = Client()
    late.get(link)
    Client().post(link, {"first_name": "Alex", "username": "alex", "password1": PASSWORD,
                         "password2": PASSWORD})  # fmt: skip
    response = late.post(link, {"first_name": "Kim", "username": "kim", "password1": PASSWORD,
                                "password2": PASSWORD})  # fmt: skip
    assert response.status_code == 410 and b"already used" in response.content
    assert not User.objects.filter(username="kim").exists()
    assert parent.caregiver.family.caregivers.count() == 2


def test_an_empty_password_does_not_clear_the_lock_count(
    client: Client, parent: User, settings
) -> None:
    from crawlcoach.web.families.models import LoginLock

    for _ in range(settings.LOCKOUT_ATTEMPTS - 1):
        client.post(reverse("login"), {"username": parent.username, "password": "wrong-guess-1"})
    client.post(reverse("login"), {"username": parent.username, "password": ""})
    assert LoginLock.objects.get().failures == settings.LOCKOUT_ATTEMPTS - 1
    client.post(reverse("login"), {"username": parent.username, "password": "wrong-guess-1"})
    response = client.post(reverse("login"), {"username": parent.username, "password": PASSWORD})
    assert b"is paused" in response.content and "_auth_user_id" not in client.session


def test_join_while_logged_in_asks_to_log_out(parent_client: Client, parent: User) -> None:
    invitation = Invitation.objects.create(
        family=parent.caregiver.family, expires_at=timezone.now() + timedelta(days=1)
    )
    page = parent_client.get(reverse("join", args=[invitation.token]))
    assert b"log out first" in page.content
