"""Reception-desk mode: keyboard-first window for staff."""
