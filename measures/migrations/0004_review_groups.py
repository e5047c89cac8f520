"""The Curator and Reviewer groups: curators draft and submit, reviewers also publish, retract and delete."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITABLE = ["measure", "target", "park", "theme", "organization", "source", "textcorrection"]
CURATOR = [f"{action}_{model}" for model in EDITABLE for action in ("view", "add", "change")]
REVIEWER = [
    *CURATOR,
    *[f"delete_{model}" for model in ("measure", "target", "park", "theme", "organization")],
    "publish_measure",
    "publish_target",
    "publish_park",
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Curator", CURATOR), ("Reviewer", REVIEWER)):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="measures", codename__in=codenames)
        assert permissions.count() == len(set(codenames)), f"missing permissions for {name}"
        group.permissions.set(permissions)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Curator", "Reviewer"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0003_review_states_and_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
