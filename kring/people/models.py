import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from kring.core.links import link_text
from kring.core.validators import validate_no_markup


class Department(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True, validators=[validate_no_markup])
    slug = models.SlugField(_("short name"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name


class Expertise(models.Model):
    """A subject a colleague knows about, used as a tag on profiles."""

    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("expertise")
        verbose_name_plural = _("expertise")

    def __str__(self) -> str:
        return self.name


def display_name(first_name: str, last_name: str, username: str) -> str:
    """How a colleague is named everywhere: first and last name, else the username."""
    return f"{first_name} {last_name}".strip() or username


def _photo_path(instance: "User", filename: str) -> str:
    return f"photos/{uuid.uuid4().hex}.jpg"


class User(AbstractUser):
    class Kind(models.TextChoices):
        EMPLOYEE = "employee", _("Employee")
        GUEST = "guest", _("Guest")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.EMPLOYEE)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    job_title = models.CharField(
        _("job title"), max_length=100, blank=True, validators=[validate_no_markup]
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    location = models.CharField(
        _("location"), max_length=100, blank=True, validators=[validate_no_markup]
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_no_markup])
    about = models.TextField(_("about me"), max_length=2000, blank=True)
    photo = models.ImageField(_("photo"), upload_to=_photo_path, blank=True)
    expertise = models.ManyToManyField(
        Expertise, verbose_name=_("expertise"), blank=True, related_name="people"
    )

    objects = UserManager()

    class Meta:
        ordering = ["first_name", "last_name", "username"]
        verbose_name = _("colleague")
        verbose_name_plural = _("colleagues")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return display_name(self.first_name, self.last_name, self.username)

    @property
    def initials(self) -> str:
        parts = [
            p
            for p in (self.first_name, self.last_name.split(" ")[-1] if self.last_name else "")
            if p
        ]
        return "".join(p[0] for p in parts).upper() or self.username[:2].upper()

    @property
    def is_guest(self) -> bool:
        return self.kind == self.Kind.GUEST

    @property
    def is_employee(self) -> bool:
        return self.kind == self.Kind.EMPLOYEE

    @property
    def is_site_admin(self) -> bool:
        return self.is_active and self.is_staff and self.is_employee

    def get_absolute_url(self) -> str:
        return link_text("people:detail", self.username)

    def fragment_parts(self) -> tuple:
        """Everything shown wherever a colleague is named with their picture (avatar, name
        link, guest badge, job title and department), for the keys of cached fragments."""
        department = self.department.name if self.department_id else ""
        photo = self.photo.name if self.photo else ""
        return (self.pk, self.username, self.first_name, self.last_name, self.kind,
                self.job_title, department, photo)  # fmt: skip


# What a colleague (or a site admin for them) may change on a profile.
PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "job_title",
    "department",
    "location",
    "phone",
    "about",
    "language",
)


def user_display_name(user: User) -> str:
    return user.display_name


class Invitation(models.Model):
    """An e-mailed link that lets someone create their own account."""

    email = models.EmailField(_("e-mail address"))
    kind = models.CharField(
        _("kind"), max_length=10, choices=User.Kind.choices, default=User.Kind.EMPLOYEE
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email
