// Review from the detail view, by keyboard as well as by mouse: confirm or dismiss a finding (with a reason),
// withdraw a decision, correct a cell (or fill a blank), withdraw a correction, and the rectification notice —
// print it (the API's printable page), download it as Word, or record that it was issued. Every write reloads the
// view from the API (reads revalidate: the page never shows the state from before the write).
import { ApiError, apiUrl, writeJson, type Finding } from './api';
import { h } from './dom';
import { describeLocation } from './labels';
import { cellsOf } from './marks';
import { allCells, cellId, type CellKey, type ReportTables } from './tables';
import { reviewStateBadge } from './ui';

export interface Correction {
  id: string;
  location: { section?: string; row?: string; column?: string };
  value: string | number | null;
  asRead: string | number | null;
  reason?: string;
  state?: string;
}

/** Where the keyboard was before a write reloaded the view: restored afterwards. */
let focusAfterReload: string | null = null;

export const SHORTCUTS: [string, string][] = [
  ['↑ / ↓ 或 K / J', '上一条 / 下一条发现'],
  ['C', '确认（可写明理由）'],
  ['D', '驳回为误报（须写明理由）'],
  ['U', '撤回审核结论'],
  ['E', '更正这条发现所涉的单元格（或填补空白）'],
  ['Esc', '关闭表单'],
];

export function shortcutsHelp(): HTMLElement {
  return h('details', { class: 'shortcuts' }, h('summary', null, '键盘操作'),
    h('dl', null, ...SHORTCUTS.map(([k, v]) => [h('dt', null, h('kbd', null, k)), h('dd', null, v)])));
}

/** The review state, the notice's links and its issuing: the head of the findings panel. */
export function reviewBar(id: string, state: string | null | undefined, confirmed: number, reload: () => void): HTMLElement {
  const path = `/reports/${encodeURIComponent(id)}/notice`;
  const message = h('p', { class: 'muted small', role: 'status' });
  const issue = h('button', { type: 'button', class: 'btn btn-small', id: 'issue-notice' }, '发出整改通知');
  issue.addEventListener('click', () => void (async () => {
    issue.disabled = true;
    try {
      await writeJson('POST', path, {});
      focusAfterReload = '#issue-notice';
      reload();
    } catch (e) {
      message.textContent = e instanceof ApiError ? e.detail || e.title : String(e);
      issue.disabled = false;
    }
  })());
  return h('div', { class: 'review-bar' },
    h('span', null, '审核状态 ', reviewStateBadge(state) ?? h('span', { class: 'muted' }, '—')),
    confirmed ? [
      h('a', { href: apiUrl(path), target: '_blank', rel: 'noopener noreferrer', class: 'btn btn-small', id: 'notice-link' },
        '整改通知（打印）'),
      h('a', { href: apiUrl(path, { format: 'docx' }), class: 'btn btn-small', download: '' }, 'Word'),
      state === 'REVIEWED' || state === 'NOTIFIED' ? issue : null,
    ] : h('span', { class: 'muted small' }, '确认问题后可生成整改通知'),
    message);
}

/** A finding's review buttons and the form each opens, inside its list item (which the keyboard moves through). */
export function reviewControls(id: string, f: Finding, item: HTMLElement, report: ReportTables, reload: () => void): void {
  if (!f.fingerprint || f.severity === 'note') return;
  const fp = f.fingerprint;
  item.tabIndex = 0;
  item.dataset.fp = fp;
  item.classList.add('reviewable');
  const state = f.review?.state ?? 'pending';
  const formBox = h('div', { class: 'review-form-box' });
  const button = (label: string, key: string, act: () => void) => {
    const b = h('button', { type: 'button', class: 'btn btn-small', 'aria-keyshortcuts': key, 'data-action': key.toLowerCase() }, label);
    b.addEventListener('click', act);
    return b;
  };
  const decide = (decision: 'confirmed' | 'dismissed') => reasonForm(formBox, decision === 'confirmed'
    ? '确认理由' : '驳回理由（为何是误报）', decision === 'confirmed' ? '核对原文，确有此问题' : '', async (reason) => {
    await writeJson('PUT', `/reports/${encodeURIComponent(id)}/findings/${fp}/review`, { decision, reason });
    focusAfterReload = `[data-fp="${fp}"]`;
    reload();
  });
  const withdraw = async () => {
    await writeJson('DELETE', `/reports/${encodeURIComponent(id)}/findings/${fp}/review`);
    focusAfterReload = `[data-fp="${fp}"]`;
    reload();
  };
  const correct = () => correctionForm(formBox, id, report, f, reload);
  item.append(h('div', { class: 'review-actions' },
    state === 'confirmed' ? h('span', { class: 'badge review-confirmed' }, '已确认') : null,
    state !== 'confirmed' ? button('确认', 'C', () => decide('confirmed')) : null,
    state !== 'dismissed' ? button('驳回', 'D', () => decide('dismissed')) : null,
    state !== 'pending' ? button('撤回', 'U', () => void withdraw().catch((e) => showError(formBox, e))) : null,
    button('更正单元格', 'E', correct)), formBox);
  item.addEventListener('keydown', (e) => {
    if (e.target !== item || e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    if (key === 'c' && state !== 'confirmed') decide('confirmed');
    else if (key === 'd' && state !== 'dismissed') decide('dismissed');
    else if (key === 'u' && state !== 'pending') void withdraw().catch((err) => showError(formBox, err));
    else if (key === 'e') correct();
    else return;
    e.preventDefault();
  });
}

/** Arrow keys (and J/K) move between the reviewable findings of a list. */
export function listKeys(list: HTMLElement): void {
  list.addEventListener('keydown', (e) => {
    const items = [...list.querySelectorAll<HTMLElement>('li.reviewable')];
    const at = items.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const key = e.key;
    const next = key === 'ArrowDown' || key === 'j' ? at + 1 : key === 'ArrowUp' || key === 'k' ? at - 1 : -2;
    if (next === -2) return;
    e.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, next))].focus();
  });
}

