"""The chart exporter's Chromium runs without the flags that switch off its protections."""

import os
from pathlib import Path

import plotly.graph_objects as go

from reporting import charts


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def test_chromium_runs_without_disable_web_security_or_file_access():
    server = charts._KaleidoServer()
    svg = server.to_svg(go.Figure(go.Bar(x=[1, 2], y=[3, 4])), width=400, height=300)
    assert svg and b"<svg" in svg  # the export still works without the flags
    command_lines = []
    for pid in _descendants(os.getpid()):
        try:
            command_lines.append(Path(f"/proc/{pid}/cmdline").read_bytes().decode())
        except OSError:
            continue
    chromium = [line for line in command_lines if "--headless" in line]
    assert chromium, command_lines
    for line in chromium:
        assert "--disable-web-security" not in line
        assert "--allow-file-access-from-files" not in line
