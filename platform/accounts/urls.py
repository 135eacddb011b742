"""The account pages under /account/ on the portal and every wijk site (platform/config/urls_common.py): logging
in and out and resetting a password: Django's views with our templates, the log-in and the reset request through
our own subclasses (views.py)."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from wijkmarkt.platform.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LogInView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "wachtwoord-vergeten/",
        views.PasswordResetView.as_view(success_url=reverse_lazy("accounts:password_reset_done")),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "nieuw-wachtwoord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "nieuw-wachtwoord/klaar/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
