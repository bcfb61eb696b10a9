// 趋势: a region's totals and indicators across all its years (its stored summaries), or one agency's key
// figures across its years (its reports), as line charts with the figures and the definitions beside them.
import type { ViewContext } from '../main';
import { getJson } from '../api';
import { fmtPercent, h, mount } from '../dom';
import { definitionList, shareCell, type Indicator, type IndicatorDefinition } from '../indicators';
import { emptyState, errorState, loadingState, routeHref, viewHeader } from '../ui';
import { B_ROW_SHORT, SEVERITY_LABELS } from '../labels';

interface TrendYear {
  year: number;
  reports?: number;
  withErrors?: number;
  reportId?: string;
  errors: number;
  warnings: number;
  newReceived: number | null;
  handled: number | null;
  indicators: Indicator[];
}

export interface Trends {
  scope?: { province: string | null; city: string | null; county?: string | null };
  agencyKey?: string;
  agency?: string | null;
  indicatorDefinitions: IndicatorDefinition[];
  years: TrendYear[];
}

export async function render(ctx: ViewContext): Promise<void> {
  const q = ctx.query;
  const agencyKey = q.get('agencyKey');
  const province = q.get('province') || null;
  const city = q.get('city') || null;
  const county = q.get('county') || null;
  document.title = '趋势 · 政府信息公开年报核查';
  const results = h('div', { class: 'results', 'aria-live': 'polite' }, loadingState('正在加载趋势…'));
  mount(ctx.main, viewHeader('趋势'), agencyKey ? null : form(province, city, county), results);
  let t: Trends;
  try {
    t = await getJson<Trends>('/trends', agencyKey ? { agencyKey } : { province, city, county }, ctx.signal);
  } catch (e) {
    if (ctx.signal.aborted) return;
    results.replaceChildren(errorState(e, () => void render(ctx)));
    return;
  }
  const name = agencyKey ? (t.agency ?? agencyKey) : [province ?? '全国', city, county].filter((x) => x).join(' ');
  document.title = `${name} · 趋势`;
  ctx.main.querySelector('#view-title')!.textContent = `${name} 历年趋势`;
  if (!t.years.length) {
    results.replaceChildren(emptyState('这个地区还没有报告。'));
    return;
  }
  await drawTrends(results, t, name, agencyKey);
}

/**
 * A region's or an agency's years (GET /trends): line charts of the counts and of the indicators, the table of every
 * year's figures and the definitions, into {@code results}. The agency's page (compare.ts) shows it too.
 */
export async function drawTrends(results: HTMLElement, t: Trends, name: string, agencyKey: string | null,
  linkToAgency = true): Promise<void> {
  const years = t.years.map((y) => String(y.year));
  const counts = h('div', { class: 'chart', id: 'trend-counts', role: 'img' });
  const shares = h('div', { class: 'chart', id: 'trend-indicators', role: 'img' });
  const defs = t.indicatorDefinitions;
  const label = (code: string) => defs.find((d) => d.code === code)?.label ?? code;
  mount(results,
    h('section', { class: 'report-section', 'aria-labelledby': 'trend-counts-title' },
      h('h2', { id: 'trend-counts-title' }, agencyKey ? '错误与警告' : '报告与错误'), counts),
    h('section', { class: 'report-section', 'aria-labelledby': 'trend-indicators-title' },
      h('h2', { id: 'trend-indicators-title' }, '指标'),
      agencyKey ? null : h('p', { class: 'figure-note' }, '地区的指标按其各报告数值之和计算（空白单元格不计入）。'),
      shares),
    h('div', { class: 'table-wrap', role: 'region', 'aria-label': '各年数据', tabindex: '0' },
      h('table', { class: 'grid trend-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, '年度'),
          agencyKey ? null : h('th', { scope: 'col', class: 'num' }, '报告'),
          agencyKey ? null : h('th', { scope: 'col', class: 'num' }, '有错误的报告'),
          h('th', { scope: 'col', class: 'num' }, SEVERITY_LABELS.error), h('th', { scope: 'col', class: 'num' }, '本年新收'),
          h('th', { scope: 'col', class: 'num' }, B_ROW_SHORT.total),
          ...defs.map((d) => h('th', { scope: 'col', class: 'num' }, d.label)))),
        h('tbody', null, ...t.years.map((y) => h('tr', { 'data-year': String(y.year) },
          h('th', { scope: 'row' }, y.reportId ? h('a', { href: `#/reports/${encodeURIComponent(y.reportId)}` }, String(y.year)) : String(y.year)),
          agencyKey ? null : h('td', { class: 'num' }, String(y.reports ?? 0)),
          agencyKey ? null : h('td', { class: 'num' }, String(y.withErrors ?? 0)),
          h('td', { class: 'num' }, String(y.errors)), h('td', { class: 'num' }, y.newReceived ?? '—'),
          h('td', { class: 'num' }, y.handled ?? '—'),
          ...defs.map((d) => h('td', { class: 'num' }, shareCell(y.indicators.find((i) => i.code === d.code))))))))),
    agencyKey && linkToAgency ? h('p', null, h('a', { href: `#/agencies/${encodeURIComponent(agencyKey)}` }, '跨年对比 ›')) : null,
    definitionList(defs));
  const { lineChart } = await import('../charts');
  lineChart(counts, years, agencyKey
    ? [{ name: SEVERITY_LABELS.error, values: t.years.map((y) => y.errors) }, { name: SEVERITY_LABELS.warning, values: t.years.map((y) => y.warnings) }]
    : [{ name: '报告', values: t.years.map((y) => y.reports ?? 0) }, { name: '有错误的报告', values: t.years.map((y) => y.withErrors ?? 0) }],
  { description: `${name}各年度的${agencyKey ? '错误与警告数' : '报告数与有错误的报告数'}，数据见下表` });
  lineChart(shares, years, defs.map((d) => ({
    name: label(d.code),
    values: t.years.map((y) => y.indicators.find((i) => i.code === d.code)?.value ?? null),
  })), { percent: true, description: `${name}各年度的八项指标（${fmtPercent(0)} 至 100%），数据见下表` });
}

function form(province: string | null, city: string | null, county: string | null): HTMLElement {
  const f = h('form', { class: 'filters', 'aria-label': '地区' },
    h('div', { class: 'field' }, h('label', { for: 't-province' }, '省'),
      h('input', { id: 't-province', name: 'province', value: province ?? '', placeholder: '全国' })),
    h('div', { class: 'field' }, h('label', { for: 't-city' }, '市'), h('input', { id: 't-city', name: 'city', value: city ?? '' })),
    // a county a province administers directly (济源市, a municipality's district) is given without a city
    h('div', { class: 'field' }, h('label', { for: 't-county' }, '县（区）'),
      h('input', { id: 't-county', name: 'county', value: county ?? '' })),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', class: 'btn primary' }, '查看')));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = new FormData(f);
    const field = (name: string) => String(d.get(name) ?? '').trim();
    location.hash = routeHref('/trends', { province: field('province'), city: field('city'), county: field('county') });
  });
  return f;
}
