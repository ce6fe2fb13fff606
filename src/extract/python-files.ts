/**
 * Which files are read as Python programs: `.py`, notebooks, and settings written as Python assignments under a
 * `.txt` name. Apart from read-python.ts so that the folder walk can ask without loading the readers.
 */

/**
 * A settings file written as Python assignments under a `.txt` name (`hyperparameters.txt` beside an adapter:
 * `model_name = "…"`, `lora_r = 32`, `learning_rate = 2e-4`; blind dev g4-ac-ethicalai-llama2-7b-chat-qlora-r32): its
 * name says it holds settings and most of its lines are `name = value`.
 */
const SETTINGS_TXT =
  /(?:^|[\\/])(?:(?:hyper[-_]?)?param(?:eter)?s?|(?:(?:train(?:ing)?|run)[-_])?(?:config|settings|args))\.txt$/i;
/**
 * Does a file name say it holds settings (`hyperparameters.txt`, `params.txt`, `training_args.txt`, `run_config.txt`)?
 * One written as `key: value` lines is read as the YAML it is (audit dev ncp-a1-nllb-600m-gronings-tatoeba: a run's
 * saved `run_config.txt` with `modelname: facebook/nllb-200-distilled-600M`).
 */
export const isSettingsTextName = (path: string): boolean => SETTINGS_TXT.test(path);

function settingsText(text: string): boolean {
  const lines = text.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  const assignments = lines.filter((l) => /^[A-Za-z_]\w*\s*=\s*\S/.test(l)).length;
  return assignments >= 3 && assignments >= lines.length * 0.6;
}

export const isPythonFile = (path: string, text?: string) =>
  /\.(?:py|ipynb)$/i.test(path) || (text !== undefined && SETTINGS_TXT.test(path) && settingsText(text));
