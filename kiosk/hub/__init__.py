"""The hub server that a hospital or district health centre runs for all its kiosks."""
