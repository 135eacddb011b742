"""The evaluation figures as bar charts without JavaScript: each chart is a caption, bars drawn as SVG boxes whose
width attribute is the percentage (hidden from screen readers; no style attributes, which the Content-Security-Policy
forbids) and the same numbers in a table beside it, so nothing is only visual."""

from dataclasses import dataclass

from wijkmarkt.platform.console.evaluation import Evaluation, columns
from wijkmarkt.platform.console.sources import ChartSpec, figure_sources


@dataclass(frozen=True)
class Series:
    attribute: str
    label: str
    css: str  # which bar colour (console.css: bar-a, bar-b)


@dataclass(frozen=True)
class Bar:
    series: Series
    value: object
    percent: float


@dataclass(frozen=True)
class ChartRow:
    name: str
    citywide: bool
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    caption: str
    series: list[Series]
    rows: list[ChartRow]


BAR_COLOURS = ("bar-a", "bar-b", "bar-c")  # console.css, in the order of a chart's series


def _chart(evaluation: Evaluation, spec: ChartSpec) -> Chart:
    figures = [*evaluation.wijken, *([evaluation.citywide] if spec.with_citywide else [])]
    series = [Series(attribute, str(label), BAR_COLOURS[i]) for i, (attribute, label) in enumerate(spec.series)]
    values = [float(getattr(f, s.attribute) or 0) for f in figures for s in series]
    top = max(values, default=0) or 1
    rows = [
        ChartRow(
            name=f.name,
            citywide=f.is_citywide,
            bars=[
                Bar(s, getattr(f, s.attribute), round(float(getattr(f, s.attribute) or 0) / top * 100, 1))
                for s in series
            ],
        )
        for f in figures
    ]
    return Chart(key=spec.key, title=str(spec.title), caption=str(spec.caption), series=series, rows=rows)


def evaluation_charts(evaluation: Evaluation) -> list[Chart]:
    """The charts the sources declare, in their order. Counts compare wijken with each other, so their citywide
    totals are in the tables only (a city bar would dwarf every wijk); medians and averages include the city."""
    return [_chart(evaluation, spec) for source in figure_sources() for spec in source.charts]


def figures_table(evaluation: Evaluation) -> list[tuple[str, list]]:
    """Every figure (rows) for every wijk and the city (columns), for the table under the charts."""
    every = [*evaluation.wijken, evaluation.citywide]
    return [(str(label), [getattr(f, attribute) for f in every]) for attribute, label in columns()[1:]]
