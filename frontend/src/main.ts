// The page's entry: reads config.json, completes a sign-in return, then routes by the hash
// (#/, #/reports, #/reports/ID, #/agencies, #/agencies/KEY, #/upload) so it works from S3/CloudFront as is.
import './style.css';
import { loadConfig } from './config';
import { completeSignIn } from './auth';
import { h } from './dom';
import { errorState, hashPath, hashQuery, loadingState } from './ui';
import { installTips } from './tip';

export interface ViewContext {
  main: HTMLElement;
  params: string[];
  query: URLSearchParams;
  signal: AbortSignal;
}
type ViewModule = { render: (ctx: ViewContext) => Promise<void> | void };

const routes: { pattern: RegExp; nav: string; load: () => Promise<ViewModule> }[] = [
  { pattern: /^\/?$/, nav: 'overview', load: () => import('./views/overview') },
  { pattern: /^\/reports\/?$/, nav: 'reports', load: () => import('./views/list') },
  { pattern: /^\/reports\/([^/]+)\/?$/, nav: 'reports', load: () => import('./views/detail') },
  { pattern: /^\/reports\/([^/]+)\/versions\/([0-9a-f]{64})\/?$/, nav: 'reports', load: () => import('./views/detail') },
  { pattern: /^\/agencies\/?$/, nav: 'agencies', load: () => import('./views/agencies') },
  { pattern: /^\/agencies\/([^/]+)\/?$/, nav: 'agencies', load: () => import('./views/compare') },
  { pattern: /^\/rankings\/?$/, nav: 'rankings', load: () => import('./views/rankings') },
  { pattern: /^\/trends\/?$/, nav: 'rankings', load: () => import('./views/trends') },
  { pattern: /^\/rosters\/?$/, nav: 'rosters', load: () => import('./views/rosters') },
  { pattern: /^\/upload\/?$/, nav: 'upload', load: () => import('./views/upload') },
];

const main = document.getElementById('main') as HTMLElement;
let current: AbortController | null = null;
let lastPath: string | null = null;
let firstRender = true;

function setNav(active: string | null): void {
  document.querySelectorAll<HTMLAnchorElement>('#nav a').forEach((a) => {
    if (a.dataset.nav === active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

async function route(): Promise<void> {
  if (location.hash && !location.hash.startsWith('#/')) return; // an in-page anchor, not a route
  const path = hashPath();
  const query = hashQuery();
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const samePath = path === lastPath;
  lastPath = path;

  const match = routes.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  if (!match) {
    setNav(null);
    document.title = '未找到页面 · 政府信息公开年报核查';
    main.replaceChildren(h('h1', null, '未找到页面'),
      h('p', { class: 'state empty' }, '地址 ', h('code', null, location.hash), ' 不对应任何页面。 ', h('a', { href: '#/' }, '返回总览')));
    return;
  }
  setNav(match.r.nav);
  if (!samePath) main.replaceChildren(loadingState());
  main.setAttribute('aria-busy', 'true');
  try {
    const mod = await match.r.load();
    if (controller.signal.aborted) return;
    await mod.render({
      main,
      params: (match.m as RegExpExecArray).slice(1).map((p) => decodeURIComponent(p)),
      query,
      signal: controller.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError' || controller.signal.aborted) return;
    console.error(e);
    main.replaceChildren(errorState(e, () => void route()));
  } finally {
    if (current === controller) main.removeAttribute('aria-busy');
  }
  if (!firstRender && !samePath) {
    const title = document.getElementById('view-title');
    (title ?? main).focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }
  firstRender = false;
}

async function start(): Promise<void> {
  const skip = document.getElementById('skip-link');
  skip?.addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  installTips();
  const cfg = await loadConfig();
  if (cfg.problem) console.warn(cfg.problem);
  const back = await completeSignIn();
  if (back.error) sessionStorage.setItem('nianbao.signInError', back.error);
  if (back.returnTo && back.returnTo !== location.hash) {
    history.replaceState(null, '', `${location.pathname}${back.returnTo}`);
  }
  window.addEventListener('hashchange', () => void route());
  await route();
  document.documentElement.dataset.ready = 'true';
}

void start();
