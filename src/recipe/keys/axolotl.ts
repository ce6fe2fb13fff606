/**
 * axolotl configuration keys: the pydantic models AxolotlInputConfig is built from, and its dataset models.
 * Transcribed once from the framework's own configuration classes (each group names the class, the file and
 * the commit it was read from); a key is `name:type`, types coarse: int, float, bool, str, list, dict, any,
 * null, enum(a,b). Python types that are classes of the framework became `any` unless named in docs/recipe.md.
 */
import type { KeyGroup } from "./key-table.js";

export const AXOLOTL_KEY_GROUPS: readonly KeyGroup[] = [
  {
    cls: "AxolotlConfigWCapabilities",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/config.py",
    keys: "capabilities:any env_capabilities:any",
  },
  {
    cls: "AxolotlInputConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/config.py",
    keys: "strict:bool|null resume_from_checkpoint:str|null auto_resume_from_checkpoints:bool|null resize_token_embeddings_to_32x:bool|null mean_resizing_embeddings:bool|null shrink_embeddings:bool|null embeddings_skip_upcast:bool|null reinit_weights:bool|null trainer_cls:str|null rl:enum(dpo,gdpo,grpo,ipo,orpo,kto,simpo,ebft)|null trl:dict|null vllm:any|null ebft:any|null qat:any|null quantization:any|null reward_model:bool|null dynamic_checkpoint:any|null process_reward_model:bool|null center_rewards_coefficient:float|null num_labels:int|null dpo_use_weighting:bool|null dpo_label_smoothing:float|null precompute_ref_log_probs:bool|null dpo_use_liger_kernel:bool|null dpo_padding_free:bool|null dpo_loss_type:any|null dpo_loss_weights:any|null datasets:list|null test_datasets:list|null shuffle_merged_datasets:bool|null shuffle_before_merging_datasets:bool|null dataset_prepared_path:str|null dataset_shard_num:int|null dataset_shard_idx:int|null skip_prepare_dataset:bool|null num_dataset_shards_to_save:int|null pretraining_dataset:list|null dataset_processes:int|null dataset_num_proc:int|null dataset_exact_deduplication:bool|null dataset_keep_in_memory:bool|null dataloader_pin_memory:bool|null dataloader_num_workers:int|null dataloader_prefetch_factor:int|null dataloader_drop_last:bool|null accelerator_config:dict|null remove_unused_columns:bool|null push_dataset_to_hub:str|null hf_use_auth_token:bool|null device:any|null device_map:any|null world_size:int|null local_rank:int|null ddp:bool|null seed:int|null ddp_timeout:int|null ddp_bucket_cap_mb:int|null ddp_broadcast_buffers:bool|null ddp_find_unused_parameters:bool|null do_causal_lm_eval:bool|null eval_causal_lm_metrics:list|null do_bench_eval:bool|null bench_dataset:str|null bench_split:str|null metric_for_best_model:str|null greater_is_better:bool|null loss_watchdog_threshold:float|null loss_watchdog_patience:int|null gc_steps:int|null torch_empty_cache_steps:int|null gc_collect_steps:int|null bf16:enum(auto)|bool|null fp16:bool|null fp8:bool|null fp8_enable_fsdp_float8_all_gather:bool|null bfloat16:bool|null float16:bool|null tf32:enum(auto)|bool|null float32:bool|null gradient_checkpointing:enum(offload,offload_disk)|bool|null gradient_checkpointing_kwargs:dict|null selective_checkpointing:any|bool|null activation_offloading:enum(legacy,disk,hidden_states)|bool|null layer_offloading:bool|null freeze_mm_modules:bool|null unfrozen_parameters:list|null sequence_len:int excess_length_strategy:enum(drop,truncate,raise)|null eval_sequence_len:int|null min_sample_len:int|null max_prompt_len:int|null sample_packing:bool|null sample_packing_group_size:int|null sample_packing_bin_size:int|null sample_packing_sequentially:bool|null sample_packing_mp_start_method:str|null eval_sample_packing:bool|null pad_to_sequence_len:bool|null pad_to_multiple_of:int|null curriculum_sampling:bool|null multipack_real_batches:bool|null batch_flattening:enum(auto)|bool|null use_pose:bool|null pose_split_on_token_ids:list|null pose_max_context_len:int|null pose_num_chunks:int|null pretrain_multipack_buffer_size:int|null pretrain_multipack_attn:bool|null pretraining_sample_concatenation:bool|null streaming:bool|null streaming_multipack_buffer_size:int|null xformers_attention:bool|null sdp_attention:bool|null flex_attention:bool|null flex_attn_compile_kwargs:dict|null flash_attention:bool|null flash_attn_cross_entropy:bool|null flash_attn_fuse_mlp:bool|null flash_optimum:bool|null sage_attention:bool|null eager_attention:bool|null attn_implementation:str|null gemma4_hybrid_attn_impl:bool|null large_head_attention:str|null flash_attn_d512:bool|null sdpa_varlen:bool|null fused_attn_kernel:bool|null experts_implementation:str|null quantize_moe_experts:bool scaling_softmax:bool|null scaling_softmax_factor:float|null scaling_softmax_bias:float|null lora_mlp_kernel:bool|null lora_qkv_kernel:bool|null lora_o_kernel:bool|null lora_embedding_kernel:bool|null chunked_cross_entropy:bool|null chunked_cross_entropy_num_chunks:int|null use_eaft:bool|null eaft_alpha:float|null eaft_k:int|null tiled_mlp:bool|null tiled_mlp_num_shards:int|null tiled_mlp_use_original_mlp:bool|null llama4_linearized_experts:bool|null deepspeed:str|dict|null deepcompile:bool|null fsdp:list|null fsdp_config:any|null fsdp_version:int|null fp32_norms:bool|null fp32_norm_classes:list|null fsdp_final_state_dict_type:any val_set_size:float|null dp_shard_size:int|null dp_replicate_size:int|null sequence_parallel_degree:int|null context_parallel_size:int|null heads_k_stride:int|null ring_attn_func:any|null tensor_parallel_size:int|null special_tokens:any|null tokens:list|null added_tokens_overrides:dict|null torch_compile:enum(auto)|bool|null torch_compile_backend:str|null torch_compile_mode:enum(default,reduce-overhead,max-autotune)|null torch_compile_options:dict|null max_steps:int|null warmup_steps:int|null warmup_ratio:float|null eval_steps:int|float|null evals_per_epoch:int|null eval_strategy:str|null save_steps:int|float|null saves_per_epoch:int|null save_strategy:str|null save_total_limit:int|null save_first_step:bool|null logging_steps:int|null early_stopping_patience:int|null load_best_model_at_end:bool|null save_only_model:bool|null use_tensorboard:bool|null profiler_steps:int|null profiler_steps_start:int|null include_tokens_per_second:bool|null include_tkps:bool|null neftune_noise_alpha:float|null orpo_alpha:float|null simpo_gamma:float|null cpo_alpha:float|null kto_desirable_weight:float|null kto_undesirable_weight:float|null rl_beta:float|null max_memory:dict|null gpu_memory_limit:int|str|null low_cpu_mem_usage:bool|null chat_template:any chat_template_jinja:str|null chat_template_kwargs:dict|null eot_tokens:list|null default_system_message:str|null fix_untrained_tokens:int|list|null is_preprocess:bool|null preprocess_iterable:bool|null total_num_tokens:int|null total_supervised_tokens:int|null sample_packing_eff_est:float|null axolotl_config_path:str|null is_falcon_derived_model:bool|null is_llama_derived_model:bool|null is_mistral_derived_model:bool|null is_qwen_derived_model:bool|null plugins:list|null generate_samples:bool|null num_generation_samples:int|null generation_max_new_tokens:int|null generation_temperature:float|null generation_top_p:float|null generation_top_k:int|null generation_prompt_ratio:float|null generation_do_sample:bool|null",
  },
  {
    cls: "EBFTConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/config.py",
    keys: "feature_layers:list embed_method:enum(last_token,mean_pooling,completion_mean,concat) use_whitening:bool alignment_coef:float diversity_coef:float ce_coef:float adaptive_max_tokens:bool gt_length_multiplier:float mode:enum(structured,strided) stride:int context_length:int generate_max_len:int n_samples_per_prompt:int temperature:float top_p:float rl_coef:float advantage_estimator:enum(rloo,group_norm,reinforce) min_completion_prefix:int",
  },
  {
    cls: "DPODataset",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/datasets.py",
    keys: "path:str|null split:str|null type:any|str|null data_files:list|null revision:str|null field_messages:str|null field_chosen:str|null field_rejected:str|null",
  },
  {
    cls: "KTODataset",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/datasets.py",
    keys: "path:str|null split:str|null type:any|str|null data_files:list|null trust_remote_code:bool|null revision:str|null",
  },
  {
    cls: "PretrainingDataset",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/datasets.py",
    keys: "name:str|null path:str|null split:str|null text_column:str|null type:str|null trust_remote_code:bool|null data_files:str|null skip:int|null",
  },
  {
    cls: "SFTDataset",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/datasets.py",
    keys: "path:str|null split:str|null type:str|any|null input_transform:str|null shards:int|null shards_idx:int|null preprocess_shards:int|null conversation:str|null chat_template:any|str|null chat_template_jinja:str|null data_files:str|list|null input_format:str|null name:str|null ds_type:str|null field:str|null field_human:str|null field_model:str|null field_messages:str|null field_tools:str|null field_thinking:str|null template_thinking_key:str|null message_field_role:str|null message_field_content:str|null message_property_mappings:dict|null message_field_training:str|null message_field_training_detail:str|null split_thinking:bool|null logprobs_field:str|null temperature:float|null roles_to_train:list|null train_on_eos:enum(all,turn,last,none)|null train_on_eot:enum(all,turn,last,none)|null roles:dict|null drop_system_message:bool|null trust_remote_code:bool|null revision:str|null",
  },
  {
    cls: "StepwiseSupervisedDataset",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/datasets.py",
    keys: "path:str|null split:str|null data_files:list|null revision:str|null step_separator:str|null max_completion_length:int|null train_on_last_step_only:bool|null",
  },
  {
    cls: "SyntheticDataset",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/datasets.py",
    keys: "path:enum(synthetic) type:enum(_synthetic) length:int sequence_length:int|null min_input_id:int max_input_id:int|null seed:int|null",
  },
  {
    cls: "UserDefinedDPOType",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/datasets.py",
    keys: "field_system:str|null field_prompt:str|null field_chosen:str|null field_rejected:str|null prompt_format:str|null chosen_format:str|null rejected_format:str|null",
  },
  {
    cls: "UserDefinedKTOType",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/datasets.py",
    keys: "field_system:str|null field_prompt:str|null field_completion:str|null field_label:str|null prompt_format:str|null completion_format:str|null",
  },
  {
    cls: "UserDefinedPrompterType",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/datasets.py",
    keys: "system_prompt:str|null system_format:str|null field_system:str|null field_instruction:str|null field_input:str|null field_output:str|null format:str|null no_input_format:str|null",
  },
  {
    cls: "DeprecatedParameters",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/deprecated.py",
    keys: "max_packed_sequence_len:int|null rope_scaling:any|null noisy_embedding_alpha:float|null dpo_beta:float|null evaluation_strategy:str|null eval_table_size:int|null eval_max_new_tokens:int|null dpo_use_logits_to_keep:bool|null dpo_generate_during_eval:bool|null dpo_norm_loss:bool|null rpo_alpha:float|null s2_attention:bool|null flash_attn_rms_norm:bool|null",
  },
  {
    cls: "RemappedParameters",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/deprecated.py",
    keys: "overrides_of_model_config:dict|null overrides_of_model_kwargs:dict|null type_of_model:str|null revision_of_model:str|null",
  },
  {
    cls: "ModelInputConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/model.py",
    keys: "base_model:str base_model_config:str|null cls_model_config:str|null tokenizer_config:str|null tokenizer_use_fast:bool|null tokenizer_legacy:bool|null tokenizer_use_mistral_common:bool|null tokenizer_type:str|null processor_type:str|null processor_kwargs:dict|null tokenizer_save_jinja_files:bool|null trust_remote_code:bool|null experimental_skip_move_to_device:bool|null use_kernels:bool|null model_quantization_config:enum(Mxfp4Config,FineGrainedFP8Config)|null model_quantization_config_kwargs:dict|null use_onebitllms:bool|null",
  },
  {
    cls: "ModelOutputConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/model.py",
    keys: "output_dir:str hub_model_id:str|null hub_strategy:str|null hub_revision:str|null save_safetensors:bool|null",
  },
  {
    cls: "SpecialTokensConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/model.py",
    keys: "bos_token:str|null eos_token:str|null pad_token:str|null unk_token:str|null additional_special_tokens:list|null",
  },
  {
    cls: "LoftQConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/peft.py",
    keys: "loftq_bits:int",
  },
  {
    cls: "LoraConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/peft.py",
    keys: "load_in_8bit:bool|null load_in_4bit:bool|null adapter:str|null lora_model_dir:str|null lora_r:int|null lora_alpha:int|null lora_fan_in_fan_out:bool|null lora_target_modules:str|list|null lora_target_parameters:str|list|null lora_target_linear:bool|null lora_modules_to_save:list|null lora_rank_pattern:dict|null lora_alpha_pattern:dict|null lora_dropout:float|null peft_layers_to_transform:list|null peft_layers_pattern:list|null peft:any|null peft_use_dora:bool|null peft_use_rslora:bool|null peft_layer_replication:list|null peft_init_lora_weights:bool|str|null peft_trainable_token_indices:list|dict|null peft_ensure_weight_tying:bool|null peft_autocast_adapter_dtype:bool|null qlora_sharded_model_loading:bool|null lora_on_cpu:bool|null gptq:bool|null bnb_config_kwargs:dict|null loraplus_lr_ratio:float|null loraplus_lr_embedding:float|null merge_lora:bool|null merge_method:enum(legacy,memory_efficient)|null",
  },
  {
    cls: "PeftConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/peft.py",
    keys: "loftq_config:any|null",
  },
  {
    cls: "ReLoRAConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/peft.py",
    keys: "relora:bool|null relora_prune_ratio:float|null relora_prune_method:enum(magnitude,random,reset)|null relora_cpu_offload:bool|null",
  },
  {
    cls: "HyperparametersConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/training.py",
    keys: "gradient_accumulation_steps:int|null micro_batch_size:int|null batch_size:int|null eval_batch_size:int|null auto_find_batch_size:bool|null train_on_inputs:bool|null group_by_length:bool|null learning_rate:str|float embedding_lr:float|null embedding_lr_scale:float|null weight_decay:float|null optimizer:any|null optim_args:any|null optim_target_modules:list|null torchdistx_path:str|null lr_scheduler:str|null lr_scheduler_kwargs:dict|null lr_quadratic_warmup:bool|null cosine_min_lr_ratio:float|null cosine_constant_lr_ratio:float|null lr_div_factor:float|null lr_groups:list|null adam_epsilon:float|null adam_epsilon2:float|null adam_beta1:float|null adam_beta2:float|null adam_beta3:float|null dion_lr:float|null dion_momentum:float|null dion_rank_fraction:float|null dion_rank_multiple_of:int|null qgalore_rank:int|null qgalore_update_proj_gap:int|null qgalore_scale:float|null qgalore_proj_type:str|null qgalore_proj_quant:bool|null qgalore_proj_bits:int|null qgalore_proj_group_size:int|null qgalore_cos_threshold:float|null qgalore_gamma_proj:int|null qgalore_queue_size:int|null max_grad_norm:float|null num_epochs:float",
  },
  {
    cls: "JaggedLRConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/training.py",
    keys: "jagged_restart_steps:int|null jagged_restart_warmup_steps:int|null jagged_restart_anneal_steps:int|null",
  },
  {
    cls: "LrGroup",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/training.py",
    keys: "name:str modules:list lr:float",
  },
  {
    cls: "SelectiveCheckpointingConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/training.py",
    keys: "save:list save_sliding_window:bool recompute_layer_types:list|null offload:bool",
  },
  {
    cls: "TRLConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/trl.py",
    keys: "beta:float|null max_completion_length:int|null use_vllm:bool vllm_mode:enum(server,colocate)|null vllm_server_host:str|null vllm_server_port:int|null vllm_server_timeout:int|null vllm_guided_decoding_regex:str|null reward_funcs:list|null reward_weights:list|null generation_batch_size:int|null num_generations:int|null log_completions:bool|null num_completions_to_print:int|null importance_sampling_level:enum(sequence,token)|null sync_ref_model:bool|null ref_model_mixup_alpha:float|null ref_model_sync_steps:int|null scale_rewards:bool temperature:float|null top_p:float|null top_k:int|null min_p:float|null repetition_penalty:float|null generation_kwargs:dict|null chat_template_kwargs:dict|null num_iterations:int|null epsilon:float|null epsilon_high:float|null use_liger_loss:bool|null loss_type:str|null mask_truncated_completions:bool vllm_enable_sleep_mode:bool|null rollout_func:str|null multi_objective_aggregation:any use_data_producer:bool async_prefetch:bool prefetch_depth:int|null vllm_sync_interval:int|null streaming_partial_batch:bool|null streaming_min_groups:int|null vllm_importance_sampling_correction:bool|null vllm_importance_sampling_mode:any vllm_importance_sampling_cap:float|null off_policy_mask_threshold:float|null use_bias_correction_kl:bool|null reward_num_workers:int replay_buffer_size:int replay_recompute_logps:bool reroll_start_fraction:float reroll_max_groups:int skip_zero_advantage_batches:bool vllm_lora_sync:bool",
  },
  {
    cls: "CometConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/integrations.py",
    keys: "use_comet:bool|null comet_api_key:str|null comet_workspace:str|null comet_project_name:str|null comet_experiment_key:str|null comet_mode:str|null comet_online:bool|null comet_experiment_config:dict|null",
  },
  {
    cls: "GradioConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/integrations.py",
    keys: "gradio_title:str|null gradio_share:bool|null gradio_server_name:str|null gradio_server_port:int|null gradio_max_new_tokens:int|null gradio_temperature:float|null",
  },
  {
    cls: "LISAConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/integrations.py",
    keys: "lisa_n_layers:int|null lisa_step_interval:int|null lisa_layers_attribute:str|null",
  },
  {
    cls: "MLFlowConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/integrations.py",
    keys: "use_mlflow:bool|null mlflow_tracking_uri:str|null mlflow_experiment_name:str|null mlflow_run_name:str|null hf_mlflow_log_artifacts:bool|null",
  },
  {
    cls: "OpenTelemetryConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/integrations.py",
    keys: "use_otel_metrics:bool|null otel_metrics_host:str|null otel_metrics_port:int|null",
  },
  {
    cls: "RayConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/integrations.py",
    keys: "use_ray:bool ray_run_name:str|null ray_num_workers:int resources_per_worker:dict",
  },
  {
    cls: "TrackioConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/integrations.py",
    keys: "use_trackio:bool|null trackio_project_name:str|null trackio_run_name:str|null trackio_space_id:str|null",
  },
  {
    cls: "WandbConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/integrations.py",
    keys: "use_wandb:bool|null wandb_name:str|null wandb_run_id:str|null wandb_mode:str|null wandb_project:str|null wandb_entity:str|null wandb_watch:str|null wandb_log_model:str|null",
  },
  {
    cls: "MultiModalConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/multimodal.py",
    keys: "image_size:int|list|null image_resize_algorithm:any role_boundaries:list|null",
  },
  {
    cls: "RoleBoundarySpec",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/multimodal.py",
    keys: "role:str start:str end:str|null include_start:bool include_end:bool",
  },
  {
    cls: "VllmConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/vllm.py",
    keys: "device:str|null tensor_parallel_size:int|null data_parallel_size:int|null gpu_memory_utilization:float|null dtype:str|null max_model_len:int|null enable_prefix_caching:bool|null host:str|null port:int|null enable_reasoning:bool|null reasoning_parser:str|null enforce_eager:bool|null serve_module:str|null worker_extension_cls:str|null",
  },
  {
    cls: "PTQConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/quantization.py",
    keys: "weight_dtype:any activation_dtype:any|null quantize_embedding:bool|null group_size:int|null",
  },
  {
    cls: "QATConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/quantization.py",
    keys: "activation_dtype:any|null weight_dtype:any quantize_embedding:bool|null group_size:int|null fake_quant_after_n_steps:int|null",
  },
  {
    cls: "DynamicCheckpointConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/dynamic_checkpoint.py",
    keys: "enabled:bool check_interval:int trigger_file_path:str",
  },
  {
    cls: "FSDPConfig",
    source: "axolotl-ai-cloud/axolotl@067b021c8b87:src/axolotl/utils/schemas/fsdp.py",
    keys: "fsdp_version:int|null activation_checkpointing:bool|null offload_params:bool|null sync_module_states:bool|null cpu_ram_efficient_loading:bool|null cpu_offload_pin_memory:bool|null use_orig_params:bool|null state_dict_type:any final_state_dict_type:any auto_wrap_policy:enum(TRANSFORMER_BASED_WRAP,SIZE_BASED_WRAP)|null transformer_layer_cls_to_wrap:str|null min_num_params:int|null reshard_after_forward:bool|null mixed_precision_policy:str|null",
  },
];
