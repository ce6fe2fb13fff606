/** Reproduction: the configuration that re-runs a step, in TRL, alignment-handbook, axolotl, LLaMA-Factory or mergekit format. */
export { checkRecipe } from "./check-config.js";
export type { ConfigProblem } from "./keys/key-table.js";
export {
  type Defaulted,
  FORMAT_OBJECTIVES,
  type NotCarried,
  RECIPE_FORMATS,
  RecipeError,
  type RecipeFormat,
  type RecipeResult,
  type UnknownValue,
} from "./model.js";
export { keysRead, sourceKeysNotCarried } from "./source-keys.js";
export { formatsFor, type RecipeOptions, writeRecipe } from "./write-recipe.js";
