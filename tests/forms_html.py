"""Read the fields of a rendered HTML form as the browser would submit them (for tests that post
an edit page back as it was shown)."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.forms: list[list[tuple[str, str]]] = []
        self.fields: list[tuple[str, str]] = []
        self.textarea: str | None = None
        self.select: str | None = None
        self.select_first: str | None = None
        self.select_chosen = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.inside = True
            self.fields = []
            self.forms.append(self.fields)
        if not self.inside or not a.get("name") and tag != "option":
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self.textarea, self.text = a["name"], []
        elif tag == "select":
            self.select, self.select_first, self.select_chosen = a["name"], None, False
        elif tag == "option" and self.select:
            value = a.get("value", "")
            if self.select_first is None:
                self.select_first = value
            if "selected" in a:
                self.fields.append((self.select, value))
                self.select_chosen = True

    def handle_data(self, data):
        if self.textarea is not None:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea, "".join(self.text).lstrip("\n")))
            self.textarea = None
        elif tag == "select" and self.select:
            if not self.select_chosen and self.select_first is not None:
                self.fields.append((self.select, self.select_first))
            self.select = None


def form_fields(html: str, having: str = "version") -> list[tuple[str, str]]:
    """(name, value) of every field of the first POST form with a field named `having` (or
    ending in "-" + `having`), as the browser would submit it."""
    reader = _FormReader()
    reader.feed(html)
    for match in (lambda n: n == having, lambda n: n.endswith(f"-{having}")):
        for fields in reader.forms:
            if any(match(n) for n, _v in fields):
                return fields
    raise AssertionError(f"no POST form with a field {having!r}")


def form_data(html: str, having: str = "version") -> dict:
    """The fields as a dict for the test client (a name with several values becomes a list)."""
    data: dict = {}
    for name, value in form_fields(html, having):
        data.setdefault(name, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in data.items()}
