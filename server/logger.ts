/** The structured JSON logger (pino); API keys and authorization headers are never logged. */
import { pino } from "pino";
import type { Logger } from "pino";

/** Creates the server's logger at `level`, writing JSON lines to stdout (or `destination`, e.g. stderr for MCP). */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stdout): Logger {
  return pino(
    {
      level,
      base: { service: "lendlens" },
      redact: { paths: ["req.headers.authorization", "req.headers['x-api-key']", "api_key", "apiKey"], censor: "[redacted]" },
    },
    destination,
  );
}
