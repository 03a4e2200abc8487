from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "duiding.results"
    label = "results"
    verbose_name = _("maatschappelijke resultaten")

    def ready(self) -> None:
        # Recompute the progress of results whose indicators got new figures in an import.
        from duiding.indicators.signals import import_finished
        from duiding.results.progress import on_import_finished

        import_finished.connect(on_import_finished, dispatch_uid="results.progress_recompute")
