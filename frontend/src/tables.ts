// Tables A, B and C of a report drawn in the official layout (国办公开办函〔2021〕30号, and the 2019 layout),
// each data cell handed to a fill callback with its key, so the detail and the cross-year views decorate the
// same grid. Cells are keyed section|row|column as findings locate them (FORMAT.md).
import { h } from './dom';
import { B_COLUMNS, C_CELLS, C_GROUPS } from './labels';

export interface CellKey {
  section: '二' | '三' | '四';
  row: string;
  column?: string;
}
export type Fill = (td: HTMLTableCellElement, key: CellKey) => void;

export function cellId(k: { section?: string; row?: string; column?: string }): string {
  return [k.section ?? '', k.row ?? '', k.column ?? ''].join('|');
}

/** Minimal view of a report's tables (FORMAT.md JSON). */
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
  const single = (label: string, row: string) => h('tr', null, th(label, { scope: 'row' }), A(row, undefined, { colspan: 3 }));
  return table('主动公开政府信息情况', 'table-a', h('tbody', null,
    sub('第二十条第（一）项'),
    h('tr', null, th('信息内容', { scope: 'col' }), th('本年制发件数', { scope: 'col' }), th('本年废止件数', { scope: 'col' }), th('现行有效件数', { scope: 'col' })),
    h('tr', null, th('规章', { scope: 'row' }), A('regulations', 'issued'), A('regulations', 'repealed'), A('regulations', 'inForce')),
    h('tr', null, th('行政规范性文件', { scope: 'row' }), A('normativeDocuments', 'issued'), A('normativeDocuments', 'repealed'), A('normativeDocuments', 'inForce')),
    sub('第二十条第（五）项'),
    h('tr', null, th('信息内容', { scope: 'col' }), th('本年处理决定数量', { colspan: 3, scope: 'col' })),
    single('行政许可', 'licensing'),
    sub('第二十条第（六）项'),
    h('tr', null, th('信息内容', { scope: 'col' }), th('本年处理决定数量', { colspan: 3, scope: 'col' })),
    single('行政处罚', 'punishment'),
    single('行政强制', 'enforcement'),
    sub('第二十条第（八）项'),
    h('tr', null, th('信息内容', { scope: 'col' }), th('本年收费金额（单位：万元）', { colspan: 3, scope: 'col' })),
    single('行政事业性收费', 'fees'),
  ));
}

function tableA2019(fill: Fill): HTMLTableElement {
  const A = (row: string, column: string, attrs: Record<string, string | number> = {}) =>
    td(fill, { section: '二', row, column }, attrs);
  const three = (label: string, row: string, cells: string[]) =>
    h('tr', null, th(label, { scope: 'row' }), ...cells.map((c) => A(row, c)));
  const head = (...labels: [string, number?][]) =>
    h('tr', null, th('信息内容', { scope: 'col' }), ...labels.map(([l, span]) => th(l, span ? { colspan: span, scope: 'col' } : { scope: 'col' })));
  const items = ['itemsLastYear', 'itemsChange', 'decisions'];
  return table('主动公开政府信息情况（2019 年格式）', 'table-a', h('tbody', null,
    sub('第二十条第（一）项'),
    head(['本年新制作数量'], ['本年新公开数量'], ['对外公开总数量']),
    three('规章', 'regulations', ['newlyMade', 'newlyPublished', 'publishedTotal']),
    three('规范性文件', 'normativeDocuments', ['newlyMade', 'newlyPublished', 'publishedTotal']),
    sub('第二十条第（五）项'),
    head(['上一年项目数量'], ['本年增/减'], ['处理决定数量']),
    three('行政许可', 'licensing', items),
    three('其他对外管理服务事项', 'otherServices', items),
    sub('第二十条第（六）项'),
    head(['上一年项目数量'], ['本年增/减'], ['处理决定数量']),
    three('行政处罚', 'punishment', items),
    three('行政强制', 'enforcement', items),
    sub('第二十条第（八）项'),
    head(['上一年项目数量'], ['本年增/减', 2]),
    h('tr', null, th('行政事业性收费', { scope: 'row' }), A('fees', 'itemsLastYear'), A('fees', 'itemsChange', { colspan: 2 })),
    sub('第二十条第（九）项'),
    head(['采购项目数量'], ['采购总金额', 2]),
    h('tr', null, th('政府集中采购', { scope: 'row' }), A('procurement', 'items'), A('procurement', 'amount', { colspan: 2 })),
  ));
}

// ---------------------------------------------------------------- table B

