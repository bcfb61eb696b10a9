// Agencies merged into this one (issue 15): an administrator merges another agency into the one shown (found by any
// part of its name, confirmed), sees the agencies merged into it and splits one; an unfinished merge or split (cut
// short by a failure) is finished by asking again (重试). The API refuses anyone else, and says why a merge cannot be
// made (a year both agencies have, named).
import { ApiError, getJson, listReports, writeJson } from '../api';
import { isAdministrator } from '../auth';
import { fmtTime, h } from '../dom';
import { regionText } from '../ui';
import { who } from './history';

interface Merge {
  from: string;
  into: string;
  state: 'MERGING' | 'MERGED' | 'SPLITTING' | 'SPLIT';
  fromAgency: string | null;
  by: string | null;
  at: string;
  reason: string | null;
  reports: string[];
}
interface Merges { agencyKey: string; mergedInto: Merge | null; merged: Merge[] }
interface Candidate { key: string; name: string; region: string; years: number[] }

function failure(e: unknown): string {
  return e instanceof ApiError ? e.detail || e.title : String(e);
}

const mergesOf = (key: string, signal?: AbortSignal) =>
  getJson<Merges>(`/agencies/${encodeURIComponent(key)}/merges`, undefined, signal);

/** For an agency the API does not find: where it was merged to, if it was; null otherwise. */
export async function mergedAwayState(key: string, signal: AbortSignal): Promise<HTMLElement | null> {
  let merges: Merges;
  try {
    merges = await mergesOf(key, signal);
  } catch {
    return null;
  }
  const m = merges.mergedInto;
  if (!m || m.state === 'SPLITTING') return null;
  return h('div', { class: 'state empty', role: 'alert', id: 'merged-away' },
    h('p', { class: 'state-title' }, '该机关已合并'),
    h('p', null, `${fmtTime(m.at)} 由 ${who(m.by ?? '')} 合并到另一个机关${m.reason ? `（${m.reason}）` : ''}，其报告在那里。`),
    h('p', null, h('a', { href: `#/agencies/${encodeURIComponent(m.into)}` }, '查看合并后的机关')));
}

/** The section of the agency page: the agencies merged into it and, for administrators, merge and split. */
export function mergesSection(key: string, name: string, signal: AbortSignal, reload: () => void): HTMLElement {
  const list = h('div', { id: 'merged-agencies', 'aria-live': 'polite' }, h('p', { class: 'muted' }, '正在加载合并情况…'));
  const section = h('section', { class: 'report-section', id: 'agency-merges', 'aria-labelledby': 'merges-title' },
    h('h2', { id: 'merges-title' }, '合并的机关'),
    h('p', { class: 'muted small' }, '名称不同但实为同一机关的（如更名、印错名称），管理员可将其合并到本机关：其各年度报告归入本机关，'
      + '报告编号、审核结论、更正与修改记录随报告不变；拆分即撤销。两个机关有同一年度的报告时不能合并。'),
    list);
  void mergesOf(key, signal).then((m) => {
    list.replaceChildren(mergedList(m.merged, reload));
    if (isAdministrator()) section.append(mergeForm(key, name, m, reload));
  }).catch((e) => {
    if (!signal.aborted) list.replaceChildren(h('p', { class: 'callout error', role: 'alert' }, failure(e)));
  });
  return section;
}

function mergedList(merged: Merge[], reload: () => void): HTMLElement {
  if (!merged.length) return h('p', { class: 'muted' }, '没有合并到本机关的机关。');
  return h('ul', { class: 'merged-list' }, ...merged.map((m) => {
    const message = h('span', { class: 'small', role: 'status' });
    const unfinished = m.state === 'MERGING' || m.state === 'SPLITTING';
    const item = h('li', { 'data-from': m.from },
      h('strong', null, m.fromAgency ?? m.from), h('span', { class: 'muted' }, ` （${m.from}）`),
      h('span', { class: 'small' }, ` · ${fmtTime(m.at)} 由 ${who(m.by ?? '')} 合并，报告 ${m.reports.length} 份${m.reason ? `，理由：${m.reason}` : ''}`),
      unfinished ? h('span', { class: 'bad small' }, m.state === 'MERGING' ? ' · 合并未完成' : ' · 拆分未完成') : null, ' ');
    if (isAdministrator()) {
      if (unfinished) {
        const retry = h('button', { type: 'button', class: 'btn btn-small primary retry-merge' }, '重试');
        retry.addEventListener('click', () => void (async () => {
          retry.disabled = true;
          try {
            if (m.state === 'MERGING') await writeJson('POST', '/agencies/merges', { from: m.from, into: m.into, reason: m.reason });
            else await writeJson('DELETE', `/agencies/merges/${encodeURIComponent(m.from)}`);
            reload();
          } catch (e) {
            message.textContent = failure(e);
            retry.disabled = false;
          }
        })());
        item.append(retry, ' ');
      }
      if (m.state !== 'SPLITTING') {
        const split = h('button', { type: 'button', class: 'btn btn-small danger split-agency' }, '拆分');
        split.addEventListener('click', () => {
          const yes = h('button', { type: 'button', class: 'btn btn-small danger', id: 'confirm-split' }, '确认拆分');
          const cancel = h('button', { type: 'button', class: 'btn btn-small' }, '取消');
          yes.addEventListener('click', () => void (async () => {
            yes.disabled = true;
            try {
              await writeJson('DELETE', `/agencies/merges/${encodeURIComponent(m.from)}`);
              reload();
            } catch (e) {
              message.textContent = failure(e);
              yes.disabled = false;
            }
          })());
          cancel.addEventListener('click', () => reload());
          split.replaceWith(h('span', { class: 'small' }, `${m.fromAgency ?? m.from} 的报告将回到该机关。确定拆分？ `), yes, ' ', cancel);
          yes.focus();
        });
        item.append(split, ' ');
      }
    }
    item.append(message);
    return item;
  }));
}

