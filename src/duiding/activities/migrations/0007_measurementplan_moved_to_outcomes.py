"""MeasurementPlan leaves `activities` for `outcomes` (state only: no table, row or constraint
changes). The table `activities_measurementplan` keeps every plan under its own number, and the
plan's history (PlanChange, kind "meetplan") keeps its snapshots. See
outcomes/migrations/0006_measurementplan_move.py for the whole move."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0006_intervention_edit_version"),
        ("outcomes", "0006_measurementplan_move"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[migrations.DeleteModel(name="MeasurementPlan")],
        ),
    ]
