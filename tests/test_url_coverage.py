"""Every URL of the project appears in a permission matrix."""

import importlib
import pkgutil

from django.urls import URLPattern, URLResolver, get_resolver

import tests

# Django's own admin is covered by Django; it only admits administrators.
EXCLUDED_NAMESPACES = {"admin"}


def _url_names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in EXCLUDED_NAMESPACES:
                continue
            inner = pattern.namespace or namespace
            if pattern.namespace and namespace:
                inner = f"{namespace}:{pattern.namespace}"
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def _covered_names():
    covered = set()
    for module_info in pkgutil.walk_packages(tests.__path__, prefix="tests."):
        if module_info.name.endswith(".test_permissions"):
            module = importlib.import_module(module_info.name)
            covered.update(case.name for case in getattr(module, "CASES", []))
    return covered


def test_every_url_has_a_permission_case():
    names = set(_url_names(get_resolver().url_patterns))
    missing = sorted(names - _covered_names())
    assert missing == [], f"URLs without a permission case: {missing}"
