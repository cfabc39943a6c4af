/**
 * GraphQL over HTTP: graphql-http's audit suite, every MUST and every SHOULD, against the app
 * listening on a real loopback port (so Node's HTTP layer is audited too).
 */
import { createServer, type Server } from 'node:http';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { corpusVersionOf } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';

let url = '';
const audits = serverAudits({ url: () => url });

describeEachDatabase('GraphQL over HTTP audit', (suite) => {
  let server: Server;

  beforeAll(async () => {
    // As the server runs it: with a corpus version, so ETags and the response cache are in play.
    server = createServer(createApp({ db: suite.db, corpusVersion: await corpusVersionOf(suite.db) }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers an operation type the schema lacks (subscription, mutation) with 400, not 200 without data', async () => {
    for (const [type, query] of [
      ['subscription', 'subscription { __typename }'],
      ['mutation', 'mutation { __typename }'],
    ] as const) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query }),
      });
      expect(response.status, type).toBe(400);
      const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions?: { code?: string } }[] };
      expect(body.data, type).toBeUndefined();
      expect(body.errors[0]?.message, type).toBe(`This API has no ${type}s; it answers queries only.`);
      expect(body.errors[0]?.extensions?.code, type).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      // 'warn' is a failed SHOULD, 'error' a failed MUST: we accept neither.
      expect(result, 'reason' in result ? String(result.reason) : '').toMatchObject({ status: 'ok' });
    });
  }
});
