"""Stage 4, pseudonymise. The case map: one stable pseudonym or label per person across a case's
documents. Enters: a person's key and role. Leaves: the label to print."""
