"""The evaluation figures as bar charts without JavaScript: each chart is a caption, bars drawn as SVG boxes whose
width attribute is the percentage (hidden from screen readers; no style attributes, which the Content-Security-Policy
forbids) and the same numbers in a table beside it, so nothing is only visual."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from wijkmarkt.platform.console.evaluation import COLUMNS, Evaluation


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


def _chart(evaluation: Evaluation, key: str, title: str, caption: str, series: list[Series],
           with_citywide: bool = True) -> Chart:  # fmt: skip
    figures = [*evaluation.wijken, *([evaluation.citywide] if with_citywide else [])]
    values = [float(getattr(f, s.attribute) or 0) for f in figures for s in series]
    top = max(values, default=0) or 1
    rows = [
        ChartRow(
            name=f.name, citywide=f.is_citywide,
            bars=[Bar(s, getattr(f, s.attribute), round(float(getattr(f, s.attribute) or 0) / top * 100, 1))
                  for s in series],
        )
        for f in figures
    ]  # fmt: skip
    return Chart(key=key, title=title, caption=caption, series=series, rows=rows)


def evaluation_charts(evaluation: Evaluation) -> list[Chart]:
    """Counts compare wijken with each other, so their citywide totals are in the tables only (a city bar would
    dwarf every wijk); medians and averages include the city."""
    charts = [
        _chart(evaluation, "afspraken", _("Afspraken: via de website of via de sociaal makelaar"),
               _("Nieuwe afspraken tussen buren in de periode, naar hoe ze tot stand kwamen."),
               [Series("exchanges_website", _("Via de website"), "bar-a"),
                Series("exchanges_makelaar", _("Via de sociaal makelaar"), "bar-b")], with_citywide=False),
        _chart(evaluation, "bewoners", _("Actieve bewoners"),
               _("Bewoners die in de periode iets vroegen of aanboden, of hielpen of geholpen werden."),
               [Series("residents_asking", _("Alleen vragen"), "bar-a"),
                Series("residents_offering", _("Alleen aanbieden"), "bar-b"),
                Series("residents_both", _("Allebei"), "bar-c")], with_citywide=False),
        _chart(evaluation, "reactietijd", _("Reactietijd op hulpvragen (mediaan, in uren)"),
               _("Van het plaatsen van een hulpvraag tot de eerste reactie en tot de eerste afspraak."),
               [Series("response_median_hours", _("Tot eerste reactie"), "bar-a"),
                Series("agreement_median_hours", _("Tot afspraak"), "bar-b")]),
        _chart(evaluation, "gedaan", _("Gedane afspraken en uren"),
               _("Afspraken die in de periode gedaan zijn, en de uren die daarbij geholpen is."),
               [Series("done_exchanges", _("Afspraken gedaan"), "bar-a"),
                Series("done_hours", _("Uren"), "bar-b")], with_citywide=False),
        _chart(evaluation, "tevredenheid", _("Tevredenheid over de hulp in huis: begin en eind (1 tot 5)"),
               _("Gemiddelde score van de tevredenheidsmetingen bij het begin en het eind van een "
                 "ondersteuningsplan, gemeten in de periode."),
               [Series("satisfaction_start", _("Begin"), "bar-a"),
                Series("satisfaction_end", _("Eind"), "bar-b")]),
        _chart(evaluation, "signalen", _("Signalen en overdrachten"),
               _("Signalen over bewoners die binnenkwamen en die werden afgesloten, en warme overdrachten aan "
                 "partners."),
               [Series("signals_opened", _("Signalen binnen"), "bar-a"),
                Series("signals_closed", _("Signalen afgesloten"), "bar-b"),
                Series("hand_overs", _("Overdrachten"), "bar-c")], with_citywide=False),
    ]  # fmt: skip
    return charts


def figures_table(evaluation: Evaluation) -> list[tuple[str, list]]:
    """Every figure (rows) for every wijk and the city (columns), for the table under the charts."""
    every = [*evaluation.wijken, evaluation.citywide]
    return [(str(label), [getattr(f, attribute) for f in every]) for attribute, label in COLUMNS[1:]]
