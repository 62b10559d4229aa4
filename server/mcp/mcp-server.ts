/**
 * The MCP server: tools `ask` (the answer object), `semantic_layer`, and the scoring tools, for one principal (the
 * key in LENDLENS_API_KEY) under the same scoping as the HTTP API: staff get their branch only.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { asLendLensError, errorMessages } from "../../agent/answer/status-answers.ts";
import { SCORING_TOOL_NAMES, SCORING_TOOLS, runScoringTool } from "../../tools/scoring/registry.ts";
import type { Principal } from "../auth/principal.ts";
import { scopeOf } from "../auth/principal.ts";
import { MAX_MESSAGE_CHARACTERS } from "../api/api-schemas.ts";
import { semanticLayerView } from "../api/semantic-layer-view.ts";
import { RateLimitedError } from "../http/http-errors.ts";
import { newRequestId } from "../http/request-id.ts";
import type { ServerContext } from "../server-context.ts";

/** A tool failure as an MCP error result (the message only, never internals). */
function failure(error: unknown): CallToolResult {
  const typed = asLendLensError(error);
  return { isError: true, content: [{ type: "text", text: JSON.stringify({ error: { code: typed.code, ...errorMessages(typed) } }) }] };
}

/** A JSON result: a text item other agents read, and the same object as structured content. */
function jsonResult(value: Record<string, unknown>, summary?: string): CallToolResult {
  return {
    content: [...(summary ? [{ type: "text" as const, text: summary }] : []), { type: "text", text: JSON.stringify(value) }],
    structuredContent: value,
  };
}

/** Builds the MCP server for one principal over the shared context. */
export function createMcpServer(context: ServerContext, principal: Principal): McpServer {
  const server = new McpServer({ name: "lendlens", version: context.version });
  const charge = () => {
    const decision = context.limiter.take(principal.keyId);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  };

  server.registerTool(
    "ask",
    {
      title: "Ask LendLens",
      description:
        "Answers a question about retail lending (loans, customers, repayments, risk, marketing) in Chinese or English. Returns the answer object: text, " +
        "status (answered | clarify | unsupported | error), columns and rows, the SQL that ran, definitions (口径), chart and conversation_id for follow-ups.",
      inputSchema: z.object({
        question: z.string().min(1).max(MAX_MESSAGE_CHARACTERS).describe("the question, e.g. 本月放款金额是多少? or 'overdue rate by branch'"),
        conversation_id: z.string().min(1).max(100).optional().describe("a conversation_id from an earlier answer, to ask a follow-up"),
      }),
    },
    async ({ question, conversation_id: conversationId }) => {
      try {
        charge();
        const { answer } = await context.chat.ask(principal, {
          message: question,
          ...(conversationId === undefined ? {} : { conversationId }),
          requestId: newRequestId(),
          channel: "mcp",
        });
        return jsonResult(answer as unknown as Record<string, unknown>, answer.text);
      } catch (error) {
        return failure(error);
      }
    },
  );

  server.registerTool(
    "semantic_layer",
    {
      title: "LendLens semantic layer",
      description: "The metrics, glossary terms and dimensions LendLens knows, with their names in Chinese and English and their definitions (口径).",
      inputSchema: z.object({}),
    },
    async () => {
      try {
        charge();
        return jsonResult(await semanticLayerView(context.semanticLayer, context.engine));
      } catch (error) {
        return failure(error);
      }
    },
  );

  let asOfDate: Promise<string> | undefined;
  for (const name of SCORING_TOOL_NAMES) {
    const tool = SCORING_TOOLS[name];
    server.registerTool(name, { title: name, description: `${tool.description.en} (${tool.description.zh})`, inputSchema: tool.input as z.ZodObject }, async (args: unknown) => {
      const scope = scopeOf(principal);
      const started = performance.now();
      const audit = (status: "answered" | "error", rowCount: number, errorCode: string | null) =>
        context.audit.append({
          at: new Date().toISOString(),
          request_id: newRequestId(),
          channel: "mcp",
          user: principal.user,
          role: principal.role,
          branch_id: scope?.branchId ?? null,
          question: `${name} ${JSON.stringify(args)}`,
          conversation_id: null,
          status,
          error_code: errorCode,
          plan: { tool: name, args: args as Record<string, unknown> },
          sql: [],
          row_count: rowCount,
          timings: { total_ms: Math.round((performance.now() - started) * 100) / 100 },
        });
      try {
        charge();
        asOfDate ??= context.engine.meta().then((meta) => meta.as_of_date ?? "");
        const output = await runScoringTool(name, args, { engine: context.engine, asOfDate: await asOfDate, ...(scope ? { scope } : {}) });
        const rows = (output as { rows?: unknown }).rows;
        audit("answered", Array.isArray(rows) ? rows.length : 0, null);
        return jsonResult(output as Record<string, unknown>);
      } catch (error) {
        audit("error", 0, asLendLensError(error).code);
        return failure(error);
      }
    });
  }
  return server;
}
