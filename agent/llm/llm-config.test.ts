/** Tests of the LLM configuration: defaults, the mode chosen from the endpoint settings, and named errors. */
import { describe, expect, it } from "vitest";
import { loadLlmConfig } from "./llm-config.ts";
import { LlmConfigurationError } from "./llm-configuration-error.ts";

describe("loadLlmConfig", () => {
  it("defaults to offline with no endpoint", () => {
    expect(loadLlmConfig({})).toEqual({ mode: "offline", model: "gpt-4o-mini", timeoutMs: 30_000, maxToolRounds: 6, maxResultRows: 20, minConfidence: 0.6 });
  });

  it.each([
    [{ OPENAI_API_KEY: "sk-test" }, "hybrid"],
    [{ OPENAI_BASE_URL: "http://localhost:11434/v1" }, "hybrid"],
    [{ OPENAI_API_KEY: "sk-test", LLM_MODE: "llm" }, "llm"],
    [{ OPENAI_API_KEY: "sk-test", LLM_MODE: "offline" }, "offline"],
    [{ OPENAI_API_KEY: "  ", LLM_MODE: "" }, "offline"],
  ])("chooses the mode for %o", (environment, mode) => {
    expect(loadLlmConfig(environment).mode).toBe(mode);
  });

  it("reads every setting and trims the base URL's trailing slash", () => {
    const config = loadLlmConfig({
      LLM_MODE: "llm",
      OPENAI_BASE_URL: "https://dashscope.example.com/compatible-mode/v1/",
      LLM_MODEL: "qwen-plus",
      LLM_TIMEOUT_MS: "5000",
      LLM_MAX_TOOL_ROUNDS: "4",
      LLM_MAX_RESULT_ROWS: "50",
      LLM_MIN_CONFIDENCE: "0.8",
    });
    expect(config).toEqual({
      mode: "llm",
      baseUrl: "https://dashscope.example.com/compatible-mode/v1",
      model: "qwen-plus",
      timeoutMs: 5000,
      maxToolRounds: 4,
      maxResultRows: 50,
      minConfidence: 0.8,
    });
  });

  it.each([
    [{ LLM_MODE: "foo" }, "LLM_MODE", /not one of offline, hybrid, llm/],
    [{ OPENAI_BASE_URL: "localhost:11434" }, "OPENAI_BASE_URL", /http\(s\) URL/],
    [{ OPENAI_BASE_URL: "ftp://example.com" }, "OPENAI_BASE_URL", /http\(s\) URL/],
    [{ LLM_MODE: "llm" }, "LLM_MODE", /needs OPENAI_API_KEY or OPENAI_BASE_URL/],
    [{ LLM_MODE: "hybrid" }, "LLM_MODE", /needs OPENAI_API_KEY or OPENAI_BASE_URL/],
    [{ LLM_MAX_TOOL_ROUNDS: "0" }, "LLM_MAX_TOOL_ROUNDS", /./],
    [{ LLM_TIMEOUT_MS: "soon" }, "LLM_TIMEOUT_MS", /soon/],
    [{ LLM_MIN_CONFIDENCE: "2" }, "LLM_MIN_CONFIDENCE", /./],
  ])("rejects %o naming %s", (environment, setting, message) => {
    let caught: unknown;
    try {
      loadLlmConfig(environment);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LlmConfigurationError);
    const error = caught as LlmConfigurationError;
    expect(error.setting).toBe(setting);
    expect(error.code).toBe("CONFIGURATION_INVALID");
    expect(error.messages.en).toContain(setting);
    expect(error.messages.zh).toContain(setting);
    expect(error.messages.en).toMatch(message);
  });

  it("never repeats the API key in a message", () => {
    try {
      loadLlmConfig({ OPENAI_API_KEY: "sk-secret", LLM_MAX_RESULT_ROWS: "-3" });
    } catch (error) {
      expect((error as LlmConfigurationError).messages.en).not.toContain("sk-secret");
    }
  });
});
