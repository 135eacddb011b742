"""Addresses of the Eigen Kracht Wijzer pages, in Dutch."""

from django.urls import path

from wijkmarkt.tenants.wijzer import views

app_name = "wijzer"

urlpatterns = [
    path("wijzer/", views.home, name="home"),
    path("wijzer/beginnen/", views.start, name="start"),
    path("wijzer/<int:assessment_id>/", views.resume, name="resume"),
    path("wijzer/<int:assessment_id>/vraag/<slug:key>/", views.question_page, name="question"),
    path("wijzer/<int:assessment_id>/controleren/", views.check, name="check"),
    path("wijzer/<int:assessment_id>/uitkomst/", views.outcome, name="outcome"),
    path("wijzer/<int:assessment_id>/aanvraag/", views.application, name="application"),
    path("wijzer/regels/", views.rules_page, name="rules"),
    path("wijzer/regels/versie/<int:version>/", views.rules_version, name="rules-version"),
]
