/** Configuration from the environment: defaults, PostgreSQL URLs, and invalid values named. */
import { describe, expect, it } from "vitest";
import { ConfigurationError, DEFAULT_DB_PATH, loadConfiguration } from "./config.ts";

describe("loadConfiguration", () => {
  it("falls back to the defaults on an empty environment", () => {
    expect(loadConfiguration({})).toMatchObject({
      dbPath: DEFAULT_DB_PATH,
      dbPathIsDefault: true,
      databaseUrl: undefined,
      queryTimeoutMs: 10_000,
      sqljsWorkers: 2,
      demo: { scale: 1, seed: 42 },
    });
    expect(loadConfiguration({}).llm.mode).toBe("offline");
  });

  it("reads every variable", () => {
    const configuration = loadConfiguration({
      DB_PATH: " /data/bank.db ",
      DATABASE_URL: "postgresql://user@host/db",
      QUERY_TIMEOUT_MS: "2500",
      SQLJS_WORKERS: "4",
      DEMO_SCALE: "0.1",
      DEMO_SEED: "7",
      OPENAI_BASE_URL: "http://localhost:8080/v1/",
      OPENAI_API_KEY: "key",
      LLM_MODEL: "model",
    });
    expect(configuration).toMatchObject({
      dbPath: "/data/bank.db",
      dbPathIsDefault: false,
      databaseUrl: "postgresql://user@host/db",
      queryTimeoutMs: 2500,
      sqljsWorkers: 4,
      demo: { scale: 0.1, seed: 7 },
      llm: { mode: "hybrid", baseUrl: "http://localhost:8080/v1", apiKey: "key", model: "model" },
    });
  });

  it("treats blank values as unset", () => {
    expect(loadConfiguration({ DATABASE_URL: "  ", DB_PATH: "" })).toMatchObject({ databaseUrl: undefined, dbPath: DEFAULT_DB_PATH, dbPathIsDefault: true });
  });

  it.each([
    [{ DATABASE_URL: "mysql://host/db" }, "DATABASE_URL"],
    [{ QUERY_TIMEOUT_MS: "soon" }, "QUERY_TIMEOUT_MS"],
    [{ SQLJS_WORKERS: "0" }, "SQLJS_WORKERS"],
    [{ DEMO_SCALE: "-1" }, "DEMO_SCALE"],
  ])("names the invalid variable in %o", (environment, name) => {
    expect(() => loadConfiguration(environment)).toThrow(ConfigurationError);
    expect(() => loadConfiguration(environment)).toThrow(name);
  });
});
