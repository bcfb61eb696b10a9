// 报告列表: any combination of filters (year, province, city, county, level, status, rule, agency anywhere in the
// name), the order chosen on the server (sort=newest|errors|agency, over the whole list, not the rows loaded),
// cursor paging ("加载更多"), status badges, finding counts, and CSV export of the current filter and order.
import type { ViewContext } from '../main';
import { ApiError, apiUrl, listReports, type ReportRow } from '../api';
import { h, fmtTime } from '../dom';
import { PROVINCES, REVIEW_STATE_LABELS, RULES, SEVERITY_LABELS, STATUS_LABELS } from '../labels';
import { emptyState, errorState, loadingState, regionText, reviewStateBadge, routeHref, statusBadge, viewHeader } from '../ui';

const FILTERS = ['year', 'province', 'city', 'county', 'level', 'status', 'review', 'rule', 'agency', 'sort'] as const;

// the orders the API sorts the whole list in; a column with one sorts by it on the server
type Sort = 'newest' | 'errors' | 'agency';
const SORTS: [Sort, string][] = [['newest', '最新年度在前'], ['errors', '错误最多在前'], ['agency', '按机关名称']];
const LEVELS: [string, string][] = [['PROVINCE', '省级'], ['CITY', '市级'], ['COUNTY', '县级'], ['NONE', '未识别地区']];
const COLUMNS: { label: string; sort?: Sort; num?: boolean }[] = [
  { label: '机关', sort: 'agency' },
  { label: '年度', sort: 'newest', num: true },
  { label: '地区' },
  { label: '状态' },
  { label: SEVERITY_LABELS.error, sort: 'errors', num: true },
  { label: SEVERITY_LABELS.warning, num: true },
  // reading notes: how the document was read, not problems of the report (shown muted, apart from warnings)
  { label: SEVERITY_LABELS.note, num: true },
  { label: '审核' },
  { label: '上传时间' },
];
/** Pages read on while a filtered page comes back empty with a cursor, before asking the user to go on. */
const EMPTY_PAGES_READ_ON = 5;

export function years(): number[] {
  const now = new Date().getFullYear();
  const out: number[] = [];
  for (let y = now; y >= 2019; y--) out.push(y);
  return out;
}

function select(name: string, label: string, options: [string, string][], value: string): HTMLElement {
  const id = `f-${name}`;
  const sel = h('select', { id, name },
    ...options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
  return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
}

function input(name: string, label: string, value: string, attrs: Record<string, string> = {}): HTMLElement {
  const id = `f-${name}`;
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name, value, type: 'text', ...attrs }));
}

