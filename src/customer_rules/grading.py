"""Grading and classification — catalogue chapter G (G1–G7).

The public face of the grading chapter; the implementation lives in private modules, one per
rule:

* G1 :func:`deal_size_type` — deal-size type A/B/C/D by expected deal amount;
* G2 :func:`score` — the four-indicator scorecard, with what-if analysis;
* G3 :func:`classify_category`, :func:`check_eligibility`, :func:`big_customer_level`,
  :func:`designate_key_customer` — category, eligibility, the new-customer rule;
* G4 :func:`service_tier` — service tier and next revisit;
* G5 :func:`report_schedule`, :func:`weekly_report_due`, :func:`emergency_report`;
* G6 :func:`regrade`, :func:`next_regrade_review`, :func:`exit_big_customer`,
  :func:`rules_review_due`;
* G7 :func:`classify` with the :data:`SCHEMES` presets;

and the main job, :func:`grade_customer`, which runs G3 → G2 → G4 → G5 (→ G6) for one customer.
``GradingPolicy()`` holds every parameter at the seed's value.
"""

from customer_rules._grading import customer as _customer
from customer_rules._grading import deal_size as _deal_size
from customer_rules._grading import eligibility as _eligibility
from customer_rules._grading import model as _model
from customer_rules._grading import policy as _policy
from customer_rules._grading import regrading as _regrading
from customer_rules._grading import reporting as _reporting
from customer_rules._grading import schemes as _schemes
from customer_rules._grading import scorecard as _scorecard
from customer_rules._grading import service_tier as _service_tier
from customer_rules._grading.customer import *  # noqa: F403
from customer_rules._grading.deal_size import *  # noqa: F403
from customer_rules._grading.eligibility import *  # noqa: F403
from customer_rules._grading.model import *  # noqa: F403
from customer_rules._grading.policy import *  # noqa: F403
from customer_rules._grading.regrading import *  # noqa: F403
from customer_rules._grading.reporting import *  # noqa: F403
from customer_rules._grading.schemes import *  # noqa: F403
from customer_rules._grading.scorecard import *  # noqa: F403
from customer_rules._grading.service_tier import *  # noqa: F403

__all__: list[str] = []
__all__ += _customer.__all__
__all__ += _deal_size.__all__
__all__ += _eligibility.__all__
__all__ += _model.__all__
__all__ += _policy.__all__
__all__ += _regrading.__all__
__all__ += _reporting.__all__
__all__ += _schemes.__all__
__all__ += _scorecard.__all__
__all__ += _service_tier.__all__
