"""Duiding: samen betekenis geven aan cijfers en verhalen."""

__version__ = "0.1.0"
