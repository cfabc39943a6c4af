/**
 * `npm run bench:corpus -- --quotes 1000000`: (re)creates verbatim_bench_<quotes> on the server,
 * migrates it (so it holds the seed article too), and loads a synthetic corpus with COPY.
 *
 * Loading fast: secondary indexes and foreign keys are dropped first and rebuilt after the COPY
 * (one sort per index instead of a million insertions; one join per foreign key instead of a
 * trigger per row), two at a time since the machine has two cores. The rows still pass every
 * CHECK constraint and the rebuilt unique indexes and foreign keys validate them whole.
 */
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import postgres from 'postgres';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { CopyStream } from './copy.js';
import { type IdBase, sizeFor, SyntheticCorpus } from './generate.js';
import { adminClient, benchDatabaseName, databaseUrl, parseQuotes } from '../database.js';

const COLUMNS = {
  organizations: ['id', 'slug', 'name', 'kind', 'aliases', 'country', 'parent_id', 'description'],
  speakers: ['id', 'slug', 'name', 'kind', 'aliases', 'description', 'organization_id'],
  speaker_roles: ['id', 'speaker_id', 'organization_id', 'title', 'start_on', 'end_on', 'dates_external'],
  articles: ['id', 'slug', 'title', 'authors', 'outlet', 'published_on', 'url', 'language', 'body'],
  article_paragraphs: ['article_id', 'position', 'start_offset', 'end_offset'],
  quotes: [
    'id',
    'article_id',
    'speaker_id',
    'kind',
    'text',
    'speaker_description',
    'verb',
    'channel',
    'said_start',
    'said_end',
    'said_precision',
    'said_text',
    'published_on',
    'paragraph',
    'start_offset',
    'end_offset',
  ],
  article_speakers: ['article_id', 'speaker_id', 'mention'],
  article_organizations: ['article_id', 'organization_id', 'mention'],
  events: [
    'id',
    'slug',
    'title',
    'description',
    'kind',
    'date_start',
    'date_end',
    'date_precision',
    'date_text',
    'date_external',
    'places',
  ],
  event_participants: ['id', 'event_id', 'speaker_id', 'organization_id', 'role'],
  article_events: ['article_id', 'event_id', 'sentence', 'start_offset', 'end_offset'],
} as const;
type Table = keyof typeof COLUMNS;
const TABLES = Object.keys(COLUMNS) as Table[];
const IDENTITY_TABLES = ['articles', 'speakers', 'organizations', 'events', 'quotes', 'speaker_roles', 'event_participants'] as const;

const program = new Command()
  .name('bench:corpus')
  .description('Generate and load a synthetic corpus into its own database on the server.')
  .option('--quotes <n>', 'quotes to generate (a number, 10k, 1m, or tiny|small|medium|large)', 'large')
  .option('--seed <n>', 'PRNG seed', '1')
  .option('--database <name>', 'the database to (re)create (default: verbatim_bench_<quotes>)')
  .parse();

