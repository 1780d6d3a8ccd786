"""Lock-out by username and client address together (no longer by username alone)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("families", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="loginlock",
            name="username",
            field=models.CharField(max_length=150),
        ),
        migrations.AddField(
            model_name="loginlock",
            name="address",
            field=models.CharField(default="", max_length=64),
        ),
        migrations.AddConstraint(
            model_name="loginlock",
            constraint=models.UniqueConstraint(
                fields=("username", "address"), name="one_lock_per_pair"
            ),
        ),
    ]
