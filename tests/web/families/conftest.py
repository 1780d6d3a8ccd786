# The throwaway PostgreSQL cluster of the service tests, for the backup's round trip there.
from test_services import database_url  # noqa: F401
