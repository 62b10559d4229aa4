/** The express application: security headers, CORS, request ids, JSON bodies, keys, routes, and one error handler. */
import express from "express";
import type { NextFunction, Request, Response } from "express";
import { requireKey } from "./auth/auth-middleware.ts";
import { corsMiddleware } from "./http/cors.ts";
import { errorHandler } from "./http/error-handler.ts";
import { NotFoundError } from "./http/http-errors.ts";
import { requestIdMiddleware } from "./http/request-id.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { auditRoutes } from "./routes/audit-routes.ts";
import { chatRoutes } from "./routes/chat-routes.ts";
import { conversationRoutes } from "./routes/conversation-routes.ts";
import { feedbackRoutes } from "./routes/feedback-routes.ts";
import { keyedInfoRoutes, publicInfoRoutes } from "./routes/info-routes.ts";
import type { ServerContext } from "./server-context.ts";
import { subscriptionRoutes } from "./subscriptions/subscription-routes.ts";
import { webChatRoutes } from "./static/web-chat-static.ts";

/** Builds the application over a server context. */
export function createApp(context: ServerContext): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false); // the demo key's localhost check must see the socket, never a forwarded header
  app.use(requestIdMiddleware);
  app.use(securityHeaders);
  app.use(corsMiddleware(context.configuration.corsOrigins));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    response.on("finish", () => {
      context.logger.info(
        { requestId: response.locals.requestId, method: request.method, path: request.path, status: response.statusCode, ms: Math.round(performance.now() - started), user: response.locals.principal?.user },
        "request",
      );
    });
    next();
  });
  app.use(publicInfoRoutes(context));
  app.use("/api", requireKey(context.keys, context.limiter));
  // Bodies are read after the key is checked: an anonymous caller cannot make the server parse anything.
  app.use(express.json({ limit: context.configuration.bodyLimitBytes, strict: true }));
  app.use(keyedInfoRoutes(context));
  app.use(chatRoutes(context));
  app.use(conversationRoutes(context));
  app.use(feedbackRoutes(context));
  app.use(auditRoutes(context));
  app.use(subscriptionRoutes(context));
  app.use("/api", () => {
    throw new NotFoundError({ zh: "该接口", en: "The endpoint" });
  });
  app.use(webChatRoutes(context.webRoot));
  app.use(errorHandler(context.logger, context.configuration.bodyLimitBytes));
  return app;
}
