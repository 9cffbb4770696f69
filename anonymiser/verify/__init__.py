"""Stage 7, verify. Enters: anonymised outputs and their case register and audit log. Leaves: the
leaks found, if any: nothing original may survive."""
