// 总览: year and region filters, key figures, the reports with most errors (with their rules in words), and
// charts — findings by rule, outcomes of applications, reports and reports with errors by city — from GET /summary
// (stored aggregates; its cost does not grow with the reports) and one page of GET /reports sorted by errors.
// Every bar and row leads to the list filtered by it.
import type { ViewContext } from '../main';
import { h, fmtInt, fmtPercent } from '../dom';
import { NOTES_EXPLAINED, PROVINCES, REVIEW_STATE_LABELS, RULES, RULE_LABEL, SEVERITY_LABELS, STATUS_LABELS } from '../labels';
import { fetchSummary, type CityCount, type SummaryView } from '../summary';
import { listReports, type ReportRow } from '../api';
import { barChart, disposeCharts, type BarItem } from '../charts';
import { emptyState, errorState, loadingState, routeHref, viewHeader } from '../ui';
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

  const body = h('div', { class: 'overview-body' }, loadingState('正在读取汇总…'));
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
      figure(STATUS_LABELS.HAS_ERRORS, fmtInt(withErrors), s.reports ? `占 ${fmtPercent(withErrors / s.reports)}` : undefined, withErrors ? 'bad' : '')),
    h('a', { href: listLink({ status: 'REJECTED' }), class: 'figure-link' }, figure(STATUS_LABELS.REJECTED, fmtInt(rejected))),
    figure('本年新收申请（件）', s.received === null ? '—' : fmtInt(s.received), '各报告表三第一项之和'),
    figure('予以公开占比', fmtPercent(granted?.share ?? null), granted ? `${fmtInt(granted.count)} / ${fmtInt(s.outcomeTotal)} 件` : undefined));

  // the office's review: reports per review state, each leading to its list
  const review = h('p', { class: 'review-progress', id: 'review-progress' }, h('span', { class: 'muted' }, '审核进度：'),
    ...Object.entries(REVIEW_STATE_LABELS).map(([state, label], i) => [i ? ' · ' : null,
      h('a', { href: listLink(state === 'PENDING' ? { review: state, sort: 'errors' } : { review: state }) },
        `${label} ${fmtInt(s.byReviewState[state] ?? 0)}`)]));

  const severity = Object.fromEntries(RULES.map((r) => [r.id, r.severity]));
  // the chart counts problems of the reports only: a rule's reading notes are taken out of its bar (S2's rows that
  // print only a total stay, as warnings), and said apart under the chart, never as warnings
  const problems = (id: string) => (s.findingsByRule[id] ?? 0) - (s.notesByRule[id] ?? 0);
  const ruleItems: BarItem[] = RULES.map((r) => r.id).concat(Object.keys(s.findingsByRule).filter((k) => !severity[k]))
    .filter((id) => problems(id) > 0)
    .map((id) => ({ name: RULE_LABEL[id] ? `${id} ${RULE_LABEL[id]}` : id, value: problems(id),
      color: severity[id] === 'error' ? RED : AMBER, href: listLink({ rule: id }) }));
  const ruleDesc = ruleItems.length
    ? `各规则的发现数量（点击条形查看含该规则发现的报告）：${ruleItems.map((i) => `${i.name} ${i.value} 条`).join('，')}`
    : '没有发现';
  const outcomeItems: BarItem[] = s.outcomes.map((o) => ({ name: o.label, value: o.count, color: BLUE, label: `${fmtInt(o.count)}（${fmtPercent(o.share)}）` }));
  const outcomeDesc = `申请办理结果：${s.outcomes.map((o) => `${o.label} ${o.count} 件，占 ${fmtPercent(o.share)}`).join('；')}`;

  const rulesCard = chartCard('rules', '按规则的发现', ruleItems, ruleDesc, '发现数');
  if (ruleItems.length) {
    rulesCard.querySelector('h2')!.after(h('p', { class: 'legend' },
      h('span', null, h('span', { class: 'sw error', 'aria-hidden': 'true' }), SEVERITY_LABELS.error),
      h('span', null, h('span', { class: 'sw warning', 'aria-hidden': 'true' }), SEVERITY_LABELS.warning),
      h('a', { href: listLink({ status: 'HAS_ERRORS' }) }, '查看有错误的报告')));
    rulesCard.querySelectorAll('table tbody tr th').forEach((th, i) => {
      const item = ruleItems[i];
      if (item?.href) th.replaceChildren(h('a', { href: item.href }, item.name));
    });
  }
  // said right under the title (and legend), where the chart is read: notes are not in it
  if (s.notes) (rulesCard.querySelector('.legend') ?? rulesCard.querySelector('h2')!).after(notesLine(s.notes));
  const cards: HTMLElement[] = [
    rulesCard,
    chartCard('outcomes', '申请办理结果', s.outcomeTotal ? outcomeItems : [], outcomeDesc, '件数（占比）'),
  ];
  cards.push(cityCard(s, filter.province, filter.year));
  const worst = h('section', { class: 'card worst-card', 'aria-labelledby': 'worst-title' },
    h('h2', { id: 'worst-title' }, '错误最多的报告'), loadingState('正在读取…'));
  body.replaceChildren(figures, review, worst, h('div', { class: 'charts' }, ...cards));
  if (withErrors) await fillWorst(worst, filter, listLink, ctx.signal);
  else worst.replaceChildren(h('h2', { id: 'worst-title' }, '错误最多的报告'), h('p', { class: 'muted' }, '这个范围内没有有错误的报告。'));
}

