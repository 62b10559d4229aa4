/** Chooses the provider for `npm run evals -- --provider NAME`; more providers (in-process) register here. */
import type { AnswerProvider } from "./answer-provider.ts";
import { createBatchCliProvider } from "./batch-cli-provider.ts";

/** Makes a provider; the repository root is where `npm run ask` runs. */
export type ProviderFactory = (repositoryRoot: string) => AnswerProvider;

const PROVIDERS = new Map<string, ProviderFactory>([
  // The offline planner: LLM_MODE=offline, so no request leaves the machine whatever else is configured.
  ["offline", (cwd) => createBatchCliProvider({ name: "offline", cwd, environment: { LLM_MODE: "offline" } })],
  // The LLM planner (LLM_MODE=llm) against the endpoint in OPENAI_BASE_URL / OPENAI_API_KEY / LLM_MODEL.
  ["openai", (cwd) => createBatchCliProvider({ name: "openai", cwd, environment: { LLM_MODE: "llm" } })],
]);

/** Adds or replaces a provider (for example an in-process one). */
export function registerProvider(name: string, factory: ProviderFactory): void {
  PROVIDERS.set(name, factory);
}

/** The registered provider names. */
export function providerNames(): string[] {
  return [...PROVIDERS.keys()];
}

/** Makes the named provider; throws with the known names when it does not exist. */
export function createProvider(name: string, repositoryRoot: string): AnswerProvider {
  const factory = PROVIDERS.get(name);
  if (!factory) throw new Error(`unknown provider "${name}" (known: ${providerNames().join(", ")})`);
  return factory(repositoryRoot);
}
