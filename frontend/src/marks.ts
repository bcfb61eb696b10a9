// Which cells a finding names, and how a marked cell looks: class, tip text (expected/actual), focusable.
import type { Finding, Location } from './api';
import { B_OUTCOME_ROWS, B_ROWS, RULE_LABEL, SEVERITY_LABELS, describeLocation } from './labels';
import { allCells, cellId, type ReportTables } from './tables';

const B1_ROWS = ['newReceived', 'carriedOver', 'total', 'carriedForward'];
const B3_ROWS = [...B_OUTCOME_ROWS, 'total'];

/** The ids of the cells a finding names; empty where it names a whole section (or no table). */
export function cellsOf(f: Finding, all: string[]): string[] {
  const loc: Location = f.location ?? {};
  const s = loc.section;
  if (s !== '二' && s !== '三' && s !== '四') return [];
  if (loc.row && loc.column) return all.filter((id) => id === cellId(loc));
  if (loc.row) return all.filter((id) => id.startsWith(`${s}|${loc.row}|`));
  if (loc.column) {
    let rows: readonly string[] = B_ROWS;
    if (f.rule === 'B1') rows = B1_ROWS;
    else if (f.rule === 'B3') rows = B3_ROWS;
    return all.filter((id) => {
      const [sec, row, col] = id.split('|');
      return sec === s && col === loc.column && rows.includes(row);
    });
  }
  return [];
}

export function findingsByCell(report: ReportTables, findings: Finding[]): Map<string, { f: Finding; i: number }[]> {
  const all = allCells(report).map(cellId);
  const map = new Map<string, { f: Finding; i: number }[]>();
  findings.forEach((f, i) => {
    for (const id of cellsOf(f, all)) {
      const list = map.get(id) ?? [];
      list.push({ f, i });
      map.set(id, list);
    }
  });
  return map;
}

export function expectedActual(f: Finding): string {
  const parts: string[] = [];
  // S2 says how a row was read: "应为/实为" would read as the agency's mistake, so it says read as / printed
  const reading = f.rule === 'S2' || f.severity === 'note';
  if (f.expected !== null && f.expected !== undefined && f.expected !== '') parts.push(`${reading ? '读取为' : '应为'} ${f.expected}`);
  if (f.actual !== null && f.actual !== undefined && f.actual !== '') parts.push(`${reading ? '原文印为' : '实为'} ${f.actual}`);
  return parts.join('；');
}

export function tipText(f: Finding): string {
  const head = `${f.rule} ${SEVERITY_LABELS[f.severity] ?? f.severity}${RULE_LABEL[f.rule] ? `（${RULE_LABEL[f.rule]}）` : ''}`;
  const ea = expectedActual(f);
  return [head, f.message, ea].filter((x) => x).join('\n');
}

/** The weightiest severity among findings: error, then warning, then note (a reading note alone is muted). */
export function worst(list: { f: Finding }[]): 'error' | 'warning' | 'note' {
  if (list.some((x) => x.f.severity === 'error')) return 'error';
  return list.some((x) => x.f.severity !== 'note') ? 'warning' : 'note';
}

export function isNote(f: Finding): boolean {
  return f.severity === 'note';
}

/** A finding a reviewer dismissed (驳回/误报): still listed, never counted, never marking a cell. */
export function isDismissed(f: Finding): boolean {
  return f.review?.state === 'dismissed';
}

export function locationText(f: Finding): string {
  return describeLocation(f.location ?? undefined);
}
