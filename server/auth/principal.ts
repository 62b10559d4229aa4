/** Who is asking: the user an API key maps to, with a role and (for staff) the branch they are scoped to. */
import { z } from "zod";

/** Roles: staff see their own branch only; managers see every branch; admins also read the audit log. */
export const Role = z.enum(["staff", "manager", "admin"]);
export type Role = z.infer<typeof Role>;

/** An authenticated caller. */
export interface Principal {
  user: string;
  role: Role;
  /** Set for staff: every query is restricted to this branch. */
  branchId?: string;
  /** A short, non-secret fingerprint of the key (rate limits and logs never hold the key itself). */
  keyId: string;
}

/** The branch scope the compiler and tools apply for this caller (undefined: all branches). */
export function scopeOf(principal: Principal): { branchId: string } | undefined {
  return principal.role === "staff" && principal.branchId ? { branchId: principal.branchId } : undefined;
}
