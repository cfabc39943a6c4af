/**
 * Shared loading helpers: per-request DataLoaders (each type's own loaders live with the type;
 * every loader hangs off the request's context object, so nothing cached outlives the request),
 * and slug filters resolved inside a list's own statement.
 */
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { sql, type SQL } from 'drizzle-orm';
import type { ListCheck } from '../db/pages.js';
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

/**
 * A filter argument naming an entity by slug, resolved inside the list's own statement: `id` is
 * the entity's id as a scalar subquery, `check` fails the list with NOT_FOUND when there is none.
 */
export function slugFilter(kind: SlugKind, slug: string, argument: string): { id: SQL; check: ListCheck } {
  const id = sql`(SELECT id FROM ${SLUG_TABLES[kind]} WHERE slug = ${slug})`;
  return {
    id,
    check: {
      holds: sql`${id} IS NOT NULL`,
      error: () => notFound(`No ${kind} has the slug ${JSON.stringify(slug)} (argument \`${argument}\`).`, { argument, slug }),
    },
  };
}
