// Thông báo (#/thong-bao, issue 21): the caller's notifications and how they want reminders — in the app, by e-mail,
// on Zalo (with their Zalo user id), and the kinds they do not want.

import { get, put, paths } from '../api.js';
import { h, mount, pageTitle, button, onSubmit, checkboxes, checkedValues, field, notice } from '../ui.js';
import { item, refresh, KIND_NAMES } from '../bell.js';

export async function page(main, ctx) {
  if (!ctx.who.isCommune) {
    mount(main, pageTitle('Thông báo'),
      h('p', {}, 'Nhắc việc dành cho cán bộ của xã, phường; tài khoản này không nhận nhắc việc.'));
    return null;
  }
  const [bell, prefs] = await Promise.all([get(paths.notifications()), get(paths.notificationPreferences())]);
  if (!ctx.current()) return null;
  const list = h('div', { id: 'notification-list' });
  const reload = async () => {
    const fresh = await get(paths.notifications());
    renderList(fresh);
    await refresh();
  };
  function renderList(b) {
    mount(list, b.items.length
      ? h('ul', { class: 'notifications', dataset: { testid: 'notification-list' } },
        b.items.map((n) => item(n, reload, list)))
      : h('p', { class: 'hint' }, 'Chưa có thông báo nào.'));
  }
  renderList(bell);

  const save = button('preferences-save', 'Lưu cài đặt', 'primary', 'submit');
  const channel = (name, text, on) => h('div', { class: 'check' },
    h('input', { type: 'checkbox', id: `pref-${name}`, name, checked: on, dataset: { testid: `pref-${name}` } }),
    h('label', { for: `pref-${name}` }, text));
  const zaloId = h('input', { type: 'text', inputmode: 'numeric', value: prefs.zaloUserId || '', autocomplete: 'off',
    dataset: { testid: 'pref-zaloUserId' } });
  const form = h('form', { class: 'form card', novalidate: true, id: 'preferences-form',
    dataset: { testid: 'preferences-form' } },
    h('h2', {}, 'Cách nhận nhắc việc'),
    h('fieldset', { class: 'field checks', dataset: { field: 'channels' } },
      h('legend', {}, 'Nhận nhắc việc qua'),
      channel('inApp', 'Trong ứng dụng (chuông thông báo)', prefs.inApp),
      channel('email', 'Thư điện tử', prefs.email),
      channel('zalo', 'Zalo (qua Zalo OA của xã, phường)', prefs.zalo)),
    field('Mã người dùng Zalo', 'zaloUserId', zaloId,
      'Mã Zalo OA của xã, phường cấp cho bạn khi bạn quan tâm OA; để trống nếu không nhận qua Zalo.'),
    checkboxes('Không nhận các loại nhắc việc sau', 'muted',
      Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label })), prefs.muted, 'pref-muted'),
    h('div', { class: 'actions' }, save));
  onSubmit(form, save, async () => {
    const saved = await put(paths.notificationPreferences(), {
      inApp: form.querySelector('#pref-inApp').checked,
      email: form.querySelector('#pref-email').checked,
      zalo: form.querySelector('#pref-zalo').checked,
      zaloUserId: zaloId.value.trim() || null,
      muted: checkedValues(form, 'muted'),
    });
    zaloId.value = saved.zaloUserId || '';
    notice('Đã lưu cách nhận nhắc việc.');
  });

  mount(main, pageTitle('Thông báo'),
    h('section', { 'aria-labelledby': 'notifications-heading' },
      h('h2', { id: 'notifications-heading' }, 'Thông báo gần đây'), list),
    form);
  return null;
}
