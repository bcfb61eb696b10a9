// 跨年对比: one agency's reports by year, each with its cross-year findings (X2 carry-over, X4, X5), the X2 check
// between two consecutive years column by column, and the cell-by-cell difference of tables A, B and C between
// two chosen years (GET /agencies/{agency}/reports?from=&to=), changed cells marked on the official layout.
import type { ViewContext } from '../main';
import { ApiError, getJson, toRow, type Finding } from '../api';
import { h } from '../dom';
import { B_COLUMNS, B_COLUMN_LABELS, SECTION_NAMES, SEVERITY_LABELS } from '../labels';
import { cellId, tableA, tableB, tableC, type CellKey, type CellValue } from '../tables';
import { errorState, loadingState, notFoundState, regionText, routeHref, ruleBadge, statusBadge, viewHeader } from '../ui';
import { drawTrends, type Trends } from './trends';
import { mergedAwayState, mergesSection } from './merges';

type Loose = Record<string, unknown>;

interface DiffCell {
  section: string;
  row: string;
  column?: string;
  from: CellValue;
  to: CellValue;
  changed: boolean;
}
interface Diff {
  from: number;
  to: number;
  fromTemplate?: string;
  toTemplate?: string;
  tableACompared?: boolean;
  changed?: number;
  cells: DiffCell[];
}

function show(v: CellValue): string {
  return v === null ? '空' : v === undefined ? '—' : String(v);
}

export async function render(ctx: ViewContext): Promise<void> {
  const key = ctx.params[0];
  const q = ctx.query;
  const from = q.get('from');
  const to = q.get('to');
  let raw: Loose;
  try {
    raw = await getJson<Loose>(`/agencies/${encodeURIComponent(key)}/reports`, from && to ? { from, to } : undefined, ctx.signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && !(from && to)) {
      document.title = '未找到机关 · 跨年对比';
      const merged = await mergedAwayState(key, ctx.signal);
      ctx.main.replaceChildren(h('h1', { id: 'view-title', tabindex: '-1' }, '跨年对比'), merged ?? notFoundState('该机关的报告'));
      return;
    }
    throw e;
  }
  const years = ((raw.years ?? raw.reports ?? []) as Loose[]).map((x) => ({ row: toRow(x), raw: x }))
    .filter((x) => x.row.year !== null).sort((a, b) => (a.row.year ?? 0) - (b.row.year ?? 0));
  const region = (raw.region ?? {}) as Loose;
  const name = String(raw.agency ?? years[years.length - 1]?.row.agency ?? key);
  document.title = `${name} · 跨年对比`;
  const head = viewHeader(`${name} · 跨年对比`,
    h('span', { class: 'muted' }, regionText(region.province as string, region.city as string, region.county as string)),
    h('a', { href: `#/trends?agencyKey=${encodeURIComponent(key)}`, class: 'btn btn-small' }, '历年趋势'));
  if (!years.length) {
    ctx.main.replaceChildren(head, notFoundState('该机关的报告'));
    return;
  }

  const yearTable = h('div', { class: 'table-wrap' }, h('table', { class: 'grid', id: 'years' },
    h('caption', { class: 'sr-only' }, '各年度报告'),
    h('thead', null, h('tr', null, ...['年度', '所印机关名称', '状态', SEVERITY_LABELS.error, SEVERITY_LABELS.warning, SEVERITY_LABELS.note, '结转衔接（X2）', '跨年发现'].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', null, ...years.map(({ row: r, raw: y }) => {
      const cross = ((y.crossYearFindings ?? y.crossFindings ?? []) as Finding[]).filter((f) => f && f.rule);
      const consistent = y.carryOverConsistent;
      return h('tr', { 'data-year': r.year },
        h('th', { scope: 'row' }, h('a', { href: `#/reports/${encodeURIComponent(r.reportId)}` }, `${r.year} 年`)),
        h('td', { class: 'printed-name' }, r.agency ?? '—'),
        h('td', null, statusBadge(r.status)),
        h('td', { class: 'num' }, r.errors),
        h('td', { class: 'num' }, r.warnings),
        h('td', { class: 'num muted' }, r.notes),
        h('td', null, consistent === true ? h('span', { class: 'ok' }, '与上年一致')
          : consistent === false ? h('span', { class: 'bad' }, '与上年不一致') : h('span', { class: 'muted' }, '无上年报告')),
        h('td', null, cross.length ? cross.map((f) => h('span', { class: 'cross' }, ruleBadge(f.rule, f.severity), ' ', f.message))
          : h('span', { class: 'muted' }, '—')));
    }))));

  const diff = (raw.diff ?? null) as Diff | null;
  const yearList = years.map((y) => y.row.year as number);
  const yearSelect = (id: string, label: string, value: number | undefined) => h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id, name: id === 'c-from' ? 'from' : 'to' }, ...yearList.map((y) => h('option', { value: String(y), selected: y === value }, `${y} 年`))));
  const form = h('form', { class: 'filters', 'aria-label': '选择对比年度' },
    yearSelect('c-from', '从', diff?.from ?? yearList[0]), yearSelect('c-to', '到', diff?.to ?? yearList[yearList.length - 1]),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', class: 'btn primary' }, '对比')));
  const formError = h('p', { class: 'callout error', hidden: true, role: 'alert' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = new FormData(form);
    if (d.get('from') === d.get('to')) {
      formError.hidden = false;
      formError.textContent = '请选择两个不同的年度。';
      return;
    }
    location.hash = routeHref(`/agencies/${key}`, { from: String(d.get('from')), to: String(d.get('to')) });
  });

  const diffBox = h('div', { class: 'diff' });
  // every year's key figures and their trends (GET /trends?agencyKey=), drawn as the trends view draws them
  const trends = h('div', { class: 'results', id: 'agency-trends', 'aria-live': 'polite' }, loadingState('正在加载各年数据…'));
  void getJson<Trends>('/trends', { agencyKey: key }, ctx.signal)
    .then((t) => drawTrends(trends, t, name, key, false))
    .catch((e) => { if (!ctx.signal.aborted) trends.replaceChildren(errorState(e, () => void render(ctx))); });
  ctx.main.replaceChildren(
    h('nav', { class: 'crumbs', 'aria-label': '位置' }, h('a', { href: '#/agencies' }, '跨年对比'), ' › ', name),
    head,
    h('section', { class: 'report-section', 'aria-labelledby': 'years-title' }, h('h2', { id: 'years-title' }, '各年度报告'), yearTable),
    mergesSection(key, name, ctx.signal, () => void render(ctx)),
    h('section', { class: 'report-section', 'aria-labelledby': 'agency-trends-title' },
      h('h2', { id: 'agency-trends-title' }, '各年主要数据与趋势'), trends),
    h('section', { class: 'report-section', 'aria-labelledby': 'diff-title' },
      h('h2', { id: 'diff-title' }, '两个年度逐格对比'), years.length > 1 ? form : null, formError, diffBox));

  if (!diff || years.length < 2) {
    diffBox.replaceChildren(h('p', { class: 'state empty' }, '该机关只有一个年度的报告，上传另一年度的报告后即可对比。'));
    return;
  }
  diffBox.replaceChildren(carryOver(diff), ...diffTables(diff));
}

