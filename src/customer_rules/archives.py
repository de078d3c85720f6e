"""Customer archives — catalogue chapter R (R1–R12).

The public face of the archives chapter; the implementation lives in private modules, one per rule
(``customer_rules/_archives/``). ``ArchivesPolicy()`` holds every parameter at the seed's value;
:class:`ArchivesReason` lists every reason code of the chapter.
"""

from customer_rules._archives.codes import (
    ArchivesReason,
)
from customer_rules._archives.policy import (
    ArchivesPolicy,
)

__all__ = [
    "ArchivesPolicy",
    "ArchivesReason",
]
