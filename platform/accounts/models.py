"""One citywide account per person (public schema). What a person is in a wijk lives in that wijk's schema
(tenants/membership); only the citywide coordinator role is held here."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A member's role in one wijk. Defined here because permissions (permissions.py) are citywide vocabulary."""

    RESIDENT = "resident", _("Bewoner")
    MAKELAAR = "makelaar", _("Sociaal makelaar")
    PROFESSIONAL = "professional", _("Professional van een partner")
    PROVIDER = "provider", _("Aanbieder van huishoudelijke hulp")
    WIJK_ADMIN = "wijk_admin", _("Beheerder van de wijk")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True, is_coordinator=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    # Always stored in lower case (create_account), so a plain unique index is case-insensitive in practice.
    email = models.EmailField(_("e-mailadres"), max_length=254, unique=True)
    first_name = models.CharField(_("voornaam"), max_length=60)
    last_name = models.CharField(_("achternaam"), max_length=80, blank=True)
    is_coordinator = models.BooleanField(_("coördinator voor de hele stad"), default=False)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name"]

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def __str__(self) -> str:
        return self.first_name or self.email
