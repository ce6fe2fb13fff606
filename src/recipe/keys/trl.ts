/**
 * TRL configuration keys: transformers' TrainingArguments, TRL's trainer configs, ModelConfig and ScriptArguments.
 * Transcribed once from the framework's own configuration classes (each group names the class, the file and
 * the commit it was read from); a key is `name:type`, types coarse: int, float, bool, str, list, dict, any,
 * null, enum(a,b). Python types that are classes of the framework became `any` unless named in docs/recipe.md.
 */
import type { KeyGroup } from "./key-table.js";

export const TRL_KEY_GROUPS: readonly KeyGroup[] = [
  {
    cls: "GRPOScriptArguments",
    source: "huggingface/trl@f2cd57710ae3:trl/scripts/grpo.py",
    keys: "reward_model_name_or_path:str|null reward_funcs:list|null",
  },
  {
    cls: "TrainingArguments",
    source: "huggingface/transformers@00349ae87edd:src/transformers/training_args.py",
    keys: "output_dir:str|null per_device_train_batch_size:int num_train_epochs:float max_steps:int learning_rate:float lr_scheduler_type:str lr_scheduler_kwargs:dict|str|null warmup_steps:float optim:str optim_args:str|null weight_decay:float adam_beta1:float adam_beta2:float adam_epsilon:float optim_target_modules:null|str|list gradient_accumulation_steps:int average_tokens_across_devices:bool max_grad_norm:float label_smoothing_factor:float bf16:bool fp16:bool bf16_full_eval:bool fp16_full_eval:bool tf32:bool|null gradient_checkpointing:bool gradient_checkpointing_kwargs:dict|str|null torch_compile:bool torch_compile_backend:str|null torch_compile_mode:str|null use_liger_kernel:bool liger_kernel_config:dict|null use_cache:bool neftune_noise_alpha:float|null torch_empty_cache_steps:int|null auto_find_batch_size:bool logging_strategy:str logging_steps:float logging_first_step:bool log_on_each_node:bool logging_nan_inf_filter:bool include_num_input_tokens_seen:str|bool log_level:str log_level_replica:str disable_tqdm:bool|null report_to:null|str|list run_name:str|null project:str trackio_space_id:str|null eval_strategy:str eval_steps:float|null eval_delay:float per_device_eval_batch_size:int prediction_loss_only:bool eval_on_start:bool eval_do_concat_batches:bool eval_use_gather_object:bool eval_accumulation_steps:int|null include_for_metrics:list batch_eval_metrics:bool save_only_model:bool save_strategy:str save_steps:float save_on_each_node:bool save_total_limit:int|null enable_jit_checkpoint:bool push_to_hub:bool hub_token:str|null hub_private_repo:bool|null hub_model_id:str|null hub_strategy:str hub_always_push:bool hub_revision:str|null load_best_model_at_end:bool metric_for_best_model:str|null greater_is_better:bool|null ignore_data_skip:bool restore_callback_states_from_checkpoint:bool full_determinism:bool seed:int data_seed:int|null use_cpu:bool accelerator_config:dict|str|null parallelism_config:any dataloader_drop_last:bool dataloader_num_workers:int dataloader_pin_memory:bool dataloader_persistent_workers:bool dataloader_prefetch_factor:int|null remove_unused_columns:bool label_names:list|null train_sampling_strategy:enum(random,sequential,group_by_length) length_column_name:str ddp_find_unused_parameters:bool|null ddp_bucket_cap_mb:int|null ddp_broadcast_buffers:bool|null ddp_backend:str|null ddp_timeout:int fsdp:list|str|null fsdp_config:dict|str|null deepspeed:dict|str|null debug:str|list skip_memory_metrics:bool do_train:bool do_eval:bool do_predict:bool resume_from_checkpoint:str|null warmup_ratio:float|null logging_dir:str|null local_rank:int",
  },
  {
    cls: "_BaseConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/trainer/base_config.py",
    keys: "logging_steps:float gradient_checkpointing:bool bf16:bool|null lr_scheduler_kwargs:dict|str|null use_liger_kernel:bool torch_empty_cache_steps:int|null",
  },
  {
    cls: "SFTConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/trainer/sft_config.py",
    keys: "learning_rate:float model_init_kwargs:dict|str|null router_aux_loss_coef:float trust_remote_code:bool chat_template_path:str|null dataset_text_field:str dataset_kwargs:dict|null dataset_num_proc:int|null eos_token:str|null max_length:int|null truncation_mode:str shuffle_dataset:bool packing:bool packing_strategy:str padding_free:bool pad_to_multiple_of:int|null eval_packing:bool|null completion_only_loss:bool|null assistant_only_loss:bool loss_type:str|null activation_offloading:bool pad_token:str|null",
  },
  {
    cls: "DPOConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/trainer/dpo_config.py",
    keys: "learning_rate:float model_init_kwargs:dict|str|null trust_remote_code:bool router_aux_loss_coef:float disable_dropout:bool dataset_num_proc:int|null max_length:int|null truncation_mode:str padding_free:bool pad_to_multiple_of:int|null precompute_ref_log_probs:bool precompute_ref_batch_size:int|null loss_type:list|str loss_weights:list|null ld_alpha:float|null f_divergence_type:str f_alpha_divergence_coef:float label_smoothing:float beta:float use_weighting:bool discopop_tau:float activation_offloading:bool sync_ref_model:bool ref_model_mixup_alpha:float ref_model_sync_steps:int pad_token:str|null",
  },
  {
    cls: "KTOConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/trainer/kto_config.py",
    keys: "learning_rate:float train_sampling_strategy:str model_init_kwargs:dict|str|null trust_remote_code:bool router_aux_loss_coef:float disable_dropout:bool dataset_num_proc:int|null max_length:int|null pad_to_multiple_of:int|null precompute_ref_log_probs:bool precompute_ref_batch_size:int|null loss_type:str beta:float desirable_weight:float undesirable_weight:float activation_offloading:bool sync_ref_model:bool ref_model_mixup_alpha:float ref_model_sync_steps:int",
  },
  {
    cls: "GRPOConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/trainer/grpo_config.py",
    keys: "learning_rate:float model_init_kwargs:dict|str|null trust_remote_code:bool router_aux_loss_coef:float disable_dropout:bool cast_lm_head_to_fp32:bool remove_unused_columns:bool|null num_generations:int|null num_generations_eval:int|null max_completion_length:int|null ds3_gather_for_generation:bool shuffle_dataset:bool|null pad_to_multiple_of:int|null generation_batch_size:int|null steps_per_generation:int|null temperature:float top_p:float top_k:int min_p:float|null generation_kwargs:dict|null chat_template_kwargs:dict|null repetition_penalty:float cache_implementation:str|null use_vllm:bool vllm_mode:str vllm_model_impl:str vllm_enable_sleep_mode:bool vllm_structured_outputs_regex:str|null vllm_server_base_url:str|null vllm_server_host:str vllm_server_port:int vllm_server_timeout:float vllm_group_port:int vllm_gpu_memory_utilization:float vllm_max_model_length:int|null vllm_tensor_parallel_size:int beta:float num_iterations:int epsilon:float delta:float|null epsilon_high:float|null sapo_temperature_neg:float sapo_temperature_pos:float vespo_k_pos:float vespo_lambda_pos:float vespo_k_neg:float vespo_lambda_neg:float importance_sampling_level:str reward_weights:list|null multi_objective_aggregation:str scale_rewards:str loss_type:str mask_truncated_completions:bool sync_ref_model:bool ref_model_mixup_alpha:float ref_model_sync_steps:int top_entropy_quantile:float entropy_coef:float use_adaptive_entropy:bool entropy_coef_min:float entropy_coef_max:float entropy_coef_delta:float entropy_target:float max_tool_calling_iterations:int|null vllm_importance_sampling_correction:bool vllm_importance_sampling_mode:str vllm_importance_sampling_clip_max:float|null vllm_importance_sampling_clip_min:float|null off_policy_mask_threshold:float|null use_bias_correction_kl:bool log_completions:bool log_multimodal:bool num_completions_to_print:int|null log_unique_prompts:bool log_completions_hub_repo:str|null use_transformers_continuous_batching:bool transformers_continuous_batching_config:dict|null use_transformers_paged:bool vllm_importance_sampling_cap:float|null",
  },
  {
    cls: "RLOOConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/trainer/rloo_config.py",
    keys: "learning_rate:float model_init_kwargs:dict|str|null trust_remote_code:bool router_aux_loss_coef:float disable_dropout:bool remove_unused_columns:bool|null num_generations:int|null num_generations_eval:int|null max_completion_length:int|null ds3_gather_for_generation:bool shuffle_dataset:bool|null pad_to_multiple_of:int|null generation_batch_size:int|null steps_per_generation:int|null temperature:float top_p:float top_k:int min_p:float|null generation_kwargs:dict|null chat_template_kwargs:dict|null repetition_penalty:float cache_implementation:str|null use_vllm:bool vllm_mode:str vllm_model_impl:str vllm_enable_sleep_mode:bool vllm_structured_outputs_regex:str|null vllm_server_base_url:str|null vllm_server_host:str vllm_server_port:int vllm_server_timeout:float vllm_group_port:int vllm_gpu_memory_utilization:float vllm_max_model_length:int|null vllm_tensor_parallel_size:int beta:float num_iterations:int epsilon:float epsilon_high:float|null reward_weights:list|null normalize_advantages:bool reward_clip_range:list|null mask_truncated_completions:bool sync_ref_model:bool ref_model_mixup_alpha:float ref_model_sync_steps:int log_completions:bool log_multimodal:bool num_completions_to_print:int|null log_unique_prompts:bool use_transformers_continuous_batching:bool transformers_continuous_batching_config:dict|null use_transformers_paged:bool",
  },
  {
    cls: "RewardConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/trainer/reward_config.py",
    keys: "learning_rate:float model_init_kwargs:dict|str|null trust_remote_code:bool chat_template_path:str|null disable_dropout:bool dataset_num_proc:int|null eos_token:str|null max_length:int|null pad_to_multiple_of:int|null center_rewards_coefficient:float|null activation_offloading:bool pad_token:str|null",
  },
  {
    cls: "ORPOConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/experimental/orpo/orpo_config.py",
    keys: "learning_rate:float max_length:int|null max_completion_length:int|null beta:float disable_dropout:bool padding_value:int|null generate_during_eval:bool is_encoder_decoder:bool|null model_init_kwargs:dict|str|null trust_remote_code:bool dataset_num_proc:int|null",
  },
  {
    cls: "ModelConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/trainer/model_config.py",
    keys: "model_name_or_path:str|null model_revision:str dtype:str|null attn_implementation:str|null use_peft:bool lora_r:int lora_alpha:int lora_dropout:float lora_target_modules:list|str|null lora_target_parameters:list|null lora_modules_to_save:list|null lora_task_type:str use_rslora:bool use_dora:bool load_in_8bit:bool load_in_4bit:bool bnb_4bit_quant_type:str use_bnb_nested_quant:bool bnb_4bit_quant_storage:str|null",
  },
  {
    cls: "ScriptArguments",
    source: "huggingface/trl@f2cd57710ae3:trl/scripts/utils.py",
    keys: "dataset_name:str|null dataset_config:str|null dataset_train_split:str dataset_test_split:str dataset_streaming:bool ignore_bias_buffers:bool",
  },
  {
    cls: "DatasetMixtureConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/scripts/utils.py",
    keys: "datasets:list streaming:bool test_split_size:float|null",
  },
  {
    cls: "DatasetConfig",
    source: "huggingface/trl@f2cd57710ae3:trl/scripts/utils.py",
    keys: "path:str name:str|null data_dir:str|null data_files:str|list|dict|null split:str columns:list|null fraction:float|null",
  },
];
