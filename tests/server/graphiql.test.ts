import { parse, validate } from 'graphql';
import { beforeAll, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { graphiqlTabs } from '../../src/server/graphiql.js';
import { createApp, type App } from '../../src/server/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { execute } from '../helpers/graphql.js';

it('every GraphiQL tab is a valid query against the schema', () => {
  expect(graphiqlTabs.length).toBeGreaterThanOrEqual(3);
  for (const tab of graphiqlTabs) expect(validate(schema, parse(tab.query)), tab.query).toEqual([]);
});

// On the seed corpus itself, as a person opening GraphiQL after `npm start` would.
describeEachDatabase('GraphiQL tabs on the seed corpus', (suite) => {
  let app: App;
  beforeAll(() => {
    app = createApp({ db: suite.db });
  });

  it('run without errors, and the example queries find data', async () => {
    const results = [];
    for (const tab of graphiqlTabs) {
      const result = await execute(app, tab.query, tab.variables ? JSON.parse(tab.variables) : {});
      expect(result.errors, tab.query).toBeUndefined();
      results.push(result.data);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted below
    const [quotes, events, search] = results as Record<string, any>[];
    expect(quotes!.speaker.quotes.totalCount).toBeGreaterThan(0);
    expect(events!.events.totalCount).toBeGreaterThan(0);
    expect(search!.organizations.nodes[0].slug).toBe('mara-salvatrucha');
    expect(search!.speakers.nodes[0].slug).toBe('claudia-sheinbaum');
  });

  it('are served in the GraphiQL page', async () => {
    const response = await app.fetch('http://verbatim.test/graphql', { headers: { accept: 'text/html' } });
    const html = await response.text();
    for (const name of ['QuotesBySpeaker', 'EventsInAMonth', 'Search']) expect(html).toContain(name);
  });
});
