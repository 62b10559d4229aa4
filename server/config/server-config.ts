/** The server's settings read from the environment once and validated with zod (port, keys, limits, CORS, state). */
import { z } from "zod";
import { LendLensError } from "../../schema/errors.ts";
import { DEFAULT_EMBEDDED_ENGINE, EmbeddedEngineKind } from "../../tools/engines/engine-kind.ts";

/** Where conversations, feedback and the audit log are kept unless LENDLENS_STATE_DIR says otherwise. */
export const DEFAULT_STATE_DIR = "data/state";

/** The demo dataset's scale when DEMO_SCALE is unset: small enough to be generated in seconds on first start. */
export const DEFAULT_SERVER_DEMO_SCALE = 0.2;

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const integer = (fallback: number, minimum: number, maximum: number) =>
  optionalText.pipe(z.coerce.number<string>().int().min(minimum).max(maximum).optional()).transform((value) => value ?? fallback);

/** The environment variables the server reads (the agent's DB_PATH, DATABASE_URL, LLM_* are read by the agent). */
export const ServerEnvironment = z.object({
  PORT: integer(3000, 0, 65_535),
  HOST: optionalText.transform((value) => value ?? "127.0.0.1"),
  LENDLENS_API_KEYS: optionalText,
  LENDLENS_KEYS_FILE: optionalText,
  /** "0", "false" or "off" disables the localhost-only demo key. */
  LENDLENS_DEMO_KEY: optionalText,
  LENDLENS_RATE_LIMIT: integer(60, 1, 100_000),
  LENDLENS_RATE_WINDOW_MS: integer(60_000, 100, 3_600_000),
  LENDLENS_BODY_LIMIT_BYTES: integer(64 * 1024, 256, 10 * 1024 * 1024),
  LENDLENS_CORS_ORIGINS: optionalText,
  LENDLENS_STATE_DIR: optionalText.transform((value) => value ?? DEFAULT_STATE_DIR),
  /** Which engine opens the dataset file: sqljs (default) or native-sqlite (better-sqlite3, an optional dependency). */
  LENDLENS_ENGINE: optionalText.pipe(EmbeddedEngineKind.optional()).transform((value) => value ?? DEFAULT_EMBEDDED_ENGINE),
  LOG_LEVEL: optionalText.pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional()).transform((value) => value ?? "info"),
});

/** The validated server configuration. */
export interface ServerConfiguration {
  port: number;
  host: string;
  /** "key:user:role[:branch_id],..." (LENDLENS_API_KEYS). */
  apiKeys?: string;
  /** A JSON file of keys (LENDLENS_KEYS_FILE). */
  keysFile?: string;
  /** Whether the documented demo key works (from localhost only). */
  demoKeyEnabled: boolean;
  rateLimit: { limit: number; windowMs: number };
  bodyLimitBytes: number;
  /** Origins allowed to call the API from a browser; "*" allows any. Empty: same origin only. */
  corsOrigins: string[];
  stateDir: string;
  logLevel: string;
  /** The embedded engine for a dataset file (LENDLENS_ENGINE); ignored when DATABASE_URL names PostgreSQL. */
  engine: EmbeddedEngineKind;
}

/** The environment holds an invalid server setting. */
export class ServerConfigurationError extends LendLensError {
  constructor(problems: string[]) {
    super("CONFIGURATION_INVALID", { zh: `服务器配置有误:${problems.join(";")}`, en: `Invalid server configuration: ${problems.join("; ")}` }, { audience: "internal", details: { problems } });
  }
}

/**
 * Reads the server configuration from an environment (process.env by default).
 * @throws ServerConfigurationError naming every invalid variable.
 */
export function loadServerConfiguration(environment: Record<string, string | undefined> = process.env): ServerConfiguration {
  const parsed = ServerEnvironment.safeParse(environment);
  if (!parsed.success) throw new ServerConfigurationError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    ...(values.LENDLENS_API_KEYS ? { apiKeys: values.LENDLENS_API_KEYS } : {}),
    ...(values.LENDLENS_KEYS_FILE ? { keysFile: values.LENDLENS_KEYS_FILE } : {}),
    demoKeyEnabled: !/^(0|false|off|no)$/i.test(values.LENDLENS_DEMO_KEY ?? ""),
    rateLimit: { limit: values.LENDLENS_RATE_LIMIT, windowMs: values.LENDLENS_RATE_WINDOW_MS },
    bodyLimitBytes: values.LENDLENS_BODY_LIMIT_BYTES,
    corsOrigins: (values.LENDLENS_CORS_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    stateDir: values.LENDLENS_STATE_DIR,
    logLevel: values.LOG_LEVEL,
    engine: values.LENDLENS_ENGINE,
  };
}