/** 合并另一个机关到本机关: find it by any part of its name, pick it, give a reason, confirm. */
function mergeForm(key: string, name: string, merges: Merges, reload: () => void): HTMLElement {
  const box = h('div', { class: 'merge-form', id: 'merge-form' });
  if (merges.mergedInto) return box;
  const input = h('input', { id: 'merge-search', type: 'search', placeholder: '机关名称的任一部分' });
  const find = h('button', { type: 'submit', class: 'btn', id: 'merge-find' }, '查找');
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '查找要合并的机关' },
    h('div', { class: 'field wide' }, h('label', { for: 'merge-search' }, '把另一个机关合并到本机关'), input),
    h('div', { class: 'field buttons' }, find));
  const results = h('div', { id: 'merge-candidates', 'aria-live': 'polite' });
  const message = h('p', { class: 'callout error', id: 'merge-message', role: 'alert', hidden: true });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const term = input.value.trim();
    if (!term) return;
    message.hidden = true;
    results.replaceChildren(h('p', { class: 'muted' }, '正在查找…'));
    void candidates(term, key, merges).then((found) => {
      if (!found.length) {
        results.replaceChildren(h('p', { class: 'muted' }, `没有名称含“${term}”的其他机关。`));
        return;
      }
      results.replaceChildren(h('ul', { class: 'agency-list' }, ...found.map((c) => {
        const pick = h('button', { type: 'button', class: 'btn btn-small pick-agency' }, '合并到本机关…');
        pick.addEventListener('click', () => results.replaceChildren(confirmBox(c, key, name, message, reload, () => form.requestSubmit())));
        return h('li', { 'data-agency': c.key }, h('strong', null, c.name), h('span', { class: 'muted' }, ` ${c.region}`),
          h('span', { class: 'years' }, ...c.years.map((y) => h('span', { class: 'year-chip' }, String(y)))), ' ', pick);
      })));
    }).catch((err) => results.replaceChildren(h('p', { class: 'callout error', role: 'alert' }, failure(err))));
  });
  box.append(form, message, results);
  return box;
}

function confirmBox(c: Candidate, key: string, name: string, message: HTMLElement, reload: () => void,
  back: () => void): HTMLElement {
  const reason = h('input', { id: 'merge-reason', type: 'text', maxlength: 500, placeholder: '如：更名，同一机关' });
  const yes = h('button', { type: 'button', class: 'btn primary', id: 'confirm-merge' }, '确认合并');
  const cancel = h('button', { type: 'button', class: 'btn' }, '取消');
  yes.addEventListener('click', () => void (async () => {
    yes.disabled = true;
    message.hidden = true;
    try {
      await writeJson('POST', '/agencies/merges', { from: c.key, into: key, reason: reason.value.trim() || null });
      reload();
    } catch (e) {
      message.hidden = false;
      message.textContent = `未能合并：${failure(e)}`;
      yes.disabled = false;
    }
  })());
  cancel.addEventListener('click', back);
  const box = h('div', { class: 'confirm-merge', id: 'merge-confirm' },
    h('p', null, `将“${c.name}”（${c.years.join('、')} 年度）合并到“${name}”？其报告将归入本机关，与本机关各年度比较跨年规则；之后可拆分撤销。`),
    h('div', { class: 'field wide' }, h('label', { for: 'merge-reason' }, '理由（写入每份报告的修改记录）'), reason),
    h('p', null, yes, ' ', cancel));
  queueMicrotask(() => yes.focus());
  return box;
}

/** The agencies whose reports' names contain {@code term}, other than this one and those merged into it. */
async function candidates(term: string, key: string, merges: Merges): Promise<Candidate[]> {
  const rows = (await listReports({ agency: term, limit: 200 }, null)).items;
  const merged = new Set(merges.merged.map((m) => m.from));
  const out = new Map<string, Candidate>();
  for (const r of rows) {
    if (r.status === 'REJECTED' || r.year === null || !r.agencyKey || r.agencyKey === key || merged.has(r.agencyKey)) continue;
    const c = out.get(r.agencyKey) ?? { key: r.agencyKey, name: r.agency ?? r.agencyKey, region: regionText(r.province, r.city, r.county), years: [] };
    if (!c.years.includes(r.year)) c.years.push(r.year);
    c.years.sort((a, b) => a - b);
    out.set(r.agencyKey, c);
  }
  return [...out.values()];
}
