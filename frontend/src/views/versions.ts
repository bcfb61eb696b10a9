// The detail view's versions panel: every upload of the report with its time, file and own counts; a version's
// tables and findings (#/reports/ID/versions/SHA), 设为当前版本, and removing a version after a confirmation.
// Every write reloads the view from the API.
import { ApiError, apiUrl, getJson, writeJson } from '../api';
import { fmtTime, h } from '../dom';
import { SEVERITY_LABELS } from '../labels';
import { errorState, statusBadge } from '../ui';

export interface VersionRow {
  sha256?: string;
  sha?: string;
  uploadedAt?: string;
  status?: string;
  current?: boolean;
  withdrawn?: boolean;
  removedAt?: string | null;
  errors?: number;
  warnings?: number;
  notes?: number;
  source?: { name?: string; key?: string } | null;
  sourceName?: string;
  name?: string;
  sourceUrl?: string;
}

const path = (id: string) => `/reports/${encodeURIComponent(id)}`;
const fileOf = (v: VersionRow) => v.name ?? v.source?.name ?? v.sourceName ?? v.source?.key ?? '';
const shaOf = (v: VersionRow) => v.sha256 ?? v.sha ?? '';

function failure(e: unknown): string {
  return e instanceof ApiError ? e.detail || e.title : String(e);
}

/** A button whose write runs once; its failure said in {@code message}, its success reloads the view. */
function writeButton(label: string, cls: string, message: HTMLElement, write: () => Promise<unknown>,
  reload: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: `btn btn-small ${cls}` }, label);
  b.addEventListener('click', () => void (async () => {
    b.disabled = true;
    message.textContent = '正在保存…';
    try {
      await write();
      reload();
    } catch (e) {
      message.textContent = failure(e);
      b.disabled = false;
    }
  })());
  return b;
}

/** 设为当前版本 of one version. */
export function makeCurrentButton(id: string, sha: string, message: HTMLElement, reload: () => void): HTMLButtonElement {
  return writeButton('设为当前版本', 'make-current', message, () => writeJson('PUT', `${path(id)}/current`, { version: sha }), reload);
}

/** A removal asked twice: the first press shows what will happen and the buttons to confirm or cancel. */
function removeControl(id: string, v: VersionRow, only: boolean, message: HTMLElement, reload: () => void): HTMLElement {
  const cell = h('span', { class: 'remove-version' });
  const ask = h('button', { type: 'button', class: 'btn btn-small danger' }, '删除此版本');
  ask.disabled = only;
  if (only) ask.title = '报告只有这一个版本：请删除报告';
  ask.addEventListener('click', () => {
    const cancel = h('button', { type: 'button', class: 'btn btn-small' }, '取消');
    const yes = writeButton('确认删除', 'danger confirm-remove', message,
      () => writeJson('DELETE', `${path(id)}/versions/${shaOf(v)}`), reload);
    cancel.addEventListener('click', () => {
      cell.replaceChildren(ask);
      ask.focus();
    });
    cell.replaceChildren(h('span', { class: 'small' }, v.current ? '删除当前版本后，最新的其余版本成为当前版本。确定？ '
      : `删除 ${fileOf(v) || shaOf(v).slice(0, 12)} 这一版本？（文件保留期满后清除） `), yes, ' ', cancel);
    yes.focus();
  });
  cell.append(ask);
  return cell;
}

function versionsTable(id: string, list: VersionRow[], message: HTMLElement, reload: () => void): HTMLElement {
  const live = list.filter((v) => !v.removedAt && !v.withdrawn);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'grid versions-table' },
    h('caption', { class: 'sr-only' }, '报告的各个版本'),
    h('thead', null, h('tr', null, ...['上传时间', '文件', '状态', SEVERITY_LABELS.error, SEVERITY_LABELS.warning,
      SEVERITY_LABELS.note, 'SHA-256', '操作'].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', null, ...list.map((v) => {
      const sha = shaOf(v);
      const file = fileOf(v);
      const gone = !!v.removedAt || !!v.withdrawn;
      return h('tr', { class: v.current ? 'current' : gone ? 'removed' : '', 'data-version': sha },
        h('td', null, fmtTime(v.uploadedAt)),
        h('td', null, v.sourceUrl && !gone ? h('a', { href: apiUrl(v.sourceUrl), target: '_blank', rel: 'noopener noreferrer' }, file || '下载') : file),
        h('td', null, v.status ? statusBadge(v.status) : ''),
        h('td', { class: 'num' }, v.errors ?? ''),
        h('td', { class: 'num' }, v.warnings ?? ''),
        h('td', { class: 'num muted' }, v.notes ?? ''),
        h('td', null, h('code', null, sha.slice(0, 12))),
        h('td', { class: 'version-actions' },
          v.current ? h('span', { class: 'badge current' }, '当前版本') : null,
          v.removedAt ? h('span', { class: 'muted' }, `已删除 ${fmtTime(v.removedAt)}`) : v.withdrawn ? h('span', { class: 'muted' }, '已撤回') : null,
          !v.current && !gone ? [
            h('a', { href: `#/reports/${encodeURIComponent(id)}/versions/${sha}`, class: 'btn btn-small view-version' }, '查看'), ' ',
            makeCurrentButton(id, sha, message, reload), ' '] : null,
          !gone ? removeControl(id, v, live.length <= 1, message, reload) : null));
    }))));
}

/** Fills the versions panel (after the page is drawn). */
export async function fillVersions(box: HTMLElement, id: string, signal: AbortSignal, reload: () => void): Promise<void> {
  try {
    const raw = await getJson<unknown>(`${path(id)}/versions`, undefined, signal);
    const list = (Array.isArray(raw) ? raw : ((raw as { versions?: unknown }).versions ?? (raw as { items?: unknown }).items ?? [])) as VersionRow[];
    const message = h('p', { class: 'muted small', role: 'status', id: 'versions-message' });
    box.replaceChildren(...(list.length ? [versionsTable(id, list, message, reload), message,
      h('p', { class: 'muted small' }, '各版本的错误、警告、读取说明只计该版本自身的核查，不含跨年比较（X2、X4、X5）。')]
      : [h('p', { class: 'muted' }, '没有其他版本。')]));
  } catch (e) {
    if (signal.aborted) return;
    box.replaceChildren(errorState(e));
  }
}

/** Above a version that is not the current one: which it is, the way back, and 设为当前版本. */
export function versionBanner(id: string, version: { sha256?: string; current?: boolean; removedAt?: string | null },
  uploadedAt: string | undefined): HTMLElement {
  const message = h('span', { class: 'small', role: 'status' });
  const back = () => { location.hash = `#/reports/${encodeURIComponent(id)}`; };
  return h('p', { class: 'callout warning version-banner', role: 'note' },
    `这是 ${fmtTime(uploadedAt)} 上传的版本（${(version.sha256 ?? '').slice(0, 12)}）`,
    version.current ? '，即当前版本。' : version.removedAt ? `，已于 ${fmtTime(version.removedAt)} 删除。` : '，不是当前版本：表格与发现为该版本读取时的结果。',
    ' ', h('a', { href: `#/reports/${encodeURIComponent(id)}`, class: 'btn btn-small' }, '回到当前版本'), ' ',
    !version.current && !version.removedAt && version.sha256 ? makeCurrentButton(id, version.sha256, message, back) : null,
    ' ', message);
}
