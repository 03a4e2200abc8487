import importlib
import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class FrameworksConfig(AppConfig):
    name = "duiding.frameworks"
    label = "frameworks"
    verbose_name = _("frameworks")

    def ready(self) -> None:
        # Link newly imported indicators to their default domains after every import.
        try:
            signals = importlib.import_module("duiding.indicators.signals")
        except ImportError:  # indicators without the signal: the demo applies the links itself
            logger.warning("duiding.indicators.signals is missing; default links not automatic")
            return
        from duiding.frameworks.services import on_import_finished, on_indicator_domains_chosen

        signals.import_finished.connect(
            on_import_finished, dispatch_uid="frameworks.default_links_apply"
        )
        # The indicator edit form chooses the indicator's domains; frameworks writes the links.
        signals.indicator_domains_chosen.connect(
            on_indicator_domains_chosen, dispatch_uid="frameworks.indicator_domains_set"
        )
