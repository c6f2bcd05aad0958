// Start-up: finish a login callback, show who is logged in, run the hash router.

import * as auth from './auth.js';
import * as live from './live.js';
import { h, mount, showProblem, asProblem, clearProblem, clearOldNotices } from './ui.js';
import { nameOf } from './places.js';
import * as plans from './pages/plans.js';
import * as tasks from './pages/tasks.js';
import * as contents from './pages/contents.js';
import * as dashboard from './pages/dashboard.js';
import * as reports from './pages/reports.js';
import * as manual from './pages/manual.js';
import * as admin from './pages/admin.js';
import * as notifications from './pages/notifications.js';
import { startBell } from './bell.js';

const ROLE_NAMES = {
  EDITOR: 'Biên tập viên', LEADER: 'Lãnh đạo', ADMIN: 'Quản trị xã', VIEWER: 'Cán bộ theo dõi cấp tỉnh',
  SYSADMIN: 'Quản trị hệ thống', PROVINCE_ADMIN: 'Quản trị cấp tỉnh',
};

/** Routes: a hash path pattern → the page's render(main, ctx). Order matters: the first match wins. */
const ROUTES = [
  [/^\/ke-hoach\/nhap$/, plans.importPage, 'nav-plans'],
  [/^\/ke-hoach\/moi$/, plans.createPage, 'nav-plans'],
  [/^\/ke-hoach\/([^/]+)$/, plans.detailPage, 'nav-plans'],
  [/^\/ke-hoach$/, plans.listPage, 'nav-plans'],
  [/^\/nhiem-vu\/([^/]+)$/, tasks.detailPage, 'nav-tasks'],
  [/^\/nhiem-vu$/, tasks.boardPage, 'nav-tasks'],
  [/^\/tin-bai\/moi$/, contents.editPage, 'nav-contents'],
  [/^\/tin-bai\/([^/]+)\/sua$/, contents.editPage, 'nav-contents'],
  [/^\/tin-bai\/([^/]+)$/, contents.detailPage, 'nav-contents'],
  [/^\/tin-bai$/, contents.listPage, 'nav-contents'],
  [/^\/hoat-dong\/moi$/, contents.activityPage, 'nav-contents'],
  [/^\/hoat-dong\/([^/]+)$/, contents.activityDetailPage, 'nav-contents'],
  [/^\/hoat-dong$/, contents.activitiesPage, 'nav-contents'],
  [/^\/bang-theo-doi\/([^/]+)$/, dashboard.communePage, 'nav-dashboard'],
  [/^\/bang-theo-doi$/, dashboard.page, 'nav-dashboard'],
  [/^\/bao-cao$/, reports.page, 'nav-reports'],
  [/^\/dang-thu-cong$/, manual.page, 'nav-manual'],
  [/^\/quan-tri\/xa\/(\d{5})$/, admin.communePeoplePage, 'nav-admin'],
  [/^\/quan-tri\/tinh\/(\d{2})$/, admin.provincePeoplePage, 'nav-admin'],
  [/^\/quan-tri$/, admin.communesPage, 'nav-admin'],
  [/^\/thong-bao$/, notifications.page, null],
];

/** The first page: the dashboard, or Quản trị for an account that only administers (no commune, no province view). */
function home() {
  const w = auth.who();
  return w && !w.isCommune && !w.isProvince && (w.has('SYSADMIN') || w.has('PROVINCE_ADMIN'))
    ? '#/quan-tri' : '#/bang-theo-doi';
}

let cleanup = null;
let renderSeq = 0;
let firstRoute = true;

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { path: path || '/', query: new URLSearchParams(query) };
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  const main = document.getElementById('noi-dung');
  // an in-page anchor (e.g. the skip link's #noi-dung) is not a route
  if (location.hash && !location.hash.startsWith('#/')) {
    if (firstRoute) location.replace(home());
    return;
  }
  const { path, query } = parseHash();
  if (path === '/' || path === '') {
    location.replace(home());
    return;
  }
  const found = ROUTES.find(([pattern]) => pattern.test(path));
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  clearProblem();
  clearOldNotices();
  for (const a of document.querySelectorAll('#main-nav a')) a.removeAttribute('aria-current');
  if (!found) {
    mount(main, h('h1', { id: 'page-title', tabindex: '-1' }, 'Không tìm thấy trang'),
      h('p', {}, 'Địa chỉ này không có trong Loa. '), h('a', { href: '#/bang-theo-doi' }, 'Về bảng theo dõi'));
    return;
  }
  const [pattern, render, navId] = found;
  document.getElementById(navId)?.setAttribute('aria-current', 'page');
  const params = pattern.exec(path).slice(1).map(decodeURIComponent);
  const seq = ++renderSeq;
  const ctx = {
    who: auth.who(),
    params,
    query,
    navigate,
    live,
    /** True while this page is still the one shown (guards late async renders). */
    current: () => seq === renderSeq,
  };
  mount(main, h('p', { class: 'loading', role: 'status' }, 'Đang tải…'));
  try {
    cleanup = await render(main, ctx);
  } catch (e) {
    if (seq !== renderSeq) return;
    mount(main, h('h1', { id: 'page-title', tabindex: '-1' }, 'Không tải được trang'));
    showProblem(asProblem(e), main);
  }
  if (seq === renderSeq && !firstRoute) {
    document.getElementById('page-title')?.focus({ preventScroll: false });
  }
  firstRoute = false;
}

