// 名单: the agencies a region expects reports from in a year (a CSV an administrator uploads) and who of them has
// reported — 未报送, 逾期 by the date the report prints, 日期不明 — with the reports no entry matched, for matching
// by hand (GET/PUT /rosters).
import type { ViewContext } from '../main';
import { ApiError, apiUrl, getJson, putFile, type Query } from '../api';
import { h, mount } from '../dom';
import { config } from '../config';
import { emptyState, errorState, loadingState, routeHref, viewHeader } from '../ui';

interface RosterReport { id: string; agency: string | null; dated: string | null; datedKind: string | null }
interface RosterEntry { line: number; name: string; regionCode: string | null; state: string; timeliness: string | null; reports: RosterReport[] }
interface Roster {
  deadline: string;
  uploadedAt: string;
  encoding: string;
  counts: Record<string, number>;
  entries: RosterEntry[];
  unmatchedReports: RosterReport[];
}

export async function render(ctx: ViewContext): Promise<void> {
  document.title = '名单与报送情况 · 政府信息公开年报核查';
  const q = ctx.query;
  const scope: Query = { year: q.get('year'), province: q.get('province'), city: q.get('city') };
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  mount(ctx.main, viewHeader('名单与报送情况', h('span', { class: 'muted' }, '应报送机关名单：未报送、逾期（晚于次年 1 月 31 日）、日期不明')),
    form(scope, ctx, () => void render(ctx)), results);
  if (!scope.year || !scope.province) {
    mount(results, emptyState('选择年度和省（可加市），查看或上传该地区的应报送机关名单。'));
    return;
  }
  mount(results, loadingState('正在核对名单…'));
  let roster: Roster;
  try {
    roster = await getJson<Roster>('/rosters', scope, ctx.signal);
  } catch (e) {
    if (ctx.signal.aborted) return;
    mount(results, e instanceof ApiError && e.status === 404 ? emptyState('这个地区和年度还没有名单：请在上方上传 CSV。') : errorState(e, () => void render(ctx)));
    return;
  }
  const c = roster.counts;
  const late = roster.entries.filter((e) => e.timeliness === '逾期');
  const unknown = roster.entries.filter((e) => e.timeliness === '日期不明');
  const missing = roster.entries.filter((e) => e.state === '未报送');
  const dated = (r: RosterReport) => (r.dated ? `${r.datedKind ?? ''} ${r.dated}` : '未印日期');
  mount(results,
    h('p', { class: 'roster-counts' }, `名单 ${c.entries} 个机关：已报送 ${c.reported}，未报送 ${c.notReported}，逾期 ${c.late}，日期不明 ${c.dateUnknown}。`,
      h('span', { class: 'muted' }, ` 期限 ${roster.deadline}；名单上传于 ${roster.uploadedAt.slice(0, 10)}（${roster.encoding}）。`),
      h('a', { class: 'btn btn-small', id: 'roster-csv', href: apiUrl('/export/roster.csv', scope), download: '' }, '导出报送情况 CSV'),
      ' ',
      h('a', { class: 'btn btn-small', id: 'roster-xlsx', href: apiUrl('/export/roster.csv', { ...scope, format: 'xlsx' }), download: '' }, '导出 Excel')),
    section('not-reported', `未报送（${missing.length}）`, missing.length ? table(['行', '机关名称', '区划代码'],
      missing.map((e) => [String(e.line), e.name, e.regionCode ?? ''])) : emptyState('名单中的机关都已报送。')),
    section('late', `逾期（${late.length}）`, late.length ? table(['机关名称', '报告', '印明的日期'],
      late.map((e) => [e.name, link(e.reports[0]), e.reports.map(dated).join('；')])) : emptyState('没有逾期的报告。')),
    section('date-unknown', `日期不明（${unknown.length}）`, h('p', { class: 'figure-note' }, '报告未印发布日期或落款日期：无法判断是否逾期（不以上传时间判断）。'),
      unknown.length ? table(['机关名称', '报告'], unknown.map((e) => [e.name, link(e.reports[0])])) : null),
    section('unmatched', `未与名单匹配的报告（${roster.unmatchedReports.length}）`,
      h('p', { class: 'figure-note' }, '该地区该年度的这些报告没有对应名单中的机关：名称或地区可能不同，请人工核对。'),
      roster.unmatchedReports.length ? table(['报告', '印明的日期'], roster.unmatchedReports.map((r) => [link(r), dated(r)])) : null),
    section('all', `全部名单（${roster.entries.length}）`, table(['行', '机关名称', '报送', '时效', '报告'],
      roster.entries.map((e) => [String(e.line), e.name, e.state, e.timeliness ?? '—', e.reports.length ? link(e.reports[0]) : '—']))));
}

