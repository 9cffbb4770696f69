"""Write publication documents and the private records that go with them."""
