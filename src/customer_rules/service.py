"""Service, reception and complaints — catalogue chapter S (S1–S7).

The public face of the service chapter; the implementation lives in private modules, one per rule
(``customer_rules/_service/``). ``ServicePolicy()`` holds every parameter at the seed's value;
:class:`ServiceReason` lists every reason code of the chapter.
"""

from customer_rules._service.codes import (
    ServiceReason,
)
from customer_rules._service.policy import (
    ServicePolicy,
)

__all__ = [
    "ServicePolicy",
    "ServiceReason",
]
