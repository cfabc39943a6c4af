/** GraphQL over HTTP: graphql-http's audit suite, every MUST and SHOULD, against the app. */
import { serverAudits } from 'graphql-http';
import { beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

const audits = serverAudits({
  url: 'http://verbatim.test/graphql',
  // The audits call fetch(url, init); we answer in process.
  fetchFn: (input: string | URL | Request, init?: RequestInit) => app.fetch(new Request(input, init)),
});
let app: App;

describeEachDatabase('GraphQL over HTTP audit', (suite) => {
  beforeAll(() => {
    app = createApp({ db: suite.db });
  });

  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      // 'warn' is a failed SHOULD, 'error' a failed MUST: we accept neither.
      expect(result, 'reason' in result ? String(result.reason) : '').toMatchObject({ status: 'ok' });
    });
  }
});