export async function render(ctx: ViewContext): Promise<void> {
  const q = ctx.query;
  const filter: Record<string, string> = {};
  for (const f of FILTERS) {
    const v = q.get(f);
    if (v) filter[f] = v;
  }
  document.title = '报告列表 · 政府信息公开年报核查';
  const limit = q.get('limit'); // page size: not in the form, but kept from the address (and used by the tests)
  const query: Record<string, string> = limit ? { ...filter, limit } : filter;

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '筛选报告' },
    select('year', '年度', [['', '全部年度'], ...years().map((y) => [String(y), `${y} 年`] as [string, string])], filter.year ?? ''),
    select('province', '省份', [['', '全部省份'], ...PROVINCES.map((p) => [p, p] as [string, string])], filter.province ?? ''),
    input('city', '城市', filter.city ?? '', { placeholder: '如：新乡市' }),
    input('county', '区县', filter.county ?? '', { placeholder: '如：新乡县' }),
    select('level', '层级', [['', '全部层级'], ...LEVELS], filter.level ?? ''),
    select('status', '状态', [['', '全部状态'], ...Object.entries(STATUS_LABELS)], filter.status ?? ''),
    select('review', '审核状态', [['', '全部审核状态'], ...Object.entries(REVIEW_STATE_LABELS)], filter.review ?? ''),
    select('rule', '规则', [['', '全部规则'], ...RULES.map((r) => [r.id, `${r.id} ${r.label}`] as [string, string])], filter.rule ?? ''),
    input('agency', '机关名称', filter.agency ?? '', { placeholder: '名称中的任意部分，如：洪泽', type: 'search' }),
    select('sort', '排序', SORTS, filter.sort ?? 'newest'),
    h('div', { class: 'field buttons' },
      h('button', { type: 'submit', class: 'btn primary' }, '筛选'),
      h('a', { href: '#/reports', class: 'btn' }, '清除')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const f of FILTERS) {
      const v = String(data.get(f) ?? '').trim();
      if (v && !(f === 'sort' && v === 'newest')) next[f] = v;
    }
    location.hash = routeHref('/reports', next);
  });

  const exportLinks = h('p', { class: 'exports' },
    h('a', { href: apiUrl('/export/reports.csv', filter), class: 'btn btn-small', download: '' }, '导出报告 CSV'),
    ' ',
    h('a', { href: apiUrl('/export/reports.csv', { ...filter, format: 'xlsx' }), class: 'btn btn-small', id: 'reports-xlsx', download: '' }, '导出报告 Excel'),
    ' ',
    h('a', { href: apiUrl('/export/findings.csv', filter), class: 'btn btn-small', download: '' }, '导出发现 CSV'),
    ' ',
    h('a', { href: apiUrl('/export/findings.csv', { ...filter, format: 'xlsx' }), class: 'btn btn-small', id: 'findings-xlsx', download: '' }, '导出发现 Excel'));

  const results = h('div', { class: 'results', 'aria-live': 'polite' }, loadingState('正在加载报告…'));
  // the review queue: the reports whose errors wait for a decision, most errors (or newest) first
  const queue = filter.review === 'PENDING';
  if (queue) document.title = '审核队列 · 政府信息公开年报核查';
  ctx.main.replaceChildren(
    queue ? viewHeader('审核队列', h('span', { class: 'muted' }, '有错误发现尚未确认或驳回的报告；',
      h('a', { href: routeHref('/reports', { ...query, sort: 'errors' }) }, '错误最多在前'), ' · ',
      h('a', { href: routeHref('/reports', { ...query, sort: '' }) }, '最新在前')))
      : viewHeader('报告列表', h('span', { class: 'muted' }, '按年度、地区、层级、状态、审核状态、规则或机关名称任意组合筛选；排序作用于全部结果')),
    form, exportLinks, results);

  const rows: ReportRow[] = [];
  let cursor: string | null = null;
  const sort: Sort = (SORTS.find(([v]) => v === filter.sort)?.[0]) ?? 'newest';

  const tbody = h('tbody', null);
  const headCells = COLUMNS.map((c) => {
    if (!c.sort) return h('th', { scope: 'col', class: c.num ? 'num' : '' }, c.label);
    const target = c.sort;
    const b = h('button', { type: 'button', class: 'sort', title: SORTS.find(([v]) => v === target)?.[1] ?? '' }, c.label);
    const cell = h('th', { scope: 'col', class: c.num ? 'num' : '' }, b);
    if (target === sort) cell.setAttribute('aria-sort', target === 'agency' ? 'ascending' : 'descending');
    b.addEventListener('click', () => {
      const next: Record<string, string> = { ...query };
      if (target === 'newest') delete next.sort;
      else next.sort = target;
      location.hash = routeHref('/reports', next);
    });
    return cell;
  });
  const count = h('p', { class: 'muted count-line', role: 'status' });
  const more = h('button', { type: 'button', class: 'btn' }, '加载更多');
  const moreBox = h('div', { class: 'more' });
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'grid reports' },
    h('caption', { class: 'sr-only' }, '报告列表'),
    h('thead', null, h('tr', null, ...headCells)), tbody));

  function draw(): void {
    tbody.replaceChildren(...rows.map((r) => h('tr', { 'data-report': r.reportId },
      h('td', null, h('a', { href: `#/reports/${encodeURIComponent(r.reportId)}` },
        r.agency || r.title || r.sourceName || (r.status === 'REJECTED' ? `未能识别的上传（${r.reportId.slice(0, 9)}…）` : r.reportId)),
        r.status === 'REJECTED' && r.reason ? h('div', { class: 'muted small' }, r.reason) : null),
      // data-label: the column's name beside each figure when the list is drawn as cards (a phone)
      h('td', { class: 'num', 'data-label': COLUMNS[1].label }, r.year ?? ''),
      h('td', { 'data-label': COLUMNS[2].label }, regionText(r.province, r.city, r.county)),
      h('td', { 'data-label': COLUMNS[3].label }, statusBadge(r.status)),
      h('td', { class: `num ${r.errors ? 'has-errors' : ''}`, 'data-label': COLUMNS[4].label }, r.errors),
      h('td', { class: `num ${r.warnings ? 'has-warnings' : ''}`, 'data-label': COLUMNS[5].label }, r.warnings),
      h('td', { class: 'num muted', 'data-label': COLUMNS[6].label }, r.notes),
      h('td', { 'data-label': COLUMNS[7].label }, reviewStateBadge(r.reviewState)),
      h('td', { class: 'nowrap' }, fmtTime(r.uploadedAt)))));
    count.textContent = `已显示 ${rows.length} 份报告${cursor ? '，还有更多' : ''}`;
    moreBox.replaceChildren(cursor ? more : h('span'));
  }

  async function load(): Promise<void> {
    more.disabled = true;
    more.textContent = '正在加载…';
    try {
      // a page filtered by agency may come back short, even empty, with a cursor: read on a few pages
      let page = await listReports(query, cursor, ctx.signal);
      for (let i = 0; !page.items.length && page.cursor && i < EMPTY_PAGES_READ_ON; i++) {
        page = await listReports(query, page.cursor, ctx.signal);
      }
      rows.push(...page.items);
      cursor = page.cursor;
      if (!rows.length && cursor) {
        results.replaceChildren(count, moreBox);
        count.textContent = '已查找一部分报告，尚未找到符合条件的；可继续查找';
        moreBox.replaceChildren(more);
        return;
      }
      if (!rows.length) {
        const filtered = Object.keys(filter).length > 0;
        results.replaceChildren(filtered
          ? emptyState('没有符合筛选条件的报告。', h('a', { href: '#/reports' }, '清除筛选'))
          : emptyState('还没有报告。', h('a', { href: '#/upload' }, '上传报告')));
        return;
      }
      if (!results.contains(table)) results.replaceChildren(count, table, moreBox);
      draw();
    } catch (e) {
      if (ctx.signal.aborted) return;
      if (e instanceof ApiError && e.status === 400) {
        results.replaceChildren(errorState(new ApiError(400, '筛选条件有误', e.detail)));
      } else if (rows.length) {
        moreBox.replaceChildren(errorState(e, () => void load()));
      } else {
        results.replaceChildren(errorState(e, () => {
          results.replaceChildren(loadingState());
          void load();
        }));
      }
    } finally {
      more.disabled = false;
      more.textContent = '加载更多';
    }
  }
  more.addEventListener('click', () => void load());
  await load();
}
