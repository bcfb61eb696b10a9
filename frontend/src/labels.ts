// The template's words and nianbao's own (rules, statuses, severities), from core's Vocabulary: the build writes
// src/generated/vocabulary.json from it (VocabularyJson) before bundling, so the page holds no labels of its own.
import vocabulary from './generated/vocabulary.json';

interface Term { key: string; label: string }
/** A table row: its label as printed (with its list number), its name on its own, its heading (or null). */
export interface Row { key: string; printed: string; name: string; group: string | null }

const labels = (terms: Term[]): Record<string, string> => Object.fromEntries(terms.map((t) => [t.key, t.label]));
const names = (rows: Row[]): Record<string, string> => Object.fromEntries(rows.map((r) => [r.key, r.name]));
const byKey = (rows: Row[]): Record<string, Row> => Object.fromEntries(rows.map((r) => [r.key, r]));

// ---------------------------------------------------------------- table B

export const B_COLUMNS: string[] = vocabulary.tableB.columns.map((c) => c.key);
export const B_COLUMN_LABELS = labels(vocabulary.tableB.columns);
export const B_ROW: Record<string, Row> = byKey(vocabulary.tableB.rows);
export const B_ROWS: string[] = vocabulary.tableB.rows.map((r) => r.key);
export const B_HEADINGS: Record<string, string> = vocabulary.tableB.headings;

/** The 21 outcome rows, 予以公开 … 其他处理·其他. */
export const B_OUTCOME_ROWS = B_ROWS.slice(2, 23);

/** Names of the rows on their own, for findings lists and tooltips. */
export const B_ROW_SHORT = names(vocabulary.tableB.rows);

/** The six kinds of outcome, for the 总览 chart: a row key, or the prefix of its group's keys. */
export const OUTCOME_GROUPS: Term[] = vocabulary.tableB.outcomes;

// ---------------------------------------------------------------- table C

export const C_GROUPS: string[] = vocabulary.tableC.groups.map((g) => g.key);
export const C_GROUP: Record<string, Row> = byKey(vocabulary.tableC.groups);
export const C_GROUP_LABELS = names(vocabulary.tableC.groups);
export const C_CELLS: string[] = vocabulary.tableC.cells.map((c) => c.key);
export const C_CELL_LABELS = labels(vocabulary.tableC.cells);

// ---------------------------------------------------------------- table A

export const A_ROW: Record<string, Row> = byKey(vocabulary.tableA.rows);
export const A2019_ROW: Record<string, Row> = byKey(vocabulary.tableA.rows2019);
export const A_ROW_LABELS = { ...names(vocabulary.tableA.rows2019), ...names(vocabulary.tableA.rows) };
export const A_CELL_LABELS = labels(vocabulary.tableA.cells);
export const A_HEADINGS: Record<string, string> = vocabulary.tableA.headings;

// ---------------------------------------------------------------- sections, findings, statuses

export const SECTION_NAMES = labels(vocabulary.sections);

/** A section's heading without its number: 三、收到和处理… → 收到和处理…. */
export function sectionTitle(section: string): string {
  return (SECTION_NAMES[section] ?? section).replace(/^[一二三四五六]、/, '');
}

export const TEXT_SECTIONS: { key: string; section: string; label: string }[] = vocabulary.textSections
  .map((t) => ({ key: t.key, section: t.section, label: SECTION_NAMES[t.section] }));

export type Severity = 'error' | 'warning' | 'note';
export const RULES: { id: string; severity: Severity; label: string }[] = vocabulary.rules
  .map((r) => ({ id: r.id, severity: r.severity as Severity, label: r.label }));
export const RULE_LABEL: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.id, r.label]));

export const STATUS_LABELS = labels(vocabulary.statuses);

export const SEVERITY_LABELS = labels(vocabulary.severities);

/** A report's review state (PENDING 待审核 … RECTIFIED 已整改): apart from its status and from upload states. */
export const REVIEW_STATE_LABELS = labels(vocabulary.reviewStates);

/** What a reading note is, in the words the page uses wherever notes are shown. */
export const NOTES_EXPLAINED = '读取说明记录 nianbao 如何读取这份文档（连写的数字如何拆分、单元格如何放置、哪些核对因空白单元格未执行），'
  + '不是报告本身的问题，不计入错误或警告。';

export const PROVINCES = [
  '北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省',
  '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区',
  '海南省', '重庆市', '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省',
  '宁夏回族自治区', '新疆维吾尔自治区',
];

/** A finding's location in words: 三 · 本年新收 · 总计. */
export function describeLocation(loc: { section?: string; row?: string; column?: string } | null | undefined): string {
  if (!loc || !loc.section) return '';
  const parts: string[] = [SECTION_NAMES[loc.section] ?? loc.section];
  const s = loc.section;
  if (loc.row) {
    if (s === '三') parts.push(B_ROW_SHORT[loc.row] ?? loc.row);
    else if (s === '四') parts.push(C_GROUP_LABELS[loc.row] ?? loc.row);
    else if (s === '二') parts.push(A_ROW_LABELS[loc.row] ?? loc.row);
    else parts.push(loc.row);
  }
  if (loc.column) {
    if (s === '三') parts.push(B_COLUMN_LABELS[loc.column] ?? loc.column);
    else if (s === '四') parts.push(C_CELL_LABELS[loc.column] ?? loc.column);
    else if (s === '二') parts.push(A_CELL_LABELS[loc.column] ?? loc.column);
    else parts.push(loc.column);
  }
  return parts.join(' · ');
}
