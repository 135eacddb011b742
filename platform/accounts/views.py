"""Log-in pages and the password reset request. Log-out and the rest of the reset are Django's own views with our
templates (urls.py)."""

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited


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


def _reset_address(_group, request) -> str:
    return request.POST.get("email", "").strip().lower()


class PasswordResetView(auth_views.PasswordResetView):
    """Mails a reset link, at most PASSWORD_RESET_RATE_PER_ADDRESS times to one address (nobody's mailbox is flooded)
    and PASSWORD_RESET_RATE_PER_CLIENT times for one client (nobody tries the whole city). Beyond the limit the
    answer is the same "check your mail" page, without a mail: the page never tells whether an address exists or
    was limited."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"

    def form_valid(self, form):
        limits = [
            ("address", _reset_address, settings.PASSWORD_RESET_RATE_PER_ADDRESS),
            ("client", "ip", settings.PASSWORD_RESET_RATE_PER_CLIENT),
        ]
        # Both counters count every request, also one that the other counter already refuses.
        limited = [
            is_ratelimited(self.request, group=f"password-reset-{name}", key=key, rate=rate, increment=True)
            for name, key, rate in limits
        ]
        if any(limited):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
