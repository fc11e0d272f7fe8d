"""The workshop's charts: whole votes on the count axis, sample data or nothing."""

from workshops import charts, selectors
from workshops.models import Example


def test_the_vote_distribution_counts_whole_votes():
    result = selectors.StatementResult(
        text="Data vervangen het oordeel niet.",
        round_number=1,
        counts=[0, 1, 3, 2, 0],
        polarisation=0.3,
        notes="",
    )
    chart = charts.distribution_chart(key="s", results=[result])
    axis = chart.figure.layout.yaxis
    assert axis.tickformat == "d"
    assert all(float(tick).is_integer() for tick in axis.tickvals)
    assert chart.table.rows == [[1, 0, 1, 3, 2, 0, "0.30"]]


def test_an_example_chart_needs_sample_data():
    assert charts.example_chart(Example(title="Leeg", sample_chart={})) is None
    chart = charts.example_chart(
        Example(title="Meldingen", sample_chart={"labels": ["jan", "feb"], "values": [3, 5]})
    )
    assert chart is not None and chart.table.rows == [["jan", 3], ["feb", 5]]
