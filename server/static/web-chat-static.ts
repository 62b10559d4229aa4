/** Serves the built web chat (web-chat/dist) at /, or a placeholder page until it is built. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";

/** The page shown while web-chat/dist does not exist yet. */
export const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="zh">
<head><meta charset="utf-8"><title>LendLens</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.6;color:#1f2937}code{background:#f3f4f6;padding:0 .25rem}</style></head>
<body>
<h1>LendLens</h1>
<p>网页版对话界面正在构建中。The web chat is being built.</p>
<p>The API is up: see the <a href="/api/openapi.json">OpenAPI document</a> and <code>docs/api.md</code>.
Try <code>curl -H "Authorization: Bearer demo-key" -H "Content-Type: application/json" -d '{"message":"本月放款金额是多少?"}' http://localhost:3000/api/chat</code>
(the demo key works from this machine only).</p>
</body>
</html>
`;

/** The static routes for `webRoot` (the directory holding the built index.html). */
export function webChatRoutes(webRoot: string): Router {
  const router = Router();
  router.use(express.static(webRoot, { index: "index.html", fallthrough: true }));
  router.get("/", (_request, response) => {
    if (existsSync(join(webRoot, "index.html"))) {
      response.sendFile(join(webRoot, "index.html"));
      return;
    }
    response.type("html").send(PLACEHOLDER_PAGE);
  });
  return router;
}