const B_GROUPS: { label: string; rows: [string, string][] }[] = [
  { label: '（三）不予公开', rows: [
    ['denied.stateSecret', '1.属于国家秘密'],
    ['denied.prohibitedByLaw', '2.其他法律行政法规禁止公开'],
    ['denied.threeSecurityOneStability', '3.危及“三安全一稳定”'],
    ['denied.thirdPartyRights', '4.保护第三方合法权益'],
    ['denied.internalAffairs', '5.属于三类内部事务信息'],
    ['denied.processInformation', '6.属于四类过程性信息'],
    ['denied.lawEnforcementFile', '7.属于行政执法案卷'],
    ['denied.administrativeQuery', '8.属于行政查询事项'],
  ] },
  { label: '（四）无法提供', rows: [
    ['unavailable.notHeld', '1.本机关不掌握相关政府信息'],
    ['unavailable.needsCreation', '2.没有现成信息需要另行制作'],
    ['unavailable.unclearAfterCorrection', '3.补正后申请内容仍不明确'],
  ] },
  { label: '（五）不予处理', rows: [
    ['notProcessed.complaint', '1.信访举报投诉类申请'],
    ['notProcessed.duplicate', '2.重复申请'],
    ['notProcessed.publication', '3.要求提供公开出版物'],
    ['notProcessed.massRepeated', '4.无正当理由大量反复申请'],
    ['notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息'],
  ] },
];
const B_OTHER: [string, string][] = [
  ['other.overdueCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['other.overdueFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['other.other', '3.其他'],
];

export function tableB(r: ReportTables, fill: Fill): HTMLTableElement {
  const dataCells = (row: string) => B_COLUMNS.map((column) => td(fill, { section: '三', row, column }));
  const oneLine = r.template === '2019';
  const outcomeRowCount = 2 + B_GROUPS.reduce((n, g) => n + g.rows.length, 0) + (oneLine ? 1 : 3) + 1;
  const body = h('tbody', null);
  body.append(
    h('tr', null, th('一、本年新收政府信息公开申请数量', { colspan: 3, scope: 'row' }), ...dataCells('newReceived')),
    h('tr', null, th('二、上年结转政府信息公开申请数量', { colspan: 3, scope: 'row' }), ...dataCells('carriedOver')),
    h('tr', null, th('三、本年度办理结果', { rowspan: outcomeRowCount, scope: 'rowgroup', class: 'group' }),
      th('（一）予以公开', { colspan: 2, scope: 'row' }), ...dataCells('granted')),
    h('tr', null, th('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', { colspan: 2, scope: 'row' }), ...dataCells('partiallyGranted')),
  );
  for (const g of B_GROUPS) {
    g.rows.forEach(([key, label], i) => {
      body.append(h('tr', null,
        i === 0 ? th(g.label, { rowspan: g.rows.length, scope: 'rowgroup', class: 'group' }) : null,
        th(label, { scope: 'row' }), ...dataCells(key)));
    });
  }
  if (oneLine) {
    body.append(h('tr', null, th('（六）其他处理', { colspan: 2, scope: 'row' }), ...dataCells('other.other')));
  } else {
    B_OTHER.forEach(([key, label], i) => {
      body.append(h('tr', null,
        i === 0 ? th('（六）其他处理', { rowspan: 3, scope: 'rowgroup', class: 'group' }) : null,
        th(label, { scope: 'row' }), ...dataCells(key)));
    });
  }
  body.append(
    h('tr', { class: 'total' }, th('（七）总计', { colspan: 2, scope: 'row' }), ...dataCells('total')),
    h('tr', null, th('四、结转下年度继续办理', { colspan: 3, scope: 'row' }), ...dataCells('carriedForward')),
  );
  const head = h('thead', null,
    h('tr', null,
      h('td', { colspan: 3, rowspan: 3, class: 'corner' }, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'),
      th('申请人情况', { colspan: 7, scope: 'colgroup' })),
    h('tr', null,
      th('自然人', { rowspan: 2, scope: 'col' }),
      th('法人或其他组织', { colspan: 5, scope: 'colgroup' }),
      th('总计', { rowspan: 2, scope: 'col' })),
    h('tr', null, ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((l) => th(l, { scope: 'col' }))),
  );
  return table('收到和处理政府信息公开申请情况', 'table-b', head, body);
}

// ---------------------------------------------------------------- table C

export function tableC(_r: ReportTables, fill: Fill): HTMLTableElement {
  const cellHeads = () => C_CELLS.map((c) => th({ upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' }[c], { scope: 'col' }));
  const head = h('thead', null,
    h('tr', null, th('行政复议', { colspan: 5, scope: 'colgroup' }), th('行政诉讼', { colspan: 10, scope: 'colgroup' })),
    h('tr', null,
      ...cellHeads().map((c) => {
        c.setAttribute('rowspan', '2');
        return c;
      }),
      th('未经复议直接起诉', { colspan: 5, scope: 'colgroup' }),
      th('复议后起诉', { colspan: 5, scope: 'colgroup' })),
    h('tr', null, ...cellHeads(), ...cellHeads()),
  );
  const row = h('tr', null);
  for (const g of C_GROUPS) for (const c of C_CELLS) row.append(td(fill, { section: '四', row: g, column: c }));
  return table('政府信息公开行政复议、行政诉讼情况', 'table-c', head, h('tbody', null, row));
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
