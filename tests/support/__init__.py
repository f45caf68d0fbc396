"""Shared test helpers: a throw-away PostgreSQL cluster, fakes for devices and servers."""
