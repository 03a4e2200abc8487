"""ImportRun moves from `indicators` to `jobs` without moving any data.

The table `indicators_importrun` stays as it is (the model keeps it as its db_table), with every
stored run, its id sequence and the foreign keys pointing at it (Observation.import_run,
ProgressEvaluation.import_run). Only Django's picture of the models changes:

- here: the model appears in `jobs` (state only, no SQL);
- results 0003: ProgressEvaluation.import_run points to jobs.ImportRun (state only);
- indicators 0007: Observation.import_run points to jobs.ImportRun and the model leaves
  `indicators` (state only).

The content type moves along (indicators.importrun -> jobs.importrun), so permissions and admin
log entries that refer to import runs keep referring to them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_to_jobs(apps, schema_editor):
    _move_content_type(apps, schema_editor, "indicators", "jobs")


def content_type_to_indicators(apps, schema_editor):
    _move_content_type(apps, schema_editor, "jobs", "indicators")


def _move_content_type(apps, schema_editor, old, new):
    """Relabel the existing content type (a fresh database has none yet: nothing to do)."""
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    if not content_types.filter(app_label=new, model="importrun").exists():
        content_types.filter(app_label=old, model="importrun").update(app_label=new)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("accounts", "0002_membership_accounthouder"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("indicators", "0006_veiligheidsmonitor_trend_break_note"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ImportRun',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('cbs', 'CBS-tabel (StatLine)'), ('kwb_excel', 'Kerncijfers wijken en buurten (Excel)'), ('observations', 'Eigen cijfers (CSV/Excel)'), ('boundaries', 'Grenzen (GeoJSON/TopoJSON)'), ('derived', 'Afgeleide indicatoren')], max_length=20, verbose_name='soort')),
                        ('status', models.CharField(choices=[('queued', 'In de wachtrij'), ('running', 'Bezig'), ('done', 'Klaar'), ('unchanged', 'Klaar, niets gewijzigd'), ('failed', 'Mislukt')], default='queued', max_length=20, verbose_name='status')),
                        ('file_name', models.CharField(max_length=300, verbose_name='bestand')),
                        ('file_path', models.CharField(blank=True, max_length=500)),
                        ('file_sha256', models.CharField(blank=True, db_index=True, max_length=64)),
                        ('options', models.JSONField(blank=True, default=dict)),
                        ('progress', models.PositiveSmallIntegerField(default=0, verbose_name='voortgang (%)')),
                        ('progress_text', models.CharField(blank=True, max_length=200)),
                        ('rows_read', models.PositiveIntegerField(default=0, verbose_name='rijen gelezen')),
                        ('values_stored', models.PositiveIntegerField(default=0, verbose_name='waarden opgeslagen')),
                        ('values_unchanged', models.PositiveIntegerField(default=0, verbose_name='waarden ongewijzigd')),
                        ('values_revised', models.PositiveIntegerField(default=0, verbose_name='waarden herzien')),
                        ('rows_refused', models.PositiveIntegerField(default=0, verbose_name='rijen geweigerd')),
                        ('areas_created', models.PositiveIntegerField(default=0, verbose_name='gebieden aangemaakt')),
                        ('messages', models.JSONField(blank=True, default=list)),
                        ('error', models.TextField(blank=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('started_at', models.DateTimeField(blank=True, null=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('dataset', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='runs', to='indicators.dataset')),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='import_runs', to='accounts.organisation')),
                        ('started_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='import_runs', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'import',
                        'verbose_name_plural': 'imports',
                        'ordering': ['-created_at'],
                        'db_table': 'indicators_importrun',
                    },
                ),
            ],
        ),
        migrations.RunPython(content_type_to_jobs, content_type_to_indicators),
    ]
