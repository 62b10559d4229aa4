/**
 * The LLM settings read from the environment, validated with zod: mode (offline | hybrid | llm), the
 * OpenAI-compatible endpoint, model, timeout and the agent loop's limits.
 */
import { z } from "zod";
import { LlmConfigurationError } from "./llm-configuration-error.ts";
import type { SettingProblem } from "./llm-configuration-error.ts";

/** How questions are planned: offline only, offline first then the LLM, or always the LLM. */
export const LlmMode = z.enum(["offline", "hybrid", "llm"]);
export type LlmMode = z.infer<typeof LlmMode>;

/** The default model name (any name the endpoint serves works, e.g. qwen2.5:7b on Ollama). */
export const DEFAULT_LLM_MODEL = "gpt-4o-mini";

// Empty or blank values count as unset, as shells and .env files often leave them.
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const integerSetting = (fallback: number, minimum: number, maximum: number) =>
  optionalText.pipe(z.coerce.number<string>().int().min(minimum).max(maximum).optional()).transform((value) => value ?? fallback);

/** The environment variables, as zod reads them. */
export const LlmEnvironment = z.object({
  LLM_MODE: optionalText.pipe(LlmMode.optional()),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:11434/v1" })
      .optional(),
  ),
  LLM_MODEL: optionalText.transform((value) => value ?? DEFAULT_LLM_MODEL),
  LLM_TIMEOUT_MS: integerSetting(30_000, 100, 600_000),
  LLM_MAX_TOOL_ROUNDS: integerSetting(6, 1, 50),
  LLM_MAX_RESULT_ROWS: integerSetting(20, 1, 1_000),
  LLM_MIN_CONFIDENCE: optionalText.pipe(z.coerce.number<string>().min(0).max(1).optional()).transform((value) => value ?? 0.6),
});

/** The validated LLM configuration. */
export interface LlmConfig {
  mode: LlmMode;
  apiKey?: string;
  /** An OpenAI-compatible base URL (vLLM, Ollama, Qwen, DeepSeek); unset means api.openai.com. */
  baseUrl?: string;
  model: string;
  /** Per request to the endpoint, milliseconds. */
  timeoutMs: number;
  /** Model turns per question before the agent loop gives up. */
  maxToolRounds: number;
  /** Rows of a run_sql result the model sees. */
  maxResultRows: number;
  /** Hybrid mode: offline plans below this confidence go to the LLM. */
  minConfidence: number;
}

/**
 * Reads the LLM configuration. LLM_MODE defaults to "hybrid" when OPENAI_API_KEY or OPENAI_BASE_URL is set,
 * otherwise to "offline" (no network at all).
 * @throws LlmConfigurationError naming each wrong setting (a mode that does not exist, a base URL that is not a
 * URL, hybrid or llm mode with no endpoint, a number out of range).
 */
export function loadLlmConfig(environment: Record<string, string | undefined> = process.env): LlmConfig {
  const parsed = LlmEnvironment.safeParse(environment);
  if (!parsed.success) {
    throw new LlmConfigurationError(
      parsed.error.issues.map((issue) => ({ setting: String(issue.path[0] ?? "LLM"), problem: describeIssue(issue, environment) })),
    );
  }
  const values = parsed.data;
  const hasEndpoint = values.OPENAI_API_KEY !== undefined || values.OPENAI_BASE_URL !== undefined;
  const mode: LlmMode = values.LLM_MODE ?? (hasEndpoint ? "hybrid" : "offline");
  const problems: SettingProblem[] = [];
  if (mode !== "offline" && !hasEndpoint) {
    problems.push({ setting: "LLM_MODE", problem: `"${mode}" needs OPENAI_API_KEY or OPENAI_BASE_URL to be set` });
  }
  if (problems.length > 0) throw new LlmConfigurationError(problems);
  return {
    mode,
    ...(values.OPENAI_API_KEY === undefined ? {} : { apiKey: values.OPENAI_API_KEY }),
    ...(values.OPENAI_BASE_URL === undefined ? {} : { baseUrl: values.OPENAI_BASE_URL.replace(/\/+$/, "") }),
    model: values.LLM_MODEL,
    timeoutMs: values.LLM_TIMEOUT_MS,
    maxToolRounds: values.LLM_MAX_TOOL_ROUNDS,
    maxResultRows: values.LLM_MAX_RESULT_ROWS,
    minConfidence: values.LLM_MIN_CONFIDENCE,
  };
}

/** A readable problem that quotes the wrong value (never the API key). */
function describeIssue(issue: z.core.$ZodIssue, environment: Record<string, string | undefined>): string {
  const setting = String(issue.path[0] ?? "");
  if (setting === "LLM_MODE") return `"${environment.LLM_MODE ?? ""}" is not one of offline, hybrid, llm`;
  const shown = setting === "OPENAI_API_KEY" ? "" : ` (got "${environment[setting] ?? ""}")`;
  return `${issue.message}${shown}`;
}
