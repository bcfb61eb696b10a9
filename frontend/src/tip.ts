// One floating tip for every element with data-tip, shown on hover and on keyboard focus (the text is also in
// the element's aria-describedby target, for screen readers). Text only: set with textContent.
let tip: HTMLDivElement | null = null;
let owner: HTMLElement | null = null;

function element(): HTMLDivElement {
  if (!tip) {
    tip = document.createElement('div');
    tip.className = 'tip';
    tip.setAttribute('aria-hidden', 'true');
    tip.hidden = true;
    document.body.appendChild(tip);
  }
  return tip;
}

function show(target: HTMLElement): void {
  const text = target.dataset.tip;
  if (!text) return;
  const t = element();
  owner = target;
  t.textContent = text;
  t.hidden = false;
  const r = target.getBoundingClientRect();
  const w = t.offsetWidth;
  const hgt = t.offsetHeight;
  let left = r.left + r.width / 2 - w / 2;
  left = Math.max(8, Math.min(left, window.innerWidth - w - 8));
  let top = r.bottom + 6;
  if (top + hgt > window.innerHeight - 8) top = r.top - hgt - 6;
  t.style.left = `${Math.round(left + window.scrollX)}px`;
  t.style.top = `${Math.round(top + window.scrollY)}px`;
}

function hide(target?: HTMLElement): void {
  if (!tip || (target && target !== owner)) return;
  tip.hidden = true;
  owner = null;
}

function tipTarget(e: Event): HTMLElement | null {
  const t = e.target as HTMLElement | null;
  return t && t.closest ? (t.closest('[data-tip]') as HTMLElement | null) : null;
}

export function installTips(): void {
  document.addEventListener('mouseover', (e) => {
    const t = tipTarget(e);
    if (t) show(t);
  });
  document.addEventListener('mouseout', (e) => {
    const t = tipTarget(e);
    if (t && !t.contains(e.relatedTarget as Node | null)) hide(t);
  });
  document.addEventListener('focusin', (e) => {
    const t = tipTarget(e);
    if (t) show(t);
    else hide();
  });
  document.addEventListener('focusout', (e) => {
    const t = tipTarget(e);
    if (t) hide(t);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
  window.addEventListener('hashchange', () => hide());
  window.addEventListener('scroll', () => {
    if (owner) show(owner);
  }, { passive: true });
}
