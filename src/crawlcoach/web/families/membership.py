"""Who is in a family and who looks after it: the first caregiver is its admin, an admin can
name others, rename the family and remove caregivers; anyone can leave or delete their account.

A family always keeps an admin while it has members: the last admin names the next one before
going. When the last member goes, the family goes with everything in it (rows and files)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from crawlcoach.web import notices
from crawlcoach.web.api.models import ApiToken
from crawlcoach.web.families.models import Caregiver, Family
from crawlcoach.web.families.sessions import end_sessions_of
from crawlcoach.web.videos import storage


class MembershipRefused(Exception):
    """What was asked would leave the family without an admin, or the asker may not do it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Departure:
    family_name: str
    family_deleted: bool


def others(caregiver: Caregiver) -> list[Caregiver]:
    """The other caregivers of the family, oldest first."""
    return list(
        caregiver.family.caregivers.select_related("user")
        .exclude(pk=caregiver.pk)
        .order_by("joined_at", "pk")
    )


def needs_successor(caregiver: Caregiver) -> bool:
    """Whether this caregiver must name the next admin before going: the only admin, with
    others staying."""
    if not caregiver.is_admin or not others(caregiver):
        return False
    return not caregiver.family.caregivers.filter(is_admin=True).exclude(pk=caregiver.pk).exists()


def require_admin(caregiver: Caregiver) -> None:
    if not caregiver.is_admin:
        raise MembershipRefused(notices.NOT_AN_ADMIN)


def make_admin(admin: Caregiver, other: Caregiver) -> None:
    require_admin(admin)
    Caregiver.objects.filter(pk=other.pk, family=admin.family).update(is_admin=True)


def rename(admin: Caregiver, name: str) -> None:
    require_admin(admin)
    Family.objects.filter(pk=admin.family_id).update(name=name)


def remove(admin: Caregiver, other: Caregiver) -> None:
    """Take ``other`` out of the family: their tokens go, they are signed out everywhere, and
    their account is kept (without a family) so they may be invited again."""
    require_admin(admin)
    if other.pk == admin.pk:
        raise MembershipRefused(notices.REMOVE_YOURSELF)
    with transaction.atomic():
        _lock(admin.family_id)
        # Two admins removing each other at once: the second finds itself gone.
        if not Caregiver.objects.filter(pk=admin.pk, is_admin=True).exists():
            raise MembershipRefused(notices.NOT_AN_ADMIN)
        ApiToken.objects.filter(caregiver=other).delete()
        other.delete()
    end_sessions_of(other.user)


def leave(caregiver: Caregiver, successor: Caregiver | None = None) -> Departure:
    """Take oneself out of the family; the last member's going deletes the family."""
    with transaction.atomic():
        departure = _depart(caregiver, successor)
    if departure.family_deleted:
        _delete_family_files(caregiver.family_id)
    return departure


def delete_account(user: User, successor: Caregiver | None = None) -> Departure | None:
    """Delete the user, leaving their family first (with the same rule on admins)."""
    caregiver = Caregiver.objects.select_related("family").filter(user=user).first()
    with transaction.atomic():
        departure = _depart(caregiver, successor) if caregiver is not None else None
        user.delete()
    if departure is not None and departure.family_deleted:
        assert caregiver is not None
        _delete_family_files(caregiver.family_id)
    return departure


def _depart(caregiver: Caregiver, successor: Caregiver | None) -> Departure:
    family = caregiver.family
    # Two admins leaving at once cannot both count on the other staying.
    _lock(family.pk)
    current = Caregiver.objects.filter(pk=caregiver.pk).first()  # as it is now, under the lock
    if current is None:  # removed by an admin in the meantime: already gone
        return Departure(family.name, family_deleted=False)
    caregiver = current
    staying = list(Caregiver.objects.filter(family=family).exclude(pk=caregiver.pk))
    if not staying:
        name = family.name
        for child in family.children.all():
            storage.delete_child_files(child)
        family.delete()  # children, videos, journal, invitations, tokens: all cascade
        return Departure(name, family_deleted=True)
    if caregiver.is_admin and not any(c.is_admin for c in staying):
        if successor is None or successor.pk not in {c.pk for c in staying}:
            raise MembershipRefused(notices.LAST_ADMIN)
        Caregiver.objects.filter(pk=successor.pk).update(is_admin=True)
    ApiToken.objects.filter(caregiver=caregiver).delete()
    caregiver.delete()
    return Departure(family.name, family_deleted=False)


def _lock(family_id: int) -> None:
    """Serialise membership changes of one family on its row (one lock, so no deadlock between
    two changes that would each lock the other's caregivers first); SQLite's immediate
    transactions already run one at a time."""
    list(Family.objects.select_for_update().filter(pk=family_id).values_list("pk", flat=True))


def _delete_family_files(family_id: int) -> None:
    """The family's media folder (note photos, anything a child folder left behind)."""
    shutil.rmtree(storage.media_root() / f"family-{family_id}", ignore_errors=True)
