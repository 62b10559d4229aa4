/** API keys: parsing both sources, lookups, the localhost-only demo key, and the auth header sources. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ApiKeysConfigurationError, ApiKeyTable, DEMO_API_KEY, isLoopback, parseApiKeysText, readApiKeysFile } from "./api-keys.ts";
import { authenticate, presentedKey } from "./authenticate.ts";
import { scopeOf } from "./principal.ts";

describe("parseApiKeysText", () => {
  it("reads key:user:role[:branch_id] entries", () => {
    expect(parseApiKeysText(" k-staff-01:alice:staff:BR01 , k-manager-01:mary:manager ")).toEqual([
      { key: "k-staff-01", user: "alice", role: "staff", branch_id: "BR01" },
      { key: "k-manager-01", user: "mary", role: "manager" },
    ]);
  });

  it.each([
    ["a staff key without a branch", "k-staff-01:alice:staff"],
    ["an unknown role", "k-staff-01:alice:root"],
    ["a short key", "short:alice:manager"],
    ["a missing user", "k-manager-01::manager"],
  ])("refuses %s without echoing the key", (_name, text) => {
    expect(() => parseApiKeysText(text)).toThrow(ApiKeysConfigurationError);
    try {
      parseApiKeysText(text);
    } catch (error) {
      expect((error as Error).message).not.toContain(text.split(":")[0]);
    }
  });
});

describe("readApiKeysFile", () => {
  it("reads {keys: [...]} and bare arrays; refuses invalid files", () => {
    const directory = mkdtempSync(join(tmpdir(), "lendlens-keys-"));
    const wrapped = join(directory, "wrapped.json");
    writeFileSync(wrapped, JSON.stringify({ keys: [{ key: "file-key-123", user: "ann", role: "admin" }] }));
    expect(readApiKeysFile(wrapped)).toEqual([{ key: "file-key-123", user: "ann", role: "admin" }]);
    const bare = join(directory, "bare.json");
    writeFileSync(bare, JSON.stringify([{ key: "file-key-456", user: "sam", role: "staff", branch_id: "BR03" }]));
    expect(readApiKeysFile(bare)[0].branch_id).toBe("BR03");
    const broken = join(directory, "broken.json");
    writeFileSync(broken, "{not json");
    expect(() => readApiKeysFile(broken)).toThrow(ApiKeysConfigurationError);
    expect(() => readApiKeysFile(join(directory, "missing.json"))).toThrow(ApiKeysConfigurationError);
  });
});

describe("ApiKeyTable", () => {
  const table = new ApiKeyTable(parseApiKeysText("k-staff-01:alice:staff:BR01,k-admin-001:root:admin"), { demoKey: true });

  it("finds principals by key, never exposing the key", () => {
    const found = table.lookup("k-staff-01", "10.1.2.3");
    expect(found).toMatchObject({ status: "ok", principal: { user: "alice", role: "staff", branchId: "BR01" } });
    expect(JSON.stringify(found)).not.toContain("k-staff-01");
    expect(table.lookup("k-unknown-1", "127.0.0.1")).toEqual({ status: "unknown" });
  });

  it.each([
    ["127.0.0.1", "ok"],
    ["::1", "ok"],
    ["::ffff:127.0.0.1", "ok"],
    ["10.0.0.5", "demo_remote"],
    ["::ffff:192.168.1.9", "demo_remote"],
    [undefined, "demo_remote"],
  ])("the demo key from %s → %s", (address, status) => {
    expect(table.lookup(DEMO_API_KEY, address).status).toBe(status);
  });

  it("the demo key can be turned off", () => {
    expect(new ApiKeyTable([], { demoKey: false }).lookup(DEMO_API_KEY, "127.0.0.1").status).toBe("unknown");
  });

  it("authenticate throws UNAUTHORIZED for missing, unknown and remote demo keys", () => {
    for (const [key, address] of [[undefined, "127.0.0.1"], ["nope-nope-1", "127.0.0.1"], [DEMO_API_KEY, "10.0.0.5"]] as const) {
      expect(() => authenticate(table, key, address)).toThrow(expect.objectContaining({ code: "UNAUTHORIZED" }));
    }
    expect(scopeOf(authenticate(table, "k-staff-01", "10.0.0.5"))).toEqual({ branchId: "BR01" });
    expect(scopeOf(authenticate(table, "k-admin-001", "10.0.0.5"))).toBeUndefined();
  });
});

describe("presentedKey", () => {
  it.each([
    [{ authorization: "Bearer abc-123" }, "abc-123"],
    [{ authorization: "bearer   abc-123  " }, "abc-123"],
    [{ authorization: "Basic xyz" }, undefined],
    [{ apiKeyHeader: "hdr-key" }, "hdr-key"],
    [{ apiKeyHeader: ["first", "second"] }, "first"],
    [{ queryKey: "query-key" }, "query-key"],
    [{ authorization: "Bearer wins", queryKey: "query-key" }, "wins"],
    [{}, undefined],
  ])("%j → %s", (sources, expected) => {
    expect(presentedKey(sources)).toBe(expected);
  });

  it("isLoopback accepts the whole 127/8", () => {
    expect(isLoopback("127.8.9.10")).toBe(true);
    expect(isLoopback("128.0.0.1")).toBe(false);
  });
});
