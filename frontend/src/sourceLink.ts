import { ApiError, getJson } from './api';
import { h } from './dom';

/**
 * The link to a rejected upload's original file. Anyone can upload anything that is then rejected, so the API
 * gives its bytes only to a signed-in caller, through GET /reports/{id}/source-link (behind the authorizer in
 * AWS): the page asks for a short-lived link with its token, then opens it (always a download, never shown).
 */
export function rejectedSourceLink(id: string, label: string): HTMLElement {
  const note = h('span', { class: 'source-link-note', role: 'status' });
  const link = h('a', { href: '#', class: 'source-link' }, label);
  link.addEventListener('click', async (e) => {
    e.preventDefault();
    note.textContent = '正在获取下载地址…';
    try {
      const answer = await getJson<{ url: string }>(`/reports/${encodeURIComponent(id)}/source-link`);
      note.textContent = '';
      window.location.assign(answer.url);
    } catch (err) {
      note.textContent = err instanceof ApiError && err.status === 401
        ? '被拒绝的上传只提供给已登录用户下载：请先登录'
        : `无法获取下载地址：${err instanceof Error ? err.message : String(err)}`;
    }
  });
  return h('span', null, link, ' ', note);
}
