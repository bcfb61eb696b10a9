// 总览: year and region filters, key figures, and charts — findings by rule, outcomes of applications,
// reports by city — all from GET /summary (stored aggregates; its cost does not grow with the reports).
import type { ViewContext } from '../main';
import { h, fmtInt, fmtPercent } from '../dom';
import { PROVINCES, RULES, RULE_LABEL } from '../labels';
import { fetchSummary, type SummaryView } from '../summary';
import { barChart, disposeCharts, type BarItem } from '../charts';
import { emptyState, errorState, loadingState, routeHref, viewHeader } from '../ui';
import { listReports } from '../api';
import { years } from './list';

const RED = '#b3261e';
const AMBER = '#b26a00';
const BLUE = '#2f6690';

function figure(label: string, value: string, note?: string, cls = ''): HTMLElement {
  return h('div', { class: `figure ${cls}` },
    h('div', { class: 'figure-value' }, value),
    h('div', { class: 'figure-label' }, label),
    note ? h('div', { class: 'figure-note' }, note) : null);
}

function chartCard(id: string, title: string, items: BarItem[], description: string, unitLabel: string, opts: { horizontal?: boolean } = {}): HTMLElement {
  const canvasBox = h('div', { class: 'chart', id: `chart-${id}`, role: 'img', 'aria-label': description });
  const heightRows = opts.horizontal === false ? 8 : Math.max(items.length, 3);
  canvasBox.classList.add(`rows-${Math.min(heightRows, 16)}`);
  const table = h('table', { class: 'grid compact' },
    h('caption', { class: 'sr-only' }, title),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, '项目'), h('th', { scope: 'col', class: 'num' }, unitLabel))),
    h('tbody', null, ...items.map((i) => h('tr', null, h('th', { scope: 'row' }, i.name), h('td', { class: 'num' }, i.label ?? fmtInt(i.value))))));
  const card = h('section', { class: 'card chart-card', 'aria-labelledby': `chart-title-${id}` },
    h('h2', { id: `chart-title-${id}` }, title),
    items.length ? canvasBox : h('p', { class: 'muted' }, '暂无数据'),
    items.length ? h('details', { class: 'chart-data' }, h('summary', null, '数据表'), table) : null);
  if (items.length) requestAnimationFrame(() => {
    if (canvasBox.isConnected) barChart(canvasBox, items, { description, horizontal: opts.horizontal });
  });
  return card;
}

