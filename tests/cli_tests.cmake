# Each test runs the real binary; PASS_REGULAR_EXPRESSION / WILL_FAIL check output and status.
set(SC ${PROJECT_SOURCE_DIR}/scenarios)
set(BAD ${PROJECT_SOURCE_DIR}/tests/data/invalid)

function(parley_cli name)
  cmake_parse_arguments(T "FAILS" "EXPECT" "ARGS" ${ARGN})
  add_test(NAME cli.${name} COMMAND parley ${T_ARGS})
  if(T_EXPECT)
    set_tests_properties(cli.${name} PROPERTIES PASS_REGULAR_EXPRESSION "${T_EXPECT}")
  endif()
  if(T_FAILS)
    set_tests_properties(cli.${name} PROPERTIES WILL_FAIL TRUE)
  endif()
endfunction()

parley_cli(version ARGS --version EXPECT "parley [0-9]+\\.[0-9]+\\.[0-9]+")
parley_cli(validate_ok ARGS validate ${SC}/logroll.yaml EXPECT "^ok: Job offer")
parley_cli(validate_bad ARGS validate ${BAD}/many_errors.yaml FAILS)
parley_cli(info_zh ARGS info ${SC}/mekong-zh.yaml EXPECT "湄公河委员会")
parley_cli(eval_logroll ARGS eval ${SC}/logroll.yaml --package logroll EXPECT "employer +0\\.7000")
parley_cli(eval_json ARGS eval ${SC}/split.yaml -p share=s70 --json EXPECT "\"utility\": 0\\.7")
parley_cli(eval_bad_package ARGS eval ${SC}/split.yaml -p share=s75 FAILS)
parley_cli(help_eval ARGS eval --help EXPECT "--package")
parley_cli(analyze_logroll ARGS analyze ${SC}/logroll.yaml
  EXPECT "nash +0\\.7000 +0\\.7500[^\n]*\n +salary=low, remote=high, start=later")
parley_cli(analyze_json ARGS analyze ${SC}/split.yaml --json EXPECT "\"zopa\": {\n +\"packages\": 7")
parley_cli(analyze_genius ARGS analyze ${PROJECT_SOURCE_DIR}/tests/data/genius/Laptop
  EXPECT "Pareto frontier +4 distinct utility vectors")
parley_cli(analyze_bad_package ARGS analyze ${SC}/logroll.yaml -p salary=huge FAILS)
parley_cli(help_analyze ARGS analyze --help EXPECT "--frontier-csv")
# The built-in scenario (a golden figure: update it deliberately when the scenario changes).
parley_cli(analyze_builtin ARGS analyze EXPECT "ZOPA +2271471 packages")
parley_cli(scenarios_default ARGS scenarios EXPECT "ukraine-2025 \\(default\\)")
parley_cli(validate_builtin ARGS validate ukraine-2025 EXPECT "^ok: ")
parley_cli(show_builtin ARGS show ukraine-2025 EXPECT "essay_contour")
parley_cli(run_builtin ARGS run EXPECT "Outcome: (final_agreement|framework_only|no_agreement)")
parley_cli(run_quiet ARGS run ${SC}/logroll.yaml --quiet --seed 3 EXPECT "^[^\n]*\n\nOutcome: ")
parley_cli(run_genius ARGS run ${PROJECT_SOURCE_DIR}/tests/data/genius/Laptop -q EXPECT "laptop_buyer_utility")
parley_cli(run_bad_design ARGS run ${SC}/logroll.yaml --design multitrak FAILS)
parley_cli(help_run ARGS run --help EXPECT "--design")

# Monte Carlo commands.
set(UNC ${PROJECT_SOURCE_DIR}/tests/data/uncertain-split.yaml)
parley_cli(sweep_table ARGS sweep ${UNC} -n 300 --no-progress
  EXPECT "300 runs per variant[^\n]*\n\n== one ==[^\n]*\nOutcome\n  final_agreement +0\\.[0-9]+ \\[")
parley_cli(sweep_bad_design ARGS sweep ${UNC} -n 10 --design nope FAILS)
parley_cli(sweep_resume_needs_store ARGS sweep ${UNC} -n 10 --resume FAILS)
parley_cli(compare_same ARGS compare ${UNC} -n 300 --no-progress
  EXPECT "same\n    no difference in any metric, in any run")
