"""Addresses of the makelaar's pages, in Dutch. The signal notification stores /makelaar/signalen/<id>/: keep it."""

from django.urls import path

from wijkmarkt.tenants.makelaar.views import cases, residents, signals

app_name = "makelaar"

urlpatterns = [
    path("makelaar/", cases.worklist_page, name="worklist"),
    path("makelaar/bewoners/", residents.resident_list, name="residents"),
    path("makelaar/bewoners/nieuw/", residents.register, name="register"),
    path("makelaar/bewoners/<int:member_id>/", residents.resident, name="resident"),
    path("makelaar/bewoners/<int:member_id>/toestemming/", residents.consent_add, name="consent-add"),
    path("makelaar/bewoners/<int:member_id>/inloggen/", residents.invite, name="invite"),
    path("makelaar/bewoners/<int:member_id>/dossier/", cases.case_new, name="case-new"),
    path("makelaar/dossiers/<int:case_id>/", cases.case_detail, name="case"),
    path("makelaar/dossiers/<int:case_id>/bijwerken/", cases.case_update, name="case-update"),
    path("makelaar/dossiers/<int:case_id>/afsluiten/", cases.case_close, name="case-close"),
    path("makelaar/dossiers/<int:case_id>/overdragen/", cases.case_hand_over, name="case-hand-over"),
    path("makelaar/overdrachten/<int:hand_over_id>/uitkomst/", cases.hand_over_outcome, name="hand-over-outcome"),
    path("makelaar/signalen/", signals.signal_list, name="signals"),
    path("makelaar/signalen/<int:signal_id>/", signals.signal_detail, name="signal"),
    path("makelaar/signalen/<int:signal_id>/oppakken/", signals.signal_take_up, name="signal-take-up"),
    path("makelaar/signalen/<int:signal_id>/afsluiten/", signals.signal_close, name="signal-close"),
    path("makelaar/signalen/<int:signal_id>/bewoner/", signals.signal_link, name="signal-link"),
    path("zorg-melden/", signals.report, name="report"),
    path("mijn-dossier/", residents.mine, name="mine"),
    path("toestemming/<int:consent_id>/intrekken/", residents.consent_withdraw, name="consent-withdraw"),
]
