"""Imported once by the forkserver (run.local.PRELOAD): the model and the gazetteer are loaded
here, so every pool child forked from the server starts with them. Never raises: the forkserver
must start even when the model is missing (the first task then reports it)."""
try:
    from ..pipeline import warm_up

    warm_up()
except Exception:   # noqa: BLE001 - reported by the first task instead
    pass
