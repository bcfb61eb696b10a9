// The detail view's history (GET /reports/{id}/history): newest first, in words — who, when, what, before → after —
// twenty at a time with 更多.
import { getJson, type Query } from '../api';
import { fmtTime, h } from '../dom';
import { REVIEW_STATE_LABELS, STATUS_LABELS, describeLocation } from '../labels';
import { errorState } from '../ui';

interface Entry {
  at: string;
  action: string;
  by: string;
  target: string | null;
  before: unknown;
  after: unknown;
  revision: number;
}

const ACTIONS: Record<string, string> = {
  review: '审核发现',
  'review.withdrawn': '撤回审核结论',
  correction: '更正单元格',
  'correction.withdrawn': '撤回更正',
  notice: '发出整改通知',
  'version.current': '设为当前版本',
  'version.removed': '删除版本',
  'version.purged': '清除已删除版本的文件（保留期满）',
  deleted: '删除报告',
  restored: '恢复报告',
  'agency.merged': '所属机关合并',
  'agency.split': '所属机关拆分',
};

type Loose = Record<string, unknown>;

/** Who made a change: the token's subject; the local stack's one user (no sign-in) in words. */
export function who(by: string): string {
  if (by === 'purge') return '每日清理';
  return by === 'local' || /^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(by) ? '本地用户' : by;
}

const blankOr = (v: unknown) => (v === null || v === undefined || v === '' ? '空白' : String(v));

/** One side of a change in words: a decision, a correction, a version, a report's state. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return '（无）';
  if (typeof v !== 'object') return String(v);
  const o = v as Loose;
  const state = (o.decision ?? o.state) as string | undefined;
  if (state === 'confirmed' || state === 'dismissed') {
    return `${state === 'confirmed' ? '确认' : '驳回（误报）'}${o.reason ? `：${o.reason}` : ''}`;
  }
  if ('asRead' in o || ('value' in o && 'location' in o)) {
    return `${blankOr(o.value)}（原读 ${blankOr(o.asRead)}）${o.reason ? `：${o.reason}` : ''}`;
  }
  if (typeof o.sha256 === 'string') {
    return `${o.name ?? '文件'}（${fmtTime(o.uploadedAt as string | undefined)} 上传，${(o.sha256 as string).slice(0, 8)}）`;
  }
  if (o.current && typeof o.current === 'object') return describe(o.current);
  if ('expiresAt' in o) return `已删除，保留至 ${fmtTime(o.expiresAt as string)}`;
  if (typeof o.agencyKey === 'string') {
    const counts = [STATUS_LABELS[o.status as string] ?? o.status, `错误 ${o.errors}`, `警告 ${o.warnings}`].join('，');
    return `机关 ${o.agencyKey}（${counts}）${o.reason ? `：${o.reason}` : ''}`;
  }
  if ('status' in o) {
    return [STATUS_LABELS[o.status as string] ?? o.status, o.errors !== undefined ? `错误 ${o.errors}` : null,
      o.warnings !== undefined ? `警告 ${o.warnings}` : null].filter(Boolean).join('，');
  }
  if ('deadline' in o || 'issuedAt' in o) return `整改通知${o.deadline ? `，期限 ${o.deadline}` : ''}`;
  if (typeof o.reviewState === 'string') return REVIEW_STATE_LABELS[o.reviewState] ?? o.reviewState;
  return JSON.stringify(v);
}

function targetText(e: Entry): string {
  if (!e.target) return '';
  const cell = e.target.split('/');
  if (e.action.startsWith('correction') && cell.length === 3) {
    return describeLocation({ section: cell[0], row: cell[1], column: cell[2] }) || e.target;
  }
  if (e.action.startsWith('review')) return `发现 ${e.target.slice(0, 8)}`;
  if (e.action.startsWith('version')) return `版本 ${e.target.slice(0, 8)}`;
  return '';
}

function entryItem(e: Entry): HTMLElement {
  const target = targetText(e);
  return h('li', { class: 'history-entry', 'data-action': e.action },
    h('div', { class: 'history-head' },
      h('strong', null, ACTIONS[e.action] ?? e.action), target ? h('span', { class: 'muted' }, ` · ${target}`) : null),
    h('p', { class: 'small' }, h('span', { class: 'muted' }, '原为 '), describe(e.before), h('span', { class: 'muted' }, ' → 改为 '),
      e.after === null || e.after === undefined ? (e.action.endsWith('withdrawn') ? '（已撤回）' : '（无）') : describe(e.after)),
    h('p', { class: 'muted small' }, `${fmtTime(e.at)} · ${who(e.by)}`));
}

/** Fills the history panel: the newest twenty, then twenty more per press of 更多. */
export async function fillHistory(box: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  const list = h('ol', { class: 'history', id: 'history-list' });
  const more = h('button', { type: 'button', class: 'btn btn-small', id: 'history-more' }, '更多');
  const load = async (cursor: string | null) => {
    const query: Query = { limit: 20, cursor };
    const page = await getJson<{ items: Entry[]; cursor: string | null }>(`/reports/${encodeURIComponent(id)}/history`, query, signal);
    list.append(...page.items.map(entryItem));
    // (the hidden attribute loses to .btn's display: the button goes when there is nothing more)
    if (!page.cursor) more.remove();
    more.onclick = () => void load(page.cursor).catch((e) => box.append(errorState(e)));
    if (!list.childElementCount) box.replaceChildren(h('p', { class: 'muted' }, '还没有审核、更正或版本的修改。'));
  };
  try {
    box.replaceChildren(list, more);
    await load(null);
  } catch (e) {
    if (signal.aborted) return;
    box.replaceChildren(errorState(e));
  }
}
