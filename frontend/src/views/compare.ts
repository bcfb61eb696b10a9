// 跨年对比: one agency's reports by year (GET /agencies/{agency}/reports), the carry-over check X2 between
// consecutive years, and a cell-by-cell difference of tables A, B and C between two chosen years.
import type { ViewContext } from '../main';
import { ApiError, getJson, toRow, type Finding, type ReportRow } from '../api';
import { h } from '../dom';
import { B_COLUMNS, B_COLUMN_LABELS, SECTION_NAMES } from '../labels';
import { tableA, tableB, tableC, valueAt, allCells, type CellKey, type CellValue } from '../tables';
import { errorState, notFoundState, regionText, routeHref, ruleBadge, statusBadge, viewHeader } from '../ui';
import type { ReportDoc } from './detail';

type Loose = Record<string, unknown>;

function show(v: CellValue): string {
  return v === null ? '空' : v === undefined ? '—' : String(v);
}

function same(a: CellValue, b: CellValue): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' || typeof b === 'string') {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) ? x === y : String(a) === String(b);
  }
  return a === b;
}

export async function render(ctx: ViewContext): Promise<void> {
  const key = ctx.params[0];
  const q = ctx.query;
  let raw: Loose;
  try {
    raw = await getJson<Loose>(`/agencies/${encodeURIComponent(key)}/reports`, { from: q.get('from'), to: q.get('to') }, ctx.signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      ctx.main.replaceChildren(h('h1', { id: 'view-title', tabindex: '-1' }, '跨年对比'), notFoundState('该机关的报告'));
      return;
    }
    throw e;
  }
  const list = ((raw.reports ?? raw.items ?? raw.years ?? []) as Loose[]).map((x) => ({ row: toRow(x), raw: x }));
  const reports: ReportRow[] = list.map((x) => x.row).filter((r) => r.year !== null).sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const name = String(raw.agency ?? raw.name ?? reports[reports.length - 1]?.agency ?? key);
  const last = reports[reports.length - 1];
  document.title = `${name} · 跨年对比`;

  const head = viewHeader(`${name} · 跨年对比`, h('span', { class: 'muted' }, last ? regionText(last.province, last.city, last.county) : ''));
  if (!reports.length) {
    ctx.main.replaceChildren(head, notFoundState('该机关的报告'));
    return;
  }

  const yearsList = reports.map((r) => r.year as number);
  let from = Number(q.get('from')) || (yearsList.length > 1 ? yearsList[yearsList.length - 2] : yearsList[0]);
  let to = Number(q.get('to')) || yearsList[yearsList.length - 1];
  if (!yearsList.includes(from)) from = yearsList[0];
  if (!yearsList.includes(to)) to = yearsList[yearsList.length - 1];

  const yearTable = h('div', { class: 'table-wrap' }, h('table', { class: 'grid' },
    h('caption', { class: 'sr-only' }, '各年度报告'),
    h('thead', null, h('tr', null, ...['年度', '状态', '错误', '警告', '跨年检查'].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', null, ...reports.map((r) => {
      const cross = crossOf(list.find((x) => x.row.reportId === r.reportId)?.raw);
      return h('tr', { 'data-year': r.year },
        h('th', { scope: 'row' }, h('a', { href: `#/reports/${encodeURIComponent(r.reportId)}` }, `${r.year} 年`)),
        h('td', null, statusBadge(r.status)),
        h('td', { class: 'num' }, r.errors),
        h('td', { class: 'num' }, r.warnings),
        h('td', null, cross.length ? cross.map((f) => h('span', { class: 'cross' }, ruleBadge(f.rule, f.severity), ' ', f.message)) : h('span', { class: 'muted' }, '—')));
    }))));

  const yearSelect = (id: string, label: string, value: number) => h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id, name: id === 'c-from' ? 'from' : 'to' }, ...yearsList.map((y) => h('option', { value: String(y), selected: y === value }, `${y} 年`))));
  const form = h('form', { class: 'filters', 'aria-label': '选择对比年度' },
    yearSelect('c-from', '从', from), yearSelect('c-to', '到', to),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', class: 'btn primary' }, '对比')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = new FormData(form);
    location.hash = routeHref(`/agencies/${key}`, { from: String(d.get('from')), to: String(d.get('to')) });
  });

  const diffBox = h('div', { class: 'diff' });
  ctx.main.replaceChildren(
    h('nav', { class: 'crumbs', 'aria-label': '位置' }, h('a', { href: '#/agencies' }, '跨年对比'), ' › ', name),
    head,
    h('section', { class: 'report-section', 'aria-labelledby': 'years-title' }, h('h2', { id: 'years-title' }, '各年度报告'), yearTable),
    h('section', { class: 'report-section', 'aria-labelledby': 'diff-title' }, h('h2', { id: 'diff-title' }, '两个年度对比'), form, diffBox));

  if (reports.length < 2) {
    diffBox.replaceChildren(h('p', { class: 'state empty' }, '该机关只有一个年度的报告，上传另一年度的报告后即可对比。'));
    return;
  }
  if (from === to) {
    diffBox.replaceChildren(h('p', { class: 'state empty' }, '请选择两个不同的年度。'));
    return;
  }
  const idOf = (y: number) => reports.find((r) => r.year === y)!.reportId;
  const [a, b] = await Promise.all([
    getJson<ReportDoc>(`/reports/${encodeURIComponent(idOf(from))}`, undefined, ctx.signal),
    getJson<ReportDoc>(`/reports/${encodeURIComponent(idOf(to))}`, undefined, ctx.signal),
  ]).catch((e) => {
    if (!ctx.signal.aborted) diffBox.replaceChildren(errorState(e));
    return [null, null];
  });
  if (!a || !b) return;

  diffBox.replaceChildren(carryOver(a, b, from, to), ...diffTables(a, b, from, to));
}

