/**
 * `npm run mcp`: the LendLens MCP server on stdio. The caller's key is LENDLENS_API_KEY (same keys, roles and
 * scoping as the HTTP API; the demo key works, stdio being local). Logs go to stderr: stdout carries the protocol.
 */
import { configuredPlanner } from "../../agent/pipeline/create-assistant.ts";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { loadConfiguration } from "../../agent/config.ts";
import { ensureDemoDataset } from "../../agent/cli/demo-dataset.ts";
import { asLendLensError } from "../../agent/answer/status-answers.ts";
import { openEngine } from "../../tools/engines/open-engine.ts";
import { authenticate } from "../auth/authenticate.ts";
import { DEFAULT_SERVER_DEMO_SCALE, loadServerConfiguration } from "../config/server-config.ts";
import { createLogger } from "../logger.ts";
import { closeServerContext, createServerContext } from "../server.ts";
import { createMcpServer } from "./mcp-server.ts";

try {
  const agentConfiguration = loadConfiguration();
  const configuration = loadServerConfiguration();
  const logger = createLogger(configuration.logLevel, process.stderr);
  if (!agentConfiguration.databaseUrl && agentConfiguration.dbPathIsDefault) {
    const scale = process.env.DEMO_SCALE?.trim() ? agentConfiguration.demo.scale : DEFAULT_SERVER_DEMO_SCALE;
    await ensureDemoDataset(agentConfiguration.dbPath, { seed: agentConfiguration.demo.seed, scale }, (line) => process.stderr.write(`${line}\n`));
  }
  const engine = await openEngine({
    ...(agentConfiguration.databaseUrl ? { databaseUrl: agentConfiguration.databaseUrl } : { dbPath: agentConfiguration.dbPath }),
    workers: 1,
  });
  const planner = configuredPlanner(engine, agentConfiguration);
  const context = createServerContext({ configuration, engine, planner, logger, queryTimeoutMs: agentConfiguration.queryTimeoutMs });
  // stdio is a local pipe: the caller is on this machine, so the localhost-only demo key is accepted.
  const principal = authenticate(context.keys, process.env.LENDLENS_API_KEY?.trim() || undefined, "127.0.0.1");
  const server = createMcpServer(context, principal);
  await server.connect(new StdioServerTransport());
  logger.info({ user: principal.user, role: principal.role }, "MCP server ready on stdio");
  const stop = () => {
    void server
      .close()
      .then(() => engine.close())
      .finally(() => {
        closeServerContext(context);
        process.exit(0);
      });
  };
  process.stdin.on("close", stop);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (failure) {
  const error = asLendLensError(failure);
  process.stderr.write(`LendLens MCP server could not start: ${error.messages.en}\n`);
  process.exit(1);
}
