/**
 * Slow clients and connection counts, against the real server process with raw sockets: headers
 * that never finish and a body that trickles are cut at HEADERS_TIMEOUT_MS and BODY_TIMEOUT_MS
 * (408, closed); beyond MAX_CONNECTIONS a new connection is closed at once, and served again once
 * one closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type ServerProcess } from '../helpers/process.js';

/** Waits this long for the server to close a connection; today's defaults would take 60-300 s. */
const PATIENCE_MS = 10_000;

interface Connection {
  socket: Socket;
  /** Everything the server sent. */
  received(): string;
  /** Resolves true once the server closed the connection, false if it is still open after `ms`. */
  closedWithin(ms: number): Promise<boolean>;
}

async function open(port: number): Promise<Connection> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {}); // a reset is one of the ways the server closes it
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  let data = '';
  socket.on('data', (d: Buffer) => (data += d.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    received: () => data,
    closedWithin: (ms) =>
      Promise.race([closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]),
  };
}

/** Writes `piece` every 250 ms until the connection closes (or `stop`). */
function trickle(connection: Connection, piece: string): () => void {
  const timer = setInterval(() => {
    if (!connection.socket.destroyed) connection.socket.write(piece);
  }, 250);
  return () => clearInterval(timer);
}

describe('slow clients and connection counts (server process)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verbatim-slow-'));
  let server: ServerProcess;
  let port: number;
  beforeAll(async () => {
    server = await startServer({
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      HEADERS_TIMEOUT_MS: '1000',
      BODY_TIMEOUT_MS: '2000',
      MAX_CONNECTIONS: '4',
    });
    port = Number(new URL(server.url).port);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('closes a connection whose headers never finish (408)', async () => {
    const slow = await open(port);
    slow.socket.write('GET /health HTTP/1.1\r\nHost: verbatim.test\r\n');
    const stop = trickle(slow, 'X-Slow: 1\r\n');
    try {
      expect(await slow.closedWithin(PATIENCE_MS)).toBe(true);
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      stop();
    }
  });

  it('closes a connection whose body trickles in (408)', async () => {
    const slow = await open(port);
    slow.socket.write(
      'POST /graphql HTTP/1.1\r\nHost: verbatim.test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":"',
    );
    const stop = trickle(slow, ' ');
    try {
      expect(await slow.closedWithin(PATIENCE_MS)).toBe(true);
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      stop();
    }
  });

  it('closes connections beyond MAX_CONNECTIONS at once, and serves again when one closes', async () => {
    const held = await Promise.all([0, 1, 2, 3].map(() => open(port)));
    try {
      const extra = await open(port);
      expect(await extra.closedWithin(PATIENCE_MS)).toBe(true);
      expect(extra.received()).toBe('');
      // The held ones are still open (their timeouts have not run out yet).
      expect(held.every((c) => !c.socket.destroyed)).toBe(true);
      held[0]!.socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const response = await fetch(new URL('/health', server.url));
      expect(response.status).toBe(200);
    } finally {
      for (const c of held) c.socket.destroy();
    }
  });

  it('has a few seconds as its defaults, and checks them', () => {
    expect(loadConfig({}).http).toEqual({ headersTimeoutMs: 5_000, bodyTimeoutMs: 10_000, maxConnections: 1_000 });
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '20000', BODY_TIMEOUT_MS: '10000' })).toThrow(
      /HEADERS_TIMEOUT_MS: must not exceed BODY_TIMEOUT_MS \(10000\)/,
    );
    expect(() => loadConfig({ MAX_CONNECTIONS: '0' })).toThrow(/MAX_CONNECTIONS: must be positive/);
  });
});
