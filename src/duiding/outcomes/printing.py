"""QR codes (segno) and printed matter (WeasyPrint): the questionnaire's poster (A4, A5) and the
sheets of paired cards (A4, 8 cards per page).

A QR code is made from an absolute link; `short_link` is the same link without the scheme, as
printed under the code for who types it over.
"""

from __future__ import annotations

import base64
import io

import segno
from django.template.loader import render_to_string
from weasyprint import HTML

POSTER_SIZES = ("a4", "a5")


def qr(link: str) -> segno.QRCode:
    return segno.make(link, error="m", micro=False)


def qr_svg(link: str, *, scale: int = 6, title: str = "") -> str:
    """The QR code as an SVG document (for download)."""
    buffer = io.BytesIO()
    qr(link).save(buffer, kind="svg", scale=scale, border=4, title=title or None, xmldecl=True)
    return buffer.getvalue().decode()


def qr_svg_inline(link: str, *, scale: int = 5) -> str:
    """The QR code as an inline <svg> element (for a page)."""
    return qr(link).svg_inline(scale=scale, border=4, svgclass="qr", lineclass="qr__line")


def qr_png(link: str, *, scale: int = 12) -> bytes:
    buffer = io.BytesIO()
    qr(link).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_data_uri(link: str) -> str:
    """The QR code as an SVG data URI (for an <img> in a PDF)."""
    svg = qr_svg(link, scale=10).encode()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


def short_link(link: str) -> str:
    return link.split("://", 1)[-1]


def pdf(template: str, context: dict, *, base_url: str) -> bytes:
    html = render_to_string(template, context)
    return HTML(string=html, base_url=base_url).write_pdf()
