"""Views of the indicators app, split by page group; urls.py refers to them through this package."""

from duiding.indicators.views.aliases import alias_delete, alias_list
from duiding.indicators.views.imports import import_detail, import_list, import_new, import_status
from duiding.indicators.views.indicators import (
    derived_new,
    derived_recompute,
    indicator_detail,
    indicator_edit,
    indicator_list,
)

__all__ = [
    "alias_delete",
    "alias_list",
    "derived_new",
    "derived_recompute",
    "import_detail",
    "import_list",
    "import_new",
    "import_status",
    "indicator_detail",
    "indicator_edit",
    "indicator_list",
]
