/** The LLM layer's public face: configuration, the model interface, the OpenAI-compatible model, typed errors. */
export { DEFAULT_LLM_MODEL, LlmEnvironment, LlmMode, loadLlmConfig } from "./llm-config.ts";
export type { LlmConfig } from "./llm-config.ts";
export { LlmConfigurationError } from "./llm-configuration-error.ts";
export type { SettingProblem } from "./llm-configuration-error.ts";
export type { AssistantMessage, ChatMessage, GenerateRequest, GenerateResult, LanguageModel, ToolCall, ToolSpec } from "./language-model.ts";
export { LlmPlanningError, LlmUnavailableError } from "./llm-errors.ts";
export type { LlmPlanningFailure, LlmUnavailableReason } from "./llm-errors.ts";
export { createOpenAiCompatibleModel } from "./openai-compatible-model.ts";
export type { OpenAiCompatibleModelOptions } from "./openai-compatible-model.ts";
export { DEFAULT_RETRY_POLICY } from "./retry-policy.ts";
export type { RetryPolicy } from "./retry-policy.ts";
