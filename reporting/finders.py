"""Serve plotly.js from the plotly package's own bundle, as static/vendor/plotly/plotly.min.js."""

from pathlib import Path

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

PLOTLY_STATIC_PATH = "vendor/plotly/plotly.min.js"


def plotly_bundle_path() -> Path:
    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


class PlotlyBundleFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=str(plotly_bundle_path().parent))

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if path == PLOTLY_STATIC_PATH:
            found = str(plotly_bundle_path())
            return [found] if find_all else found
        # An empty list, as Django's own finders answer: finders.find() turns a None into
        # [None], which callers then take for a match.
        return []

    def list(self, ignore_patterns):
        yield "plotly.min.js", _PrefixedStorage(self.storage)


class _PrefixedStorage(FileSystemStorage):
    """Makes collectstatic copy plotly.min.js to vendor/plotly/."""

    def __init__(self, storage: FileSystemStorage):
        super().__init__(location=storage.location)
        self.prefix = "vendor/plotly"
