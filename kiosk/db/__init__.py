"""The kiosk's local store: SQLAlchemy models, Alembic migrations, card cache, visits outbox."""