async function main(): Promise<void> {
  const opts = program.opts<{ quotes: string; seed: string; database?: string }>();
  const quotes = parseQuotes(opts.quotes);
  const seed = Number(opts.seed);
  const size = sizeFor(quotes);
  const name = opts.database ?? benchDatabaseName(quotes);
  const started = performance.now();

  const admin = adminClient();
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(name);
  const handle = await openDatabase({ url });
  await migrate(handle.db);
  await handle.close();
  console.log(
    `${name}: created and migrated; generating ${fmt(size.quotes)} quotes, ${fmt(size.articles)} articles, ${fmt(size.speakers)} speakers, ${fmt(size.organizations)} organizations, ${fmt(size.events)} events (seed ${seed})`,
  );

  const sql = postgres(url, { max: 8, onnotice: () => {}, connection: { maintenance_work_mem: '256MB' } });
  try {
    const base = await idBase(sql);
    const deferred = await dropSecondary(sql);
    const corpus = new SyntheticCorpus(size, seed, base);
    const loadStart = performance.now();
    await copyAll(sql, corpus);
    const copied = performance.now();
    await rebuild(sql, deferred);
    for (const table of IDENTITY_TABLES) {
      await sql.unsafe(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
    const built = performance.now();
    // VACUUM sets the visibility map (index-only scans for counts) and ANALYZE the statistics.
    await sql.unsafe('VACUUM (ANALYZE)');
    const done = performance.now();
    console.log(
      `loaded ${name} in ${secs(done - started)} s: COPY ${secs(copied - loadStart)} s, indexes and foreign keys ${secs(built - copied)} s, VACUUM ANALYZE ${secs(done - built)} s`,
    );
    console.log(
      `heavy speaker: ${corpus.heavySpeaker()} (${fmt(corpus.quoteCounts[0] ?? 0)} quotes); light speaker: ${corpus.lightSpeaker()}`,
    );
  } finally {
    await sql.end();
  }
}

async function idBase(sql: postgres.Sql): Promise<IdBase> {
  const base: Record<string, number> = {};
  for (const table of IDENTITY_TABLES) {
    const [row] = await sql.unsafe<{ max: number }[]>(`SELECT coalesce(max(id), 0)::int AS max FROM ${table}`);
    base[table] = row?.max ?? 0;
  }
  return base as unknown as IdBase;
}

interface Deferred {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/** Drops the loaded tables' indexes (not primary keys) and foreign keys; returns how to rebuild them. */
async function dropSecondary(sql: postgres.Sql): Promise<Deferred> {
  const foreignKeys = await sql<{ table: string; name: string; definition: string }[]>`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`;
  const indexes = await sql<{ name: string; definition: string; size: number }[]>`
    SELECT i.indexname AS name, i.indexdef AS definition
      FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename IN ${sql(TABLES)}
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = 'public'::regnamespace)`;
  for (const fk of foreignKeys) await sql.unsafe(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes) await sql.unsafe(`DROP INDEX "${index.name}"`);
  return { indexes, foreignKeys };
}

/** Rebuilds indexes (the big ones first) and foreign keys on two connections at once. */
async function rebuild(sql: postgres.Sql, deferred: Deferred): Promise<void> {
  const weight = (definition: string) => (/ON public\.quotes /.test(definition) ? 2 : 0) + (/gin|gist/.test(definition) ? 1 : 0);
  const jobs = [
    ...[...deferred.indexes].sort((a, b) => weight(b.definition) - weight(a.definition)).map((i) => i.definition),
    ...deferred.foreignKeys.map((fk) => `ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`),
  ];
  const bar = new cliProgress.SingleBar(
    { format: 'indexes, keys [{bar}] {value}/{total} {duration}s', noTTYOutput: true, notTTYSchedule: 10_000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(jobs.length, 0);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      await sql.unsafe(jobs[next++] as string);
      bar.increment();
    }
  };
  await Promise.all([worker(), worker()]);
  bar.stop();
}

async function copyAll(sql: postgres.Sql, corpus: SyntheticCorpus): Promise<void> {
  const open = async <T extends Table>(table: T) => CopyStream.open(sql, table, COLUMNS[table]);
  // Small tables first, all together.
  const small = {
    organizations: await open('organizations'),
    speakers: await open('speakers'),
    speaker_roles: await open('speaker_roles'),
  };
  for (const row of corpus.organizations()) small.organizations.add(row);
  for (const row of corpus.speakers()) small.speakers.add(row);
  for (const row of corpus.speakerRoles()) small.speaker_roles.add(row);
  await Promise.all(Object.values(small).map((s) => s.end()));

  const bars = new cliProgress.MultiBar(
    { format: '{table} [{bar}] {percentage}% {value}/{total} {duration}s', hideCursor: true, noTTYOutput: true, notTTYSchedule: 10_000 },
    cliProgress.Presets.shades_classic,
  );
  const articleBar = bars.create(corpus.size.articles, 0, { table: 'articles' });
  const eventBar = bars.create(corpus.size.events, 0, { table: 'events  ' });
  // Articles and events are generated in turns so both sets of COPY streams keep PostgreSQL busy.
  const a = {
    articles: await open('articles'),
    article_paragraphs: await open('article_paragraphs'),
    quotes: await open('quotes'),
    article_speakers: await open('article_speakers'),
    article_organizations: await open('article_organizations'),
  };
  const e = {
    events: await open('events'),
    event_participants: await open('event_participants'),
    article_events: await open('article_events'),
  };
  const articles = corpus.articles();
  const events = corpus.events();
  let articlesDone = false;
  let eventsDone = false;
  let n = 0;
  while (!articlesDone || !eventsDone) {
    for (let k = 0; k < 50 && !articlesDone; k++) {
      const next = articles.next();
      if (next.done) {
        articlesDone = true;
        break;
      }
      const b = next.value;
      a.articles.add(b.article);
      for (const row of b.paragraphs) a.article_paragraphs.add(row);
      for (const row of b.quotes) a.quotes.add(row);
      for (const row of b.speakers) a.article_speakers.add(row);
      for (const row of b.organizations) a.article_organizations.add(row);
      articleBar.increment();
    }
    for (let k = 0; k < 100 && !eventsDone; k++) {
      const next = events.next();
      if (next.done) {
        eventsDone = true;
        break;
      }
      e.events.add(next.value.event);
      for (const row of next.value.participants) e.event_participants.add(row);
      for (const row of next.value.articles) e.article_events.add(row);
      eventBar.increment();
    }
    if (++n % 4 === 0 || (articlesDone && eventsDone)) {
      await Promise.all([...Object.values(a), ...Object.values(e)].map((s) => s.flush()));
    }
  }
  await Promise.all([...Object.values(a), ...Object.values(e)].map((s) => s.end()));
  bars.stop();
}

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => (ms / 1000).toFixed(1);

main().catch((error: unknown) => {
  console.error(`bench:corpus: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
