"""Log-in pages. Log-out, password reset and its e-mail are Django's own views with our templates (urls.py)."""

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LogInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw."
        ),
        "inactive": _("Dit account is uitgeschakeld. Neem contact op met de sociaal makelaar."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class LogInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LogInForm
    redirect_authenticated_user = True
