import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../src/db/rows.js';
import { describeEachDatabase } from '../helpers/databases.js';

describeEachDatabase('constraints', (suite) => {
  let articleId = 0;
  let speakerId = 0;
  let eventId = 0;
  let orgId = 0;

  /** Runs a statement that must be rejected, and returns the violated constraint's message. */
  async function rejects(statement: SQL): Promise<string> {
    const error = await suite.db.execute(statement).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error, 'the statement should have been rejected').not.toBeNull();
    // drizzle wraps driver errors; the constraint name is in the message or the cause.
    const cause = (error as { cause?: Error }).cause;
    return `${error?.message} ${cause?.message ?? ''}`;
  }

  beforeAll(async () => {
    const [a] = await queryRows<{ id: number }>(
      suite.db,
      sql`INSERT INTO articles (slug, title, published_on, body) VALUES ('an-article', 'An article', '2025-08-15', 'He said "yes".') RETURNING id`,
    );
    const [s] = await queryRows<{ id: number }>(
      suite.db,
      sql`INSERT INTO speakers (slug, name, kind) VALUES ('a-person', 'A Person', 'PERSON') RETURNING id`,
    );
    const [e] = await queryRows<{ id: number }>(
      suite.db,
      sql`INSERT INTO events (slug, title, kind) VALUES ('an-event', 'An event', 'OTHER') RETURNING id`,
    );
    const [o] = await queryRows<{ id: number }>(
      suite.db,
      sql`INSERT INTO organizations (slug, name, kind) VALUES ('an-org', 'An org', 'OTHER') RETURNING id`,
    );
    articleId = a!.id;
    speakerId = s!.id;
    eventId = e!.id;
    orgId = o!.id;
  });

  it('reject a duplicate slug', async () => {
    expect(await rejects(sql`INSERT INTO speakers (slug, name, kind) VALUES ('a-person', 'Other', 'PERSON')`)).toMatch(
      /speakers_slug_key|duplicate key/,
    );
  });

  it('reject a slug that is not lowercase words joined by hyphens', async () => {
    for (const slug of ['Claudia', 'claudia sheinbaum', 'sheinbaum-', 'ángeles', '']) {
      expect(await rejects(sql`INSERT INTO organizations (slug, name, kind) VALUES (${slug}, 'X', 'OTHER')`)).toMatch(
        /organizations_slug_format/,
      );
    }
  });

  it('reject an unknown enum value', async () => {
    expect(await rejects(sql`INSERT INTO speakers (slug, name, kind) VALUES ('x', 'X', 'ROBOT')`)).toMatch(
      /speaker_kind|invalid input value/,
    );
  });

  it('reject an event whose date ends before it starts, or is half-known', async () => {
    expect(
      await rejects(
        sql`INSERT INTO events (slug, title, kind, date_start, date_end, date_precision) VALUES ('e2', 'E', 'OTHER', '2025-03-01', '2025-02-01', 'MONTH')`,
      ),
    ).toMatch(/events_date_ordered/);
    expect(
      await rejects(
        sql`INSERT INTO events (slug, title, kind, date_start, date_end) VALUES ('e3', 'E', 'OTHER', '2025-03-01', '2025-03-01')`,
      ),
    ).toMatch(/events_date_complete/);
  });

  it('reject quote offsets out of order and a quote of an unknown article', async () => {
    expect(
      await rejects(
        sql`INSERT INTO quotes (article_id, speaker_id, kind, text, published_on, paragraph, start_offset, end_offset)
            VALUES (${articleId}, ${speakerId}, 'DIRECT', 'yes', '2025-08-15', 0, 10, 9)`,
      ),
    ).toMatch(/quotes_offsets_ordered/);
    expect(
      await rejects(
        sql`INSERT INTO quotes (article_id, speaker_id, kind, text, published_on, paragraph, start_offset, end_offset)
            VALUES (999999, ${speakerId}, 'DIRECT', 'yes', '2025-08-15', 0, 9, 12)`,
      ),
    ).toMatch(/foreign key|quotes_article_id/);
  });

  it('reject a participant that is both or neither a speaker and an organization', async () => {
    expect(
      await rejects(
        sql`INSERT INTO event_participants (event_id, speaker_id, organization_id, role) VALUES (${eventId}, ${speakerId}, ${orgId}, 'ACTOR')`,
      ),
    ).toMatch(/event_participants_one_party/);
    expect(await rejects(sql`INSERT INTO event_participants (event_id, role) VALUES (${eventId}, 'ACTOR')`)).toMatch(
      /event_participants_one_party/,
    );
  });

  it('reject a role that ends before it starts', async () => {
    expect(
      await rejects(
        sql`INSERT INTO speaker_roles (speaker_id, organization_id, title, start_on, end_on) VALUES (${speakerId}, ${orgId}, 'Chair', '2024-01-02', '2024-01-01')`,
      ),
    ).toMatch(/speaker_roles_dates_ordered/);
  });

  it('accept a well-formed quote and keep its generated search vector', async () => {
    await suite.db.execute(
      sql`INSERT INTO quotes (article_id, speaker_id, kind, text, published_on, paragraph, start_offset, end_offset)
          VALUES (${articleId}, ${speakerId}, 'DIRECT', 'yes', '2025-08-15', 0, 9, 12)`,
    );
    const [row] = await queryRows<{ hit: boolean }>(
      suite.db,
      sql`SELECT search @@ plainto_tsquery('english', 'yes') AS hit FROM quotes WHERE article_id = ${articleId}`,
    );
    expect(row?.hit).toBe(true);
  });
});
