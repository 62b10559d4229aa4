/** Which embedded engine runs a dataset file: sql.js (the default, the product's contract) or native SQLite. */
import { z } from "zod";

/** The embedded engines a deployment can choose with LENDLENS_ENGINE. */
export const EmbeddedEngineKind = z.enum(["sqljs", "native-sqlite"]);

/** "sqljs" | "native-sqlite". */
export type EmbeddedEngineKind = z.infer<typeof EmbeddedEngineKind>;

/** sql.js stays the default: the product's contract names it as the embedded engine. */
export const DEFAULT_EMBEDDED_ENGINE: EmbeddedEngineKind = "sqljs";
