"""The data migration that makes each existing family's first caregiver its admin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("families", "0002_lock_by_address")]
AFTER = [("families", "0003_family_admin")]


@pytest.mark.django_db(transaction=True)
def test_the_first_caregiver_of_each_family_becomes_its_admin() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    family_model, caregiver_model = (
        old.get_model("families", "Family"),
        old.get_model("families", "Caregiver"),
    )
    user_model = old.get_model("auth", "User")
    first_ids = []
    for name in ("The Okafors", "The Neighbours"):
        family = family_model.objects.create(name=name)
        for index in range(3):
            user = user_model.objects.create(username=f"{name[4:9].lower()}{index}")
            caregiver = caregiver_model.objects.create(user=user, family=family)
            joined = timezone.now() - timedelta(days=30 - index)  # index 0 joined first
            caregiver_model.objects.filter(pk=caregiver.pk).update(joined_at=joined)
            if index == 0:
                first_ids.append(caregiver.pk)
    family_model.objects.create(name="Nobody yet")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("families", "Caregiver")
    assert sorted(new.objects.filter(is_admin=True).values_list("pk", flat=True)) == first_ids
    assert new.objects.filter(is_admin=False).count() == 4