export async function render(ctx: ViewContext): Promise<void> {
  disposeCharts();
  ctx.signal.addEventListener('abort', disposeCharts);
  document.title = '总览 · 政府信息公开年报核查';
  const q = ctx.query;
  const filter = { year: q.get('year') ?? '', province: q.get('province') ?? '', city: q.get('city') ?? '' };

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '总览范围' },
    h('div', { class: 'field' }, h('label', { for: 'o-year' }, '年度'),
      h('select', { id: 'o-year', name: 'year' }, h('option', { value: '' }, '全部年度'),
        ...years().map((y) => h('option', { value: String(y), selected: String(y) === filter.year }, `${y} 年`)))),
    h('div', { class: 'field' }, h('label', { for: 'o-province' }, '省份'),
      h('select', { id: 'o-province', name: 'province' }, h('option', { value: '' }, '全部省份'),
        ...PROVINCES.map((p) => h('option', { value: p, selected: p === filter.province }, p)))),
    h('div', { class: 'field' }, h('label', { for: 'o-city' }, '城市'),
      h('input', { id: 'o-city', name: 'city', type: 'text', value: filter.city, placeholder: '如：新乡市' })),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', class: 'btn primary' }, '查看')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = new FormData(form);
    location.hash = routeHref('/', { year: String(d.get('year') ?? ''), province: String(d.get('province') ?? ''), city: String(d.get('city') ?? '').trim() });
  });

  const body = h('div', { class: 'overview-body' });
  const scope = [filter.year && `${filter.year} 年`, filter.province, filter.city].filter((x) => x).join(' · ') || '全部年度 · 全部地区';
  ctx.main.replaceChildren(viewHeader('总览', h('span', { class: 'muted' }, scope)), form, body);

  let s: SummaryView;
  try {
    s = await fetchSummary(filter, ctx.signal);
  } catch (e) {
    if (ctx.signal.aborted) return;
    body.replaceChildren(errorState(e, () => void render(ctx)));
    return;
  }
  if (ctx.signal.aborted) return;

  if (!s.reports) {
    body.replaceChildren(emptyState(filter.year || filter.province || filter.city ? '这个范围内还没有报告。' : '还没有报告。',
      h('p', null, h('a', { href: '#/upload', class: 'btn primary' }, '上传报告'))));
    return;
  }

  const withErrors = s.byStatus.HAS_ERRORS ?? 0;
  const rejected = s.byStatus.REJECTED ?? 0;
  const granted = s.outcomes.find((o) => o.key === 'granted');
  const listLink = (extra: Record<string, string>) => routeHref('/reports', { year: filter.year, province: filter.province, city: filter.city, ...extra });
  const figures = h('div', { class: 'figures' },
    h('a', { href: listLink({}), class: 'figure-link' }, figure('报告', fmtInt(s.reports))),
    h('a', { href: listLink({ status: 'HAS_ERRORS' }), class: 'figure-link' },
      figure('有错误', fmtInt(withErrors), s.reports ? `占 ${fmtPercent(withErrors / s.reports)}` : undefined, withErrors ? 'bad' : '')),
    h('a', { href: listLink({ status: 'REJECTED' }), class: 'figure-link' }, figure('未能识别', fmtInt(rejected))),
    figure('本年新收申请（件）', s.received === null ? '—' : fmtInt(s.received), '各报告表三第一项之和'),
    figure('予以公开占比', fmtPercent(granted?.share ?? null), granted ? `${fmtInt(granted.count)} / ${fmtInt(s.outcomeTotal)} 件` : undefined));

  const severity = Object.fromEntries(RULES.map((r) => [r.id, r.severity]));
  const ruleItems: BarItem[] = RULES.map((r) => r.id).concat(Object.keys(s.findingsByRule).filter((k) => !severity[k]))
    .filter((id) => (s.findingsByRule[id] ?? 0) > 0)
    .map((id) => ({ name: id, value: s.findingsByRule[id], color: severity[id] === 'error' ? RED : AMBER }));
  const ruleDesc = ruleItems.length
    ? `各规则的发现数量：${ruleItems.map((i) => `${i.name}（${RULE_LABEL[i.name] ?? ''}）${i.value} 条`).join('，')}`
    : '没有发现';
  const outcomeItems: BarItem[] = s.outcomes.map((o) => ({ name: o.label, value: o.count, color: BLUE, label: `${fmtInt(o.count)}（${fmtPercent(o.share)}）` }));
  const outcomeDesc = `申请办理结果：${s.outcomes.map((o) => `${o.label} ${o.count} 件，占 ${fmtPercent(o.share)}`).join('；')}`;

  const rulesCard = chartCard('rules', '按规则的发现', ruleItems, ruleDesc, '发现数');
  if (ruleItems.length) {
    rulesCard.querySelector('h2')!.after(h('p', { class: 'legend' },
      h('span', null, h('span', { class: 'sw error', 'aria-hidden': 'true' }), '错误'),
      h('span', null, h('span', { class: 'sw warning', 'aria-hidden': 'true' }), '警告'),
      h('a', { href: listLink({ status: 'HAS_ERRORS' }) }, '查看有错误的报告')));
    const table = rulesCard.querySelector('table tbody');
    table?.querySelectorAll('tr').forEach((tr) => {
      const th = tr.querySelector('th');
      const id = th?.textContent ?? '';
      if (th && RULE_LABEL[id]) th.append(h('span', { class: 'muted' }, ` ${RULE_LABEL[id]}`));
    });
  }
  const cards: HTMLElement[] = [
    rulesCard,
    chartCard('outcomes', '申请办理结果', s.outcomeTotal ? outcomeItems : [], outcomeDesc, '件数（占比）'),
  ];
  const cityCard = h('section', { class: 'card chart-card', 'aria-labelledby': 'chart-title-cities' },
    h('h2', { id: 'chart-title-cities' }, '各城市的报告数'), loadingState('正在统计…'));
  cards.push(cityCard);
  body.replaceChildren(figures, h('div', { class: 'charts' }, ...cards));
  await citiesInto(cityCard, s, filter, ctx.signal);
}

/**
 * Reports by city. /summary answers one scope; the cities come from the API when it lists them (byCity), else
 * from the most recent reports of the scope (one list page), each city's count then read from its own /summary.
 */
async function citiesInto(card: HTMLElement, s: SummaryView, filter: { year: string; province: string; city: string }, signal: AbortSignal): Promise<void> {
  const title = card.querySelector('h2') as HTMLElement;
  let items: BarItem[] = [];
  let note = '';
  try {
    if (s.byCity && s.byCity.length) {
      items = s.byCity.map((c) => ({ name: c.name, value: c.reports, color: BLUE }));
    } else if (filter.city) {
      items = [{ name: filter.city, value: s.reports, color: BLUE }];
    } else {
      const page = await listReports({ year: filter.year, province: filter.province, limit: 200 }, null, signal);
      const pairs = new Map<string, [string, string]>();
      for (const r of page.items) if (r.province && r.city) pairs.set(`${r.province}#${r.city}`, [r.province, r.city]);
      const list = [...pairs.values()].slice(0, 16);
      const counts = await Promise.all(list.map(([province, city]) =>
        fetchSummary({ year: filter.year, province, city }, signal).then((x) => x.reports)));
      items = list.map(([province, city], i) => ({ name: filter.province ? city : `${city}（${province.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, '')}）`, value: counts[i], color: BLUE }))
        .filter((x) => x.value > 0);
      if (page.cursor || pairs.size > 16) note = '城市取自最近上传的报告；各城市的数字来自汇总。';
    }
  } catch (e) {
    if (signal.aborted) return;
    card.replaceChildren(title, errorState(e));
    return;
  }
  if (signal.aborted) return;
  items.sort((a, b) => b.value - a.value);
  const fresh = chartCard('cities', '各城市的报告数', items, `各城市的报告数：${items.map((i) => `${i.name} ${i.value} 份`).join('，')}`, '报告数');
  if (note) fresh.append(h('p', { class: 'muted small' }, note));
  card.replaceWith(fresh);
}
