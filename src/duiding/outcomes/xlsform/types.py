"""The XLSForm types and values Duiding reads, leaves out or refuses (see README.md)."""

from __future__ import annotations

import re

SIMPLE_TYPES = {
    "integer": "number",
    "int": "number",
    "decimal": "number",
    "text": "text",
    "string": "text",
    "range": "scale",
    "note": "note",
}
SELECTS = {
    "select_one": "single",
    "select one": "single",
    "select one from": "single",
    "select1": "single",
    "select_multiple": "multiple",
    "select multiple": "multiple",
    "select all that apply": "multiple",
    "select all that apply from": "multiple",
}
BEGIN_GROUP = {"begin_group", "begin group"}
END_GROUP = {"end_group", "end group"}
REPEATS = {"begin_repeat", "begin repeat", "begin loop", "begin_loop", "begin lgroup"}
END_REPEATS = {"end_repeat", "end repeat", "end loop", "end_loop", "end lgroup"}
# Metadata of the session, dropped with a note: when the form was opened and sent.
DROPPED_METADATA = {"start", "end", "today"}
# Metadata about the device or the person answering: refused by name (Duiding stores none).
DEVICE_METADATA = {
    "deviceid",
    "imei",
    "username",
    "phonenumber",
    "subscriberid",
    "simserial",
    "email",
    "audit",
    "start-geopoint",
    "background-audio",
    "uri:deviceid",
    "uri:username",
    "uri:email",
    "uri:phonenumber",
    "uri:subscriberid",
    "uri:simserial",
}
YES = {"yes", "true", "true()", "1", "ja"}
NO = {"", "no", "false", "false()", "0", "nee"}
SELECT = re.compile(
    r"^(select_one|select_multiple|select one from|select one|select1|select multiple|"
    r"select all that apply from|select all that apply)\s+(\S+)((?:\s+\S+)*)$"
)
