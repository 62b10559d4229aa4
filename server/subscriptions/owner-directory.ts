/**
 * Who a subscription's owner is at run time: the role and branch of the owner's API key, read again from the key
 * configuration (LENDLENS_KEYS_FILE, LENDLENS_API_KEYS, the demo key) at every run, so a changed role or branch
 * applies to the next run and a removed key stops the subscription's deliveries.
 */
import { parseApiKeysText, readApiKeysFile } from "../auth/api-keys.ts";
import type { ApiKeyEntry } from "../auth/api-keys.ts";
import type { Role } from "../auth/principal.ts";

/** The owner as a run sees them. */
export interface Owner {
  user: string;
  role: Role;
  /** The branch every query is restricted to (staff). */
  scope?: { branchId: string };
}

/** Looks owners up. */
export type OwnerDirectory = (user: string) => Owner | undefined;

/** The owner from a list of key entries; with several keys, the most restricted one wins (staff before others). */
export function ownerFromEntries(entries: readonly ApiKeyEntry[], user: string): Owner | undefined {
  const mine = entries.filter((entry) => entry.user === user);
  const staff = mine.find((entry) => entry.role === "staff" && entry.branch_id);
  if (staff?.branch_id) return { user, role: "staff", scope: { branchId: staff.branch_id } };
  const manager = mine.find((entry) => entry.role === "manager") ?? mine[0];
  return manager ? { user, role: manager.role } : undefined;
}

/** The directory over the server's key configuration, read at every lookup. */
export function keyConfigurationDirectory(configuration: { apiKeys?: string; keysFile?: string; demoKeyEnabled: boolean }): OwnerDirectory {
  return (user) => {
    const entries = [...(configuration.keysFile ? readApiKeysFile(configuration.keysFile) : []), ...(configuration.apiKeys ? parseApiKeysText(configuration.apiKeys) : [])];
    const owner = ownerFromEntries(entries, user);
    if (owner) return owner;
    // The demo key's user is a manager (server/auth/api-keys.ts).
    if (user === "demo" && configuration.demoKeyEnabled) return { user, role: "manager" };
    return undefined;
  };
}
