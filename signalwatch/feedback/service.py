"""The daemon's part of the feedback loop: the Slack listener (Socket Mode or HTTP) and a job
that rebuilds the rules engine when the stored snoozes change.

Snoozes reach the engine as suppressions (`holds.with_snoozes`, applied wherever an engine is
built from the store). A click handled here rebuilds it at once; the job notices the clicks
another instance handled (several daemons on one database) within `CHECK_SECONDS`. Claims need
no rebuild: each poll reads the claims in force (`holds.with_claims`).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from slack_sdk import WebClient

from signalwatch.feedback import ledger
from signalwatch.feedback.config import SlackActions
from signalwatch.feedback.handler import ActionHandler
from signalwatch.store import StoreError
from signalwatch.timeutil import utcnow

__all__ = ["FeedbackService", "schedule_feedback", "CHECK_SECONDS"]

log = logging.getLogger(__name__)
CHECK_SECONDS = 10
RETRY_SECONDS = (2, 5, 15, 30, 60)  # between attempts to reach Slack's Socket Mode


class FeedbackService:
    """Listener and engine refresh for one daemon (`app`: the runtime App), until `stop` is set."""

    def __init__(self, app: Any, actions: SlackActions, stop: threading.Event) -> None:
        self._app = app
        self._actions = actions
        self._stop = stop
        self._lock = threading.Lock()
        self._seen: tuple[Any, ...] | None = None
        slack = app.settings.sink_configs["slack"]
        client = WebClient(token=app.settings.secret(slack.token_env), base_url=slack.base_url, timeout=int(max(1, slack.timeout)),
                           retry_handlers=[])
        self.handler = ActionHandler(app.store, client, actions, on_holds_changed=self.refresh)
        self.listener: Any = None

    def _listener(self) -> Any:
        """A new Socket Mode or HTTP listener (the latter binds its port here)."""
        slack, actions = self._app.settings.sink_configs["slack"], self._actions
        if actions.mode == "socket_mode":
            from signalwatch.feedback.socket import SocketListener

            token = self._app.settings.secret(actions.app_token_env)
            app_client = WebClient(base_url=slack.base_url, timeout=int(max(1, slack.timeout)), retry_handlers=[])
            return SocketListener(token or "", app_client, self.handler)
        from signalwatch.feedback.http import HttpListener

        secret = self._app.settings.secret(actions.signing_secret_env) or ""
        return HttpListener(actions.listen_host, actions.listen_port, actions.path, secret, self.handler)

    def start(self) -> None:
        """Start listening (Socket Mode keeps trying to connect in the background) and remember
        the snoozes the engine was built with."""
        try:
            self._seen = ledger.version(self._app.store.engine)
        except StoreError as exc:
            log.error("feedback: cannot read stored actions: %s", exc)
        threading.Thread(target=self._run, name="slack-actions", daemon=True).start()

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                self.listener = self._listener()
                self.listener.start()
                break
            except Exception as exc:  # Slack unreachable, a revoked token, a port in use: alerts flow on, clicks wait
                if self.listener is not None:
                    self.listener.stop()  # its client's threads
                    self.listener = None
                delay = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
                log.error("feedback: cannot receive Slack button clicks (%s: %s); trying again in %d s",
                          type(exc).__name__, str(exc)[:200], delay)
                attempt += 1
                self._stop.wait(delay)
        self._stop.wait()
        if self.listener is not None:
            self.listener.stop()

    def refresh(self) -> bool:
        """Rebuild the engine when stored actions changed since it was built; True when it did."""
        with self._lock:
            try:
                found = ledger.version(self._app.store.engine)
            except StoreError as exc:
                log.error("feedback: cannot read stored actions: %s", exc)
                return False
            if found == self._seen:
                return False
            self._app.swap_rules(self._app.rules)  # the engine is rebuilt with the snoozes now in force
            self._seen = found
            log.info("feedback: snoozes applied to the rules engine")
            return True


def schedule_feedback(scheduler: Any, app: Any, stop: threading.Event) -> FeedbackService | None:
    """Start the feedback service in the daemon when `sinks.slack.actions.mode` is not `off`."""
    from apscheduler.triggers.interval import IntervalTrigger

    slack = app.settings.sink_configs.get("slack")
    actions: SlackActions | None = getattr(slack, "actions", None)
    if slack is None or not slack.enabled or actions is None or not actions.enabled:
        return None
    service = FeedbackService(app, actions, stop)
    service.start()
    scheduler.add_job(service.refresh, IntervalTrigger(seconds=CHECK_SECONDS), id="feedback", next_run_time=utcnow())
    return service
