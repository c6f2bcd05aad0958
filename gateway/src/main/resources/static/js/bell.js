// The bell in the header (issue 21): the caller's unread notifications (GET /api/notifications), a panel of the latest
// ones with their links, mark one or all read. It fetches again when the live stream says the caller's bell changed
// (a change of area 'notification' whose subject is the user name) and when the panel opens.

import { get, post, paths } from './api.js';
import { h, mount, date, asProblem, showProblem } from './ui.js';
import * as live from './live.js';

export const KIND_NAMES = {
  TASK_AT_RISK: 'Nhiệm vụ có nguy cơ không đạt',
  TASK_BEHIND: 'Nhiệm vụ không đạt chỉ tiêu kỳ trước',
  PUBLICATION_FAILED: 'Đăng tin không thành công',
  PUBLICATION_STUCK: 'Tin bài đã duyệt nhưng chưa đăng',
  APPROVAL_WAITING: 'Tin, bài chờ duyệt quá 2 ngày làm việc',
  REPORT_DUE: 'Sắp đến hạn báo cáo',
  REPORT_RETURNED: 'Báo cáo bị trả lại',
};

let state = { unread: 0, items: [] };
let button = null;
let panel = null;

/** Puts the bell before `before` in the header, for a commune's staff (reminders are theirs). */
export function startBell(who, container, before) {
  if (!who.isCommune) return;
  button = h('button', {
    type: 'button', class: 'bell', id: 'bell', 'aria-expanded': 'false', 'aria-controls': 'bell-panel',
    dataset: { testid: 'bell' },
  });
  panel = h('section', { class: 'bell-panel card', id: 'bell-panel', hidden: true, 'aria-label': 'Thông báo',
    dataset: { testid: 'bell-panel' } });
  container.insertBefore(button, before);
  container.appendChild(panel);
  button.addEventListener('click', () => toggle());
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) toggle(false);
  });
  live.subscribe(({ type, data }) => {
    if (type === 'change' && data?.area === 'notification' && data?.subject === who.user) refresh();
  });
  renderButton();
  refresh();
}

export async function refresh() {
  if (!button) return;
  try {
    state = await get(paths.notifications());
  } catch {
    return; // the bell keeps its last count; the page shows its own problems
  }
  renderButton();
  if (!panel.hidden) renderPanel();
}

function renderButton() {
  const n = state.unread || 0;
  button.setAttribute('aria-label', n ? `Thông báo: ${n} chưa đọc` : 'Thông báo: không có thông báo chưa đọc');
  mount(button, h('span', { class: 'bell-icon', 'aria-hidden': 'true' }), 'Thông báo',
    n ? h('span', { class: 'bell-count', dataset: { testid: 'bell-count' } }, String(n)) : null);
}

function toggle(open = panel.hidden) {
  panel.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (open) {
    renderPanel();
    refresh();
    panel.querySelector('h2')?.focus();
  }
}

/** One notification as a list item: heading, text, day, link, and "mark read" while unread. */
export function item(n, onRead, problemArea) {
  const read = h('button', { type: 'button', class: 'link-button', dataset: { testid: 'notification-read' } },
    'Đánh dấu đã đọc');
  read.addEventListener('click', async () => {
    read.disabled = true;
    try {
      await post(paths.notificationRead(n.id));
      await onRead();
    } catch (e) {
      read.disabled = false;
      showProblem(asProblem(e), problemArea);
    }
  });
  const go = h('a', { href: n.link, dataset: { testid: 'notification-link' } }, 'Xem chi tiết');
  go.addEventListener('click', () => {
    if (!n.readAt) post(paths.notificationRead(n.id)).then(refresh).catch(() => {});
    if (panel && !panel.hidden) toggle(false);
  });
  return h('li', { class: n.readAt ? 'notification read' : 'notification unread',
    dataset: { testid: 'notification', id: n.id, kind: n.kind } },
    h('p', { class: 'notification-title' }, h('strong', {}, n.title),
      h('span', { class: 'notification-day' }, ` · ${date(n.deliveredAt)}`)),
    h('p', { class: 'notification-text' }, n.text),
    n.dueOn ? h('p', { class: 'hint' }, `Thời hạn: ${date(n.dueOn)}`) : null,
    h('p', { class: 'notification-actions' }, go, n.readAt ? null : read));
}

function renderPanel() {
  const items = state.items || [];
  const all = h('button', { type: 'button', class: 'link-button', id: 'bell-read-all',
    dataset: { testid: 'bell-read-all' } }, 'Đánh dấu tất cả đã đọc');
  all.disabled = !state.unread;
  all.addEventListener('click', async () => {
    all.disabled = true;
    try {
      await post(paths.notificationsReadAll());
      await refresh();
    } catch (e) {
      showProblem(asProblem(e), panel);
    }
  });
  mount(panel,
    h('h2', { tabindex: '-1' }, 'Thông báo'),
    items.length
      ? h('ul', { class: 'notifications' }, items.slice(0, 10).map((n) => item(n, refresh, panel)))
      : h('p', { class: 'hint' }, 'Chưa có thông báo nào.'),
    h('p', { class: 'actions' }, all,
      h('a', { href: '#/thong-bao', id: 'bell-all', dataset: { testid: 'bell-all' } },
        'Xem tất cả và cài đặt nhận thông báo')));
  for (const a of panel.querySelectorAll('a[href="#/thong-bao"]')) a.addEventListener('click', () => toggle(false));
}
