"""Credit management — catalogue chapter C (C1–C11).

The public face of the credit chapter; the implementation lives in private modules, one per rule
(``customer_rules/_credit/``). ``CreditPolicy()`` holds every parameter at the seed's value;
:class:`CreditReason` lists every reason code of the chapter.
"""

from customer_rules._credit.codes import (
    CreditReason,
)
from customer_rules._credit.model import (
    CNY,
    Receivable,
)
from customer_rules._credit.policy import (
    CreditPolicy,
)

# --- imports: C1 standard and rating; C2 exposure and orders; C3 shipment; C6; C11
# --- imports: C4 aging; C5 collection ladder
# --- imports: C7 review; C8; C9 screening; C10

__all__ = [
    "CNY",
    "CreditPolicy",
    "CreditReason",
    "Receivable",
    # --- names: C1, C2, C3, C6, C11
    # --- names: C4, C5
    # --- names: C7, C8, C9, C10
]
