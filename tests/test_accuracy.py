"""Accuracy floors: a score that drops below what the project has reached fails the suite.

The floors only ever go up (raise them when the rules improve; never lower one).
The seed gold is the development set; the seventeen held-out sets hold original texts
written for the project (data/gold/heldout*/README.md).
"""

from pathlib import Path

import pytest

from sci_diplo.evaluate.runner import evaluate
from sci_diplo.resources import gold_dir, seeds_dir

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold"

FLOORS = {
    "seeds": {"figures": 0.98, "dates": 1.0, "programmes": 1.0, "claims": 1.0, "countries": 1.0,
              "published": 1.0, "qualifier": 1.0, "relation": 1.0},
    "heldout": {"figures": 0.99, "dates": 1.0, "programmes": 0.97, "claims": 0.98, "countries": 1.0,
                "published": 1.0, "qualifier": 1.0, "relation": 1.0},
    "heldout2": {"figures": 0.99, "dates": 0.99, "programmes": 0.98, "claims": 0.99, "countries": 1.0,
                 "published": 1.0, "qualifier": 1.0, "relation": 0.93},
    # scored blind once (data/gold/heldout3/README.md, at 0.92-0.86 and 5/8), then general rules;
    # its annotators wrote "on" for intervals ("on 20–22 May"), which the seed gold gives "during",
    # and for labelled deadlines ("Registration closes: 30 May 2025"), which sets 4, 5 and 7 give "by"
    "heldout3": {"figures": 0.98, "dates": 0.99, "programmes": 1.0, "claims": 0.98, "countries": 1.0,
                 "published": 1.0, "qualifier": 1.0, "relation": 0.91},
    # scored blind once (data/gold/heldout4/README.md, at 0.97-0.82 and 6/8), then general rules
    "heldout4": {"figures": 0.98, "dates": 0.98, "programmes": 0.91, "claims": 0.98, "countries": 1.0,
                 "published": 1.0, "qualifier": 1.0, "relation": 0.98},
    # scored blind once (data/gold/heldout5/README.md, at 0.86-0.99 and 6/8), then general rules
    "heldout5": {"figures": 0.98, "dates": 0.96, "programmes": 0.94, "claims": 0.95, "countries": 1.0,
                 "published": 1.0, "qualifier": 0.96, "relation": 0.99},
    # scored blind once (data/gold/heldout6/README.md, at 0.84-0.99 and 5/8), then general rules;
    # its annotators wrote "on" for labelled deadlines ("Deadline for pre-proposals: 6 February
    # 2025"), which sets 4, 5 and 7 give "by", and seasons as months ("last spring"), which eight
    # other sets give as the year (the rules too, since seasons became their years)
    "heldout6": {"figures": 0.98, "dates": 0.98, "programmes": 0.95, "claims": 0.96, "countries": 1.0,
                 "published": 1.0, "qualifier": 0.99, "relation": 0.95},
    # scored blind once (data/gold/heldout7/README.md, at 0.82-0.99 and 3/8), then general rules
    "heldout7": {"figures": 0.98, "dates": 0.99, "programmes": 0.93, "claims": 0.98, "countries": 0.98,
                 "published": 1.0, "qualifier": 0.98, "relation": 0.99},
    # scored blind once (data/gold/heldout8/README.md, at 0.75-0.99 and 5/8), then general rules
    "heldout8": {"figures": 0.96, "dates": 0.98, "programmes": 0.91, "claims": 0.92, "countries": 0.99,
                 "published": 1.0, "qualifier": 0.99, "relation": 0.97},
    # scored blind once (data/gold/heldout9/README.md, at 0.88-1.00 and 4/8), then general rules
    "heldout9": {"figures": 0.94, "dates": 0.97, "programmes": 0.89, "claims": 0.965, "countries": 1.0,
                 "published": 1.0, "qualifier": 0.98, "relation": 0.95},
    # scored blind once (data/gold/heldout10/README.md, at 0.78-1.00 and 4/8), then general rules
    "heldout10": {"figures": 0.94, "dates": 0.96, "programmes": 0.84, "claims": 0.92, "countries": 1.0,
                  "published": 1.0, "qualifier": 0.98, "relation": 0.97},
    # scored blind once (data/gold/heldout11/README.md, at 0.86-0.99 and 6/8), then general rules
    "heldout11": {"figures": 0.96, "dates": 0.99, "programmes": 0.86, "claims": 0.96, "countries": 1.0,
                  "published": 1.0, "qualifier": 1.0, "relation": 0.97},
    # scored blind once (data/gold/heldout12/README.md, at 0.86-1.00 and 8/8), then general rules;
    # its writers gave a milestones table's targets "by"
    "heldout12": {"figures": 0.96, "dates": 0.99, "programmes": 0.92, "claims": 0.97, "countries": 1.0,
                  "published": 1.0, "qualifier": 0.98, "relation": 0.9},
    # scored blind once (data/gold/heldout13/README.md, at 0.83-1.00 and 5/8), then general rules
    "heldout13": {"figures": 0.96, "dates": 0.98, "programmes": 0.87, "claims": 0.97, "countries": 1.0,
                  "published": 1.0, "qualifier": 0.99, "relation": 0.95},
    # scored blind once (data/gold/heldout14/README.md, at 0.75-0.99 and 6/8), then general rules;
    # its writers dated a feed's and a blog's relative days from each item's own stamp
    "heldout14": {"figures": 0.98, "dates": 0.99, "programmes": 0.92, "claims": 0.92, "countries": 0.99,
                  "published": 1.0, "qualifier": 0.99, "relation": 0.95},
    # scored blind once (data/gold/heldout15/README.md, at 0.72-1.00 and 6/8), then general rules;
    # its writers gave no claim to a table's dated rows, which sets 2 and 12 claim
    "heldout15": {"figures": 0.98, "dates": 0.97, "programmes": 0.94, "claims": 0.88, "countries": 1.0,
                  "published": 1.0, "qualifier": 1.0, "relation": 0.94},
    # scored blind once (data/gold/heldout16/README.md, at 0.72-0.99 and 3/8), then general rules
    "heldout16": {"figures": 0.97, "dates": 1.0, "programmes": 0.91, "claims": 0.95, "countries": 0.98,
                  "published": 1.0, "qualifier": 0.99, "relation": 0.88},
    # scored blind once (data/gold/heldout17/README.md, at 0.64-0.91 and 7/8), then general rules
    "heldout17": {"figures": 0.91, "dates": 0.97, "programmes": 0.74, "claims": 0.92, "countries": 0.97,
                  "published": 1.0, "qualifier": 0.97, "relation": 0.89},
    # scored blind once (data/gold/heldout18/README.md, at 0.78-1.00 and 2/8), then general rules
    "heldout18": {"figures": 0.95, "dates": 0.96, "programmes": 0.89, "claims": 0.89, "countries": 1.0,
                  "published": 1.0, "qualifier": 0.98, "relation": 0.96},
}


@pytest.fixture(scope="module", params=["seeds", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
                                                   "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                                                   "heldout12", "heldout13", "heldout14", "heldout15", "heldout16",
                                                   "heldout17", "heldout18"])
def scored(request):
    if request.param == "seeds":
        return request.param, evaluate(gold_dir(), seeds_dir())
    return request.param, evaluate(GOLD / request.param, GOLD / request.param / "docs")


@pytest.mark.parametrize("category", ["figures", "dates", "programmes", "claims", "countries"])
def test_f1_floor(scored, category):
    name, report = scored
    assert report.category(category).f1 >= FLOORS[name][category], report.to_dict()[category]


def test_publication_date_and_accuracy_floors(scored):
    name, report = scored
    floors = FLOORS[name]
    assert report.published_rate >= floors["published"]
    assert report.figure_qualifier_accuracy >= floors["qualifier"]
    assert report.date_relation_accuracy >= floors["relation"]
