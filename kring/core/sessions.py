"""Sessions in the database, as Django keeps them, read with SQL compiled once.

Every signed-in request reads its session first. Django's database store builds and
compiles that query anew each time; the SQL only differs in the session key
(kring/core/compiled_sql.py). The table, the stored data and everything else are
Django's own (`django.contrib.sessions.backends.db`): a site can switch between the two
engines without anyone being signed out.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from kring.core.compiled_sql import CompiledSelect

_SESSION = CompiledSelect(
    lambda key: Session.objects.filter(session_key=key).values_list("session_data", "expire_date"),
    slots=(str,),
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Session | None:
        """The stored session if it has not expired; as Django's, without the ORM's query."""
        rows = _SESSION.rows(self.session_key, using=Session.objects.db)
        if rows:
            data, expires = rows[0]
            # Django asks for `expire_date > now` in its query: the same comparison here.
            if expires > timezone.now():
                return Session(session_key=self.session_key, session_data=data, expire_date=expires)
        self._session_key = None
        return None
