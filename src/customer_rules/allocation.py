"""Customer-resource allocation — catalogue chapter A (A1–A17).

The public face of the allocation chapter; the implementation lives in private modules, one per
rule (``customer_rules/_allocation/``). ``AllocationPolicy()`` holds every parameter at the
seed's value; :class:`AllocationReason` lists every reason code of the chapter. Everything is a
pure function of the facts the host passes in (rosters, histories, registrations, holdings, the
time): the library keeps no state.
"""

from customer_rules._allocation.codes import (
    AllocationReason,
)
from customer_rules._allocation.model import (
    Lead,
    PersonStatus,
    Salesperson,
)
from customer_rules._allocation.policy import (
    AllocationPolicy,
)

# --- imports: A1-A6
# --- imports: A7-A12
# --- imports: A13-A17

__all__ = [
    "AllocationPolicy",
    "AllocationReason",
    "Lead",
    "PersonStatus",
    "Salesperson",
    # --- names: A1-A6
    # --- names: A7-A12
    # --- names: A13-A17
]
