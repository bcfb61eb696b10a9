// 报告列表: filters (year, province, city, status, rule, agency), sortable columns, cursor paging ("加载更多"),
// status badges, finding counts, and CSV export of the current filter.
import type { ViewContext } from '../main';
import { ApiError, apiUrl, listReports, type ReportRow } from '../api';
import { h, fmtTime } from '../dom';
import { PROVINCES, RULES, SEVERITY_LABELS, STATUS_LABELS } from '../labels';
import { emptyState, errorState, loadingState, regionText, routeHref, statusBadge, viewHeader } from '../ui';

const FILTERS = ['year', 'province', 'city', 'status', 'rule', 'agency'] as const;

type SortKey = 'agency' | 'year' | 'region' | 'status' | 'errors' | 'warnings' | 'notes' | 'uploadedAt';
const COLUMNS: { key: SortKey; label: string; num?: boolean }[] = [
  { key: 'agency', label: '机关' },
  { key: 'year', label: '年度', num: true },
  { key: 'region', label: '地区' },
  { key: 'status', label: '状态' },
  { key: 'errors', label: SEVERITY_LABELS.error, num: true },
  { key: 'warnings', label: SEVERITY_LABELS.warning, num: true },
  // reading notes: how the document was read, not problems of the report (shown muted, apart from warnings)
  { key: 'notes', label: SEVERITY_LABELS.note, num: true },
  { key: 'uploadedAt', label: '上传时间' },
];

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

function sortValue(r: ReportRow, k: SortKey): string | number | null {
  switch (k) {
    case 'agency': return r.agency ?? r.sourceName ?? null;
    case 'year': return r.year;
    case 'region': return regionText(r.province, r.city, r.county);
    case 'status': return r.status;
    case 'errors': return r.errors;
    case 'warnings': return r.warnings;
    case 'notes': return r.notes;
    default: return r.uploadedAt ?? '';
  }
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
    select('status', '状态', [['', '全部状态'], ...Object.entries(STATUS_LABELS)], filter.status ?? ''),
    select('rule', '规则', [['', '全部规则'], ...RULES.map((r) => [r.id, `${r.id} ${r.label}`] as [string, string])], filter.rule ?? ''),
    input('agency', '机关名称', filter.agency ?? '', { placeholder: '机关名称开头，如：新乡县', type: 'search' }),
    h('div', { class: 'field buttons' },
      h('button', { type: 'submit', class: 'btn primary' }, '筛选'),
      h('a', { href: '#/reports', class: 'btn' }, '清除')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const f of FILTERS) {
      const v = String(data.get(f) ?? '').trim();
      if (v) next[f] = v;
    }
    location.hash = routeHref('/reports', next);
  });

  const exportLinks = h('p', { class: 'exports' },
    h('a', { href: apiUrl('/export/reports.csv', filter), class: 'btn btn-small', download: '' }, '导出报告 CSV'),
    ' ',
    h('a', { href: apiUrl('/export/findings.csv', filter), class: 'btn btn-small', download: '' }, '导出发现 CSV'));

  const results = h('div', { class: 'results', 'aria-live': 'polite' }, loadingState('正在加载报告…'));
  ctx.main.replaceChildren(
    viewHeader('报告列表', h('span', { class: 'muted' }, '按年度、地区、状态、规则或机关名称筛选；按最新上传排序')),
    form, exportLinks, results);

  const rows: ReportRow[] = [];
  let cursor: string | null = null;
  let sortKey = (q.get('sort') as SortKey | null) ?? null;
  let sortDir: 'asc' | 'desc' = q.get('dir') === 'asc' ? 'asc' : 'desc';

  const tbody = h('tbody', null);
  const headCells = COLUMNS.map((c) => {
    const b = h('button', { type: 'button', class: 'sort' }, c.label);
    const cell = h('th', { scope: 'col', class: c.num ? 'num' : '' }, b);
    b.addEventListener('click', () => {
      if (sortKey === c.key) sortDir = sortDir === 'asc' ? 'desc' : 'asc';
      else {
        sortKey = c.key;
        sortDir = c.num || c.key === 'uploadedAt' ? 'desc' : 'asc';
      }
      history.replaceState(null, '', routeHref('/reports', { ...query, sort: sortKey, dir: sortDir }));
      draw();
    });
    return { c, cell };
  });
  const count = h('p', { class: 'muted count-line', role: 'status' });
  const more = h('button', { type: 'button', class: 'btn' }, '加载更多');
  const moreBox = h('div', { class: 'more' });
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'grid reports' },
    h('caption', { class: 'sr-only' }, '报告列表'),
    h('thead', null, h('tr', null, ...headCells.map((x) => x.cell))), tbody));

  function draw(): void {
    const sorted = [...rows];
    if (sortKey) {
      const k = sortKey;
      const dir = sortDir === 'asc' ? 1 : -1;
      sorted.sort((a, b) => {
        const x = sortValue(a, k);
        const y = sortValue(b, k);
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // unknown last, either way
        if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
        return String(x).localeCompare(String(y), 'zh-CN') * dir;
      });
    }
    for (const { c, cell } of headCells) {
      if (c.key === sortKey) cell.setAttribute('aria-sort', sortDir === 'asc' ? 'ascending' : 'descending');
      else cell.removeAttribute('aria-sort');
    }
    tbody.replaceChildren(...sorted.map((r) => h('tr', { 'data-report': r.reportId },
      h('td', null, h('a', { href: `#/reports/${encodeURIComponent(r.reportId)}` },
        r.agency || r.title || r.sourceName || (r.status === 'REJECTED' ? `未能识别的上传（${r.reportId.slice(0, 9)}…）` : r.reportId)),
        r.status === 'REJECTED' && r.reason ? h('div', { class: 'muted small' }, r.reason) : null),
      h('td', { class: 'num' }, r.year ?? ''),
      h('td', null, regionText(r.province, r.city, r.county)),
      h('td', null, statusBadge(r.status)),
      h('td', { class: `num ${r.errors ? 'has-errors' : ''}` }, r.errors),
      h('td', { class: `num ${r.warnings ? 'has-warnings' : ''}` }, r.warnings),
      h('td', { class: 'num muted' }, r.notes),
      h('td', { class: 'nowrap' }, fmtTime(r.uploadedAt)))));
    count.textContent = `已显示 ${rows.length} 份报告${cursor ? '，还有更多' : ''}`;
    moreBox.replaceChildren(cursor ? more : h('span'));
  }

  async function load(): Promise<void> {
    more.disabled = true;
    more.textContent = '正在加载…';
    try {
      const page = await listReports(query, cursor, ctx.signal);
      rows.push(...page.items);
      cursor = page.cursor;
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
        results.replaceChildren(errorState(new ApiError(400, '不支持这种筛选组合', e.detail)));
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
