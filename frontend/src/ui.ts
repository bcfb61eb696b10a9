// Shared pieces of every view: states (loading, empty, error), badges, headings.
import { h, type Child } from './dom';
import { ApiError } from './api';
import { REVIEW_STATE_LABELS, STATUS_LABELS, SEVERITY_LABELS } from './labels';
import { config } from './config';
import { signIn } from './auth';

export function loadingState(text = '正在加载…'): HTMLElement {
  return h('p', { class: 'state loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

export function emptyState(text: string, ...more: Child[]): HTMLElement {
  return h('div', { class: 'state empty' }, h('p', null, text), ...more);
}

export function errorState(err: unknown, retry?: () => void): HTMLElement {
  let title = '出错了';
  let detail = '';
  let hint = '';
  if (err instanceof ApiError) {
    title = err.title;
    detail = err.detail;
    if (err.unreachable) hint = '请确认接口服务已启动（本地：./nianbao serve），然后重试。';
    else if (err.status === 404) hint = '';
    else if (err.status >= 500) hint = '接口服务内部出错，请稍后重试。';
  } else if (err instanceof Error) {
    detail = err.message;
  } else {
    detail = String(err);
  }
  const box = h('div', { class: 'state error', role: 'alert' },
    h('p', { class: 'state-title' }, title),
    detail ? h('p', null, detail) : null,
    hint ? h('p', { class: 'hint' }, hint) : null);
  if (err instanceof ApiError && err.status === 401 && config().auth) {
    const b = h('button', { type: 'button', class: 'btn primary' }, '登录');
    b.addEventListener('click', () => void signIn(location.hash || '#/'));
    box.appendChild(b);
  }
  if (retry) {
    const b = h('button', { type: 'button', class: 'btn' }, '重试');
    b.addEventListener('click', retry);
    box.appendChild(b);
  }
  return box;
}

export function notFoundState(what: string): HTMLElement {
  return h('div', { class: 'state empty', role: 'alert' },
    h('p', { class: 'state-title' }, `未找到${what}`),
    h('p', null, h('a', { href: '#/reports' }, '返回报告列表')));
}

export function statusBadge(status: string): HTMLElement {
  const label = STATUS_LABELS[status] ?? (status || '未知');
  return h('span', { class: `badge status-${(status || 'unknown').toLowerCase()}` }, label);
}

export function reviewStateBadge(state: string | null | undefined): HTMLElement | null {
  if (!state) return null;
  return h('span', { class: `badge review-${state.toLowerCase()}` }, REVIEW_STATE_LABELS[state] ?? state);
}

export function severityBadge(sev: string): HTMLElement {
  return h('span', { class: `badge sev-${sev}` }, SEVERITY_LABELS[sev] ?? sev);
}

export function ruleBadge(rule: string, sev: string): HTMLElement {
  return h('span', { class: `rule sev-${sev}` }, rule);
}

export function viewHeader(title: string, ...sub: Child[]): HTMLElement {
  return h('header', { class: 'view-head' },
    h('h1', { tabindex: '-1', id: 'view-title' }, title),
    sub.length ? h('div', { class: 'view-sub' }, ...sub) : null);
}

export function regionText(p?: string | null, c?: string | null, county?: string | null): string {
  return [p, c, county].filter((x) => x).join(' ');
}

/** Reads the query of the current hash route (#/reports?year=2022). */
export function hashQuery(): URLSearchParams {
  const hash = location.hash.slice(1);
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

export function hashPath(): string {
  const hash = location.hash.slice(1) || '/';
  const i = hash.indexOf('?');
  return i >= 0 ? hash.slice(0, i) : hash;
}

export function routeHref(path: string, query?: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  if (query) for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

/** The agency's key: a report id is <agencyKey>-<year>. */
export function agencyKeyOf(reportId: string): string | null {
  const m = /^(.+)-(\d{4})$/.exec(reportId);
  return m ? m[1] : null;
}
