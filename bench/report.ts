/**
 * The bench's figures: per scenario and target, medians over the interleaved rounds with their
 * range; ratios between targets taken within each round (both measured minutes apart at most,
 * under the same load from elsewhere), then their median and range.
 */
import os from 'node:os';
import { type TargetName, TARGETS } from './targets.js';

export interface Measure {
  round: number;
  scenario: string;
  target: TargetName;
  quotes: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Socket errors, non-2xx, timeouts, and answers that are not the checked one (GraphQL errors among them). */
  failures: number;
  badAnswers: number;
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
  runnerCpuMsPerRequest: number;
  logBytesPerRequest: number;
  /** The API's, from its /metrics over the run; null for the others. */
  statementsPerRequest: number | null;
  maxRssMb: number;
}

/** A figure over rounds: the median and the range. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median: round(median, 3), min: round(sorted[0] as number, 3), max: round(sorted.at(-1) as number, 3) };
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface Settings {
  statements: Record<string, Record<number, number | null>>;
  quotes: number;
  small: number;
  rounds: number;
  seconds: number;
  warmup: number;
  connections: number;
  apiLogLevel: string;
  postgraphile: string | null;
  load: { before: number[]; after: number[] };
}

export function summarize(measures: Measure[], s: Settings) {
  const main = measures.filter((m) => m.quotes === s.quotes);
  const scenarios = [...new Set(main.map((m) => m.scenario))];
  const of = (scenario: string, target: TargetName) => main.filter((m) => m.scenario === scenario && m.target === target);
  const rows = scenarios.flatMap((scenario) =>
    TARGETS.flatMap((target) => {
      const ms = of(scenario, target);
      if (ms.length === 0) return [];
      // The same scenario on the small corpus, measured right after, in the same round.
      const small = target === 'api' && s.small !== s.quotes ? measures.filter((m) => m.quotes === s.small && m.scenario === scenario) : [];
      const flatness = spread(
        ms.flatMap((m) => {
          const other = small.find((x) => x.round === m.round);
          return other && other.p50 > 0 ? [m.p50 / other.p50] : [];
        }),
      );
      return [
        {
          scenario,
          target,
          rounds: ms.length,
          rps: spread(ms.map((m) => m.rps)),
          p50: spread(ms.map((m) => m.p50)),
          p99: spread(ms.map((m) => m.p99)),
          failures: ms.reduce((n, m) => n + m.failures, 0),
          serverCpuMsPerRequest: spread(ms.map((m) => m.serverCpuMsPerRequest)),
          postgresCpuMsPerRequest: spread(ms.map((m) => m.postgresCpuMsPerRequest)),
          runnerCpuMsPerRequest: spread(ms.map((m) => m.runnerCpuMsPerRequest)),
          logBytesPerRequest: spread(ms.map((m) => m.logBytesPerRequest))?.median ?? null,
          statementsPerRequest:
            spread(ms.flatMap((m) => (m.statementsPerRequest === null ? [] : [m.statementsPerRequest])))?.median ?? null,
          statementsBySize: target === 'api' ? (s.statements[scenario] ?? null) : null,
          maxRssMb: Math.max(...ms.map((m) => m.maxRssMb)),
          smallP50: spread(small.map((m) => m.p50))?.median ?? null,
          flatness: flatness && round(flatness.median),
        },
      ];
    }),
  );
  /** a's figure over b's, round by round. */
  const ratio = (scenario: string, a: TargetName, b: TargetName, figure: (m: Measure) => number) => {
    const values = of(scenario, a).flatMap((ma) => {
      const mb = of(scenario, b).find((m) => m.round === ma.round);
      return mb && figure(mb) > 0 ? [figure(ma) / figure(mb)] : [];
    });
    const r = spread(values);
    return r && { median: round(r.median), min: round(r.min), max: round(r.max) };
  };
  const rps = (m: Measure) => m.rps;
  const serverCpu = (m: Measure) => m.serverCpuMsPerRequest;
  const pgCpu = (m: Measure) => m.postgresCpuMsPerRequest;
  const ratios = scenarios.map((scenario) => ({
    scenario,
    apiOverPostgraphileRps: ratio(scenario, 'api', 'postgraphile', rps),
    apiOverPostgraphileServerCpu: ratio(scenario, 'api', 'postgraphile', serverCpu),
    apiOverFloorPostgresCpu: ratio(scenario, 'api', 'floor', pgCpu),
    postgraphileOverFloorPostgresCpu: ratio(scenario, 'postgraphile', 'floor', pgCpu),
    cachedOverFloorRps: ratio(scenario, 'api-cached', 'floor', rps),
  }));
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      loadAverage: s.load,
    },
    corpus: { quotes: s.quotes, small: s.small },
    settings: {
      rounds: s.rounds,
      secondsPerRun: s.seconds,
      warmupSeconds: s.warmup,
      connections: s.connections,
      planCacheMode: 'api and floor: force_custom_plan; PostGraphile: its default',
      responseCache: 'api: off; api-cached: 64 MB, keyed by corpus version',
      apiLogLevel: s.apiLogLevel,
      postgraphile: s.postgraphile,
    },
    rows,
    ratios,
    measures,
  };
}

