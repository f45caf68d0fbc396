"""Self-service mode: touch screens for patients (welcome → verdict → department → ticket)."""
