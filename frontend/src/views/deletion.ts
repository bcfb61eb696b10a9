// Deleting a report and restoring it, for administrators (the API refuses anyone else): a soft delete, kept for the
// retention period and restorable; the detail view of a deleted report says so and offers 恢复.
import { ApiError, getJson, writeJson } from '../api';
import { isAdministrator } from '../auth';
import { fmtTime, h } from '../dom';
import { who } from './history';

const path = (id: string) => `/reports/${encodeURIComponent(id)}`;

function failure(e: unknown): string {
  return e instanceof ApiError ? e.detail || e.title : String(e);
}

/** 删除报告, asked twice; null for users who may not. */
export function deletionControl(id: string, reload: () => void): HTMLElement | null {
  if (!isAdministrator()) return null;
  const box = h('div', { class: 'deletion', id: 'deletion' });
  const message = h('span', { class: 'small', role: 'status' });
  const ask = h('button', { type: 'button', class: 'btn btn-small danger', id: 'delete-report' }, '删除报告');
  ask.addEventListener('click', () => {
    const yes = h('button', { type: 'button', class: 'btn btn-small danger', id: 'confirm-delete' }, '确认删除');
    const cancel = h('button', { type: 'button', class: 'btn btn-small' }, '取消');
    yes.addEventListener('click', () => void (async () => {
      yes.disabled = true;
      try {
        await writeJson('DELETE', path(id));
        reload();
      } catch (e) {
        message.textContent = failure(e);
        yes.disabled = false;
      }
    })());
    cancel.addEventListener('click', () => {
      box.replaceChildren(ask, message);
      ask.focus();
    });
    box.replaceChildren(h('span', { class: 'small' }, '报告将离开列表与汇总，保留期内可恢复。确定删除？ '), yes, ' ', cancel, ' ', message);
    yes.focus();
  });
  box.append(ask, message);
  return box;
}

interface HistoryEntry { action: string; at: string; by: string; after?: { expiresAt?: string } | null }

/**
 * For a report the API does not find: when its history says it was deleted (a deleted report's history is served
 * for its retention period), when and until when, and 恢复 for administrators; null otherwise.
 */
export async function deletedState(id: string, signal: AbortSignal, reload: () => void): Promise<HTMLElement | null> {
  let last: HistoryEntry | undefined;
  try {
    last = (await getJson<{ items: HistoryEntry[] }>(`${path(id)}/history`, { limit: 1 }, signal)).items[0];
  } catch {
    return null;
  }
  if (!last || last.action !== 'deleted') return null;
  const message = h('span', { class: 'small', role: 'status' });
  const restore = h('button', { type: 'button', class: 'btn btn-small primary', id: 'restore-report' }, '恢复报告');
  restore.addEventListener('click', () => void (async () => {
    restore.disabled = true;
    try {
      await writeJson('POST', `${path(id)}/restore`);
      reload();
    } catch (e) {
      message.textContent = failure(e);
      restore.disabled = false;
    }
  })());
  return h('div', { class: 'state empty deleted-state', role: 'alert' },
    h('p', { class: 'state-title' }, '报告已删除'),
    h('p', null, `${fmtTime(last.at)} 由 ${who(last.by)} 删除${last.after?.expiresAt ? `，保留至 ${fmtTime(last.after.expiresAt)}，期满后永久清除` : ''}。`),
    isAdministrator() ? [restore, ' ', message] : null,
    h('p', null, h('a', { href: '#/reports' }, '返回报告列表')));
}
