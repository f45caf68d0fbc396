"""The first-run setup wizard (Qt): pages, translated texts, the wizard itself (``kiosk.ui.setup_wizard``)."""