/** X2 between consecutive years: the earlier year's 结转下年度 against the later year's 上年结转, per column. */
function carryOver(d: Diff): HTMLElement {
  const early = Math.min(d.from, d.to);
  const late = Math.max(d.from, d.to);
  const box = h('section', { class: 'card x2', 'aria-labelledby': 'x2-title' },
    h('h3', { id: 'x2-title' }, `结转衔接（X2）：${early} 年“结转下年度继续办理”与 ${late} 年“上年结转”`));
  if (late !== early + 1) {
    box.append(h('p', { class: 'muted' }, 'X2 只比较相邻两个年度；所选年度不相邻。'));
    return box;
  }
  const pick = (row: string, col: string, which: 'early' | 'late'): CellValue => {
    const c = d.cells.find((x) => x.section === '三' && x.row === row && x.column === col);
    if (!c) return undefined;
    const earlyIsFrom = d.from < d.to;
    return which === 'early' ? (earlyIsFrom ? c.from : c.to) : (earlyIsFrom ? c.to : c.from);
  };
  let bad = 0;
  const rows = B_COLUMNS.map((c) => {
    const fwd = pick('carriedForward', c, 'early');
    const over = pick('carriedOver', c, 'late');
    const known = fwd !== null && fwd !== undefined && over !== null && over !== undefined;
    const ok = known && Number(fwd) === Number(over);
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
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, '申请人'), h('th', { scope: 'col', class: 'num' }, `${early} 年结转下年度`),
        h('th', { scope: 'col', class: 'num' }, `${late} 年上年结转`), h('th', { scope: 'col' }, '核对'))),
      h('tbody', null, ...rows))));
  return box;
}

function diffTables(d: Diff): HTMLElement[] {
  const byId = new Map(d.cells.map((c) => [cellId(c), c]));
  const fill = (td: HTMLTableCellElement, k: CellKey) => {
    const c = byId.get(cellId(k));
    if (!c) {
      td.classList.add('missing');
      td.textContent = '—';
      td.setAttribute('aria-label', '未比较');
      return;
    }
    if (!c.changed) {
      if (c.to === null) {
        td.classList.add('blank');
        td.setAttribute('aria-label', '空白');
      } else td.textContent = show(c.to);
      return;
    }
    td.classList.add('changed');
    td.tabIndex = 0;
    td.dataset.tip = `${d.from} 年：${show(c.from)}\n${d.to} 年：${show(c.to)}`;
    td.setAttribute('aria-label', `${d.from} 年 ${show(c.from)}，${d.to} 年 ${show(c.to)}`);
    td.append(h('span', { class: 'was' }, show(c.from)), h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), h('span', { class: 'now' }, show(c.to)));
  };
  const layout = { template: d.toTemplate ?? '2021' };
  const aCompared = d.tableACompared !== false;
  const section = (s: '二' | '三' | '四', t: HTMLTableElement | null) => h('section', { class: 'report-section' },
    h('h3', null, SECTION_NAMES[s]),
    t ? h('div', { class: 'table-wrap', role: 'region', 'aria-label': `${SECTION_NAMES[s]}（${d.from}→${d.to}）`, tabindex: '0' }, t)
      : h('p', { class: 'muted' }, `两个年度使用不同的模板（${d.fromTemplate} / ${d.toTemplate}），表二不逐格比较。`));
  const changed = d.changed ?? d.cells.filter((c) => c.changed).length;
  return [
    h('p', { class: 'callout', role: 'status', id: 'diff-summary' }, changed
      ? `${d.from} 年 → ${d.to} 年：${d.cells.length} 个单元格中有 ${changed} 个不同（已标出；悬停或聚焦可见两年数值）。`
      : `${d.from} 年与 ${d.to} 年的表格数值完全相同。`),
    section('二', aCompared ? tableA(layout, fill) : null),
    section('三', tableB(layout, fill)),
    section('四', tableC(layout, fill)),
  ];
}
