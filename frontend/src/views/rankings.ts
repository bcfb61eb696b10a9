// 排名: a year's agencies of a region ranked by errors or by an indicator (GET /rankings: the entries the write
// path keeps in each order, never every report); shares over fewer than ten cases are left out, and said so.
import type { ViewContext } from '../main';
import { apiUrl, getJson, type Query } from '../api';
import { fmtPercent, h, mount } from '../dom';
import { definitionList, type IndicatorDefinition } from '../indicators';
import { emptyState, errorState, loadingState, regionText, routeHref, statusBadge, viewHeader } from '../ui';
import { regionSection } from './regionRanking';

interface RankedRow {
  id: string;
  agency: string | null;
  year: number;
  province: string | null;
  city: string | null;
  county: string | null;
  status: string;
  errors: number;
  rank: number;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** reviewers corrected some of its figures: it is ranked on the corrected values */
  corrected?: boolean;
}

interface Ranking {
  by: { code: string; label: string; definition: string; excluded: string | null };
  order: string;
  indicatorDefinitions: IndicatorDefinition[];
  items: RankedRow[];
  cursor: string | null;
}

export async function render(ctx: ViewContext): Promise<void> {
  document.title = '排名 · 政府信息公开年报核查';
  const q = ctx.query;
  const results = h('div', { class: 'results', 'aria-live': 'polite' }, loadingState('正在加载排名…'));
  const header = viewHeader('排名', h('span', { class: 'muted' }, '某年度某地区的机关按错误数或某项指标排序'));
  ctx.main.replaceChildren(header, results);

  let year = q.get('year');
  if (!year) {
    // the latest year of any report (the newest list's first row; a rejected upload has none and comes last)
    try {
      const newest = await getJson<{ items: { year: number | null }[] }>('/reports', { limit: 1 }, ctx.signal);
      year = String(newest.items[0]?.year ?? new Date().getFullYear() - 1);
    } catch {
      year = String(new Date().getFullYear() - 1);
    }
  }
  const asked: Query = { year, province: q.get('province'), city: q.get('city'), by: q.get('by') || 'errors', order: q.get('order') || 'desc' };
  let first: Ranking;
  try {
    first = await getJson<Ranking>('/rankings', { ...asked, limit: 50 }, ctx.signal);
  } catch (e) {
    if (ctx.signal.aborted) return;
    ctx.main.replaceChildren(header, form(asked, []), errorState(e, () => void render(ctx)));
    return;
  }
  const isIndicator = first.by.code !== 'errors';
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'btn', hidden: true }, '加载更多');
  const table = h('div', { class: 'table-wrap', role: 'region', 'aria-label': `${first.by.label}排名`, tabindex: '0' },
    h('table', { class: 'grid ranking' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', class: 'num' }, '名次'), h('th', { scope: 'col' }, '机关'), h('th', { scope: 'col' }, '地区'),
        h('th', { scope: 'col', class: 'num' }, first.by.label),
        isIndicator ? h('th', { scope: 'col', class: 'num' }, '分子 / 分母') : null,
        h('th', { scope: 'col' }, '状态'))),
      body));
  const add = (page: Ranking) => {
    for (const r of page.items) {
      body.append(h('tr', { 'data-report': r.id },
        h('td', { class: 'num rank' }, String(r.rank)),
        h('td', null, h('a', { href: `#/reports/${encodeURIComponent(r.id)}` }, r.agency ?? r.id)),
        h('td', null, regionText(r.province, r.city, r.county)),
        h('td', { class: 'num value' }, isIndicator ? fmtPercent(r.value) : String(r.errors),
          r.corrected ? h('span', { class: 'badge corrected', title: '审核人员更正过这份报告的数字，按更正后的数字排名' }, '含更正') : null),
        isIndicator ? h('td', { class: 'num' }, `${r.numerator ?? '空白'} / ${r.denominator ?? '空白'}`) : null,
        h('td', null, statusBadge(r.status))));
    }
    more.hidden = !page.cursor;
    more.onclick = async () => {
      more.disabled = true;
      try {
        add(await getJson<Ranking>('/rankings', { ...asked, limit: 50, cursor: page.cursor }, ctx.signal));
      } finally {
        more.disabled = false;
      }
    };
  };
  add(first);
  const scope = regionText(String(asked.province ?? '') || '全国', String(asked.city ?? ''));
  mount(results,
    h('p', { class: 'ranking-by' }, h('strong', null, `${asked.year} 年 ${scope}：按${first.by.label}${first.order === 'asc' ? '从低到高' : '从高到低'}`),
      h('span', { class: 'muted' }, `　${first.by.definition}`)),
    first.by.excluded ? h('p', { class: 'figure-note' }, `${first.by.excluded}（见各报告详情中的指标）。`) : null,
    first.items.length ? table : emptyState('这个年度和地区没有可排名的报告。'),
    more,
    // under the table they export, apart from the region ranking's own buttons below it
    h('p', { class: 'exports' }, h('a', { class: 'btn btn-small', id: 'ranking-csv', href: apiUrl('/export/rankings.csv', asked), download: '' }, '导出机关排名 CSV'),
      ' ',
      h('a', { class: 'btn btn-small', id: 'ranking-xlsx', href: apiUrl('/export/rankings.csv', { ...asked, format: 'xlsx' }), download: '' }, '导出 Excel')),
    regionSection(asked, ctx.signal),
    h('p', null, h('a', { href: routeHref('/trends', { province: asked.province as string, city: asked.city as string }) }, `${scope}历年趋势 ›`)),
    definitionList(first.indicatorDefinitions));
  ctx.main.replaceChildren(header, form(asked, first.indicatorDefinitions), results);
}

function form(asked: Query, defs: IndicatorDefinition[]): HTMLElement {
  const by = String(asked.by ?? 'errors');
  const f = h('form', { class: 'filters', 'aria-label': '排名条件' },
    h('div', { class: 'field' }, h('label', { for: 'r-year' }, '年度'),
      h('input', { id: 'r-year', name: 'year', type: 'number', min: '2008', value: String(asked.year ?? ''), required: true })),
    h('div', { class: 'field' }, h('label', { for: 'r-province' }, '省'),
      h('input', { id: 'r-province', name: 'province', value: String(asked.province ?? ''), placeholder: '全国' })),
    h('div', { class: 'field' }, h('label', { for: 'r-city' }, '市'),
      h('input', { id: 'r-city', name: 'city', value: String(asked.city ?? '') })),
    h('div', { class: 'field' }, h('label', { for: 'r-by' }, '依据'),
      h('select', { id: 'r-by', name: 'by' },
        h('option', { value: 'errors', selected: by === 'errors' }, '错误数'),
        ...defs.map((d) => h('option', { value: d.code, selected: by === d.code }, d.label)))),
    h('div', { class: 'field' }, h('label', { for: 'r-order' }, '顺序'),
      h('select', { id: 'r-order', name: 'order' },
        h('option', { value: 'desc', selected: asked.order !== 'asc' }, '从高到低'),
        h('option', { value: 'asc', selected: asked.order === 'asc' }, '从低到高'))),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', class: 'btn primary' }, '排名')));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = new FormData(f);
    const v = (k: string) => String(d.get(k) ?? '').trim();
    location.hash = routeHref('/rankings', { year: v('year'), province: v('province'), city: v('city'), by: v('by'), order: v('order') });
  });
  return f;
}
