"""An alert as sinks see it: the frozen payload and how it reads in the console and in Slack."""
