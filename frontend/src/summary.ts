// GET /summary, read into what 总览 shows. Tolerant of the API's naming of the stored aggregates
// (functions/store Summary: reports, status.*, rule.*, ruleReports.*, A.*, B.<row>.<column>, C.*).
import { getJson, type Query } from './api';
import { OUTCOME_GROUPS, B_OUTCOME_ROWS } from './labels';

export interface SummaryView {
  reports: number;
  byStatus: Record<string, number>;
  /** Reports by review state (PENDING, REVIEWED, NOTIFIED, RECTIFIED). */
  byReviewState: Record<string, number>;
  /** Findings by rule, reading notes included (the API's rule counts count every finding). */
  findingsByRule: Record<string, number>;
  /** Reading notes by rule: how nianbao read the documents, never problems of the reports. */
  notesByRule: Record<string, number>;
  warnings: number;
  notes: number;
  reportsByRule: Record<string, number>;
  received: number | null;
  outcomes: { key: string; label: string; count: number; share: number | null }[];
  outcomeTotal: number;
  /** Reports by city, most first; city null for a province's own agencies. */
  byCity: CityCount[];
  updatedAt: string | null;
}

export interface CityCount { province: string; city: string | null; reports: number; withErrors: number }

type Loose = Record<string, unknown>;

function n(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return 0;
}

function obj(v: unknown): Loose {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {};
}

function counts(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (Array.isArray(v)) {
    for (const x of v as Loose[]) {
      const k = String(x.rule ?? x.status ?? x.key ?? x.name ?? '');
      if (k) out[k] = n(x.count ?? x.findings ?? x.value ?? x.reports);
    }
  } else {
    for (const [k, x] of Object.entries(obj(v))) out[k] = typeof x === 'object' ? n(obj(x).findings ?? obj(x).count) : n(x);
  }
  return out;
}

/** A cell sum of table B: B.<row>.<column> flat, or nested tables.B[row][column], or B[row] as a list of 7. */
function bCell(raw: Loose, row: string, column: string): number | null {
  const sums = obj(raw.sums ?? raw.tables ?? raw.totals);
  const flat = obj(raw.values);
  for (const [key, src] of [[`B.${row}.${column}`, flat], [`B.${row}.${column}`, raw], [`${row}.${column}`, obj(sums.B)]] as [string, Loose][]) {
    if (key in src) return n(src[key]);
  }
  const B = obj(sums.B ?? sums.applications ?? raw.applications);
  const r = B[row] ?? obj(B.rows)[row];
  if (Array.isArray(r)) return n(r[6]);
  if (r && typeof r === 'object' && column in (r as Loose)) return n((r as Loose)[column]);
  return null;
}

function cities(v: unknown): CityCount[] {
  if (!Array.isArray(v)) return [];
  return (v as Loose[]).filter((x) => typeof x.province === 'string').map((x) => ({
    province: String(x.province),
    city: typeof x.city === 'string' && x.city ? x.city : null,
    reports: n(x.reports),
    withErrors: n(x.withErrors),
  }));
}

export function toSummary(raw: Loose): SummaryView {
  const byStatus = counts(raw.byStatus ?? raw.statuses ?? raw.status ?? obj(raw.reports).byStatus);
  const reports = typeof raw.reports === 'number' ? raw.reports
    : n(obj(raw.reports).total ?? obj(raw.counts).reports) || Object.values(byStatus).reduce((a, b) => a + b, 0);
  const findingsByRule = counts(raw.findingsByRule ?? raw.byRule ?? raw.rules ?? obj(raw.findings).byRule);
  const reportsByRule = counts(raw.reportsByRule ?? obj(raw.findings).reportsByRule);

  // outcome counts: from an explicit outcomes block, else summed from table B's outcome rows (total column)
  const given = raw.outcomes ?? raw.outcomeShares ?? raw.shares;
  const outcomes = OUTCOME_GROUPS.map((g) => {
    let count: number | null = null;
    let share: number | null = null;
    if (Array.isArray(given)) {
      const x = (given as Loose[]).find((o) => o.key === g.key || o.outcome === g.key || o.label === g.label || o.name === g.label);
      if (x) {
        count = n(x.count ?? x.value);
        if (x.share !== undefined) share = n(x.share);
      }
    } else if (given && typeof given === 'object') {
      const x = (given as Loose)[g.key] ?? (given as Loose)[g.label];
      if (typeof x === 'number') count = x;
      else if (x && typeof x === 'object') {
        count = n(obj(x).count ?? obj(x).value);
        if (obj(x).share !== undefined) share = n(obj(x).share);
      }
    }
    if (count === null) {
      const rows = B_OUTCOME_ROWS.filter((r) => r === g.key || r.startsWith(`${g.key}.`));
      const cells = rows.map((r) => bCell(raw, r, 'total'));
      count = cells.some((c) => c !== null) ? cells.reduce<number>((a, c) => a + (c ?? 0), 0) : 0;
    }
    return { key: g.key, label: g.label, count, share };
  });
  const outcomeTotal = outcomes.reduce((a, o) => a + o.count, 0);
  for (const o of outcomes) if (o.share === null) o.share = outcomeTotal ? o.count / outcomeTotal : null;
  else if (o.share > 1) o.share /= 100;

  const appl = obj(raw.applications);
  const received = raw.received !== undefined ? n(raw.received)
    : appl.received !== undefined ? n(appl.received) : bCell(raw, 'newReceived', 'total');

  return {
    reports,
    byStatus,
    byReviewState: counts(raw.byReviewState),
    findingsByRule,
    notesByRule: counts(raw.notesByRule),
    warnings: n(raw.warnings),
    notes: n(raw.notes),
    reportsByRule,
    received,
    outcomes,
    outcomeTotal,
    byCity: cities(raw.byCity),
    updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : null,
  };
}

export async function fetchSummary(q: Query, signal?: AbortSignal): Promise<SummaryView> {
  return toSummary(await getJson<Loose>('/summary', q, signal));
}
