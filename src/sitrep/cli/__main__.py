"""`python -m sitrep.cli ARGS`: the same as `sitrep ARGS`."""
from . import main

main()
