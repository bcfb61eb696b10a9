// Tables A, B and C of a report drawn in the official layout (国办公开办函〔2021〕30号, and the 2019 layout),
// each data cell handed to a fill callback with its key, so the detail and the cross-year views decorate the
// same grid. Cells are keyed section|row|column as findings locate them (docs/FORMAT.md).
import { h } from './dom';
import {
  A2019_ROW, A_CELL_LABELS, A_HEADINGS, A_ROW, B_COLUMN_LABELS, B_COLUMNS, B_HEADINGS, B_ROW, B_ROWS, C_CELL_LABELS,
  C_CELLS, C_GROUP, C_GROUPS, sectionTitle,
} from './labels';

export interface CellKey {
  section: '二' | '三' | '四';
  row: string;
  column?: string;
}
export type Fill = (td: HTMLTableCellElement, key: CellKey) => void;

export function cellId(k: { section?: string; row?: string; column?: string }): string {
  return [k.section ?? '', k.row ?? '', k.column ?? ''].join('|');
}

/** Minimal view of a report's tables (docs/FORMAT.md JSON). */
export interface ReportTables {
  template?: string | null;
  proactive?: Record<string, unknown> | null;
  applications?: { columns?: string[]; rows?: Record<string, (number | null)[]> } | null;
  reviewAndLitigation?: Record<string, Record<string, number | null> | null> | null;
}

export type CellValue = number | string | null | undefined;

/** The printed value of a cell; null where the document left it blank, undefined where the row is missing. */
export function valueAt(r: ReportTables, k: CellKey): CellValue {
  if (k.section === '二') {
    const row = r.proactive?.[k.row];
    if (row === undefined) return undefined;
    if (k.column === undefined) return row as CellValue;
    if (row === null) return null;
    return (row as Record<string, CellValue>)[k.column];
  }
  if (k.section === '三') {
    const cols = r.applications?.columns ?? [...B_COLUMNS];
    const row = r.applications?.rows?.[k.row];
    if (!row) return row === null ? null : undefined;
    const i = cols.indexOf(k.column ?? '');
    return i < 0 ? undefined : row[i];
  }
  const g = r.reviewAndLitigation?.[k.row];
  if (!g) return g === null ? null : undefined;
  return g[k.column ?? ''];
}

type Cell = HTMLTableCellElement;

function th(text: string, attrs: Record<string, string | number> = {}): Cell {
  return h('th', attrs, text);
}

function td(fill: Fill, key: CellKey, attrs: Record<string, string | number> = {}): Cell {
  const cell = h('td', { ...attrs, 'data-cell': cellId(key), class: 'num' });
  fill(cell, key);
  return cell;
}

function table(caption: string, cls: string, ...rows: (HTMLTableSectionElement | HTMLTableRowElement)[]): HTMLTableElement {
  return h('table', { class: `official ${cls}` }, h('caption', { class: 'sr-only' }, caption), ...rows);
}

// ---------------------------------------------------------------- table A

export function tableA(r: ReportTables, fill: Fill): HTMLTableElement {
  return r.template === '2019' ? tableA2019(fill) : tableA2021(fill);
}

function sub(label: string): HTMLTableRowElement {
  return h('tr', { class: 'subhead' }, th(label, { colspan: 4, scope: 'colgroup' }));
}