export type Report = ReturnType<typeof summarize>;

const cell = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
/** A median with its range as ± half of it, in % of the median. */
const pm = (s: Spread | null, digits = 3) =>
  s ? `${round(s.median, digits)}${s.median > 0 ? ` ±${Math.round(((s.max - s.min) / 2 / s.median) * 100)}%` : ''}` : '—';
const range = (s: Spread | null, digits = 3) => (s ? `${round(s.median, digits)} (${round(s.min, digits)}–${round(s.max, digits)})` : '—');

function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

export function printReport(report: Report): void {
  const { machine, settings, corpus } = report;
  console.log(
    `\n${report.date.slice(0, 16).replace('T', ' ')} UTC, ${machine.cpus} cores (${machine.model}), Node ${machine.node}, ` +
      `${corpus.quotes.toLocaleString('en-US')} quotes, ${settings.connections} connections, ${settings.rounds} rounds of ` +
      `${settings.secondsPerRun} s (+${settings.warmupSeconds} s warm-up), API log level ${settings.apiLogLevel}, ` +
      `PostGraphile ${settings.postgraphile ?? 'not run'}; load average ${machine.loadAverage.before[0]?.toFixed(2)} → ${machine.loadAverage.after[0]?.toFixed(2)}`,
  );
  const row = (scenario: string, target: TargetName) => report.rows.find((r) => r.scenario === scenario && r.target === target);
  const four = (scenario: string, pick: (r: Report['rows'][number]) => Spread | null, digits: number) =>
    TARGETS.map((t) => {
      const r = row(scenario, t);
      return r ? pm(pick(r), digits) : '—';
    }).join(' / ');
  console.log('\nSide by side: medians over the rounds (± half their range); ratios taken per round, median (range).');
  console.log(
    table(
      [
        'scenario',
        'req/s: api / cached / PostGraphile / floor',
        'server CPU ms/req: api / cached / PG / floor',
        'pg CPU ms/req: api / cached / PG / floor',
        'api/PG req/s',
        'api/PG srv CPU',
        'cached/floor req/s',
        'pg CPU api/floor',
        'pg CPU PG/floor',
      ],
      report.ratios.map((r) => [
        r.scenario,
        four(r.scenario, (x) => x.rps, 0),
        four(r.scenario, (x) => x.serverCpuMsPerRequest, 3),
        four(r.scenario, (x) => x.postgresCpuMsPerRequest, 3),
        range(r.apiOverPostgraphileRps),
        range(r.apiOverPostgraphileServerCpu),
        range(r.cachedOverFloorRps),
        range(r.apiOverFloorPostgresCpu),
        range(r.postgraphileOverFloorPostgresCpu),
      ]),
    ),
  );
  console.log('\nEach target: medians (min–max) over the rounds.');
  console.log(
    table(
      [
        'scenario',
        'target',
        'req/s',
        'p50 ms',
        'p99 ms',
        'fail',
        'server CPU ms/req',
        'pg CPU ms/req',
        'runner CPU ms/req',
        'log B/req',
        'SQL/req (run; 5/20/50)',
        'max RSS MB',
        `p50 @${corpus.small}`,
        'p50 ratio',
      ],
      report.rows.map((r) => [
        r.scenario,
        r.target,
        range(r.rps, 0),
        cell(r.p50?.median),
        range(r.p99),
        cell(r.failures),
        range(r.serverCpuMsPerRequest),
        range(r.postgresCpuMsPerRequest),
        cell(r.runnerCpuMsPerRequest?.median),
        cell(r.logBytesPerRequest === null ? null : Math.round(r.logBytesPerRequest)),
        r.statementsPerRequest === null
          ? '—'
          : `${r.statementsPerRequest}${r.statementsBySize ? `; ${[5, 20, 50].map((n) => cell(r.statementsBySize?.[n])).join('/')}` : ''}`,
        cell(r.maxRssMb),
        cell(r.smallP50),
        cell(r.flatness),
      ]),
    ),
  );
}
