/**
 * More official model families (issue 16, knowledge-base breadth, stop 35): base models that public fine-tuning
 * cards name as `base_model` (or "fine-tuned version of [...]") and that the table did not resolve. Of 838 ids
 * gathered from such cards and from the usual sizes of the major families, 361 were unknown; the most used of
 * them whose publisher page gives a licence are below. Each licence is the publisher's own Hub page (its card's
 * `license` field, the page's "License:" line, or a commit to its README), the `source`; sizes and variants whose
 * page was not read are left out of each pattern. A summary for triage, not legal advice.
 *
 * Left out on purpose: ids whose publisher card gives no licence (dmis-lab BioBERT, cardiffnlp Twitter-RoBERTa,
 * klue/roberta-*, microsoft/wavlm-base-plus, google/muril-large-cased; google/pegasus-* only through a third party's
 * unmerged pull request), ids whose licence is not in the licence table (nvidia/mit-b* and SegFormer: NVIDIA Source
 * Code License; stabilityai/sd-turbo and SD3 Medium, whose cards were not read), ids whose publisher page was not
 * found in the stored copies (thenlper/gte-large and -small, nomic-embed-text-v1, Wan2.1 / Wan2.2, Qwen-Image,
 * DeepSeek-OCR, Voxtral, Parakeet TDT), and vision-language models that embed another publisher's LLM (InternVL).
 */
import type { FamilyEntry } from "../terms.js";
import { officialFamily as entry, hfModel as hf } from "./hub-sources.js";

