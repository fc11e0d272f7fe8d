"""Tags the page skeleton (templates/base.html) uses on every layout."""

from django import template
from django.forms import BaseForm, BaseFormSet

register = template.Library()


@register.simple_tag(takes_context=True)
def page_has_errors(context) -> bool:
    """Whether a form on the page was sent back with errors (the title then starts "Fout:").

    Looks at every form and formset in the context, whatever its name (also in rows of
    pairs), and at ``errors``, the survey's own list of answers that need attention."""
    values = list(context.flatten().values())
    for value in values:
        if isinstance(value, list | tuple):  # rows of (object, form) pairs
            values.extend(v for row in value if isinstance(row, tuple) for v in row)
        elif isinstance(value, BaseForm) and value.is_bound and value.errors:
            return True
        elif isinstance(value, BaseFormSet) and value.is_bound and value.total_error_count():
            return True
    return bool(context.get("errors"))
