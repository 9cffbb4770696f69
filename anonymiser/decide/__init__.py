"""Stage 3, decide. Enters: the raw Detections, the profile, the register and the case map. Leaves:
Decisions: what each span becomes (Replacement) and what is kept but shown to the reviewer (Flag).
decide() (policy.py) runs the named steps of steps.py in order; actions.py holds the profile's actions."""
