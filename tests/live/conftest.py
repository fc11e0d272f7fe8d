import datetime
import uuid

import pytest

from tests.world import build_world


@pytest.fixture(autouse=True)
def servers_log_no_traceback():
    """Every daphne a test started must not have logged a traceback (unless it expects
    faults): a server error must fail the test that caused it, not hide in a log."""
    from tests.live.servers import Server

    Server.started.clear()
    yield
    servers, Server.started[:] = list(dict.fromkeys(Server.started)), []
    for server in servers:
        server.stop()
        server.check_log()


@pytest.fixture
def redis_prefix() -> str:
    """A channel-layer prefix of this test only, so parallel runs never cross."""
    return f"test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def live_session(transactional_db):
    """World A's engagement with a session whose first statement is open for voting."""
    from workshops import services
    from workshops.models import ItemKind

    world = build_world()
    session = services.session_create(
        engagement=world.engagement, title="Sessie", held_on=datetime.date.today()
    )
    statement = session.items.filter(kind=ItemKind.STATEMENT).order_by("position").first()
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    session.refresh_from_db()
    return world, session, statement
