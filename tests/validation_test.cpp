// One case per validation error: the message, its line and its column.
#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "load/package.hpp"
#include "load/scenario_yaml.hpp"
#include "report/package_text.hpp"

namespace parley {
namespace {

struct Case {
  const char* name;
  const char* yaml;
  const char* message;  // substring of the first diagnostic's message (or hint)
  int line;
  int column;
};

// Lines are counted from 1 at "parley: 1".
const Case kCases[] = {
    {"yaml_syntax", "parley: 1\nname: x\nparties: [{id: a}\nissues: []\n", "YAML syntax error", 4,
     1},
    {"unknown_key_did_you_mean",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o]}]\n"
     "preferences: {a: {weights: {i: 1}, values: {i: [1]}, reservaton: 0.2}}\n",
     "did you mean 'reservation'?", 5, 54},
    {"unknown_top_level_key", "parley: 1\nname: x\npartis: []\n", "did you mean 'parties'?", 3, 1},
    {"missing_required_field", "parley: 1\nparties: [{id: a}]\nissues: [{id: i, options: [o]}]\n",
     "missing the required field 'name'", 1, 1},
    {"missing_issue_id",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}]\nissues:\n  - name: I\n    options: "
     "[o]\n",
     "an issue is missing the required field 'id'", 5, 5},
    {"wrong_type_list", "parley: 1\nname: x\nparties: {id: a}\nissues: [{id: i, options: [o]}]\n",
     "'parties' must be a list", 3, 10},
    {"wrong_type_number",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o]}]\n"
     "preferences: {a: {weights: {i: heavy}, values: {i: [1]}}}\n",
     "must be a number, found 'heavy'", 5, 32},
    {"wrong_type_bool",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}]\nissues: [{id: i, detail: maybe, "
     "options: [o]}]\n",
     "must be true or false", 4, 26},
    {"duplicate_party_id",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}, {id: a, role: observer}]\nissues: "
     "[{id: i, options: [o]}]\n",
     "duplicate party id 'a'", 3, 41},
    {"duplicate_option_id",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}]\nissues: [{id: i, options: [o, p, "
     "o]}]\n",
     "duplicate option id 'o'", 4, 34},
    {"undefined_party",
     "parley: 1\nname: x\nparties: [{id: ann, role: observer}]\nissues: [{id: i, options: [o]}]\n"
     "preferences:\n  anne: {weights: {i: 1}, values: {i: [1]}}\n",
     "did you mean 'ann'?", 6, 3},
    {"undefined_issue",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: price, options: [o]}]\n"
     "preferences: {a: {weights: {prize: 1}, values: {price: [1]}}}\n",
     "did you mean 'price'?", 5, 29},
    {"undefined_option",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [low, high]}]\n"
     "preferences: {a: {weights: {i: 1}, values: {i: {low: 0, hihg: 1}}}}\n",
     "did you mean 'high'?", 5, 57},
    {"stated_position_without_cost",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o, p]}]\n"
     "preferences: {a: {weights: {i: 1}, values: {i: [1, 0]}, red_lines: [{when: {i: p}, firm: "
     "false}]}}\n",
     "has no 'audience_cost'", 5, 69},
    {"firm_line_with_cost",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o, p]}]\n"
     "preferences: {a: {weights: {i: 1}, values: {i: [1, 0]}, red_lines: [{when: {i: p}, "
     "audience_cost: 0.1}]}}\n",
     "a firm red line of", 5, 99},
    {"negative_weight",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o]}, {id: j, options: "
     "[p]}]\n"
     "preferences: {a: {weights: {i: 1, j: -0.5}, values: {i: [1], j: [1]}}}\n",
     "weight of 'j' is negative", 5, 38},
    {"all_weights_zero",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o]}]\n"
     "preferences: {a: {weights: {i: 0}, values: {i: [1]}}}\n",
     "all weights of the preferences of 'a' are zero", 5, 28},
    {"value_above_one",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o, p]}]\n"
     "preferences: {a: {weights: {i: 1}, values: {i: [1.5, 0]}}}\n",
     "outside [0, 1]", 5, 49},
    {"value_nan",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o, p]}]\n"
     "preferences: {a: {weights: {i: 1}, values: {i: [.nan, 0]}}}\n",
     "must be a finite number", 5, 49},
    {"reservation_infinite",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o]}]\n"
     "preferences: {a: {reservation: .inf, weights: {i: 1}, values: {i: [1]}}}\n",
     "must be a finite number", 5, 32},
    {"issue_without_options",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}]\nissues: [{id: i, options: []}]\n",
     "issue 'i' has no options", 4, 27},
    {"bad_default",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}]\nissues: [{id: i, default: mdi, "
     "options: [low, mid]}]\n",
     "did you mean 'mid'?", 4, 27},
    {"red_line_unknown_issue",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: nato, options: [yes, no]}]\n"
     "preferences:\n  a:\n    weights: {nato: 1}\n    values: {nato: [0, 1]}\n    red_lines:\n     "
     " - when: {natto: yes}\n",
     "did you mean 'nato'?", 10, 16},
    {"red_line_unknown_option",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: nato, options: [join, stay]}]\n"
     "preferences:\n  a:\n    weights: {nato: 1}\n    values: {nato: [0, 1]}\n    red_lines:\n     "
     " - when: {nato: joins}\n",
     "did you mean 'join'?", 10, 22},
    {"interaction_unknown_option",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o, p]}, {id: j, options: "
     "[q, r]}]\n"
     "preferences:\n  a:\n    weights: {i: 1, j: 1}\n    values: {i: [0, 1], j: [0, 1]}\n"
     "    interactions:\n      - {when: {i: o, j: s}, value: 0.1}\n",
     "issue 'j' has no option|unknown option 's'", 10, 26},
    {"interaction_not_pairwise",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o, p]}]\n"
     "preferences:\n  a:\n    weights: {i: 1}\n    values: {i: [0, 1]}\n"
     "    interactions:\n      - {when: {i: o}, value: 0.1}\n",
     "interactions are pairwise", 10, 16},
    {"party_without_preferences",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o]}]\n",
     "party 'a' has no preferences", 1, 1},
    {"duplicate_map_key",
     "parley: 1\nname: x\nname: y\nparties: [{id: a, role: observer}]\nissues: [{id: i, options: "
     "[o]}]\n",
     "duplicate key 'name'", 3, 1},
    {"bad_role",
     "parley: 1\nname: x\nparties: [{id: a, role: mediater}]\nissues: [{id: i, options: [o]}]\n",
     "did you mean 'mediator'?", 3, 25},
    {"package_unknown_option",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}]\nissues: [{id: i, options: [o]}]\n"
     "packages: [{id: p, options: {i: q}}]\n",
     "unknown option 'q'", 5, 33},
    {"missing_values",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o, p]}]\n"
     "preferences: {a: {weights: {i: 1}, values: {i: {o: 1}}}}\n",
     "no value for option 'p'", 5, 48},
    {"process_unknown_mediator_strategy",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, topic: t, options: [o, "
     "p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: "
     "{i: [1, 0]}}}\n"
     "process: {mediator_strategy: hill_climbing}\n",
     "did you mean 'hill_climb'?", 6, 30},
    {"process_unknown_strategy_param",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, topic: t, options: [o, "
     "p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: "
     "{i: [1, 0]}}}\n"
     "process: {strategies: {a: {type: boulware, bta: 0.3}}}\n",
     "did you mean 'beta'?", 6, 44},
    {"process_unknown_topic",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, topic: t, options: [o, "
     "p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: "
     "{i: [1, 0]}}}\n"
     "process: {groups: [{id: g, topics: [tt], members: [a, b]}]}\n",
     "unknown topic 'tt'", 6, 37},
    {"process_conditional_on_itself",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, topic: t, options: [o, "
     "p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: "
     "{i: [1, 0]}}}\n"
     "process: {groups: [{id: g, topics: [t], members: [a, b], conditional_on: [g]}]}\n",
     "conditional on itself", 6, 75},
    {"process_design_unknown_group",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, topic: t, options: [o, "
     "p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: "
     "{i: [1, 0]}}}\n"
     "process: {groups: [{id: g1, topics: [t], members: [a, b]}], designs: [{id: d, groups: "
     "[g2]}]}\n",
     "did you mean 'g1'?", 6, 88},
    {"process_fatigue_out_of_range",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, topic: t, options: [o, "
     "p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: "
     "{i: [1, 0]}}}\n"
     "process: {fatigue: {a: 2}}\n",
     "outside [-1, 1]", 6, 24},
    {"process_refusal_unknown_party",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, topic: t, options: [o, "
     "p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: "
     "{i: [1, 0]}}}\n"
     "process: {refusals: [{party: a, refuses: c}]}\n",
     "unknown party 'c'", 6, 42},
    {"process_unknown_level",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, topic: t, options: [o, "
     "p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: "
     "{i: [1, 0]}}}\n"
     "process: {groups: [{id: g, topics: [t], members: [a, b], level: minister}]}\n",
     "unknown level 'minister'", 6, 65},
    {"process_alternating_offers_needs_two",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b, role: observer}]\nissues: [{id: i, options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}}\n"
     "process: {protocol: alternating_offers}\n",
     "two-party protocol", 6, 21},
    {"dynamics_unknown_unit",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  units: [{id: gdp}]\n  costs: {a: {war: {gdpp: 1}}}\n",
     "did you mean 'gdp'", 8, 21},
    {"dynamics_negative_cost",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  units: [{id: gdp}]\n  costs: {a: {war: {gdp: -1}}}\n",
     "is -1, outside [0,", 8, 26},
    {"dynamics_costs_without_units",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  costs: {a: {war: {gdp: 1}}}\n",
     "but no 'units' are declared", 7, 20},
    {"dynamics_unknown_option_in_drift",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  drift: [{party: a, issue: i, option: q, per_month: 0.01}]\n",
     "unknown option 'q'", 7, 40},
    {"dynamics_drift_missing_per_month",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  drift: [{party: a, issue: i, option: o}]\n",
     "missing 'per_month'", 7, 11},
    {"dynamics_leak_probability_range",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  leaks: {probability: 1.5}\n",
     "is 1.5, outside [0, 1]", 7, 24},
    {"dynamics_unknown_instrument",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  leverage: [{id: x, instrument: bribe, by: m, target: a}]\n",
     "unknown instrument 'bribe'", 7, 34},
    {"dynamics_unknown_deadlock_group",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  leverage: [{id: x, instrument: sanctions, by: m, target: a, when: {deadlock: "
     "nowhere}}]\n",
     "unknown process group 'nowhere'", 7, 80},
    {"dynamics_after_unknown",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  leverage: [{id: x, instrument: sanctions, by: m, target: a, when: {after: "
     "y}}]\n",
     "unknown leverage instrument 'y'", 7, 77},
    {"dynamics_after_itself",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  leverage: [{id: x, instrument: sanctions, by: m, target: a, when: {after: "
     "x}}]\n",
     "waits for itself", 7, 77},
    {"dynamics_trust_needs_bound",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  leverage: [{id: x, instrument: sanctions, by: m, target: a, when: {trust: "
     "{from: a, to: m}}}]\n",
     "needs 'below' or 'above'", 7, 77},
    {"dynamics_walkout_month_fraction",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  walkout: {months: 2.5}\n",
     "whole number", 7, 21},
    {"dynamics_factor_unknown_issue",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: "
     "[o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, "
     "values: "
     "{i: [1, 0]}}}\n"
     "dynamics:\n  ceasefire: {hazard: 0.1, factors: [{when: {j: o}, multiply: 0.5}]}\n",
     "did you mean", 7, 46},
    // Bytes and YAML constructs refused before any field is read (docs/scenario-format.md,
    // "Encoding and limits").
    {"invalid_utf8", "parley: 1\nname: x\nparties: [{id: \"a\xff\"}]\n", "invalid UTF-8", 3, 18},
    {"overlong_utf8", "parley: 1\nname: \"\xc0\xaf\"\n", "the byte 0xC0", 2, 8},
    {"utf8_surrogate", "parley: 1\nname: \"\xed\xa0\x80\"\n", "invalid UTF-8", 2, 8},
    {"utf16_bom",
     "\xff\xfe"
     "p",
     "UTF-16", 1, 1},
    {"cr_line_ends", "parley: 1\rname: x\r", "carriage return (CR) without a line feed", 1, 10},
    {"unclosed_double_quote",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}]\nissues: [{id: i, options: "
     "[o]}]\ndescription: \"never closed\n",
     "the quote \" opened here is never closed", 5, 14},
    {"unclosed_single_quote",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}]\nissues: [{id: i, options: "
     "[o]}]\ndescription: 'it''s never closed\n",
     "the quote ' opened here is never closed", 5, 14},
    {"quote_swallows_the_file",
     "parley: 1\nname: \"x\nparties: [{id: a, role: observer}]\nissues: [{id: i, options: "
     "[o]}]\n",
     "opened here is never closed", 2, 7},
    {"quote_closes_too_late", "parley: 1\nname: \"abc\nparties: [{id: \"a\"}]\nissues: []\n",
     "the quoted text opened here runs on to line 3", 2, 7},
    {"second_document",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}]\nissues: [{id: i, options: "
     "[o]}]\n---\nname: y\n",
     "a second YAML document", 5, 1},
    {"content_after_document_end",
     "parley: 1\nname: x\nparties: [{id: a, role: observer}]\nissues: [{id: i, options: "
     "[o]}]\n...\nname: y\n",
     "a second YAML document", 6, 1},
    {"binary_tag", "parley: 1\nname: !!binary AAAA\n", "the YAML tag '!!binary' is not supported",
     2, 7},
    {"local_tag", "parley: 1\nname: x\nparties: !people [{id: a}]\n", "tag '!people'", 3, 10},
    {"recursive_alias", "parley: 1\nname: x\nparties: &p [*p]\n", "inside the node it names", 3,
     14},
    // Numbers that would break a run although each is finite.
    {"beta_shapes_too_small",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o, p]}]\n"
     "preferences: {a: {reservation: {beta: [0.001, 0.001]}, weights: {i: 1}, values: {i: [0, "
     "1]}}}\n",
     "needs shapes a, b of at least 0.05", 5, 39},
    {"weights_overflow",
     "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o, p]}, {id: j, "
     "options: [q]}]\n"
     "preferences: {a: {weights: {i: 1e308, j: 1e308}, values: {i: [0, 1], j: [1]}}}\n",
     "add up to more than the largest number", 5, 28},
    // Cycles: nothing waiting in one could ever happen.
    {"process_conditional_on_cycle",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, topic: t, options: [o, "
     "p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: "
     "{i: [1, 0]}}}\n"
     "process:\n  groups:\n    - {id: g1, topics: [t], members: [a, b], conditional_on: [g2]}\n"
     "    - {id: g2, topics: [t], members: [a, b], conditional_on: [g1]}\n",
     "groups conditional on each other in a cycle: g1 → g2 → g1", 9, 63},
    {"process_conditional_on_long_cycle",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}]\nissues: [{id: i, topic: t, options: [o, "
     "p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: {i: 1}, values: "
     "{i: [1, 0]}}}\n"
     "process:\n  groups:\n    - {id: g1, topics: [t], members: [a, b], conditional_on: [g2]}\n"
     "    - {id: g2, topics: [t], members: [a, b], conditional_on: [g3]}\n"
     "    - {id: g3, topics: [t], members: [a, b], conditional_on: [g1]}\n",
     "cycle: g1 → g2 → g3 → g1", 10, 63},
    {"dynamics_after_cycle",
     "parley: 1\nname: x\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\nissues: [{id: i, "
     "options: [o, p]}]\npreferences: {a: {weights: {i: 1}, values: {i: [0, 1]}}, b: {weights: "
     "{i: 1}, values: {i: [1, 0]}}}\n"
     "dynamics:\n  leverage:\n    - {id: x, instrument: sanctions, by: m, target: a, when: {after: "
     "y}}\n    - {id: y, instrument: sanctions, by: m, target: b, when: {after: x}}\n",
     "leverage instruments waiting for each other in a cycle: x → y → x", 9, 70},
};

// 100 nested lists on line 3.
const std::string kDeep =
    "parley: 1\nname: x\nparties: " + std::string(100, '[') + std::string(100, ']') + "\n";

TEST(Validation, DeepNestingIsRefusedAtItsLine) {
  try {
    load::load_scenario_text(kDeep, "deep.yaml");
    FAIL() << "expected a ValidationError";
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    const Diagnostic& d = e.diagnostics()[0];
    EXPECT_NE(d.message.find("nested too deeply (limit 64 levels)"), std::string::npos) << e.what();
    // The root mapping is level 1, so the 64th '[' (column 10 + 63) is one too many.
    EXPECT_EQ(d.line, 3);
    EXPECT_EQ(d.column, 73);
  }
}

class Validation : public ::testing::TestWithParam<Case> {};

TEST_P(Validation, ReportsMessageLineAndColumn) {
  const Case& c = GetParam();
  try {
    load::load_scenario_text(c.yaml, "case.yaml");
    FAIL() << "expected a ValidationError";
  } catch (const ValidationError& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    // The diagnostic for this mistake (others may follow from it) must match.
    const Diagnostic* match = nullptr;
    std::string expected = c.message;
    for (const Diagnostic& d : e.diagnostics()) {
      const std::string text = d.message + " | " + d.hint;
      for (std::size_t pos = 0; pos <= expected.size() && !match;) {  // '|' separates alternatives
        std::size_t bar = expected.find('|', pos);
        if (bar == std::string::npos) bar = expected.size();
        if (text.find(expected.substr(pos, bar - pos)) != std::string::npos) match = &d;
        pos = bar + 1;
      }
      if (match) break;
    }
    ASSERT_NE(match, nullptr) << "no diagnostic says '" << c.message << "'; got:\n" << e.what();
    EXPECT_EQ(match->file, "case.yaml");
    EXPECT_EQ(match->line, c.line) << match->format();
    EXPECT_EQ(match->column, c.column) << match->format();
  }
}

INSTANTIATE_TEST_SUITE_P(AllErrors, Validation, ::testing::ValuesIn(kCases),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(Validation, ReportsAllErrorsOfAFileInOnePass) {
  const char* yaml =
      "parley: 1\nname: x\nparties: [{id: a}, {id: a}]\n"
      "issues: [{id: i, options: []}, {id: j, default: z, options: [o]}]\n"
      "preferences: {a: {weights: {i: -1, k: 1}, values: {j: [2]}}}\n";
  try {
    load::load_scenario_text(yaml, "many.yaml");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_GE(e.diagnostics().size(), 5u) << e.what();
    for (const auto& d : e.diagnostics()) EXPECT_GT(d.line, 0) << d.format();
  }
}

TEST(Validation, BetaShapesFromTheBoundUpAreAccepted) {
  const Scenario s = load::load_scenario_text(
      "parley: 1\nname: x\nparties: [{id: a}]\nissues: [{id: i, options: [o, p]}]\n"
      "preferences: {a: {reservation: {beta: [0.05, 0.05]}, weights: {i: 1}, values: {i: [0, "
      "1]}}}\n",
      "beta.yaml");
  ASSERT_EQ(s.uncertain.size(), 1u);
  EXPECT_DOUBLE_EQ(s.preferences[0]->reservation, 0.5);
}

TEST(Validation, HostileInputsNeverCrash) {
  const char* inputs[] = {"",
                          "\xff\xfe",
                          "[[[[[[[[[[",
                          "parley: [1",
                          "- - - -",
                          "{a: *x}",
                          "parley: 1\nname: &a [*a]\n",
                          "\t\tparley: 1",
                          "parties: !!binary AAAA"};
  for (const char* in : inputs)
    EXPECT_THROW(load::load_scenario_text(in, "hostile.yaml"), ValidationError) << in;
}

TEST(Package, ParsesPairsAndDefaults) {
  const Scenario s = load::load_scenario_file(PARLEY_SOURCE_DIR "/scenarios/logroll.yaml");
  auto x = load::parse_package(s, "remote=high");
  EXPECT_EQ(x, (std::vector<int>{1, 2, 0}));
  EXPECT_EQ(load::parse_package(s, "logroll"), (std::vector<int>{0, 2, 0}));
  EXPECT_EQ(report::format_package(s, x), "salary=mid,remote=high,start=soon");
}

TEST(Package, ReportsEveryBadPartWithColumn) {
  const Scenario s = load::load_scenario_file(PARLEY_SOURCE_DIR "/scenarios/logroll.yaml");
  try {
    load::parse_package(s, "salery=low,remote=hihg");
    FAIL();
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_EQ(e.diagnostics()[0].column, 1);
    EXPECT_NE(e.diagnostics()[0].hint.find("salary"), std::string::npos);
    EXPECT_EQ(e.diagnostics()[1].column, 19);
    EXPECT_NE(e.diagnostics()[1].hint.find("high"), std::string::npos);
  }
}

TEST(Utf8, ChineseLabelsRoundTrip) {
  const Scenario s = load::load_scenario_file(PARLEY_SOURCE_DIR "/scenarios/mekong-zh.yaml");
  EXPECT_EQ(s.parties[0].name, "中国");
  EXPECT_EQ(s.issues[0].options[1].label, "适度放水");
}

}  // namespace
}  // namespace parley
