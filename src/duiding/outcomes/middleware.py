"""Moved to `duiding.core.middleware` (the live duidingssessies share it); kept so imports of
the outcomes app keep working."""

from duiding.core.middleware import (  # noqa: F401 (re-exported)
    BLANKED,
    PUBLIC_PATHS,
    PublicAnonymityMiddleware,
    blank_client,
    is_public_answer_path,
)