function tableA2021(fill: Fill): HTMLTableElement {
  const A = (row: string, column?: string, attrs: Record<string, string | number> = {}) =>
    td(fill, { section: '二', row, column }, attrs);
  const single = (row: string) => h('tr', null, th(A_ROW[row].printed, { scope: 'row' }), A(row, undefined, { colspan: 3 }));
  const three = (row: string) => h('tr', null, th(A_ROW[row].printed, { scope: 'row' }), ...documentCells.map((c) => A(row, c)));
  const head = (heading: string) => h('tr', null, th(A_HEADINGS.content, { scope: 'col' }), th(heading, { colspan: 3, scope: 'col' }));
  const documentCells = ['issued', 'repealed', 'inForce'];
  return table(sectionTitle('二'), 'table-a', h('tbody', null,
    sub(A_ROW.regulations.group!),
    h('tr', null, th(A_HEADINGS.content, { scope: 'col' }), ...documentCells.map((c) => th(A_CELL_LABELS[c], { scope: 'col' }))),
    three('regulations'),
    three('normativeDocuments'),
    sub(A_ROW.licensing.group!),
    head(A_HEADINGS.decisions),
    single('licensing'),
    sub(A_ROW.punishment.group!),
    head(A_HEADINGS.decisions),
    single('punishment'),
    single('enforcement'),
    sub(A_ROW.fees.group!),
    head(A_HEADINGS.fees),
    single('fees'),
  ));
}

function tableA2019(fill: Fill): HTMLTableElement {
  const A = (row: string, column: string, attrs: Record<string, string | number> = {}) =>
    td(fill, { section: '二', row, column }, attrs);
  const three = (row: string, cells: string[]) =>
    h('tr', null, th(A2019_ROW[row].printed, { scope: 'row' }), ...cells.map((c) => A(row, c)));
  const head = (...cells: [string, number?][]) =>
    h('tr', null, th(A_HEADINGS.content, { scope: 'col' }), ...cells.map(([c, span]) => th(A_CELL_LABELS[c], span ? { colspan: span, scope: 'col' } : { scope: 'col' })));
  const publications = ['newlyMade', 'newlyPublished', 'publishedTotal'];
  const items = ['itemsLastYear', 'itemsChange', 'decisions'];
  return table(`${sectionTitle('二')}（2019 年格式）`, 'table-a', h('tbody', null,
    sub(A2019_ROW.regulations.group!),
    head(...publications.map((c): [string] => [c])),
    three('regulations', publications),
    three('normativeDocuments', publications),
    sub(A2019_ROW.licensing.group!),
    head(...items.map((c): [string] => [c])),
    three('licensing', items),
    three('otherServices', items),
    sub(A2019_ROW.punishment.group!),
    head(...items.map((c): [string] => [c])),
    three('punishment', items),
    three('enforcement', items),
    sub(A2019_ROW.fees.group!),
    head(['itemsLastYear'], ['itemsChange', 2]),
    h('tr', null, th(A2019_ROW.fees.printed, { scope: 'row' }), A('fees', 'itemsLastYear'), A('fees', 'itemsChange', { colspan: 2 })),
    sub(A2019_ROW.procurement.group!),
    head(['items'], ['amount', 2]),
    h('tr', null, th(A2019_ROW.procurement.printed, { scope: 'row' }), A('procurement', 'items'), A('procurement', 'amount', { colspan: 2 })),
  ));
}

// ---------------------------------------------------------------- table B

/** The rows printed under a heading of their own — （三）不予公开, （四）无法提供, （五）不予处理 — and （六）其他处理's. */
function rowsUnder(heading: string): string[] {
  return B_ROWS.filter((k) => B_ROW[k].group === heading);
}
const B_GROUPS = ['denied.stateSecret', 'unavailable.notHeld', 'notProcessed.complaint'].map((first) => B_ROW[first].group!);
const B_OTHER = rowsUnder(B_ROW['other.other'].group!);

