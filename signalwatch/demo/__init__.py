"""The offline demo: recorded feeds served locally, a fake Slack, a full poll cycle."""
