"""Each family's first caregiver becomes its admin (families made before admins existed)."""

from typing import Any

from django.db import migrations, models


def first_caregivers_are_admins(apps: Any, schema_editor: Any) -> None:
    Family = apps.get_model("families", "Family")
    Caregiver = apps.get_model("families", "Caregiver")
    for family in Family.objects.all():
        first = Caregiver.objects.filter(family=family).order_by("joined_at", "pk").first()
        if first is not None:
            Caregiver.objects.filter(pk=first.pk).update(is_admin=True)


class Migration(migrations.Migration):
    dependencies = [("families", "0002_lock_by_address")]

    operations = [
        migrations.AddField(
            model_name="caregiver",
            name="is_admin",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(first_caregivers_are_admins, migrations.RunPython.noop),
    ]
