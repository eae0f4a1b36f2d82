"""Departments, colleagues, guests and expertise tags for `seed scale`."""

import unicodedata
from typing import TYPE_CHECKING

from django.conf import settings
from tqdm import tqdm

from kring.people.models import Department, Expertise, User
from kring.seed import demo_data
from kring.seed import scale_text as text
from kring.seed.bulk import BATCH_SIZE, TableWriter, epoch, next_id

if TYPE_CHECKING:
    from kring.seed.scale import World

DAY = 86_400
GUEST_SHARE = 0.03
USER_FIELDS = (
    "id", "password", "is_superuser", "username", "first_name", "last_name", "email",
    "is_staff", "is_active", "date_joined", "kind", "language", "job_title", "department_id",
    "location", "phone", "about",
)  # fmt: skip
ROLE_WEIGHTS = (30, 10, 10, 12, 8, 10, 6, 5, 4, 3, 3, 2)
GUEST_ROLES = ("Adviseur", "Projectleider", "Beleidsmedewerker", "Consultant", "Coördinator")


def _username_base(first: str, last: str) -> str:
    """ "Sanne", "de Vries" -> "sanne.devries": ASCII, as the demo's usernames are."""
    plain = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum() or c == ".")


def people_write(world: "World", users: int, bar: tqdm) -> dict[str, int]:
    """Write the departments, `users` people (about 3 % guests) and their expertise."""
    rng = world.rng("people")
    departments = TableWriter(Department, ("id", "name", "slug"))
    first_department = next_id(Department)
    departments.write(
        (first_department + i, name, slug) for i, (slug, name, _, _) in enumerate(text.DEPARTMENTS)
    )
    world.department_names = [name for _, name, _, _ in text.DEPARTMENTS]
    world.by_department = [[] for _ in text.DEPARTMENTS]
    first_tag = next_id(Expertise)
    Expertise.objects.bulk_create(
        Expertise(id=first_tag + i, name=name) for i, name in enumerate(text.EXPERTISE)
    )

    writer = TableWriter(User, USER_FIELDS)
    tags = TableWriter(User.expertise.through, ("id", "user_id", "expertise_id"))
    first_user, first_link = next_id(User), next_id(User.expertise.through)
    department_weights = [size for _, _, size, _ in text.DEPARTMENTS]
    ict = next(i for i, (slug, *_) in enumerate(text.DEPARTMENTS) if slug == "ict")
    guests = max(1, round(users * GUEST_SHARE))
    # Not the demo's usernames: `seed demo` would take a scale database for a loaded demo.
    taken = {person["username"] for person in demo_data.PEOPLE}
    rows: list[tuple] = []
    links: list[tuple] = []
    for i in range(users):
        uid = first_user + i
        first, last = text.name_parts(rng)
        base = _username_base(first, last)
        username, n = base, 1
        while username in taken:
            n += 1
            username = f"{base}{n}"
        taken.add(username)
        world.usernames[uid], world.names[uid] = username, f"{first} {last}"
        # A few very active writers and many quiet readers, as on every intranet.
        world.activity[uid] = rng.lognormvariate(0, 1.2)
        is_guest = i >= users - guests
        if is_guest:
            organisation, domain = rng.choice(text.GUEST_ORGANISATIONS)
            title = f"{rng.choice(GUEST_ROLES)} bij {organisation}"
            department, email, location = None, f"{username}@{domain}", organisation
            world.guests.append(uid)
        else:
            department = ict if i == 0 else rng.choices(range(len(text.DEPARTMENTS)), department_weights)[0]  # fmt: skip
            domains = text.DEPARTMENTS[department][3]
            role = rng.choices(text.ROLES, ROLE_WEIGHTS)[0]
            title = "Functioneel beheerder Kring" if i == 0 else f"{role} {rng.choice(domains)}"
            email, location = f"{username}@{text.EMAIL_DOMAIN}", rng.choice(text.LOCATIONS)
            world.employees.append(uid)
            world.by_department[department].append(uid)
        if rng.random() < 0.6:
            phone = f"06-{rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
        else:
            phone = f"0123-45 {rng.randint(10, 99)} {rng.randint(10, 99)}"
        about = ""
        if rng.random() < 0.3:
            about = text.about_text(rng, location if department is None else world.department_names[department])  # fmt: skip
        language = "en" if rng.random() < 0.04 else settings.LANGUAGE_CODE
        rows.append((
            uid, world.password_hash, i == 0, username, first, last, email, i == 0, True,
            epoch(world.start - rng.uniform(1, 30) * DAY),
            User.Kind.GUEST if is_guest else User.Kind.EMPLOYEE, language, title,
            None if department is None else first_department + department, location, phone, about,
        ))  # fmt: skip
        for tag in rng.sample(range(len(text.EXPERTISE)), rng.choice((0, 0, 1, 2, 3))):
            links.append((first_link + len(links) + tags.written, uid, first_tag + tag))
        if len(rows) == BATCH_SIZE or i == users - 1:
            writer.write(rows)
            tags.write(links)
            bar.update(len(rows))
            rows, links = [], []
    world.site_admin = first_user
    return {
        "departments": len(text.DEPARTMENTS),
        "employees": len(world.employees),
        "guests": len(world.guests),
        "expertise tags": tags.written,
    }
