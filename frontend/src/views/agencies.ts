// 跨年对比, first step: find the agency (by the start of its name), then pick it.
import type { ViewContext } from '../main';
import { listReports, type ReportRow } from '../api';
import { h } from '../dom';
import { agencyKeyOf, emptyState, errorState, loadingState, regionText, routeHref, viewHeader } from '../ui';

interface Agency {
  key: string;
  name: string;
  region: string;
  years: { year: number; reportId: string; status: string }[];
}

export async function render(ctx: ViewContext): Promise<void> {
  document.title = '跨年对比 · 政府信息公开年报核查';
  const term = (ctx.query.get('agency') ?? '').trim();
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '查找机关' },
    h('div', { class: 'field wide' }, h('label', { for: 'a-agency' }, '机关名称'),
      h('input', { id: 'a-agency', name: 'agency', type: 'search', value: term, placeholder: '机关名称的任一部分，如：洪泽' })),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', class: 'btn primary' }, '查找')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = routeHref('/agencies', { agency: String(new FormData(form).get('agency') ?? '').trim() });
  });
  const results = h('div', { class: 'results', 'aria-live': 'polite' }, loadingState('正在查找机关…'));
  ctx.main.replaceChildren(
    viewHeader('跨年对比', h('span', { class: 'muted' }, '同一机关各年度的报告：结转衔接（X2）与逐格差异')),
    form, results);

  let rows: ReportRow[];
  try {
    rows = (await listReports(term ? { agency: term, limit: 200 } : { limit: 200 }, null, ctx.signal)).items;
  } catch (e) {
    if (ctx.signal.aborted) return;
    results.replaceChildren(errorState(e, () => void render(ctx)));
    return;
  }
  const agencies = new Map<string, Agency>();
  for (const r of rows) {
    if (r.status === 'REJECTED' || r.year === null) continue;
    // the agency is its identity (the row's key); a report's id keeps the key it was first stored under
    const key = r.agencyKey ?? agencyKeyOf(r.reportId);
    if (!key) continue;
    const a = agencies.get(key) ?? { key, name: r.agency ?? key, region: regionText(r.province, r.city, r.county), years: [] };
    if (!a.years.some((y) => y.year === r.year)) a.years.push({ year: r.year, reportId: r.reportId, status: r.status });
    agencies.set(key, a);
  }
  const list = [...agencies.values()].sort((a, b) => b.years.length - a.years.length || a.name.localeCompare(b.name, 'zh-CN'));
  if (!list.length) {
    results.replaceChildren(term ? emptyState(`没有名称含“${term}”的机关。`) : emptyState('还没有报告。', h('a', { href: '#/upload' }, '上传报告')));
    return;
  }
  results.replaceChildren(
    h('p', { class: 'muted' }, term ? `名称含“${term}”的机关：` : '最近上传的报告所属机关（有两个以上年度的排在前面）：'),
    h('ul', { class: 'agency-list' }, ...list.map((a) => h('li', null,
      h('a', { href: `#/agencies/${encodeURIComponent(a.key)}` }, a.name),
      h('span', { class: 'muted' }, ` ${a.region}`),
      h('span', { class: 'years' }, ...a.years.sort((x, y) => x.year - y.year).map((y) => h('span', { class: 'year-chip' }, String(y.year)))),
      a.years.length < 2 ? h('span', { class: 'muted small' }, '（仅一个年度）') : null))));
}
