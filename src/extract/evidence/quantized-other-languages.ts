/**
 * A card saying, in another language than English, that its model is a quantised copy. Read by
 * `quantized-upload.ts` beside the method's name; the model the sentence names is the source.
 */

/**
 * The same statement in the other languages of the corpus, beside a method's name: "的 GGUF 量化版本" (zh), "GPTQ で
 * 4bit量子化したもの" (ja), "GGUF 양자화 버전" (ko), "квантованная версия" (ru), "quantisierte Version" (de), "version
 * quantifiée" (fr), "versión cuantizada" (es), "versão quantizada" (pt). The model named in the sentence is the
 * source, before or after the words.
 */
const SAYS_QUANTISED_OTHER =
  /量化版|量化模型|量化后的|量化後的|进行量化|進行量化|量化为|量化成|量子化|양자화|квантованн|квантизованн|quantisierte|quantifiée?|quantisée?|cuantizad[oa]|cuantificad[oa]|quantizad[oa]/i;
/**
 * Training or running words in those languages (the sentence is about a 4-bit base loaded for QLoRA or inference),
 * and negations ("官方非量化模型", the official unquantised model).
 */
const AT_LOAD_OTHER =
  /加载|載入|ロード|로드|推理|推論|추론|QLoRA|LoRA|загруз|laden|chargement|cargar|carregar|非量化|未量化|不做量化|不量化|非量子化|비양자화|не квантован|nicht quantisiert|non quantifié|no cuantizad|não quantizad/i;

/** Headings of measurements and comparisons: models listed there are compared, not copied. */
const MEASURED =
  /性能|测试|測試|评估|評估|評価|比较|比較|벤치|평가|benchmark|evaluation|comparison|performance/i;

/** The text says it is a quantised copy, not about loading 4-bit for training or inference, nor a comparison. */
export function saysQuantisedInOtherWords(text: string, headings: readonly string[]): boolean {
  return SAYS_QUANTISED_OTHER.test(text) && !AT_LOAD_OTHER.test(text) && !MEASURED.test(headings.join(" "));
}
