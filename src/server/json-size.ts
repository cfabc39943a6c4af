/**
 * The size a value will have as JSON, counted without building the JSON: an answer over the
 * response limit must be refused before `JSON.stringify` makes one huge string of it (and the
 * response a second copy as bytes). One `nodes(ids:)` asking the same article's body 6,000 times
 * is a small result object (one body string, referenced 6,000 times) and a 62.8 MB JSON text.
 */

/** Characters JSON.stringify escapes: `"`, `\` and the C0 controls. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const ESCAPED = /["\\\u0000-\u001f]/g;

/** UTF-8 bytes of a string as a JSON string literal, quotes included. */
function stringBytes(text: string): number {
  let bytes = Buffer.byteLength(text, 'utf8') + 2;
  ESCAPED.lastIndex = 0;
  for (let match = ESCAPED.exec(text); match; match = ESCAPED.exec(text)) {
    const c = match[0].charCodeAt(0);
    // \" \\ \b \t \n \f \r take two bytes, the other controls six (\u00XX).
    bytes += c === 0x22 || c === 0x5c || c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 1 : 5;
  }
  return bytes;
}

/**
 * The UTF-8 size of `JSON.stringify(value)` if it is over `max` (counted until it passes `max`,
 * so a reported size is a lower bound), or undefined when it fits. A loop over an explicit stack,
 * never recursion: the data's depth is not ours to choose. Exact for what a GraphQL result holds
 * (plain objects, arrays, strings, finite numbers, booleans, null), except that a lone surrogate
 * counts 3 bytes where JSON.stringify writes it as a 6-byte escape.
 */
export function jsonBytesOver(value: unknown, max: number): number | undefined {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') total += stringBytes(item);
    else if (typeof item === 'number') total += Number.isFinite(item) ? String(item).length : 4;
    else if (typeof item === 'boolean') total += item ? 4 : 5;
    else if (Array.isArray(item)) {
      total += 1 + Math.max(1, item.length);
      for (let i = item.length - 1; i >= 0; i -= 1) stack.push(item[i] ?? null);
    } else if (item !== null && typeof item === 'object') {
      let members = 0;
      for (const [key, member] of Object.entries(item)) {
        if (member === undefined || typeof member === 'function') continue;
        members += 1;
        total += stringBytes(key) + 1;
        stack.push(member);
      }
      total += 1 + Math.max(1, members);
    } else total += 4; // null
    if (total > max) return total;
  }
  return undefined;
}
