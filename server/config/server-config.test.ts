/** Tests of the server configuration's engine setting (LENDLENS_ENGINE) and its defaults. */
import { describe, expect, it } from "vitest";
import { loadServerConfiguration, ServerConfigurationError } from "./server-config.ts";

describe("loadServerConfiguration", () => {
  it.each([
    { value: undefined, engine: "sqljs" },
    { value: "", engine: "sqljs" },
    { value: "sqljs", engine: "sqljs" },
    { value: " native-sqlite ", engine: "native-sqlite" },
  ])("reads LENDLENS_ENGINE=$value as $engine", ({ value, engine }) => {
    expect(loadServerConfiguration({ LENDLENS_ENGINE: value }).engine).toBe(engine);
  });

  it.each(["sqlite", "postgres", "NATIVE"])("refuses LENDLENS_ENGINE=%s, naming the variable", (value) => {
    expect(() => loadServerConfiguration({ LENDLENS_ENGINE: value })).toThrow(ServerConfigurationError);
    expect(() => loadServerConfiguration({ LENDLENS_ENGINE: value })).toThrow(/LENDLENS_ENGINE/);
  });

  it("keeps the other defaults", () => {
    expect(loadServerConfiguration({})).toMatchObject({ port: 3000, host: "127.0.0.1", engine: "sqljs", logLevel: "info" });
  });
});
