/** Typed errors shared by every layer: a base class with a code, user-fixable errors kept apart from internal ones. */

/** Where the error should be fixed: by the person asking (user) or by us (internal). */
export type ErrorAudience = "user" | "internal";

/** A message in both languages the product speaks. */
export interface BilingualMessage {
  zh: string;
  en: string;
}

/** Base of every LendLens error: a stable code, a bilingual message and optional details. */
export class LendLensError extends Error {
  readonly code: string;
  readonly audience: ErrorAudience;
  readonly messages: BilingualMessage;
  readonly details?: Record<string, unknown>;

  constructor(
    code: string,
    messages: BilingualMessage,
    options: { audience?: ErrorAudience; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(messages.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.audience = options.audience ?? "user";
    this.messages = messages;
    this.details = options.details;
  }

  /** The message in the given language. */
  messageIn(language: "zh" | "en"): string {
    return this.messages[language];
  }

  /** True for any LendLensError, also across module copies. */
  static is(value: unknown): value is LendLensError {
    return value instanceof LendLensError || (typeof value === "object" && value !== null && "code" in value && "messages" in value);
  }
}
