// Test runner configuration: tests live beside the code as *.test.ts; dates are tested in UTC.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{agent,tools,schema,server,evals,web-chat,bench}/**/*.test.ts"],
    exclude: ["node_modules/**", "web-chat/dist/**"],
    env: { TZ: "UTC" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