function crossOf(raw: Loose | undefined): Finding[] {
  if (!raw) return [];
  const list = (raw.crossFindings ?? raw.checks ?? []) as Finding[];
  return Array.isArray(list) ? list.filter((f) => f && f.rule) : [];
}

/** X2: last year's 结转下年度 = this year's 上年结转, per column. */
function carryOver(a: ReportDoc, b: ReportDoc, from: number, to: number): HTMLElement {
  const box = h('section', { class: 'card x2', 'aria-labelledby': 'x2-title' },
    h('h3', { id: 'x2-title' }, `结转衔接（X2）：${from} 年“结转下年度继续办理”与 ${to} 年“上年结转”`));
  if (to !== from + 1 && from !== to + 1) {
    box.append(h('p', { class: 'muted' }, 'X2 只比较相邻两个年度；所选年度不相邻。'));
    return box;
  }
  const [early, late, ye, yl] = from < to ? [a, b, from, to] : [b, a, to, from];
  let bad = 0;
  const rows = B_COLUMNS.map((c) => {
    const fwd = valueAt(early, { section: '三', row: 'carriedForward', column: c });
    const over = valueAt(late, { section: '三', row: 'carriedOver', column: c });
    const known = fwd !== null && fwd !== undefined && over !== null && over !== undefined;
    const ok = known && same(fwd, over);
    if (known && !ok) bad++;
    return h('tr', { class: known && !ok ? 'x2-bad' : '' },
      h('th', { scope: 'row' }, B_COLUMN_LABELS[c]),
      h('td', { class: 'num' }, show(fwd)),
      h('td', { class: 'num' }, show(over)),
      h('td', null, !known ? h('span', { class: 'muted' }, '有空白，未核对') : ok ? h('span', { class: 'ok' }, '一致') : h('span', { class: 'bad' }, '不一致')));
  });
  box.append(
    h('p', { class: `callout ${bad ? 'error' : 'ok'}` }, bad ? `${bad} 列不一致。` : '各列一致。'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'grid compact' },
      h('caption', { class: 'sr-only' }, '结转衔接核对'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, '申请人'), h('th', { scope: 'col', class: 'num' }, `${ye} 年结转下年度`),
        h('th', { scope: 'col', class: 'num' }, `${yl} 年上年结转`), h('th', { scope: 'col' }, '核对'))),
      h('tbody', null, ...rows))));
  return box;
}

function diffTables(a: ReportDoc, b: ReportDoc, from: number, to: number): HTMLElement[] {
  let changed = 0;
  const templateDiffers = (a.template ?? '2021') !== (b.template ?? '2021');
  const fill = (td: HTMLTableCellElement, k: CellKey) => {
    const x = k.section === '二' && templateDiffers ? undefined : valueAt(a, k);
    const y = valueAt(b, k);
    if (same(x, y)) {
      if (y === null) {
        td.classList.add('blank');
        td.setAttribute('aria-label', '空白');
      } else td.textContent = show(y);
      return;
    }
    changed++;
    td.classList.add('changed');
    td.tabIndex = 0;
    td.dataset.tip = `${from} 年：${show(x)}\n${to} 年：${show(y)}`;
    td.setAttribute('aria-label', `${from} 年 ${show(x)}，${to} 年 ${show(y)}`);
    td.append(h('span', { class: 'was' }, show(x)), h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), h('span', { class: 'now' }, show(y)));
  };
  const section = (s: '二' | '三' | '四', t: HTMLTableElement) => h('section', { class: 'report-section' },
    h('h3', null, SECTION_NAMES[s]),
    s === '二' && templateDiffers ? h('p', { class: 'muted' }, `两个年度使用不同的模板（${a.template} / ${b.template}），表二不逐格比较。`) : null,
    h('div', { class: 'table-wrap', role: 'region', 'aria-label': `${SECTION_NAMES[s]}（${from}→${to}）`, tabindex: '0' }, t));
  const tables = [section('二', tableA(b, fill)), section('三', tableB(b, fill)), section('四', tableC(b, fill))];
  const total = allCells(b).length;
  return [h('p', { class: 'callout', role: 'status' }, changed
    ? `${from} 年 → ${to} 年：${total} 个单元格中有 ${changed} 个不同（标出者，悬停或聚焦可见两年数值）。`
    : `${from} 年与 ${to} 年的表格数值完全相同。`), ...tables];
}
