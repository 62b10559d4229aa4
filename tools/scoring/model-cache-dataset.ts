/** Which dataset an engine reads, as a cache key part: its datasetVersion, or else the engine object itself. */
import type { Engine } from "../engines/engine.ts";

const instanceIds = new WeakMap<Engine, string>();
let nextInstance = 1;

/**
 * The engine's `datasetVersion` when it has one (equal for engines over the same unchanged file), otherwise an id of
 * this engine object: a model is then reused only through the same engine, never across datasets.
 */
export function datasetIdentityOf(engine: Engine): string {
  if (engine.datasetVersion !== undefined) return engine.datasetVersion;
  let id = instanceIds.get(engine);
  if (id === undefined) instanceIds.set(engine, (id = `engine-instance:${nextInstance++}`));
  return id;
}