export const BREADTH_FAMILIES_4: readonly FamilyEntry[] = [
  // Speech and video encoders.
  entry(
    "wav2vec 2.0 Base (pre-trained only)",
    "^facebook/wav2vec2-base$",
    "apache-2.0",
    hf("facebook/wav2vec2-base/blob/main/README.md"),
    "the card's metadata 'license: apache-2.0': 'The base model pretrained on 16kHz sampled speech audio ... This model does not have a tokenizer as it was pretrained on audio alone'; the -960h, XLSR and XLS-R checkpoints are other entries",
  ),
  entry(
    "Distil-Whisper small.en",
    "^distil-whisper/distil-small\\.en$",
    "mit",
    hf("distil-whisper/distil-small.en/tree/618c8e50d9ac2ff79ea122f6650514ca35fc9f02"),
    "the publisher's repository page: 'License: mit' (automatic speech recognition, English, whisper); distil-large-v3 is another entry, the other sizes were not read",
  ),
  entry(
    "VideoMAE base (pre-trained only)",
    "^MCG-NJU/videomae-base$",
    "cc-by-nc-4.0",
    hf("MCG-NJU/videomae-base/blob/ef591f7f4f124a942b24089abfa75f6a12c23593/README.md"),
    "the card's metadata 'license: \"cc-by-nc-4.0\"', 'VideoMAE (base-sized model, pre-trained only) ... pre-trained on Kinetics-400 for 1600 epochs'; the large, short and fine-tuned checkpoints were not read",
  ),
  // Image classification and detection backbones.
  entry(
    "Swin Transformer tiny (patch4, window7, 224)",
    "^microsoft/swin-tiny-patch4-window7-224$",
    "apache-2.0",
    hf("microsoft/swin-tiny-patch4-window7-224/tree/896e18f760e16594e63d8bbe01ada6142bb0ef8e"),
    "the publisher's repository page: 'License: apache-2.0' (imagenet-1k, swin, vision); the base size is another entry, Swin V2 and the small and large sizes were not read",
  ),
  entry(
    "ConvNeXT tiny 224",
    "^facebook/convnext-tiny-224$",
    "apache-2.0",
    hf("facebook/convnext-tiny-224/tree/8397cfa1a8fa368e80883d0db68a17800dad8da0"),
    "the publisher's repository page: 'License: apache-2.0' (imagenet-1k, convnext, vision); ConvNeXT base 224 is another entry, the other sizes were not read",
  ),
  entry(
    "DeiT base / tiny (patch16, 224)",
    "^facebook/deit-(base|tiny)-patch16-224$",
    "apache-2.0",
    hf("facebook/deit-base-patch16-224/tree/bbc3e1095b678e390ab0ab785501fa5e4f282699"),
    "both repository pages: 'License: apache-2.0' (deit-tiny-patch16-224 at commit 7f7f3ebe11314d215c3012fb766d8598d0b69545); the small and distilled checkpoints were not read",
  ),
  entry(
    "BEiT base (patch16, 224, ImageNet-22k)",
    "^microsoft/beit-base-patch16-224-pt22k(-ft22k)?$",
    "apache-2.0",
    hf("microsoft/beit-base-patch16-224-pt22k-ft22k/commits/2b3c0cac60bbb265d604a7717ea84fe7ceb7de34"),
    "both repository pages: 'License: apache-2.0' (beit-base-patch16-224-pt22k at commit 6594ac3c35cdea55dd605e68baf316bfcbaa40ec); the ImageNet-1k fine-tune and the large size were not read",
  ),
  entry(
    "ViT-MAE base",
    "^facebook/vit-mae-base$",
    "apache-2.0",
    hf("facebook/vit-mae-base/commit/621ecfefd60659c8a05965f9f71aaa0b4dad11f4"),
    "the publisher's README: metadata 'license: apache-2.0' (datasets: imagenet-1k); the large and huge sizes were not read",
  ),
  entry(
    "DINO ViT-S/16",
    "^facebook/dino-vits16$",
    "apache-2.0",
    hf("facebook/dino-vits16/commits/a7a4d161f5c0bd70478c05ca5777ec7cd8848021"),
    "the publisher's repository page: 'License: apache-2.0' (imagenet-1k, vit, dino); the other DINO checkpoints were not read, DINOv2 is another entry and DINOv3 has its own licence",
  ),
  entry(
    "EfficientNet B0 (Google)",
    "^google/efficientnet-b0$",
    "apache-2.0",
    hf("google/efficientnet-b0/tree/34d42c8ce1298bcd6b1012b067871b29ba3ba165"),
    "the publisher's repository page: 'License: apache-2.0' (imagenet-1k, efficientnet, vision); B1 to B7 were not read",
  ),
  entry(
    "DETR ResNet-101",
    "^facebook/detr-resnet-101$",
    "apache-2.0",
    hf("facebook/detr-resnet-101/commits/cc12a6ee9d352c8cdedfa3aad5a2f837e271d1fd"),
    "the publisher's repository page: 'License: apache-2.0' (coco, detr, vision); DETR ResNet-50 is another entry, the DC5 and panoptic checkpoints were not read",
  ),
  entry(
    "YOLOS tiny",
    "^hustvl/yolos-tiny$",
    "apache-2.0",
    hf("hustvl/yolos-tiny/tree/456317aa72d90b044ee8cd888d05e4ba3db9f697"),
    "the publisher's repository page: 'License: apache-2.0' (coco, yolos, vision); the small and base sizes were not read",
  ),
  entry(
    "Stable Diffusion 2 (768 and base)",
    "^stabilityai/stable-diffusion-2(-base)?$",
    "openrail++",
    hf(
      "stabilityai/stable-diffusion-2-base/blob/6ac02180e148fbddc6ba6c25cdbcb239c361a416/tokenizer/merges.txt",
    ),
    "the publisher's repository page: 'License: openrail++'; the stable-diffusion-2 page (at 69f2f635ac2060a4d55dfa1370209472eae081c0) shows 'License: openrail++' too, where the one-line README of its initial commit had read 'license: cc-by-4.0'; 2.1 is another entry, the inpainting, depth and upscaler models were not read",
  ),
  // Document and text encoders.
  entry(
    "LayoutLM base uncased",
    "^microsoft/layoutlm-base-uncased$",
    "mit",
    hf("microsoft/layoutlm-base-uncased/commits/61d3aae2cbcb40c5ce9a32984075a414fc082649"),
    "the publisher's repository page: 'License: mit' (English, layoutlm); LayoutLMv2 / v3 are another entry under CC BY-NC-SA 4.0, the large size was not read",
  ),
  entry(
    "LayoutXLM base",
    "^microsoft/layoutxlm-base$",
    "cc-by-nc-sa-4.0",
    hf("microsoft/layoutxlm-base/commit/8e04ebc4d3ba0013cf943b697c0aedf19b06472a"),
    "the publisher's README change of September 2022, 'license: mit' to 'license: cc-by-nc-sa-4.0', the licence the page shows; before it, cc-by-sa-4.0 was changed to cc-by-nc-sa-4.0 in November 2021, then to apache-2.0 and to mit in September 2022",
  ),
  entry(
    "MiniLM L12 H384 uncased",
    "^microsoft/MiniLM-L12-H384-uncased$",
    "mit",
    hf("microsoft/MiniLM-L12-H384-uncased/tree/0036b36056d663bb5c302eab5ee9b024c24de6b4"),
    "the publisher's repository page: 'License: mit' (bert, arxiv 2002.10957); Multilingual-MiniLM is another entry",
  ),
  entry(
    "XLNet base cased",
    "^(xlnet/)?xlnet-base-cased$",
    "mit",
    "https://huggingface.co/xlnet-base-cased/commit/593a21e8b79948a7f952811aa44f37d76e23d586",
    "the card's metadata 'language: en', 'license: mit' (the xlnet organisation's repository, formerly the unprefixed id); the large size was not read",
  ),
  entry(
    "ModernBERT large",
    "^answerdotai/ModernBERT-large$",
    "apache-2.0",
    hf("answerdotai/ModernBERT-large/tree/e829787a68677321312ff287fda2f8ef1a36e02a"),
    "the publisher's repository page: 'License: apache-2.0' (masked-lm, long-context); ModernBERT base is another entry",
  ),
  entry(
    "GTE base en v1.5 (Alibaba-NLP)",
    "^Alibaba-NLP/gte-base-en-v1\\.5$",
    "apache-2.0",
    hf("Alibaba-NLP/gte-base-en-v1.5/blob/9f0eb9975fbc606d83b07a8e9b8c3c84b13f75b3/README.md"),
    "the card's metadata 'license: apache-2.0'; the large size is another entry, the gte-Qwen models embed Qwen and were not read",
  ),
  entry(
    "mGTE multilingual base / MLM base (Alibaba-NLP)",
    "^Alibaba-NLP/gte-multilingual-(base|mlm-base)$",
    "apache-2.0",
    hf("Alibaba-NLP/gte-multilingual-base/tree/f7d567e1f2493bb0df9413965d144de9f15e7bab"),
    "the publisher's repository page: 'License: apache-2.0'; gte-multilingual-mlm-base's card (at 4dca103c5005ce7b8ef3fafc8a11ae52125eb7a0): metadata 'license: apache-2.0'; the reranker was not read",
  ),
  entry(
    "Snowflake Arctic Embed 2.0 (l, m)",
    "^Snowflake/snowflake-arctic-embed-[ml]-v2\\.0$",
    "apache-2.0",
    hf("Snowflake/snowflake-arctic-embed-l-v2.0/blob/69766d90f789becd5aea524a0b1ca10d0c059d0e/README.md"),
    "the publisher's page: 'License: apache-2.0'; the card: 'Release of snowflake-arctic-embed-l-v2.0 and snowflake-arctic-embed-m-v2.0 ... Released under the permissive Apache 2.0 license, Arctic Embed 2.0 ...'; the 1.x models are other entries, v1.5 was not read",
  ),
  entry(
    "deepset SQuAD 2.0 readers (RoBERTa, XLM-RoBERTa, TinyRoBERTa)",
    "^deepset/(roberta-base|roberta-large|tinyroberta|xlm-roberta-base|xlm-roberta-large)-squad2$",
    "cc-by-4.0",
    hf("deepset/roberta-base-squad2/commit/a44be103eae8e30f41efdc4fc676656ac14e1354"),
    "each card's metadata 'license: cc-by-4.0' (roberta-large-squad2 at faa13e991d03fba7f6eb6a75356c4c0806e2588a, xlm-roberta-base-squad2 at 8fd5d25a8e19bdeee28a2b60a8b2d783b1f8a7ff, xlm-roberta-large-squad2 at 94f082d83917bb43ed2527280c1e602b6a797feb, tinyroberta-squad2 at bd84ad802bce1974abfc807736a31c4a63a34bf5); fine-tunes of RoBERTa and XLM-RoBERTa (MIT); the distilled and DeBERTa readers were not read",
  ),
  entry(
    "German BERT base / large (deepset gbert)",
    "^deepset/gbert-(base|large)$",
    "mit",
    hf("deepset/gbert-base/tree/b8185d88392329e22325cebe5ecf9fe99508f0a4"),
    "the publisher's repository pages: 'License: mit'; gbert-large adds the text ('Add mit license text', commit f6bca479ebb46e62ac99c03282a5030139e302f4); the GELECTRA models were not read",
  ),
  entry(
    "BERTurk base (dbmdz)",
    "^dbmdz/bert-base-turkish-(cased|uncased)$",
    "mit",
    hf("dbmdz/bert-base-turkish-cased/commits/6f756f0745613b1b9955fdce9e41a616866826bb"),
    "the publisher's repository page: 'License: mit'; bert-base-turkish-uncased's card: metadata 'language: tr', 'license: mit'; the 128k-vocabulary, DistilBERTurk and ELECTRA models were not read",
  ),
  entry(
    "Chinese BERT-wwm (HFL)",
    "^hfl/chinese-bert-wwm$",
    "apache-2.0",
    hf("hfl/chinese-bert-wwm/tree/12d8ab317be26ca8358f0e37be2bac83961a13b7"),
    "the publisher's repository page: 'License: apache-2.0' (Chinese, bert); the -ext and RoBERTa / MacBERT models are other entries",
  ),
  entry(
    "MuRIL base cased (Google)",
    "^google/muril-base-cased$",
    "apache-2.0",
    hf("google/muril-base-cased/commits/49973d43301c14c498d0a934b29f28ab618d36c5"),
    "the publisher's repository page: 'License: apache-2.0' (fill-mask, bert); muril-large-cased's page gives no licence and is left out",
  ),
  // Translation and code models.
  entry(
    "OPUS-MT en-ROMANCE / ROMANCE-en",
    "^Helsinki-NLP/opus-mt-(en-ROMANCE|ROMANCE-en)$",
    "apache-2.0",
    hf("Helsinki-NLP/opus-mt-en-ROMANCE/tree/92870a2f094c444064c7a568c25eef6971e07b03"),
    "'metadata: add license', 'License: apache-2.0'; opus-mt-ROMANCE-en's README commit dd27a5df7623594b19ab50244084e2beddc2181c adds 'license: apache-2.0'; each OPUS-MT pair has its own card (en-de and zh-en read CC-BY-4.0), so no other pair is matched",
  ),
  entry(
    "CodeT5+ 220M / 2B (Salesforce)",
    "^Salesforce/codet5p-(220m|2b)$",
    "bsd-3-clause",
    hf("Salesforce/codet5p-220m/blob/9d331bb476d21c71b3a7c74b6913fdcc061691e5/README.md"),
    "the card's metadata 'license: bsd-3-clause'; codet5p-2b's card (at 36e13a4e1a7c8c51bcc1666624d60be51bf6efb2) reads the same; the 770M, 6B, 16B, -py and embedding models were not read; CodeT5 is another entry",
  ),
];
