"""Card payloads (BHYT/VssID, CCCD) and eligibility rules. Plain Python, no Qt, no database."""
