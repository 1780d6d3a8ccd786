"""``{% moment value "j M Y, H:i" %}``: a moment as the page shows it.

With ``TZ`` set, the server's time zone is the family's and the moment is written in it. Without
(the default, UTC), it is written in UTC and marked up for ``local-time.js``, which rewrites it in
the browser's own time zone, so nobody reads an evening video as filmed "tomorrow morning".
"""

from __future__ import annotations

from datetime import datetime

from django import template
from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def moment(value: datetime | None, fmt: str = "j M Y, H:i") -> SafeString | str:
    if value is None:
        return ""
    text = dateformat.format(timezone.localtime(value), fmt)
    if settings.TIME_ZONE_FROM_TZ:
        return text
    kind = "time" if fmt == "H:i" else "date-time"
    return format_html(
        '<time datetime="{}" data-browser-time="{}">{}</time>', value.isoformat(), kind, text
    )
