/**
 * alignment-handbook configuration keys: its ScriptArguments (dataset_mixture) and config classes, over TRL's keys.
 * Transcribed once from the framework's own configuration classes (each group names the class, the file and
 * the commit it was read from); a key is `name:type`, types coarse: int, float, bool, str, list, dict, any,
 * null, enum(a,b). Python types that are classes of the framework became `any` unless named in docs/recipe.md.
 */
import type { KeyGroup } from "./key-table.js";

export const HANDBOOK_KEY_GROUPS: readonly KeyGroup[] = [
  {
    cls: "ScriptArguments",
    source: "huggingface/alignment-handbook@925acdfe4b2b:src/alignment/configs.py",
    keys: "dataset_mixture:dict|null",
  },
  {
    cls: "SFTConfig",
    source: "huggingface/alignment-handbook@925acdfe4b2b:src/alignment/configs.py",
    keys: "chat_template:str|null",
  },
  {
    cls: "DatasetMixtureConfig",
    source: "huggingface/alignment-handbook@925acdfe4b2b:src/alignment/configs.py",
    keys: "datasets:list seed:int test_split_size:float|null",
  },
  {
    cls: "DatasetConfig",
    source: "huggingface/alignment-handbook@925acdfe4b2b:src/alignment/configs.py",
    keys: "id:str config:str|null split:str columns:list|null weight:float|null",
  },
];
