/**
 * mergekit configuration keys: MergeConfiguration and its model and slice definitions.
 * Transcribed once from the framework's own configuration classes (each group names the class, the file and
 * the commit it was read from); a key is `name:type`, types coarse: int, float, bool, str, list, dict, any,
 * null, enum(a,b). Python types that are classes of the framework became `any` unless named in docs/recipe.md.
 */
import type { KeyGroup } from "./key-table.js";

export const MERGEKIT_KEY_GROUPS: readonly KeyGroup[] = [
  {
    cls: "MergeConfiguration",
    source: "arcee-ai/mergekit@a6e402884ba9:mergekit/config.py",
    keys: "modules:dict|null slices:list|null models:list|null merge_method:str base_model:str|null dtype:str|null tokenizer_source:any tokenizer:any|null chat_template:str|null out_dtype:str|null parameters:dict|null",
  },
  {
    cls: "InputModelDefinition",
    source: "arcee-ai/mergekit@a6e402884ba9:mergekit/config.py",
    keys: "model:str parameters:dict|null",
  },
  {
    cls: "InputSliceDefinition",
    source: "arcee-ai/mergekit@a6e402884ba9:mergekit/config.py",
    keys: "model:str layer_range:list parameters:dict|null",
  },
  {
    cls: "OutputSliceDefinition",
    source: "arcee-ai/mergekit@a6e402884ba9:mergekit/config.py",
    keys: "sources:list base_model:str|null residual_weight:float|null parameters:dict|null",
  },
];