parley_cli(compare_bad_policy ARGS compare ${UNC} -n 10 --policies push+pull FAILS)
parley_cli(compare_policies ARGS compare ${UNC} -n 300 --no-progress --policies none,push
  EXPECT "Paired differences against none")
parley_cli(sensitivity_values ARGS sensitivity ${UNC} -n 200 --param preferences.a.reservation
  --values 0.2,0.45 EXPECT "0\\.45 +0\\.[0-9]+ \\[")
parley_cli(sensitivity_unknown ARGS sensitivity ${UNC} -n 10 --param preferences.a.reservaton
  --values 1 FAILS)
parley_cli(sensitivity_tornado ARGS sensitivity ${UNC} -n 100 --tornado
  EXPECT "Tornado: [^\n]*\n[^\n]*\n  preferences\\.a\\.reservation ")
# The terms part of the tornado: a parameter that cannot change any run (a cost) moves nothing.
parley_cli(sensitivity_tornado_terms ARGS sensitivity ${UNC} -n 100 --tornado
  EXPECT "Terms of the signed texts[^\n]*\n  process\\.fatigue\\.a +0\\.[1-9][0-9]*  share\n[^$]*  dynamics\\.costs\\.a\\.war\\.lives +0\\.000  share")
# Linked draws: the built-in's six drift rows form one factor of the tornado.
parley_cli(sensitivity_tornado_linked ARGS sensitivity -n 10 --tornado
  EXPECT "\n  draw line_of_contact \\(9 fields: dynamics\\.beliefs\\.ru\\.actual, \\.\\.\\.\\)")
# Mechanisms switched off (docs/cli.md, "--without") and their paired effects.
parley_cli(run_without ARGS run -q --without leaks,merge EXPECT "seed 1, without leaks\\+merge")
parley_cli(run_without_unknown ARGS run -q --without leak FAILS)
parley_cli(run_without_unknown_says ARGS run -q --without leak EXPECT "did you mean 'leaks'")
parley_cli(compare_ablations ARGS compare --ablations -n 64 --no-progress
  EXPECT "all mechanisms[^\n]*\n +without costs[^\n]*\n +without learning")
parley_cli(compare_ablations_and_policies ARGS compare --ablations --policies all -n 8 FAILS)
parley_cli(compare_equal_effort ARGS compare --equal-effort 2 -n 32 --no-progress
  EXPECT "effort per run \\(mean\\)[^\n]*\n +multitrack +[0-9.]+ +[0-9.]+ ")
parley_cli(compare_equal_effort_zero ARGS compare --equal-effort 0 -n 8 FAILS)

# Variants of a scenario (docs/scenario-format.md#variants): listed by validate, applied by
# --variant on every command that reads a scenario, an unknown name refused with the list.
parley_cli(validate_lists_variants ARGS validate
  EXPECT "packages in the space\nvariant essay: The essay's premises")
parley_cli(run_variant ARGS run -q --variant essay EXPECT "^[^\n]*\\[variant: essay\\] — design ")
parley_cli(run_variant_unknown ARGS run -q --variant esay FAILS)
parley_cli(run_variant_unknown_says ARGS run -q --variant esay
  EXPECT "no variant 'esay'[^\n]*\n[^\n]*did you mean 'essay'\\? \\(variants: essay\\)")
parley_cli(eval_variant_red_line ARGS eval --variant essay
  -p territory=donetsk_dmz,guarantees=us_art5,alignment=eu_not_nato
  EXPECT "the part of Donetsk Russia does not occupy")
parley_cli(sweep_variant ARGS sweep --variant essay -n 8 --no-progress
  EXPECT "\\[variant: essay\\]")
parley_cli(compare_variant ARGS compare --variant essay -n 8 --no-progress
  EXPECT "\\[variant: essay\\]")
parley_cli(info_variant ARGS info --variant essay EXPECT "\n  essay \\(applied\\) — ")
parley_cli(variant_of_genius ARGS run ${PROJECT_SOURCE_DIR}/tests/data/genius/Laptop
  --variant essay FAILS)
# One run of a sweep, reproduced (tests/sweep_run_test.cpp checks it against the sweep).
parley_cli(run_sweep_run ARGS run -q --sweep-run 3 EXPECT "^[^\n]*, seed 1, sweep run 3\n")