export function tableB(r: ReportTables, fill: Fill): HTMLTableElement {
  const dataCells = (row: string) => B_COLUMNS.map((column) => td(fill, { section: '三', row, column }));
  const oneLine = r.template === '2019';
  const outcomeRowCount = 2 + B_GROUPS.reduce((n, g) => n + rowsUnder(g).length, 0) + (oneLine ? 1 : B_OTHER.length) + 1;
  const rowHead = (key: string, attrs: Record<string, string | number>) => th(B_ROW[key].printed, attrs);
  const body = h('tbody', null);
  body.append(
    h('tr', null, rowHead('newReceived', { colspan: 3, scope: 'row' }), ...dataCells('newReceived')),
    h('tr', null, rowHead('carriedOver', { colspan: 3, scope: 'row' }), ...dataCells('carriedOver')),
    h('tr', null, th(B_HEADINGS.outcomes, { rowspan: outcomeRowCount, scope: 'rowgroup', class: 'group' }),
      rowHead('granted', { colspan: 2, scope: 'row' }), ...dataCells('granted')),
    h('tr', null, rowHead('partiallyGranted', { colspan: 2, scope: 'row' }), ...dataCells('partiallyGranted')),
  );
  const group = (heading: string, rows: string[]) => rows.forEach((key, i) => {
    body.append(h('tr', null,
      i === 0 ? th(heading, { rowspan: rows.length, scope: 'rowgroup', class: 'group' }) : null,
      rowHead(key, { scope: 'row' }), ...dataCells(key)));
  });
  for (const g of B_GROUPS) group(g, rowsUnder(g));
  if (oneLine) {
    body.append(h('tr', null, th(B_HEADINGS.otherOneLine, { colspan: 2, scope: 'row' }), ...dataCells('other.other')));
  } else {
    group(B_HEADINGS.otherOneLine, B_OTHER);
  }
  body.append(
    h('tr', { class: 'total' }, rowHead('total', { colspan: 2, scope: 'row' }), ...dataCells('total')),
    h('tr', null, rowHead('carriedForward', { colspan: 3, scope: 'row' }), ...dataCells('carriedForward')),
  );
  const head = h('thead', null,
    h('tr', null,
      h('td', { colspan: 3, rowspan: 3, class: 'corner' }, B_HEADINGS.balance),
      th(B_HEADINGS.applicants, { colspan: 7, scope: 'colgroup' })),
    h('tr', null,
      th(B_COLUMN_LABELS.naturalPerson, { rowspan: 2, scope: 'col' }),
      th(B_HEADINGS.organisations, { colspan: 5, scope: 'colgroup' }),
      th(B_COLUMN_LABELS.total, { rowspan: 2, scope: 'col' })),
    h('tr', null, ...B_COLUMNS.slice(1, 6).map((c) => th(B_COLUMN_LABELS[c], { scope: 'col' }))),
  );
  return table(sectionTitle('三'), 'table-b', head, body);
}

// ---------------------------------------------------------------- table C

export function tableC(_r: ReportTables, fill: Fill): HTMLTableElement {
  const cellHeads = () => C_CELLS.map((c) => th(C_CELL_LABELS[c], { scope: 'col' }));
  const head = h('thead', null,
    h('tr', null, th(C_GROUP.adminReview.printed, { colspan: 5, scope: 'colgroup' }),
      th(C_GROUP.litigationDirect.group!, { colspan: 10, scope: 'colgroup' })),
    h('tr', null,
      ...cellHeads().map((c) => {
        c.setAttribute('rowspan', '2');
        return c;
      }),
      th(C_GROUP.litigationDirect.printed, { colspan: 5, scope: 'colgroup' }),
      th(C_GROUP.litigationAfterReview.printed, { colspan: 5, scope: 'colgroup' })),
    h('tr', null, ...cellHeads(), ...cellHeads()),
  );
  const row = h('tr', null);
  for (const g of C_GROUPS) for (const c of C_CELLS) row.append(td(fill, { section: '四', row: g, column: c }));
  return table(sectionTitle('四'), 'table-c', head, h('tbody', null, row));
}

/** Every cell key of a report's tables, in document order. */
export function allCells(r: ReportTables): CellKey[] {
  const keys: CellKey[] = [];
  const collect: Fill = (_td, k) => keys.push(k);
  tableA(r, collect);
  tableB(r, collect);
  tableC(r, collect);
  return keys;
}