/** The corrections made, each withdrawable. */
export function correctionsList(id: string, corrections: Correction[], reload: () => void): HTMLElement | null {
  if (!corrections.length) return null;
  return h('section', { class: 'corrections', 'aria-labelledby': 'corrections-title' },
    h('h3', { id: 'corrections-title' }, `已更正 ${corrections.length} 处`),
    h('ul', null, ...corrections.map((c) => {
      const undo = h('button', { type: 'button', class: 'btn btn-small' }, '撤回更正');
      undo.addEventListener('click', () => void writeJson('DELETE',
        `/reports/${encodeURIComponent(id)}/corrections/${encodeURIComponent(c.id)}`).then(reload));
      return h('li', { class: 'correction' }, describeLocation(c.location), '：',
        `${c.asRead ?? '空白'} → ${c.value ?? '空白'}`, c.reason ? h('span', { class: 'muted' }, `（${c.reason}）`) : null,
        c.state === 'flagged' ? h('span', { class: 'badge sev-warning' }, '重新读取后不再适用') : null, ' ', undo);
    })));
}

export function restoreFocus(root: HTMLElement): void {
  if (!focusAfterReload) return;
  const el = root.querySelector<HTMLElement>(focusAfterReload);
  focusAfterReload = null;
  el?.focus();
}

function reasonForm(box: HTMLElement, label: string, value: string, send: (reason: string) => Promise<void>): void {
  const input = h('input', { type: 'text', name: 'reason', required: true, value, 'aria-label': label, maxlength: 500 });
  const form = h('form', { class: 'review-form' }, h('label', null, label, ' ', input),
    h('button', { type: 'submit', class: 'btn btn-small primary' }, '提交'), h('span', { class: 'muted small' }, ' Enter 提交，Esc 取消'));
  submitWith(form, box, async () => send(input.value.trim()));
  box.replaceChildren(form);
  input.focus();
  input.select();
}

function correctionForm(box: HTMLElement, id: string, report: ReportTables, f: Finding, reload: () => void): void {
  const cells = allCells(report);
  const named = cellsOf(f, cells.map(cellId));
  const select = h('select', { name: 'cell', 'aria-label': '单元格' }, ...cells.map((k: CellKey) =>
    h('option', { value: cellId(k), selected: cellId(k) === named[0] }, describeLocation(k))));
  const value = h('input', { type: 'text', name: 'value', inputmode: 'decimal', 'aria-label': '更正后的值（留空表示空白）', size: 10 });
  const reason = h('input', { type: 'text', name: 'reason', required: true, 'aria-label': '更正理由', value: '按原文更正', maxlength: 500 });
  const form = h('form', { class: 'review-form correction-form' },
    h('label', null, '单元格 ', select), h('label', null, '值 ', value), h('label', null, '理由 ', reason),
    h('button', { type: 'submit', class: 'btn btn-small primary' }, '更正'),
    h('span', { class: 'muted small' }, ' 值留空表示原文空白'));
  submitWith(form, box, async () => {
    const [section, row, column] = select.value.split('|');
    const v = value.value.trim();
    await writeJson('POST', `/reports/${encodeURIComponent(id)}/corrections`, {
      location: { section, row, column: column || undefined },
      value: v === '' ? null : /^\d+$/.test(v) ? Number(v) : v,
      reason: reason.value.trim(),
    });
    if (f.fingerprint) focusAfterReload = `[data-fp="${f.fingerprint}"]`;
    reload();
  });
  box.replaceChildren(form);
  (named.length ? value : select).focus();
}

function submitWith(form: HTMLFormElement, box: HTMLElement, send: () => Promise<void>): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const submit = form.querySelector('button[type=submit]') as HTMLButtonElement;
    submit.disabled = true;
    send().catch((err) => {
      submit.disabled = false;
      showError(box, err, form);
    });
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      const item = box.closest<HTMLElement>('li');
      box.replaceChildren();
      item?.focus();
    }
  });
}

function showError(box: HTMLElement, e: unknown, keep?: HTMLElement): void {
  const text = e instanceof ApiError ? `${e.title}：${e.detail}` : String(e);
  box.replaceChildren(...(keep ? [keep] : []), h('p', { class: 'callout error', role: 'alert' }, text));
}
