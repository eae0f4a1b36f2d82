"""`python -m bench`: the same as `kring bench`."""

import sys

from bench.cli import main

sys.exit(main())
