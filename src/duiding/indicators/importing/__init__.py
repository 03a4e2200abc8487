"""Importers: files -> ImportRun -> Observation. See README.md beside this file.

Contract shared by all importers (CBS StatLine CSV, KWB Excel, a municipality's own long file):
a parser yields `ParsedValue`s plus `ImportMessage`s; `store.observations_store` writes them in one
transaction with versioning; `runner.import_run_execute` drives a whole ImportRun (CLI and the
background task both call it).
"""

from duiding.indicators.importing.types import ImportMessage, IndicatorSpec, ParsedValue

__all__ = ["ImportMessage", "IndicatorSpec", "ParsedValue"]
