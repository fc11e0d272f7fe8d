from django.core.checks import Warning, register

from reporting.charts import chromium_path


@register()
def chromium_for_charts(app_configs, **kwargs):
    if chromium_path() is None:
        return [
            Warning(
                "Chromium was not found: charts in PDF reports fall back to tables.",
                hint="Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.",
                id="reporting.W001",
            )
        ]
    return []
