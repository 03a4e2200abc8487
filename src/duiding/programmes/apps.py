from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "duiding.programmes"
    label = "programmes"
    verbose_name = _("programma's")

    def ready(self) -> None:
        # A factor deleted or looked up upstream reaches the analyses by a signal.
        from duiding.frameworks import signals
        from duiding.programmes import receivers

        signals.factor_deleting.connect(
            receivers.factor_deleting, dispatch_uid="programmes.factor_deleting"
        )
        signals.factor_uses_requested.connect(
            receivers.factor_uses, dispatch_uid="programmes.factor_uses"
        )
