"""Static accessibility checks on rendered HTML (the axe rules we can check without a browser).

Every visible form control has a label, headings do not skip a level, table headers have a scope,
ids are unique and aria-describedby points to existing ids. The browser tests run axe-core itself;
these keep every view honest in unit tests.
"""

from __future__ import annotations

from html.parser import HTMLParser

CONTROLS = {"input", "select", "textarea"}
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.controls: list[dict] = []
        self.label_for: set[str] = set()
        self.label_depth = 0
        self.headings: list[int] = []
        self.ths: list[dict] = []
        self.ids: list[str] = []
        self.described_by: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if a.get("aria-describedby"):
            self.described_by.extend(a["aria-describedby"].split())
        if tag == "label":
            self.label_depth += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        elif tag in CONTROLS:
            if tag == "input" and a.get("type", "text") in UNLABELLED_TYPES:
                return
            self.controls.append({**a, "_tag": tag, "_wrapped": self.label_depth > 0})
        elif len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        elif tag == "th":
            self.ths.append(a)

    def handle_endtag(self, tag):
        if tag == "label":
            self.label_depth = max(0, self.label_depth - 1)

    handle_startendtag = handle_starttag


def a11y_problems(html: str) -> list[str]:
    c = _Collector()
    c.feed(html)
    problems = []
    for ctl in c.controls:
        labelled = (
            ctl["_wrapped"]
            or ctl.get("id") in c.label_for
            or ctl.get("aria-label")
            or ctl.get("aria-labelledby")
        )
        if not labelled:
            problems.append(f"{ctl['_tag']} name={ctl.get('name')!r} has no label")
    previous = 0
    for level in c.headings:
        if level > previous + 1:
            problems.append(f"heading h{level} follows h{previous}")
        previous = level
    if c.headings and c.headings[0] != 1:
        problems.append("the first heading is not h1")
    for th in c.ths:
        if th.get("scope") not in {"col", "row", "colgroup", "rowgroup"}:
            problems.append("th without scope")
    missing = sorted(set(c.described_by) - set(c.ids))
    if missing:
        problems.append(f"aria-describedby points to missing ids: {missing}")
    duplicates = {i for i in c.ids if c.ids.count(i) > 1}
    if duplicates:
        problems.append(f"duplicate ids: {sorted(duplicates)}")
    return problems


def assert_accessible(response) -> None:
    problems = a11y_problems(response.content.decode())
    assert not problems, problems
