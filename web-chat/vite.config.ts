// Vite build of the web chat: web-chat/index.html and src/ into web-chat/dist, every asset bundled locally (no CDN).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // vega is large by nature; it is loaded on demand, only when an answer has a chart.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:3000", ws: true } },
  },
});
