/**
 * Per-request DataLoaders not tied to one type: the slug lookups that filters need. (Each type's
 * own loaders live with the type.) Every loader hangs off the request's context object, so
 * nothing cached outlives the request.
 */
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/rows.js';
import type { Context } from './context.js';
import { notFound } from './errors.js';

/** A DataLoader created on first use in a request and dropped with it. */
export function requestLoader<K, V>(
  batch: (keys: readonly K[], ctx: Context) => Promise<readonly (V | Error)[]>,
): (ctx: Context) => DataLoader<K, V> {
  return createContextCache((ctx: Context) => new DataLoader<K, V>((keys) => batch(keys, ctx)));
}

const SLUG_TABLES = {
  article: sql`articles`,
  speaker: sql`speakers`,
  organization: sql`organizations`,
} as const;

export type SlugKind = keyof typeof SLUG_TABLES;

/** Ids by "kind:slug", all kinds in one statement; null where there is no such entity. */
const slugIds = requestLoader<string, number | null>(async (keys, ctx) => {
  const parts = keys.map((key) => {
    const [kind, slug] = key.split(/:(.*)/s) as [SlugKind, string];
    return sql`SELECT ${key}::text AS key, id FROM ${SLUG_TABLES[kind]} WHERE slug = ${slug}`;
  });
  const rows = await queryRows<{ key: string; id: number }>(ctx.db, sql.join(parts, sql` UNION ALL `));
  const ids = new Map(rows.map((r) => [r.key, r.id]));
  return keys.map((key) => ids.get(key) ?? null);
});

/** The id of the entity with this slug, or null. */
export function findSlug(ctx: Context, kind: SlugKind, slug: string): Promise<number | null> {
  return slugIds(ctx).load(`${kind}:${slug}`);
}

/**
 * A filter argument naming an entity by slug, resolved inside the list's own statement: `id` is
 * the entity's id as a scalar subquery, `check` fails the list with NOT_FOUND when there is none.
 */
export function slugFilter(kind: SlugKind, slug: string, argument: string) {
  const id = sql`(SELECT id FROM ${SLUG_TABLES[kind]} WHERE slug = ${slug})`;
  return {
    id,
    check: {
      holds: sql`${id} IS NOT NULL`,
      error: () => notFound(`No ${kind} has the slug ${JSON.stringify(slug)} (argument \`${argument}\`).`, { argument, slug }),
    },
  };
}
