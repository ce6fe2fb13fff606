#!/bin/sh
# `npm run demo`: the main jobs of ftl on bundled files, with the embedded registry (SQLite). The demo's registry
# is its own, .ftl/demo/registry.db, made afresh each run, so a second run prints what the first did (the capture
# at the end registers me/tiny-sft, which a shared registry would show in the next run's trained-on answer).
# Each command's exit code is printed: 3 (partial) and 4 (not-lineage) are answers, not failures.
S=test/fixtures/extract/samples
rm -rf .ftl/demo && mkdir -p .ftl/demo
export FTL_DB=.ftl/demo/registry.db
status=0
step() {
  printf '\n$ ftl %s\n' "$*"
  node bin/ftl.js "$@"
  code=$?
  printf '(exit %s)\n' "$code"
  # 0, 3, 4 and 6 are verdicts, 8 a recipe with placeholders; anything else means the demo itself went wrong
  case $code in 0 | 3 | 4 | 6 | 8) ;; *) status=1 ;; esac
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
step recipe examples/zephyr-7b-beta.lineage.json --step dpo --format trl
# Capture → sign → verify on the bundled tiny output folder (files written to .ftl/demo/).
step capture examples/tiny-model --output me/tiny-sft --file .ftl/demo/lineage.json
step keygen --out .ftl/demo/me --force
step sign .ftl/demo/lineage.json --key .ftl/demo/me.pem --model examples/tiny-model --out .ftl/demo/lineage.sig.json
step verify .ftl/demo/lineage.sig.json --key .ftl/demo/me.pub.pem --model examples/tiny-model
step add .ftl/demo/lineage.sig.json --key .ftl/demo/me.pub.pem
step query by-digest "$(node bin/ftl.js hash examples/tiny-model --json | node -e 'let s="";process.stdin.on("data",(d)=>{s+=d}).on("end",()=>process.stdout.write(JSON.parse(s).rootDigest))')"
exit $status
