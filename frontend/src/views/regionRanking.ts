// 地区排名: the provinces of the country, a province's cities (and the counties it administers directly) with its own
// agencies (省本级), or a city's counties with its own (市本级), ranked by errors or an indicator over their reports'
// sums (GET /rankings/regions: the summaries the write path keeps).
import { apiUrl, getJson, type Query } from '../api';
import { fmtPercent, h } from '../dom';
import { errorState, loadingState, routeHref } from '../ui';

interface RegionRow {
  province: string | null;
  city: string | null;
  county?: string | null;
  ownAgencies: boolean;
  rank?: number;
  reports: number;
  withErrors: number;
  errors: number;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  smallBase?: boolean;
}

interface RegionRanking {
  by: { code: string; label: string };
  of: 'provinces' | 'cities' | 'counties';
  total: RegionRow;
  items: RegionRow[];
  unranked: RegionRow[];
}

function place(r: RegionRow, of: string): string {
  if (r.ownAgencies) return r.city ? `${r.city}市本级` : `${r.province ?? ''}省本级`;
  if (of === 'provinces') return r.province ?? '—';
  return r.county ?? r.city ?? '—';
}

/** The section ranking the regions under the asked scope: provinces, a province's cities, a city's counties. */
export function regionSection(asked: Query, signal: AbortSignal): HTMLElement | null {
  const box = h('div', { class: 'results', 'aria-live': 'polite' }, loadingState('正在加载地区排名…'));
  const title = asked.city ? `${asked.city}各县（区）排名` : asked.province ? `${asked.province}各市排名` : '各省排名';
  const section = h('section', { class: 'report-section', id: 'region-ranking', 'aria-labelledby': 'region-ranking-title' },
    h('h2', { id: 'region-ranking-title' }, title), box);
  const { year, province, city, by, order } = asked;
  const scope = { year, province, city, by, order };
  getJson<RegionRanking>('/rankings/regions', scope, signal).then((t) => {
    const isIndicator = t.by.code !== 'errors';
    const value = (r: RegionRow) => (isIndicator ? (r.value === null ? '无法计算' : fmtPercent(r.value)) : String(r.errors));
    const row = (r: RegionRow) => h('tr', { 'data-region': place(r, t.of) },
      h('td', { class: 'num rank' }, r.rank ? String(r.rank) : '—'),
      // a region's name leads to its years (a scope's own agencies have no summary of their own)
      h('th', { scope: 'row' }, r.ownAgencies ? place(r, t.of)
        : h('a', { class: 'region-trend', href: routeHref('/trends', { province: r.province, city: r.city, county: r.county }) }, place(r, t.of))),
      h('td', { class: 'num' }, String(r.reports)), h('td', { class: 'num' }, String(r.withErrors)),
      h('td', { class: 'num value' }, value(r)),
      isIndicator ? h('td', { class: 'num' }, `${r.numerator ?? '空白'} / ${r.denominator ?? '空白'}`) : null);
    box.replaceChildren(
      h('div', { class: 'table-wrap', role: 'region', 'aria-label': '地区排名', tabindex: '0' },
        h('table', { class: 'grid region-ranking' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'num' }, '名次'),
            h('th', { scope: 'col' }, t.of === 'provinces' ? '省' : t.of === 'cities' ? '市' : '县（区）'), h('th', { scope: 'col', class: 'num' }, '报告'),
            h('th', { scope: 'col', class: 'num' }, '有错误的报告'), h('th', { scope: 'col', class: 'num' }, t.by.label),
            isIndicator ? h('th', { scope: 'col', class: 'num' }, '分子 / 分母') : null)),
          h('tbody', null, ...t.items.map(row), ...t.unranked.map(row)),
          h('tfoot', null, h('tr', { class: 'total' }, h('td', null, ''), h('th', { scope: 'row' }, '合计'),
            h('td', { class: 'num' }, String(t.total.reports)), h('td', { class: 'num' }, String(t.total.withErrors)),
            h('td', { class: 'num' }, value(t.total)),
            isIndicator ? h('td', { class: 'num' }, `${t.total.numerator ?? '空白'} / ${t.total.denominator ?? '空白'}`) : null)))),
      h('p', { class: 'figure-note' }, '地区的指标按其各报告数值之和计算；名次为“—”者分母小于 10 或无法计算，不参与排名。'
        + (t.of === 'cities' ? '省本级：省直机关的报告；省直管的县（区）与各市并列。' : '')
        + (t.of === 'counties' ? '市本级：市直机关的报告。' : '')),
      h('p', { class: 'exports' },
        h('a', { class: 'btn btn-small', id: 'region-ranking-csv', href: apiUrl('/export/region-rankings.csv', scope), download: '' }, '导出地区排名 CSV'),
        ' ',
        h('a', { class: 'btn btn-small', id: 'region-ranking-xlsx', href: apiUrl('/export/region-rankings.csv', { ...scope, format: 'xlsx' }), download: '' }, '导出 Excel')));
  }).catch((e) => {
    if (!signal.aborted) box.replaceChildren(errorState(e, () => undefined));
  });
  return section;
}
