/** Tests of the memory figure of a server with worker processes: the process tree's RSS, children included. */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { processTreeMemory } from "./server-process.ts";

describe("processTreeMemory", () => {
  it.skipIf(process.platform !== "linux")("adds the resident memory of child processes to the parent's", async () => {
    const before = processTreeMemory(process.pid);
    // A child that holds 64 MiB of touched memory until it is killed.
    const child = spawn(process.execPath, ["-e", "globalThis.held = Buffer.alloc(64 * 1024 * 1024, 1); console.log('ready'); setInterval(() => {}, 1000);"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      const during = processTreeMemory(process.pid);
      expect(during.rssMb - before.rssMb).toBeGreaterThan(60);
      expect(during.peakRssMb).toBeGreaterThanOrEqual(during.rssMb);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
