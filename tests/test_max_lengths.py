"""Every free-text field of every form has a maximum length.

Without one, 400,000 characters of facilitator notes made a session PDF take 6 s."""

import importlib
import inspect

from django import forms

APPS = ["accounts", "engagements", "surveys", "workshops", "baseline", "roadmap"]


def _forms():
    for app in APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for _name, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, forms.BaseForm) and form.__module__ == module.__name__:
                yield form


def test_every_declared_text_field_has_a_maximum_length():
    unbounded = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _forms()
        for name, field in form.declared_fields.items()
        if type(field) is forms.CharField
        and field.max_length is None
        and name != "password"  # Django's log-in; the body limit bounds it
    ]
    assert unbounded == []


def test_model_text_fields_in_forms_have_a_maximum_length():
    unbounded = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _forms()
        for name, field in form.base_fields.items()
        if type(field) is forms.CharField
        and field.max_length is None
        and name not in form.declared_fields
    ]
    assert unbounded == []
