// One live stream per tab (GET /api/dashboard/stream), shared by the pages: a page subscribes to changes while it is
// shown (the router drops its subscriptions when the page changes) and the header shows the connection state.
// The stream is closed when the page is hidden for good or for the back/forward cache (pagehide) and opened again if
// the page comes back from that cache (pageshow): a reload must not leave the old page's connection open, or after
// six reloads Chromium's six connections per host are all held by streams and the app's calls wait.

import { openStream } from './sse.js';
import { paths } from './api.js';
import { h, mount } from './ui.js';

const listeners = new Set();
let stream = null;
let indicator = null;
let hidden = false;

window.addEventListener('pagehide', () => {
  if (!stream) return;
  stream.close();
  stream = null;
  hidden = true;
});
window.addEventListener('pageshow', (e) => {
  if (e.persisted && hidden && indicator) start(indicator);
  hidden = false;
});

const STATES = {
  connecting: 'Đang kết nối cập nhật trực tiếp…',
  open: 'Đang cập nhật trực tiếp',
  waiting: 'Mất kết nối cập nhật trực tiếp, đang thử lại…',
  closed: 'Đã tắt cập nhật trực tiếp',
  error: 'Không có cập nhật trực tiếp cho tài khoản này',
};

export function start(el) {
  indicator = el;
  if (stream) return;
  stream = openStream(paths.dashboardStream(), {
    onEvent(evt) {
      let data = null;
      try {
        data = JSON.parse(evt.data);
      } catch {
        data = { raw: evt.data };
      }
      for (const fn of [...listeners]) {
        try {
          fn({ type: evt.event, id: evt.id, data });
        } catch (e) {
          console.error(e);
        }
      }
    },
    onState(state, detail) {
      if (!indicator) return;
      indicator.dataset.state = state;
      let text = STATES[state] || state;
      if (state === 'waiting' && detail?.wait) text = `Mất kết nối cập nhật trực tiếp, thử lại sau ${Math.round(detail.wait / 1000)} giây`;
      mount(indicator, h('span', { class: 'dot', 'aria-hidden': 'true' }), text);
    },
  });
}

export function stop() {
  if (stream) stream.close();
  stream = null;
  hidden = false;
}

/** Calls fn for each change while subscribed; returns the unsubscribe function. */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Runs fn at most once per `ms` after a burst of changes. */
export function debounce(fn, ms = 400) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
