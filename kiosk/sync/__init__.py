"""The kiosk's side of hub synchronisation: push visits, pull card and reference data."""
