"""What a run is configured by: the YAML profiles, the case register file's schema, and the word
lists in models/. Enters: file paths. Leaves: Profile, Register, phrase indexes. Imports only core."""
