"""Running extraction: a per-article time and memory budget, and the one local process pool.

    run.budget   Budget, OverBudget, limited(budget): a runaway article becomes an error row
    run.local    extract_stream(items, workers, budget): `sitrep extract` and `sitrep ingest`
                 both extract through it, in this process or in warmed child processes

Dask (`sitrep.scale`) is the other way to run many articles; it calls the same per-batch function.
"""
from .budget import Budget, OverBudget, limited

__all__ = ["Budget", "OverBudget", "limited"]
