/** GET /api/health (no key), GET /api/me, GET /api/semantic-layer and GET /api/openapi.json (no key). */
import { Router } from "express";
import type { RequestHandler } from "express";
import { principalOf } from "../auth/auth-middleware.ts";
import { openApiDocument } from "../api/openapi-document.ts";
import { semanticLayerView } from "../api/semantic-layer-view.ts";
import type { ServerContext } from "../server-context.ts";

/** Routes anyone may call: health and the OpenAPI document. */
export function publicInfoRoutes(context: ServerContext): Router {
  const router = Router();
  router.get("/api/health", async (_request, response) => {
    const meta = await context.engine.meta().then(
      (values) => ({ reachable: true, asOfDate: values.as_of_date ?? null }),
      () => ({ reachable: false, asOfDate: null }),
    );
    response.status(meta.reachable ? 200 : 503).json({
      status: meta.reachable ? "ok" : "degraded",
      version: context.version,
      uptime_s: Math.round((Date.now() - context.startedAt) / 1000),
      dataset: { dialect: context.engine.dialect, as_of_date: meta.asOfDate, reachable: meta.reachable },
    });
  });
  let document: unknown;
  router.get("/api/openapi.json", (_request, response) => {
    document ??= openApiDocument(context.version);
    response.json(document);
  });
  return router;
}

/** Routes behind a key: who am I, and the semantic layer. */
export function keyedInfoRoutes(context: ServerContext): Router {
  const router = Router();
  router.get("/api/me", (_request, response) => {
    const principal = principalOf(response);
    response.json({ user: principal.user, role: principal.role, branch_id: principal.role === "staff" ? (principal.branchId ?? null) : null });
  });
  let view: Promise<unknown> | undefined;
  const semanticLayer: RequestHandler = async (_request, response) => {
    view ??= semanticLayerView(context.semanticLayer, context.engine).then((built) => {
      // Without dataset values (the dataset was unreachable) the view is not kept: the next request builds it again.
      if (built.as_of_date === null) view = undefined;
      return built;
    });
    response.json(await view);
  };
  router.get("/api/semantic-layer", semanticLayer);
  return router;
}
