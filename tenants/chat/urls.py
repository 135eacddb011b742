"""Addresses of the chat pages, in Dutch."""

from django.urls import path

from wijkmarkt.tenants.chat import views

app_name = "chat"

urlpatterns = [
    path("berichten/", views.conversation_list, name="list"),
    path("berichten/<int:conversation_id>/", views.conversation_detail, name="conversation"),
    path("berichten/<int:conversation_id>/<int:message_id>/melden/", views.report_message, name="report"),
    path("berichten/nieuw/", views.choose_neighbour, name="new"),
    path("berichten/nieuw/<int:membership_id>/", views.start_direct, name="start-direct"),
    path("berichten/buurtkamer/", views.start_buurtkamer, name="buurtkamer"),
    path("berichten/sociaal-makelaar/", views.start_inbox, name="inbox"),
    # Reporting a message of an exchange's thread, from the exchange's page: a marketplace address, served here
    # because the thread's messages are the chat's.
    path(
        "afspraken/<int:exchange_id>/berichten/<int:message_id>/melden/",
        views.report_exchange_message,
        name="exchange-message-report",
    ),
]
