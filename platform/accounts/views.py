"""Log-in pages and the password reset request. Log-out and the rest of the reset are Django's own views with our
templates (urls.py)."""

import hashlib

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.accounts.client_address import client_address
from wijkmarkt.platform.ratelimits import count_attempt


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


class PasswordResetView(auth_views.PasswordResetView):
    """Mails a reset link at most a few times an hour to one address (nobody's mailbox is flooded) and for one client
    (nobody tries the whole city; settings.WIJKMARKT_RATE_LIMITS). Beyond the limit the answer is the same "check
    your mail" page, without a mail: the page never tells whether an address exists or was limited."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"

    def form_valid(self, form):
        # The address is hashed: the shared cache need not hold who asked for a new password.
        address = hashlib.sha256(form.cleaned_data["email"].strip().lower().encode()).hexdigest()
        limited = False
        # Both counters count every request, also one that the other counter already refuses.
        for action, who in [
            ("password_reset_address", f"email:{address}"),
            ("password_reset_client", f"ip:{client_address(self.request)}"),
        ]:
            try:
                count_attempt(action, who)
            except ValidationError:
                limited = True
        if limited:
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