function showLogin(problem) {
  const main = document.getElementById('noi-dung');
  document.getElementById('main-nav').hidden = true;
  document.getElementById('menu-toggle').hidden = true;
  mount(document.getElementById('who'));
  const button = h('button', { type: 'button', id: 'login-button', class: 'primary large', dataset: { testid: 'login-button' } },
    'Đăng nhập');
  button.addEventListener('click', () => {
    button.disabled = true;
    auth.login(location.hash || '#/').catch((e) => { // '#/': the home of who logs in (home())
      button.disabled = false;
      showProblem(asProblem(e), main);
    });
  });
  document.title = 'Đăng nhập — Loa';
  mount(main,
    h('section', { class: 'login card', 'aria-labelledby': 'page-title' },
      h('h1', { id: 'page-title', tabindex: '-1' }, 'Loa — tuyên truyền cải cách hành chính'),
      h('p', {}, 'Theo dõi kế hoạch tuyên truyền, nhiệm vụ, tin bài và báo cáo định kỳ của xã, phường.'),
      h('p', {}, 'Đăng nhập bằng tài khoản được cấp (cán bộ xã, lãnh đạo xã hoặc cán bộ theo dõi của tỉnh, thành phố).'),
      button));
  if (problem) showProblem(problem, main);
  button.focus();
}

function showWho(w) {
  const roles = w.roles.map((r) => ROLE_NAMES[r] || r).join(', ') || 'Chưa được phân quyền';
  const logout = h('button', { type: 'button', id: 'logout-button', class: 'link-button', dataset: { testid: 'logout-button' } },
    'Đăng xuất');
  logout.addEventListener('click', () => {
    // the issuer answers the logout: until it does, the page says so (and is not clicked twice)
    logout.disabled = true;
    logout.textContent = 'Đang đăng xuất…';
    logout.dataset.state = 'logging-out';
    live.stop();
    auth.logout();
  });
  const liveState = h('span', { class: 'live-state', id: 'live-state', dataset: { testid: 'live-state' }, role: 'status' });
  mount(document.getElementById('who'),
    h('span', { class: 'who-tenant', id: 'who-tenant', dataset: { testid: 'who-tenant', tenant: w.tenant } }, nameOf(w.tenant)),
    h('span', { class: 'who-user', id: 'who-user', dataset: { testid: 'who-user' } }, `${w.user} · ${roles}`),
    liveState,
    logout);
  return liveState;
}

function setUpMenu() {
  const toggle = document.getElementById('menu-toggle');
  const nav = document.getElementById('main-nav');
  document.getElementById('nav-admin').parentElement.hidden = !admin.administers(auth.who());
  toggle.hidden = false;
  nav.hidden = false;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  });
  nav.addEventListener('click', (e) => {
    if (e.target.closest('a')) {
      toggle.setAttribute('aria-expanded', 'false');
      nav.classList.remove('open');
    }
  });
}

function setUpSkipLink() {
  document.getElementById('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    const main = document.getElementById('noi-dung');
    (main.querySelector('#page-title') || main).focus();
  });
}

async function boot() {
  setUpSkipLink();
  let problem = null;
  try {
    if (await auth.toCanonicalOrigin()) return;
  } catch (e) {
    showLogin(asProblem(e));
    return;
  }
  try {
    await auth.completeLogin();
  } catch (e) {
    problem = asProblem(e);
  }
  if (!auth.resume() || !auth.who()) {
    showLogin(problem);
    return;
  }
  const w = auth.who();
  const liveState = showWho(w);
  setUpMenu();
  if (w.isCommune || w.isProvince) live.start(liveState);
  startBell(w, document.getElementById('who'), document.getElementById('logout-button'));
  window.addEventListener('hashchange', route);
  await route();
}

boot().catch((e) => showLogin(asProblem(e)));
