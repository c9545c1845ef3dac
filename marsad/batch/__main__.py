"""`python -m marsad.batch INPUT OUTPUT [options]`, and the script to hand to spark-submit.

spark-submit runs a Python file, not a console script: pass this file's path (print it
with `python -c "import marsad.batch.__main__ as m; print(m.__file__)"`) followed by the
options of `marsad batch`. The master and every setting then come from spark-submit.
"""

from __future__ import annotations

import sys

from marsad.cli.batch import batch_command
from marsad.cli.main import report
from marsad.errors import MarsadError

if __name__ == "__main__":
    try:
        batch_command.main(prog_name="marsad batch")
    except MarsadError as error:
        report(error)
        sys.exit(1)
