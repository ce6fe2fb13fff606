/**
 * LLaMA-Factory configuration keys: its hparams dataclasses over transformers' Seq2SeqTrainingArguments.
 * Transcribed once from the framework's own configuration classes (each group names the class, the file and
 * the commit it was read from); a key is `name:type`, types coarse: int, float, bool, str, list, dict, any,
 * null, enum(a,b). Python types that are classes of the framework became `any` unless named in docs/recipe.md.
 */
import type { KeyGroup } from "./key-table.js";

export const LLAMA_FACTORY_KEY_GROUPS: readonly KeyGroup[] = [
  {
    cls: "DataArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/data_args.py",
    keys: "template:str|null dataset:str|null eval_dataset:str|null dataset_dir:str media_dir:str|null cutoff_len:int train_on_prompt:bool mask_history:bool streaming:bool buffer_size:int mix_strategy:enum(concat,interleave_under,interleave_over,interleave_once) interleave_probs:str|null overwrite_cache:bool preprocessing_batch_size:int preprocessing_num_workers:int|null max_samples:int|null eval_num_beams:int|null ignore_pad_token_for_loss:bool val_size:float eval_on_each_dataset:bool packing:bool|null neat_packing:bool tool_format:str|null default_system:str|null enable_thinking:bool|null preserve_thinking:bool tokenized_path:str|null data_shared_file_system:bool",
  },
  {
    cls: "ApolloArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/finetuning_args.py",
    keys: "use_apollo:bool apollo_target:str apollo_rank:int apollo_update_interval:int apollo_scale:float apollo_proj:enum(svd,random) apollo_proj_type:enum(std,right,left) apollo_scale_type:enum(channel,tensor) apollo_layerwise:bool apollo_scale_front:bool",
  },
  {
    cls: "BAdamArgument",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/finetuning_args.py",
    keys: "use_badam:bool badam_mode:enum(layer,ratio) badam_start_block:int|null badam_switch_mode:enum(ascending,descending,random,fixed)|null badam_switch_interval:int|null badam_update_ratio:float badam_mask_mode:enum(adjacent,scatter) badam_verbose:int",
  },
  {
    cls: "FinetuningArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/finetuning_args.py",
    keys: "pure_bf16:bool stage:enum(pt,sft,rm,ppo,dpo,kto) finetuning_type:enum(lora,oft,freeze,full) use_llama_pro:bool use_adam_mini:bool use_mca:bool use_megatron_bridge:bool megatron_bridge_args:any use_hyper_parallel:bool hyper_parallel_args:str|null hyper_parallel_cp_size:int use_muon:bool use_dft_loss:bool use_asft_loss:bool asft_alpha:float use_eaft_loss:bool eaft_alpha:float freeze_vision_tower:bool freeze_multi_modal_projector:bool freeze_language_model:bool compute_accuracy:bool disable_shuffling:bool early_stopping_steps:int|null plot_loss:bool include_effective_tokens_per_second:bool",
  },
  {
    cls: "FreezeArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/finetuning_args.py",
    keys: "freeze_trainable_layers:int freeze_trainable_modules:str freeze_extra_modules:str|null",
  },
  {
    cls: "GaloreArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/finetuning_args.py",
    keys: "use_galore:bool galore_target:str galore_rank:int galore_update_interval:int galore_scale:float galore_proj_type:enum(std,reverse_std,right,left,full) galore_layerwise:bool",
  },
  {
    cls: "LoraArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/finetuning_args.py",
    keys: "additional_target:str|null lora_alpha:int|null lora_dropout:float lora_rank:int lora_target:str loraplus_lr_ratio:float|null loraplus_lr_embedding:float use_rslora:bool use_dora:bool pissa_init:bool pissa_iter:int pissa_convert:bool create_new_adapter:bool",
  },
  {
    cls: "OFTArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/finetuning_args.py",
    keys: "additional_target:str|null module_dropout:float oft_rank:int oft_block_size:int oft_target:str create_new_adapter:bool",
  },
  {
    cls: "RLHFArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/finetuning_args.py",
    keys: "pref_beta:float pref_ftx:float pref_bco_weight:float pref_loss:enum(sigmoid,hinge,ipo,kto_pair,orpo,simpo) dpo_label_smoothing:float kto_chosen_weight:float kto_rejected_weight:float simpo_gamma:float ppo_buffer_size:int ppo_epochs:int ppo_score_norm:bool ppo_target:float ppo_whiten_rewards:bool ref_model:str|null ref_model_adapters:str|null ref_model_quantization_bit:int|null reward_model:str|null reward_model_adapters:str|null reward_model_quantization_bit:int|null reward_model_type:enum(lora,full,api) ld_alpha:float|null",
  },
  {
    cls: "SwanLabArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/finetuning_args.py",
    keys: "use_swanlab:bool swanlab_project:str|null swanlab_workspace:str|null swanlab_run_name:str|null swanlab_mode:enum(cloud,local) swanlab_api_key:str|null swanlab_logdir:str|null swanlab_lark_webhook_url:str|null swanlab_lark_secret:str|null",
  },
  {
    cls: "BaseModelArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/model_args.py",
    keys: "model_name_or_path:str|null adapter_name_or_path:str|null adapter_folder:str|null cache_dir:str|null use_fast_tokenizer:bool resize_vocab:bool split_special_tokens:bool add_tokens:str|null add_special_tokens:str|null new_special_tokens_config:str|null init_special_tokens:enum(noise_init,desc_init,desc_init_w_noise) model_revision:str low_cpu_mem_usage:bool rope_scaling:any|null flash_attn:any shift_attn:bool mixture_of_depths:enum(convert,load)|null use_unsloth:bool use_unsloth_gc:bool enable_liger_kernel:bool moe_aux_loss_coef:float|null disable_gradient_checkpointing:bool use_reentrant_gc:bool upcast_layernorm:bool upcast_lmhead_output:bool train_from_scratch:bool infer_backend:any offload_folder:str use_kv_cache:bool use_v1_kernels:bool|null infer_dtype:enum(auto,float16,bfloat16,float32) hf_hub_token:str|null ms_hub_token:str|null om_hub_token:str|null print_param_status:bool trust_remote_code:bool",
  },
  {
    cls: "ExportArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/model_args.py",
    keys: "export_dir:str|null export_size:int export_device:enum(cpu,auto) export_quantization_bit:int|null export_quantization_dataset:str|null export_quantization_nsamples:int export_quantization_maxlen:int export_legacy_format:bool export_hub_model_id:str|null",
  },
  {
    cls: "KTransformersArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/model_args.py",
    keys: "use_kt:bool kt_cpu_activation:enum(retain,recompute)|null kt_weight_path:str|null kt_non_expert_weight_path:str|null kt_expert_checkpoint_path:str|null kt_use_lora_experts:bool|null kt_lora_expert_num:int|null kt_lora_expert_intermediate_size:int|null _kt_inference_config:dict|null _kt_config_handle:any _kt_adapter_artifact_path:str|null",
  },
  {
    cls: "ModelArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/model_args.py",
    keys: "compute_dtype:any|null device_map:str|dict|null model_max_length:int|null block_diag_attn:bool",
  },
  {
    cls: "ProcessorArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/model_args.py",
    keys: "image_max_pixels:int image_min_pixels:int image_do_pan_and_scan:bool crop_to_patches:bool video_max_pixels:int video_min_pixels:int video_fps:float video_maxlen:int use_audio_in_video:bool audio_sampling_rate:int",
  },
  {
    cls: "QuantizationArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/model_args.py",
    keys: "quantization_method:str quantization_bit:int|null quantization_type:enum(fp4,nf4) double_quantization:bool quantization_device_map:enum(auto)|null",
  },
  {
    cls: "SGLangArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/model_args.py",
    keys: "sglang_maxlen:int sglang_mem_fraction:float sglang_tp_size:int sglang_config:dict|str|null sglang_lora_backend:enum(triton,flashinfer)",
  },
  {
    cls: "VllmArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/model_args.py",
    keys: "vllm_maxlen:int vllm_gpu_util:float vllm_enforce_eager:bool vllm_max_lora_rank:int vllm_config:dict|str|null",
  },
  {
    cls: "Fp8Arguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/training_args.py",
    keys: "fp8:bool fp8_backend:str fp8_enable_fsdp_float8_all_gather:bool",
  },
  {
    cls: "ProfilerArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/training_args.py",
    keys: "enable_torch_profiler:bool profiler_output_dir:str|null profiler_wait_steps:int profiler_warmup_steps:int profiler_active_steps:int profiler_repeat:int profiler_record_shapes:bool profiler_profile_memory:bool profiler_with_stack:bool profile_modules:str|null",
  },
  {
    cls: "RayArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/training_args.py",
    keys: "ray_num_workers:int ray_init_kwargs:dict|str|null master_addr:str|null master_port:str|null",
  },
  {
    cls: "TrainingArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/training_args.py",
    keys: "overwrite_output_dir:bool",
  },
  {
    cls: "GeneratingArguments",
    source: "hiyouga/LLaMA-Factory@ff6d4d12eeb0:src/llamafactory/hparams/generating_args.py",
    keys: "do_sample:bool temperature:float top_p:float top_k:int num_beams:int max_length:int max_new_tokens:int repetition_penalty:float length_penalty:float skip_special_tokens:bool",
  },
  {
    cls: "TrainingArguments",
    source: "huggingface/transformers@00349ae87edd:src/transformers/training_args.py",
    keys: "output_dir:str|null per_device_train_batch_size:int num_train_epochs:float max_steps:int learning_rate:float lr_scheduler_type:str lr_scheduler_kwargs:dict|str|null warmup_steps:float optim:str optim_args:str|null weight_decay:float adam_beta1:float adam_beta2:float adam_epsilon:float optim_target_modules:null|str|list gradient_accumulation_steps:int average_tokens_across_devices:bool max_grad_norm:float label_smoothing_factor:float bf16:bool fp16:bool bf16_full_eval:bool fp16_full_eval:bool tf32:bool|null gradient_checkpointing:bool gradient_checkpointing_kwargs:dict|str|null torch_compile:bool torch_compile_backend:str|null torch_compile_mode:str|null use_liger_kernel:bool liger_kernel_config:dict|null use_cache:bool neftune_noise_alpha:float|null torch_empty_cache_steps:int|null auto_find_batch_size:bool logging_strategy:str logging_steps:float logging_first_step:bool log_on_each_node:bool logging_nan_inf_filter:bool include_num_input_tokens_seen:str|bool log_level:str log_level_replica:str disable_tqdm:bool|null report_to:null|str|list run_name:str|null project:str trackio_space_id:str|null eval_strategy:str eval_steps:float|null eval_delay:float per_device_eval_batch_size:int prediction_loss_only:bool eval_on_start:bool eval_do_concat_batches:bool eval_use_gather_object:bool eval_accumulation_steps:int|null include_for_metrics:list batch_eval_metrics:bool save_only_model:bool save_strategy:str save_steps:float save_on_each_node:bool save_total_limit:int|null enable_jit_checkpoint:bool push_to_hub:bool hub_token:str|null hub_private_repo:bool|null hub_model_id:str|null hub_strategy:str hub_always_push:bool hub_revision:str|null load_best_model_at_end:bool metric_for_best_model:str|null greater_is_better:bool|null ignore_data_skip:bool restore_callback_states_from_checkpoint:bool full_determinism:bool seed:int data_seed:int|null use_cpu:bool accelerator_config:dict|str|null parallelism_config:any dataloader_drop_last:bool dataloader_num_workers:int dataloader_pin_memory:bool dataloader_persistent_workers:bool dataloader_prefetch_factor:int|null remove_unused_columns:bool label_names:list|null train_sampling_strategy:enum(random,sequential,group_by_length) length_column_name:str ddp_find_unused_parameters:bool|null ddp_bucket_cap_mb:int|null ddp_broadcast_buffers:bool|null ddp_backend:str|null ddp_timeout:int fsdp:list|str|null fsdp_config:dict|str|null deepspeed:dict|str|null debug:str|list skip_memory_metrics:bool do_train:bool do_eval:bool do_predict:bool resume_from_checkpoint:str|null warmup_ratio:float|null logging_dir:str|null local_rank:int",
  },
  {
    cls: "Seq2SeqTrainingArguments",
    source: "huggingface/transformers@00349ae87edd:src/transformers/training_args_seq2seq.py",
    keys: "sortish_sampler:bool predict_with_generate:bool generation_max_length:int|null generation_num_beams:int|null generation_config:str|dict|null",
  },
];
