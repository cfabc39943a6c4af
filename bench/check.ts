/**
 * Before anything is timed, every target must give the API's rows, in the API's order: a ratio
 * between servers that answer different rows compares different work.
 */

type Json = unknown;

/**
 * Where `actual` differs from `expected`, as readable lines (`events.nodes[3].title: expected
 * "a", got "b"`), at most `limit` of them; empty when they are equal. Lists are compared row
 * by row; object key order does not matter (JSON's does not).
 */
export function differences(expected: Json, actual: Json, path = 'data', limit = 10): string[] {
  const out: string[] = [];
  const show = (v: Json) => {
    const text = JSON.stringify(v);
    return text === undefined ? 'nothing' : text.length > 200 ? `${text.slice(0, 200)}…` : text;
  };
  const walk = (e: Json, a: Json, at: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(e) && Array.isArray(a)) {
      for (let i = 0; i < Math.min(e.length, a.length); i += 1) walk(e[i], a[i], `${at}[${i}]`);
      if (e.length !== a.length) out.push(`${at}: expected ${e.length} rows, got ${a.length}`);
      return;
    }
    if (isObject(e) && isObject(a)) {
      for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) walk(e[key], a[key], `${at}.${key}`);
      return;
    }
    if (!Object.is(e, a)) out.push(`${at}: expected ${show(e)}, got ${show(a)}`);
  };
  walk(expected, actual, path);
  return out;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A GraphQL answer as JSON: the data, and the errors when there are some. */
export interface Answer {
  data?: Record<string, Json> | null;
  errors?: { message: string }[];
}

/** Throws, naming the target, the scenario and the first differences, unless `actual` is `expected`. */
export function assertSameRows(scenario: string, target: string, expected: Json, actual: Json): void {
  const diffs = differences(expected, actual);
  if (diffs.length > 0)
    throw new Error(`${scenario}: ${target} does not answer the API's rows:\n  ${diffs.join('\n  ')}\n(nothing was timed)`);
}