function link(r: RosterReport | undefined): Node | string {
  return r ? h('a', { href: `#/reports/${encodeURIComponent(r.id)}` }, r.agency ?? r.id) : '—';
}

function section(id: string, title: string, ...body: (Node | null)[]): HTMLElement {
  return h('section', { class: 'report-section', id: `roster-${id}`, 'aria-labelledby': `roster-${id}-title` },
    h('h2', { id: `roster-${id}-title` }, title), ...body);
}

function table(head: string[], rows: (string | Node)[][]): HTMLElement {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': head.join('、'), tabindex: '0' },
    h('table', { class: 'grid compact' },
      h('thead', null, h('tr', null, ...head.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, ...rows.map((r) => h('tr', null, ...r.map((c) => h('td', null, c)))))));
}

function form(scope: Query, ctx: ViewContext, reload: () => void): HTMLElement {
  const status = h('p', { class: 'upload-status', role: 'status' });
  const file = h('input', { id: 'roster-file', name: 'file', type: 'file', accept: '.csv,text/csv' });
  const f = h('form', { class: 'filters', 'aria-label': '地区与年度' },
    h('div', { class: 'field' }, h('label', { for: 'ro-year' }, '年度'),
      h('input', { id: 'ro-year', name: 'year', type: 'number', min: '2008', value: String(scope.year ?? ''), required: true })),
    h('div', { class: 'field' }, h('label', { for: 'ro-province' }, '省'),
      h('input', { id: 'ro-province', name: 'province', value: String(scope.province ?? ''), required: true })),
    h('div', { class: 'field' }, h('label', { for: 'ro-city' }, '市'), h('input', { id: 'ro-city', name: 'city', value: String(scope.city ?? '') })),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', class: 'btn primary' }, '查看')),
    h('div', { class: 'field wide' }, h('label', { for: 'roster-file' }, '上传名单（CSV：表头含“机关名称”，可选“区划代码”；UTF-8 或 GBK）'), file),
    status);
  const values = () => {
    const d = new FormData(f);
    const v = (k: string) => String(d.get(k) ?? '').trim();
    return { year: v('year'), province: v('province'), city: v('city') };
  };
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = routeHref('/rosters', values());
  });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    const where = values();
    if (!chosen) return;
    if (!where.year || !where.province) {
      status.textContent = '请先填写年度和省。';
      return;
    }
    status.textContent = `正在上传 ${chosen.name}…`;
    try {
      const saved = await putFile<{ entries: number; encoding: string }>('/rosters', where,
        // as bytes: API Gateway passes a text/* body on as UTF-8 text, which would spoil a GBK file
        new Blob([chosen], { type: 'application/octet-stream' }), ctx.signal, !!config().auth);
      status.textContent = `已保存 ${saved.entries} 个机关（${saved.encoding}）。`;
      const target = routeHref('/rosters', where);
      if (location.hash === target) reload();
      else location.hash = target;
    } catch (e) {
      status.textContent = e instanceof ApiError ? `${e.title}：${e.detail}` : String(e);
    }
  });
  return f;
}
