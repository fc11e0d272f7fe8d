"""The baseline's charts: whole levels on the gap axis."""

from types import SimpleNamespace

from baseline.charts import gap_chart


def _results(*gaps):
    return SimpleNamespace(
        dimensions=[
            SimpleNamespace(
                dimension=SimpleNamespace(name=f"Dimensie {n}"),
                gap=gap,
                current_level=2,
                target_level=None if gap is None else 2 + gap,
            )
            for n, gap in enumerate(gaps)
        ]
    )


def test_the_gap_axis_has_whole_levels_only_and_no_zero_at_the_origin():
    axis = gap_chart(_results(1, 3, None, 0)).figure.layout.xaxis
    assert list(axis.tickvals) == [1, 2, 3]
    assert axis.tickformat == "d"


def test_a_dimension_above_its_target_still_shows_on_a_whole_level_axis():
    axis = gap_chart(_results(2, -1)).figure.layout.xaxis
    assert axis.dtick == 1 and axis.tickformat == "d"
    assert axis.range is None  # the negative bar is not cut off
