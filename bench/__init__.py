"""Benchmarks: ``make bench`` (``python -m bench``) runs every ``bench/bench_*.py``.

Every figure is measured side by side with a baseline in the same run, so the ratio
holds on a noisy machine; see bench/harness.py.
"""
