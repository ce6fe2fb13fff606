/**
 * The settings file a Python training program reads (dev s11-rcp-codestral-22b-nl2sql-fsdp-qlora-merge: `torchrun …
 * finetuning_script.py --config train_config.yaml` in the program's own usage comment; `--config` with a default
 * in its argument parser; `yaml.safe_load(open("train_config.yaml"))` in its code). The program's step then takes
 * what it leaves unsaid (its model, its data) from that file when it is among the files read
 * (`foldLoadedConfigs`), as a command that loads a config does.
 */

const CONFIG_FILE = String.raw`([\w./~-]{1,200}\.(?:ya?ml|json))`;
/** `script.py … --config X.yaml` (also `--config_file`, `--config-path`, `=`) on one line. */
const USAGE = new RegExp(String.raw`--config(?:[-_](?:file|path))?(?:\s{1,4}|=)["']?${CONFIG_FILE}`);
/** `add_argument("--config", …, default="X.yaml")`. */
const PARSER_DEFAULT = new RegExp(
  String.raw`add_argument\(\s{0,4}["']--config(?:[-_](?:file|path))?["'][^)\n]{0,200}?default\s{0,4}=\s{0,4}["']${CONFIG_FILE}["']`,
);
/** `open("X.yaml")`, `OmegaConf.load("X.yaml")`, `load_config("X.yaml")`, `from_yaml_file("X.yaml")`. */
const LOAD_CALL = new RegExp(
  String.raw`\b(?:open|load|load_config|load_yaml|safe_load|from_yaml_file|from_json_file|parse_yaml_file)\(\s{0,4}["']${CONFIG_FILE}["']`,
);

/** The config file the program names as its settings, with its 1-based line, or undefined. */
export function programConfig(text: string, path: string): { file: string; line: number } | undefined {
  const script = (path.split(/[\\/]/).pop() ?? path).toLowerCase();
  const lines = text.split("\n");
  for (const [pattern, needsScript] of [
    [USAGE, true],
    [PARSER_DEFAULT, false],
    [LOAD_CALL, false],
  ] as const) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (line.length > 2000 || (needsScript && !line.toLowerCase().includes(script))) continue;
      const m = pattern.exec(line);
      if (m?.[1]) return { file: m[1], line: i + 1 };
    }
  }
  return undefined;
}
