/** The agent's configuration read from the environment once, validated with zod (dataset, engine, LLM endpoint). */
import { z } from "zod";
import { LendLensError } from "../schema/errors.ts";
import { loadLlmConfig } from "./llm/llm-config.ts";
import type { LlmConfig } from "./llm/llm-config.ts";

/** The default sql.js dataset file, relative to the working directory. */
export const DEFAULT_DB_PATH = "data/lendlens.db";

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const positiveInteger = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The environment variables the agent reads, with their defaults. */
export const ConfigurationSchema = z.object({
  DB_PATH: optionalText.transform((value) => value ?? DEFAULT_DB_PATH),
  DATABASE_URL: optionalText.refine((value) => value === undefined || /^postgres(ql)?:\/\//i.test(value), {
    message: "DATABASE_URL must start with postgres:// or postgresql://",
  }),
  /** Per-query timeout of the ask pipeline, milliseconds. */
  QUERY_TIMEOUT_MS: positiveInteger(10_000),
  SQLJS_WORKERS: positiveInteger(2),
  /** Scale of the demo dataset created when the default dataset file is missing. */
  DEMO_SCALE: z.coerce.number().positive().max(5).default(1),
  DEMO_SEED: z.coerce.number().int().nonnegative().default(42),
});

/** The agent configuration, spelled out. */
export interface Configuration {
  dbPath: string;
  /** True when DB_PATH was not set and the default file is used (the demo dataset may be created there). */
  dbPathIsDefault: boolean;
  databaseUrl?: string;
  queryTimeoutMs: number;
  sqljsWorkers: number;
  demo: { scale: number; seed: number };
  /** The planner mode and the OpenAI-compatible endpoint (agent/llm/llm-config.ts). */
  llm: LlmConfig;
}

/** The environment holds an invalid value; the message names each variable. */
export class ConfigurationError extends LendLensError {
  constructor(problems: string[]) {
    super(
      "CONFIGURATION_INVALID",
      { zh: `配置有误:${problems.join(";")}`, en: `Invalid configuration: ${problems.join("; ")}` },
      { audience: "internal", details: { problems } },
    );
  }
}

/**
 * Reads and validates the configuration from an environment (process.env by default).
 * @throws ConfigurationError naming every invalid variable.
 */
export function loadConfiguration(environment: Record<string, string | undefined> = process.env): Configuration {
  const parsed = ConfigurationSchema.safeParse(environment);
  if (!parsed.success) throw new ConfigurationError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  const values = parsed.data;
  return {
    dbPath: values.DB_PATH,
    dbPathIsDefault: !environment.DB_PATH?.trim(),
    databaseUrl: values.DATABASE_URL,
    queryTimeoutMs: values.QUERY_TIMEOUT_MS,
    sqljsWorkers: values.SQLJS_WORKERS,
    demo: { scale: values.DEMO_SCALE, seed: values.DEMO_SEED },
    llm: loadLlmConfig(environment),
  };
}
