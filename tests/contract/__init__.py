"""The contract suite: one set of tests run over every registered connector and sink."""
