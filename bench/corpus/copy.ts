/** Rows into PostgreSQL's COPY text format, written through postgres.js with back-pressure. */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Sql } from 'postgres';
import type { Row } from './generate.js';

/** An array literal; elements are quoted, so only `"` and `\` need escaping inside them. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** One value in COPY text format (NULL is \N; backslash, tab and line breaks escaped). */
export function copyValue(value: Row[string]): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = Array.isArray(value) ? arrayLiteral(value) : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyLine(columns: readonly string[], row: Row): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += '\t';
    line += copyValue(row[columns[i] as string] ?? null);
  }
  return `${line}\n`;
}

const CHUNK = 256 * 1024;

/** A COPY ... FROM STDIN into one table on its own connection, fed row by row. */
export class CopyStream {
  #buffer = '';
  rows = 0;

  private constructor(
    readonly table: string,
    readonly columns: readonly string[],
    private readonly stream: Writable,
  ) {}

  static async open(sql: Sql, table: string, columns: readonly string[]): Promise<CopyStream> {
    const stream = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable();
    return new CopyStream(table, columns, stream);
  }

  add(row: Row): void {
    this.#buffer += copyLine(this.columns, row);
    this.rows++;
  }

  /** Sends the buffer once it is big enough; waits while the connection is behind. */
  async flush(force = false): Promise<void> {
    if (this.#buffer.length < CHUNK && !force) return;
    const chunk = this.#buffer;
    this.#buffer = '';
    if (chunk && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush(true);
    this.stream.end();
    await finished(this.stream);
  }
}
