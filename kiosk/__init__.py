"""Check-in kiosk for Vietnamese clinics (BHYT/VssID and CCCD QR codes)."""

__version__ = "0.1.0"
