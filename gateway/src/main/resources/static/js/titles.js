// Names instead of ids: the tasks an item or activity serves and the items and activities a task's credits rest on,
// read from their own API and kept for a minute (a live page asks again on every change).

import { get, paths } from './api.js';
import { ACTIVITY_KINDS } from './ui.js';

const KEEP_MS = 60_000;
const cache = new Map();

/** One read per path and minute; a failed read (404: another commune's, 403…) gives null and is tried again later. */
function read(path) {
  const hit = cache.get(path);
  if (hit && Date.now() - hit.at < KEEP_MS) return hit.value;
  const value = get(path).catch(() => {
    cache.delete(path);
    return null;
  });
  cache.set(path, { at: Date.now(), value });
  return value;
}

/** Forgets what was read (after a change made on this page). */
export function forget(path) {
  cache.delete(path);
}

/** Whether a credit rests on an activity held (no channel; an activity's kind) rather than on a published item. */
export function isActivityCredit(credit) {
  return !credit.channel || String(credit.kind || '').toUpperCase() in ACTIVITY_KINDS;
}

/** The page of what a credit rests on: the activity's or the item's. */
export function creditHref(credit) {
  const id = encodeURIComponent(credit.itemId);
  return isActivityCredit(credit) ? `#/hoat-dong/${id}` : `#/tin-bai/${id}`;
}

/** itemId → title of the items and activities behind these credits (null when it cannot be read). */
export async function creditTitles(credits) {
  const seen = new Map();
  for (const c of credits || []) {
    if (c.itemId && !seen.has(c.itemId)) seen.set(c.itemId, isActivityCredit(c) ? paths.activity(c.itemId) : paths.content(c.itemId));
  }
  const entries = await Promise.all([...seen].map(async ([id, path]) => [id, (await read(path))?.title || null]));
  return new Map(entries);
}

/** taskId → {order, title, planId} of these tasks (null when it cannot be read). */
export async function taskNames(ids) {
  const unique = [...new Set(ids || [])];
  const entries = await Promise.all(unique.map(async (id) => {
    const t = await read(paths.task(id));
    return [id, t ? { order: t.order, title: t.title, planId: t.planId } : null];
  }));
  return new Map(entries);
}

/** "3. Đăng tin về dịch vụ công trực tuyến" — a task's number in its plan and its title. */
export function taskName(t) {
  return t ? `${t.order ?? ''}. ${t.title || ''}`.replace(/^\. /, '') : 'Nhiệm vụ không xem được';
}
