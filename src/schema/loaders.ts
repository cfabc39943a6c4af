/** Helpers shared by the per-type DataLoaders (the loaders themselves live with their types). */

/** Puts batch results back in key order, as DataLoader requires; a missing key becomes an Error. */
export function byKeys<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K, what: string): (T | Error)[] {
  const found = new Map<K, T>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((k) => found.get(k) ?? new Error(`${what} ${String(k)} not found`));
}

/** Groups batch results per key, in key order; a key with no rows gets an empty list. */
export function groupByKeys<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
