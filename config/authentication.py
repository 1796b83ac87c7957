"""Token authentication in one prepared statement.

DRF's ``TokenAuthentication`` builds an ORM query on every request; this reads the token's
user with a fixed SQL text that psycopg prepares once per connection. A token older than
``CLAIMLENS_TOKEN_DAYS`` is refused (``annotations/services/tokens.py``). The user object
carries what the API reads (id, username, active/staff/superuser flags).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

from annotations.services.tokens import valid_since

User = get_user_model()

TOKEN_USER_SQL = f"""
SELECT u.id, u.username, u.is_active, u.is_staff, u.is_superuser
FROM {Token._meta.db_table} t JOIN {User._meta.db_table} u ON u.id = t.user_id
WHERE t.key = %s AND t.created > %s
"""


class FastTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key: str) -> tuple[Any, str]:
        with connection.cursor() as cursor:
            cursor.execute(TOKEN_USER_SQL, [key, valid_since()])
            row = cursor.fetchone()
        if row is None:
            raise AuthenticationFailed("Invalid or expired token.")
        pk, username, is_active, is_staff, is_superuser = row
        if not is_active:
            raise AuthenticationFailed("User inactive or deleted.")
        user = User(
            id=pk, username=username, is_active=True, is_staff=is_staff, is_superuser=is_superuser
        )
        user._state.adding = False
        user._state.db = "default"
        return user, key
