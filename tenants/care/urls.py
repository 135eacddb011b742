"""Addresses of the household-help pages, in Dutch."""

from django.urls import path

from wijkmarkt.tenants.care.views import directory, plans

app_name = "care"

urlpatterns = [
    path("hulp-in-huis/", directory.directory, name="directory"),
    path("hulp-in-huis/aanbieder/<int:provider_id>/", directory.provider_detail, name="provider"),
    path("hulp-in-huis/aanbieder/<int:provider_id>/vragen/", directory.send, name="send"),
    path("hulp-in-huis/aanbieder/<int:provider_id>/bewerken/", directory.provider_edit, name="provider_edit"),
    path("hulp-in-huis/werklijst/", directory.provider_worklist, name="worklist"),
    path("hulp-in-huis/verzoeken/", directory.request_list, name="requests"),
    path("hulp-in-huis/verzoeken/<int:request_id>/", directory.request_detail, name="request"),
    path("hulp-in-huis/verzoeken/<int:request_id>/intrekken/", directory.withdraw, name="withdraw"),
    path("hulp-in-huis/verzoeken/<int:request_id>/beantwoorden/", directory.answer, name="answer"),
    path("hulp-in-huis/verzoeken/<int:request_id>/plan/", plans.plan_start, name="plan_start"),
    path("hulp-in-huis/plannen/", plans.plan_list, name="plans"),
    path("hulp-in-huis/plannen/nieuw/", plans.plan_new, name="plan_new"),
    path("hulp-in-huis/plannen/<int:plan_id>/", plans.plan_detail, name="plan"),
    path("hulp-in-huis/plannen/<int:plan_id>/wijzigen/", plans.plan_revise, name="plan_revise"),
    path("hulp-in-huis/plannen/<int:plan_id>/akkoord/", plans.plan_agree, name="plan_agree"),
    path("hulp-in-huis/plannen/<int:plan_id>/afdrukken/", plans.plan_print, name="plan_print"),
    path("hulp-in-huis/plannen/<int:plan_id>/tevredenheid/", plans.satisfaction, name="satisfaction"),
]
