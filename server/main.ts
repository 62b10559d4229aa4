/**
 * `npm start`: serves the web chat and the API on http://localhost:3000 (PORT overrides). Without DB_PATH or
 * DATABASE_URL, the demo dataset is created at data/lendlens.db on first start (progress on stderr) and reused.
 */
import { configuredPlanner } from "../agent/pipeline/create-assistant.ts";
import { loadConfiguration } from "../agent/config.ts";
import { ensureDemoDataset } from "../agent/cli/demo-dataset.ts";
import { openEngine } from "../tools/engines/open-engine.ts";
import { asLendLensError } from "../agent/answer/status-answers.ts";
import { DEFAULT_SERVER_DEMO_SCALE, loadServerConfiguration } from "./config/server-config.ts";
import { createLogger } from "./logger.ts";
import { startServer } from "./server.ts";

try {
  const agentConfiguration = loadConfiguration();
  const configuration = loadServerConfiguration();
  const logger = createLogger(configuration.logLevel);
  if (!agentConfiguration.databaseUrl && agentConfiguration.dbPathIsDefault) {
    // DEMO_SCALE unset: a small demo dataset, generated in seconds; set DEMO_SCALE=1 for the full size.
    const scale = process.env.DEMO_SCALE?.trim() ? agentConfiguration.demo.scale : DEFAULT_SERVER_DEMO_SCALE;
    await ensureDemoDataset(agentConfiguration.dbPath, { seed: agentConfiguration.demo.seed, scale }, (line) => process.stderr.write(`${line}\n`));
  }
  const engine = await openEngine({
    ...(agentConfiguration.databaseUrl ? { databaseUrl: agentConfiguration.databaseUrl } : { dbPath: agentConfiguration.dbPath }),
    engine: configuration.engine,
    workers: agentConfiguration.sqljsWorkers,
  });
  const planner = configuredPlanner(engine, agentConfiguration, (error, question) => logger.warn({ err: error, question }, "LLM planner failed; offline outcome used"));
  const running = await startServer({ configuration, engine, planner, logger, queryTimeoutMs: agentConfiguration.queryTimeoutMs });
  const keys = running.context.keys.size;
  logger.info({ url: running.url, planner: planner.name, dataset: agentConfiguration.databaseUrl ? "postgres" : agentConfiguration.dbPath, keys }, "listening");
  process.stderr.write(
    `LendLens listening on ${running.url} (planner ${planner.name}, ${keys} API key${keys === 1 ? "" : "s"}${configuration.demoKeyEnabled ? ', demo key "demo-key" from localhost' : ""})\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    void running
      .close()
      .then(() => engine.close())
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
} catch (failure) {
  const error = asLendLensError(failure);
  process.stderr.write(`LendLens could not start: ${error.messages.en}\n`);
  if (error.code === "INTERNAL_ERROR" && failure instanceof Error) process.stderr.write(`${failure.stack ?? failure.message}\n`);
  process.exit(1);
}
