"""Feedback: what reps do with an alert in Slack (useful, not useful and why, snooze, claim) and
what came of it in the CRM, stored per alert and read back as rule effectiveness.

    config     `sinks.slack.actions` (buttons, Socket Mode or HTTP) and the `feedback:` settings
    actions    the buttons' Block Kit, and a Slack `block_actions` payload parsed into clicks
    ledger     the `feedback_actions` table: each action once, snoozes and claims in force
    holds      snoozes as suppressions the rules engine honours; claims as the account's owner
    handler    a click: stored, then the message updated in place (`chat.update`)
    socket     Slack's Socket Mode (no public URL needed); `http`: the signed request-URL alternative
    service    the daemon's part: the listener, and the engine rebuilt when snoozes change
    preflight  `signalwatch doctor`'s check of the app-level token (or the signing secret)
    report     per rule: alerts, votes, claims, snoozes, and new CRM deals after the alert (lift)
    deals      new HubSpot deals and Salesforce Opportunities, with their company and creation time
    check      `rules check`'s warning about a rule reps mostly call not useful
"""
