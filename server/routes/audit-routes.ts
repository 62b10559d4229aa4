/** GET /api/audit: recent audited questions, newest first (admins only). */
import { Router } from "express";
import { requireRole } from "../auth/auth-middleware.ts";
import { AuditQueryParameters } from "../api/api-schemas.ts";
import { parseRequest } from "../http/parse-request.ts";
import type { ServerContext } from "../server-context.ts";

/** The audit route. */
export function auditRoutes(context: ServerContext): Router {
  const router = Router();
  router.get("/api/audit", requireRole("admin"), (request, response) => {
    const query = parseRequest(AuditQueryParameters, request.query);
    response.json({ entries: context.audit.read({ limit: query.limit, ...(query.user ? { user: query.user } : {}), ...(query.status ? { status: query.status } : {}) }) });
  });
  return router;
}
