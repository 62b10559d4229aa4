/**
 * Join paths over the semantic layer's many-to-one joins: breadth-first from the entity a query counts, so each
 * table needed is reached by the shortest path, and aggregates never fan out.
 */
import type { Entity, Join } from "../../schema/semantic-layer/types.ts";

/** Shortest many-to-one paths from one root entity. */
export class JoinGraph {
  private readonly parentJoin = new Map<string, Join>();
  private readonly order: string[] = [];

  constructor(
    readonly root: string,
    joins: readonly Join[],
  ) {
    const queue = [root];
    const seen = new Set([root]);
    while (queue.length > 0) {
      const current = queue.shift() as string;
      this.order.push(current);
      for (const join of joins) {
        if (join.from !== current || seen.has(join.to)) continue;
        seen.add(join.to);
        this.parentJoin.set(join.to, join);
        queue.push(join.to);
      }
    }
  }

  /** Whether `entity` is the root or reachable from it through many-to-one joins. */
  reaches(entity: string): boolean {
    return entity === this.root || this.parentJoin.has(entity);
  }

  /** The join that brings `entity` in (its last step on the shortest path from the root), if it is reachable. */
  joinInto(entity: string): Join | undefined {
    return this.parentJoin.get(entity);
  }

  /** Entities reachable from the root, nearest first. */
  reachable(): string[] {
    return [...this.order];
  }

  /**
   * LEFT JOIN clauses bringing every needed entity (and those on the way) into the query, nearest first so that
   * each join's left side is already there. LEFT keeps rows whose optional parent is missing (a NULL campaign).
   */
  joinClauses(needed: Iterable<string>, entityById: (id: string) => Entity): string[] {
    const included = new Set<string>();
    for (const entity of needed) {
      let current = entity;
      while (current !== this.root && !included.has(current)) {
        const join = this.parentJoin.get(current);
        if (!join) break;
        included.add(current);
        current = join.from;
      }
    }
    return this.order
      .filter((entity) => included.has(entity))
      .map((entity) => {
        const join = this.parentJoin.get(entity) as Join;
        const on = join.on.map(([left, right]) => `${left} = ${right}`).join(" AND ");
        return `LEFT JOIN ${entityById(entity).table} ON ${on}`;
      });
  }
}