/** Most errors first (the server sorts the whole scope), with the rules in words, each leading somewhere. */
async function fillWorst(card: HTMLElement, filter: Record<string, string>,
  listLink: (extra: Record<string, string>) => string, signal: AbortSignal): Promise<void> {
  const query: Record<string, string> = { status: 'HAS_ERRORS', sort: 'errors', limit: String(WORST) };
  for (const [k, v] of Object.entries(filter)) if (v) query[k] = v;
  let rows: ReportRow[];
  try {
    rows = (await listReports(query, null, signal)).items;
  } catch (e) {
    if (signal.aborted) return;
    card.replaceChildren(h('h2', { id: 'worst-title' }, '错误最多的报告'), errorState(e));
    return;
  }
  const errorRules = new Set(RULES.filter((r) => r.severity === 'error').map((r) => r.id));
  card.replaceChildren(h('h2', { id: 'worst-title' }, '错误最多的报告'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'grid compact worst' },
      h('caption', { class: 'sr-only' }, '错误最多的报告'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, '机关'), h('th', { scope: 'col', class: 'num' }, '年度'),
        h('th', { scope: 'col', class: 'num' }, SEVERITY_LABELS.error), h('th', { scope: 'col' }, '规则'))),
      h('tbody', null, ...rows.map((r) => h('tr', { 'data-report': r.reportId },
        h('td', null, h('a', { href: `#/reports/${encodeURIComponent(r.reportId)}` }, r.agency ?? r.title ?? r.reportId)),
        h('td', { class: 'num' }, r.year ?? ''),
        h('td', { class: 'num has-errors' }, r.errors),
        h('td', null, ...(r.rules ?? []).filter((id) => errorRules.has(id)).flatMap((id, i) => [i ? '；' : '',
          h('a', { href: listLink({ rule: id }), title: id }, RULE_LABEL[id] ?? id)]))))))),
    h('p', null, h('a', { href: listLink({ status: 'HAS_ERRORS', sort: 'errors' }) }, '查看全部有错误的报告（错误最多在前）')));
}

/** How many of the reports with most errors the overview names. */
const WORST = 10;

/** The reading notes of the scope, apart from the findings: how the documents were read, not their problems. */
function notesLine(notes: number): HTMLElement {
  return h('p', { class: 'muted small notes-line', title: NOTES_EXPLAINED },
    `另有 ${fmtInt(notes)} 条读取说明未计入上图，也不计入警告：它们记录 nianbao 如何读取文档，不是报告的问题。`);
}

/** Most cities drawn; the others are summed in a note and all are in the data table. */
const CITY_BARS = 20;

/** Reports by city, from the summary's own breakdown (byCity): one request, whatever the number of cities. */
function cityCard(s: SummaryView, province: string, year: string): HTMLElement {
  const name = (c: CityCount): string => {
    if (c.city === null) return province ? '省级部门' : `${c.province}省级部门`;
    if (province || c.city === c.province) return c.city;
    return `${c.city}（${c.province.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, '')}）`;
  };
  // each bar says the city's reports with errors too, and leads to them
  const items: BarItem[] = s.byCity.map((c) => ({ name: name(c), value: c.reports, color: c.withErrors ? RED : BLUE,
    label: c.withErrors ? `${fmtInt(c.reports)}（有错误 ${fmtInt(c.withErrors)}）` : fmtInt(c.reports),
    href: c.city === null ? undefined
      : routeHref('/reports', { year, province: c.province, city: c.city, ...(c.withErrors ? { status: 'HAS_ERRORS' } : {}) }) }));
  const drawn = items.slice(0, CITY_BARS);
  const description = `各城市的报告数（其中有错误）：${drawn.map((i) => `${i.name} ${i.label ?? i.value} 份`).join('，')}`;
  const card = chartCard('cities', '各城市的报告数', drawn, description, '报告数（其中有错误）');
  // the data table lists every city, each with its reports with errors
  const tbody = card.querySelector('table tbody');
  // each city's name leads to its reports in the list (the list has no filter for "no city")
  tbody?.replaceChildren(...s.byCity.map((c, i) => h('tr', null, h('th', { scope: 'row' }, c.city === null
    ? items[i].name : h('a', { href: routeHref('/reports', { year, province: c.province, city: c.city }) }, items[i].name)),
    h('td', { class: 'num' }, c.withErrors ? `${fmtInt(c.reports)}（${fmtInt(c.withErrors)}）` : fmtInt(c.reports)))));
  const rest = s.byCity.slice(CITY_BARS);
  if (rest.length) {
    card.append(h('p', { class: 'muted small' },
      `另有 ${rest.length} 个城市共 ${fmtInt(rest.reduce((a, c) => a + c.reports, 0))} 份报告未画出，见数据表。`));
  }
  return card;
}
