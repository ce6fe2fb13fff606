#!/bin/sh
# `npm run demo`: the main jobs of ftl on bundled files, with the embedded registry (SQLite, .ftl/registry.db).
# Each command's exit code is printed: 3 (partial) and 4 (not-lineage) are answers, not failures.
S=test/fixtures/extract/samples
status=0
step() {
  printf '\n$ ftl %s\n' "$*"
  node bin/ftl.js "$@"
  code=$?
  printf '(exit %s)\n' "$code"
  # 0, 3, 4 and 6 are verdicts; anything else means the demo itself went wrong
  case $code in 0 | 3 | 4 | 6) ;; *) status=1 ;; esac
}
step validate examples/*.lineage.json
step import $S/mc01_zephyr-7b-beta_README.md
step import $S/cfg01_alignment-handbook_zephyr-7b-beta_sft_config_full.yaml $S/cfg02_alignment-handbook_zephyr-7b-beta_dpo_config_full.yaml
step import $S/mc17_Mistral-7B-v0.1_README.md
step add examples/*.lineage.json
step tree mistralai/Mistral-7B-v0.1
step query trained-on HuggingFaceH4/ultrachat_200k
step audit examples/zephyr-7b-beta.lineage.json
step export examples/zephyr-7b-beta.lineage.json --format mermaid
exit $status
