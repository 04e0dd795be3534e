"""The running daemon: application context, scheduler, poll pipeline, delivery, operations and the ops server."""
