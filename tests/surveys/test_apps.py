from reporting import charts
from surveys.apps import _reset_chart_export_after_fork


def test_a_forked_process_starts_its_own_chart_export_server(monkeypatch):
    """A child must not reuse the parent's kaleido server: its threads did not survive."""
    inherited = charts._KaleidoServer()
    inherited._started = True
    monkeypatch.setattr(charts, "_kaleido", inherited)
    _reset_chart_export_after_fork()
    assert charts._kaleido is not inherited
    assert charts._kaleido._started is False
