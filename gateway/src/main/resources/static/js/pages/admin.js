// Quản trị (issue 20, docs/adr/0011): the communes of a province with their state (activate / deactivate), the people
// of a commune or of a province (add, disable). SYSADMIN: every province; PROVINCE_ADMIN: its own; a commune's ADMIN:
// its own commune's people. The services decide; the page only hides what a role cannot do.

import { get, post, del, request, download, paths } from '../api.js';
import {
  h, mount, pageTitle, field, checkboxes, checkedValues, select, action, onSubmit, notice, emptyRow, num,
} from '../ui.js';
import { nameOf, remember } from '../places.js';

const ROLE_LABELS = {
  EDITOR: 'Biên tập viên', LEADER: 'Lãnh đạo', ADMIN: 'Quản trị xã, phường',
  VIEWER: 'Cán bộ theo dõi cấp tỉnh', PROVINCE_ADMIN: 'Quản trị cấp tỉnh', SYSADMIN: 'Quản trị hệ thống',
};

/** Whether the logged-in user administers anything (the nav shows "Quản trị" then). */
export function administers(who) {
  return Boolean(who && (who.has('SYSADMIN') || who.has('PROVINCE_ADMIN') || (who.isCommune && who.has('ADMIN'))));
}

function stateBadge(active) {
  return h('span', { class: `badge ${active ? 'badge-commune-active' : 'badge-commune-inactive'}`,
    dataset: { testid: 'commune-state', active: String(active) } },
  active ? 'Đang hoạt động' : 'Chưa kích hoạt');
}

/** #/quan-tri: the communes of a province (a commune's ADMIN goes straight to its own people). */
export async function communesPage(main, ctx) {
  const { who } = ctx;
  if (!who.has('SYSADMIN') && !who.has('PROVINCE_ADMIN')) {
    if (who.isCommune && who.has('ADMIN')) {
      location.replace(`#/quan-tri/xa/${encodeURIComponent(who.tenant)}`);
      return undefined;
    }
    throw { status: 403, title: 'Không có quyền', detail: 'Chỉ quản trị hệ thống, quản trị cấp tỉnh và quản trị xã, phường được vào phần Quản trị.' };
  }
  const provinces = await get(paths.adminProvinces());
  if (!ctx.current()) return undefined;
  provinces.forEach((p) => remember(p.code, p.name));
  const wanted = ctx.query.get('tinh');
  const province = provinces.find((p) => p.code === wanted) || provinces.find((p) => p.code === '31') || provinces[0];
  const communes = await get(paths.adminCommunes(province.code));
  if (!ctx.current()) return undefined;
  communes.forEach((c) => remember(c.code, c.name, c.provinceCode));

  const picker = provinces.length > 1
    ? field('Tỉnh, thành phố', 'province', select({ id: 'admin-province', dataset: { testid: 'admin-province' } },
      provinces.map((p) => ({ value: p.code, label: `${p.name} (${p.active}/${p.communes})` })), province.code))
    : null;
  picker?.querySelector('select').addEventListener('change', (e) => {
    ctx.navigate(`#/quan-tri?tinh=${encodeURIComponent(e.target.value)}`);
  });
  const search = h('input', { type: 'search', id: 'admin-commune-search', dataset: { testid: 'admin-commune-search' },
    placeholder: 'Gõ tên hoặc mã xã, phường' });
  const summary = h('p', { id: 'admin-summary', dataset: { testid: 'admin-summary' } });
  const body = h('tbody', {});

  const rowOf = (c) => {
    const toggle = h('button', { type: 'button', class: c.active ? 'small danger' : 'small primary',
      dataset: { testid: c.active ? 'commune-deactivate' : 'commune-activate', code: c.code } },
    c.active ? 'Ngừng hoạt động' : 'Kích hoạt');
    action(toggle, async () => {
      if (c.active && !confirm(`Ngừng hoạt động ${c.name}? Mọi tài khoản của ${c.name} sẽ không đăng nhập được nữa; dữ liệu được giữ nguyên.`)) return;
      const changed = await post(paths.adminCommuneSwitch(c.code, c.active ? 'deactivate' : 'activate'));
      Object.assign(c, changed);
      row.replaceWith(rowOf(c));
      showSummary();
      notice(changed.active ? `Đã kích hoạt ${c.name}.` : `Đã ngừng hoạt động ${c.name}.`);
    }, main);
    const row = h('tr', { dataset: { testid: 'commune-row', code: c.code } },
      h('td', {}, c.code),
      h('td', {}, c.name),
      h('td', {}, stateBadge(c.active)),
      h('td', {}, h('div', { class: 'actions' }, toggle,
        h('a', { class: 'button small', href: `#/quan-tri/xa/${encodeURIComponent(c.code)}`,
          dataset: { testid: 'commune-people-link', code: c.code } }, 'Tài khoản'))));
    return row;
  };
  const showSummary = () => {
    const active = communes.filter((c) => c.active).length;
    summary.textContent = `${province.name}: ${num(communes.length)} xã, phường, đặc khu; ${num(active)} đang hoạt động.`;
    const option = picker?.querySelector(`option[value="${province.code}"]`);
    if (option) option.textContent = `${province.name} (${active}/${communes.length})`;
  };
  const render = () => {
    const text = search.value.trim().toLowerCase();
    const shown = communes.filter((c) => !text || c.code.includes(text) || c.name.toLowerCase().includes(text));
    mount(body, shown.length === 0 ? emptyRow(4, 'Không có xã, phường nào khớp.') : shown.map(rowOf));
  };
  search.addEventListener('input', render);
  showSummary();
  render();

  // the whole province at once, with its progress (one JSON line per commune from the service)
  const progress = h('progress', { max: communes.length, value: 0, hidden: true, dataset: { testid: 'admin-province-progress' } });
  const progressText = h('span', { role: 'status', dataset: { testid: 'admin-province-progress-text' } });
  const all = h('button', { type: 'button', class: 'primary', dataset: { testid: 'admin-province-activate' } },
    'Kích hoạt tất cả xã, phường');
  action(all, async () => {
    const waiting = communes.filter((c) => !c.active).length;
    if (!confirm(`Kích hoạt ${num(waiting)} xã, phường chưa hoạt động của ${province.name}?`)) return;
    progress.hidden = false;
    progress.value = 0;
    const res = await request(paths.adminProvinceActivate(province.code), { method: 'POST', raw: true, accept: 'application/x-ndjson, application/problem+json' });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let last = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += decoder.decode(value, { stream: true });
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line) continue;
        last = JSON.parse(line);
        progress.max = last.total;
        progress.value = last.done;
        const c = last.code && communes.find((x) => x.code === last.code);
        if (c) c.active = true;
        progressText.textContent = last.finished === undefined
          ? `Đang kích hoạt: ${num(last.done)}/${num(last.total)}${last.name ? ` — ${last.name}` : ''}` : '';
      }
      if (done) break;
    }
    showSummary();
    render();
    if (last && last.finished) {
      progressText.textContent = `Xong: ${num(last.total)}/${num(last.total)}.`;
      notice(`Đã kích hoạt ${num(last.activatedCount)} xã, phường của ${province.name}; ${num(last.alreadyActiveCount)} đã hoạt động từ trước.`);
    } else {
      throw { title: 'Chưa kích hoạt xong', detail: last?.error || 'Kết nối bị ngắt giữa chừng; các xã, phường đã kích hoạt vẫn giữ nguyên. Vui lòng chạy lại.', errors: [] };
    }
  }, main);

  mount(main,
    pageTitle('Quản trị',
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: `#/quan-tri/tinh/${encodeURIComponent(province.code)}`,
          id: 'admin-province-people', dataset: { testid: 'admin-province-people' } },
        `Tài khoản cấp tỉnh — ${province.name}`))),
    h('p', {}, 'Kích hoạt xã, phường để cán bộ của xã, phường đăng nhập và làm việc trên Loa; ngừng hoạt động thì '
      + 'các tài khoản không đăng nhập được nữa, dữ liệu vẫn được giữ nguyên.'),
    h('div', { class: 'admin-filters' }, picker, field('Tìm xã, phường', 'search', search)),
    summary,
    h('div', { class: 'actions admin-province-activate' }, all, progress, progressText),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'data', id: 'admin-communes', dataset: { testid: 'admin-communes' } },
        h('caption', { class: 'visually-hidden' }, `Các xã, phường của ${province.name}`),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Mã'), h('th', { scope: 'col' }, 'Tên'),
          h('th', { scope: 'col' }, 'Trạng thái'), h('th', { scope: 'col' }, 'Thao tác'))),
        body)));
  return undefined;
}

/** #/quan-tri/xa/<code>: the people of a commune. */
export async function communePeoplePage(main, ctx) {
  const code = ctx.params[0];
  const commune = await get(paths.adminCommune(code));
  if (!ctx.current()) return undefined;
  remember(commune.code, commune.name, commune.provinceCode);
  return peoplePage(main, ctx, {
    kind: 'communes', code, name: commune.name, active: commune.active,
    roles: ['EDITOR', 'LEADER', 'ADMIN'],
    back: ctx.who.has('SYSADMIN') || ctx.who.has('PROVINCE_ADMIN')
      ? `#/quan-tri?tinh=${encodeURIComponent(commune.provinceCode)}` : null,
  });
}

/** #/quan-tri/tinh/<code>: the province's own accounts (reviewers, and its administrators for a SYSADMIN). */
export async function provincePeoplePage(main, ctx) {
  const code = ctx.params[0];
  const roles = ctx.who.has('SYSADMIN') ? ['VIEWER', 'PROVINCE_ADMIN'] : ['VIEWER'];
  return peoplePage(main, ctx, {
    kind: 'provinces', code, name: nameOf(code), active: true, roles, back: `#/quan-tri?tinh=${encodeURIComponent(code)}`,
  });
}

async function peoplePage(main, ctx, unit) {
  const people = await get(paths.adminPeople(unit.kind, unit.code));
  if (!ctx.current()) return undefined;
  const body = h('tbody', {});
  const rowOf = (p) => {
    const self = p.username === ctx.who.user;
    const disable = p.enabled && !self
      ? action(h('button', { type: 'button', class: 'small danger', dataset: { testid: 'person-disable', username: p.username } },
        'Ngừng tài khoản'), async () => {
        if (!confirm(`Ngừng tài khoản ${p.username} (${p.fullName})? Người này sẽ không đăng nhập được nữa; lịch sử vẫn giữ tên.`)) return;
        await del(paths.adminPerson(unit.kind, unit.code, p.username));
        p.enabled = false;
        row.replaceWith(rowOf(p));
        notice(`Đã ngừng tài khoản ${p.username}.`);
      }, main)
      : null;
    const row = h('tr', { dataset: { testid: 'person-row', username: p.username } },
      h('td', {}, p.username, self ? ' (bạn)' : ''),
      h('td', {}, p.fullName || '—'),
      h('td', { class: 'wrap-anywhere' }, p.email || '—'),
      h('td', {}, (p.roles || []).map((r) => ROLE_LABELS[r] || r).join(', ') || '—'),
      h('td', {}, h('span', { class: `badge ${p.enabled ? 'badge-commune-active' : 'badge-commune-inactive'}`,
        dataset: { testid: 'person-state', enabled: String(p.enabled) } }, p.enabled ? 'Đang dùng' : 'Đã ngừng')),
      h('td', {}, disable));
    return row;
  };
  mount(body, people.length === 0 ? emptyRow(6, 'Chưa có tài khoản nào.') : people.map(rowOf));

  const username = h('input', { type: 'text', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false',
    dataset: { testid: 'person-username' } });
  const fullName = h('input', { type: 'text', autocomplete: 'off', dataset: { testid: 'person-fullname' } });
  const email = h('input', { type: 'email', autocomplete: 'off', dataset: { testid: 'person-email' } });
  const password = h('input', { type: 'text', autocomplete: 'new-password', dataset: { testid: 'person-password' } });
  const temporary = h('input', { type: 'checkbox', id: 'person-temporary', checked: true, dataset: { testid: 'person-temporary' } });
  const roleChoice = checkboxes('Vai trò', 'roles', unit.roles.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    unit.roles.length === 1 ? unit.roles : [], 'person-role');
  const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'person-submit' } }, 'Thêm tài khoản');
  const form = h('form', { class: 'card', id: 'person-form', dataset: { testid: 'person-form' }, novalidate: true },
    h('h2', {}, 'Thêm tài khoản'),
    field('Tên đăng nhập', 'username', username, 'Chữ thường không dấu, số, dấu chấm hoặc gạch ngang, ví dụ: nguyen-van-an.'),
    field('Họ và tên', 'fullName', fullName),
    field('Email', 'email', email),
    roleChoice,
    field('Mật khẩu ban đầu', 'password', password, 'Ít nhất 8 ký tự. Hãy chuyển mật khẩu này cho người dùng qua kênh an toàn.'),
    h('div', { class: 'check' }, temporary,
      h('label', { for: 'person-temporary' }, 'Yêu cầu đổi mật khẩu ở lần đăng nhập đầu tiên')),
    h('div', { class: 'actions' }, submit));
  onSubmit(form, submit, async () => {
    const created = await post(paths.adminPeople(unit.kind, unit.code), {
      username: username.value.trim(), fullName: fullName.value.trim(), email: email.value.trim(),
      roles: checkedValues(form, 'roles'), password: password.value, temporary: temporary.checked,
    });
    people.push(created);
    if (people.length === 1) mount(body);
    body.appendChild(rowOf(created));
    form.reset();
    temporary.checked = true;
    notice(`Đã thêm tài khoản ${created.username}.`);
  });

  mount(main,
    pageTitle(`Tài khoản — ${unit.name}`,
      unit.back ? h('div', { class: 'actions' }, h('a', { class: 'button', href: unit.back, dataset: { testid: 'admin-back' } },
        'Về danh sách xã, phường')) : null),
    unit.kind === 'communes' ? h('p', {}, 'Trạng thái: ', stateBadge(unit.active)) : null,
    unit.kind === 'communes' && !unit.active
      ? h('p', { class: 'hint' }, 'Xã, phường chưa được kích hoạt: chưa thêm được tài khoản.') : null,
    h('div', { class: 'table-wrap' },
      h('table', { class: 'data', id: 'admin-people', dataset: { testid: 'admin-people' } },
        h('caption', { class: 'visually-hidden' }, `Tài khoản của ${unit.name}`),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Tên đăng nhập'), h('th', { scope: 'col' }, 'Họ và tên'),
          h('th', { scope: 'col' }, 'Email'), h('th', { scope: 'col' }, 'Vai trò'),
          h('th', { scope: 'col' }, 'Trạng thái'), h('th', { scope: 'col' }, 'Thao tác'))),
        body)),
    unit.active ? form : null,
    unit.kind === 'communes' && ctx.who.tenant === unit.code ? await unitsBox(ctx, unit.code) : null,
    unit.kind === 'communes' && (ctx.who.tenant === unit.code || ctx.who.has('SYSADMIN')) ? exportBox(main, unit) : null);
  return undefined;
}

/** A commune's whole data as one archive (plans, tasks, items, activities, reports and their files), to keep or move. */
function exportBox(main, unit) {
  const button = h('button', { type: 'button', class: 'primary', dataset: { testid: 'commune-export' } },
    'Tải toàn bộ dữ liệu (.zip)');
  action(button, async () => {
    const file = await download(paths.adminExport(unit.code), `loa-${unit.code}.zip`);
    notice(`Đã tải tệp ${file.name} (${num(Math.max(1, Math.round(file.size / 1024)))} KB).`);
  }, main);
  return h('section', { class: 'card', dataset: { testid: 'commune-export-box' } },
    h('h2', {}, 'Dữ liệu của xã, phường'),
    h('p', {}, `Một tệp nén chứa mọi dữ liệu Loa giữ của ${unit.name}: kế hoạch, nhiệm vụ, tin bài, hoạt động, `
      + 'báo cáo định kỳ cùng các tệp đính kèm và văn bản đã chốt — để lưu trữ hoặc chuyển sang hệ thống khác. '
      + 'Tệp DOC-TOI.txt bên trong giải thích cách đọc.'),
    h('div', { class: 'actions' }, button));
}

const UNIT_KINDS = {
  PHONG_BAN: 'Phòng ban', VAN_PHONG: 'Văn phòng', TRUNG_TAM: 'Trung tâm', THON_TO_DAN_PHO: 'Thôn, tổ dân phố',
  TRUONG_HOC: 'Trường học', MTTQ_DOAN_THE: 'MTTQ và đoàn thể', KHAC: 'Khác',
};

/** The commune's units (its own administrator): listed ones and those its plans name; add one. */
async function unitsBox(ctx, code) {
  let units;
  try {
    units = await get(paths.units(code));
  } catch (e) {
    return h('p', { class: 'hint', dataset: { testid: 'admin-units-problem' } },
      `Không tải được danh sách đơn vị: ${e?.detail || 'vui lòng thử lại sau.'}`);
  }
  const list = h('ul', { class: 'unit-list', id: 'admin-units', dataset: { testid: 'admin-units' } });
  const itemOf = (u) => h('li', { dataset: { testid: 'unit-row', kind: u.kind, source: u.source } },
    h('strong', {}, u.name), ` — ${u.kindLabel || UNIT_KINDS[u.kind] || u.kind}`,
    u.source === 'PLAN' ? h('span', { class: 'hint' }, ' (có trong kế hoạch)') : null);
  const show = () => mount(list, units.length === 0 ? h('li', {}, 'Chưa có đơn vị nào.') : units.map(itemOf));
  show();
  const name = h('input', { type: 'text', autocomplete: 'off', dataset: { testid: 'unit-name' } });
  const kind = select({ dataset: { testid: 'unit-kind' } },
    [{ value: '', label: 'Tự nhận biết theo tên' }, ...Object.entries(UNIT_KINDS).map(([value, label]) => ({ value, label }))], '');
  const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'unit-submit' } }, 'Thêm đơn vị');
  const form = h('form', { class: 'card', id: 'unit-form', dataset: { testid: 'unit-form' }, novalidate: true },
    h('h2', {}, 'Đơn vị của xã, phường'),
    h('p', { class: 'hint' }, 'Phòng ban, văn phòng, trung tâm, thôn/tổ dân phố, trường học, MTTQ và các đoàn thể: '
      + 'những đơn vị đã thêm và những đơn vị có tên trong các kế hoạch của xã, phường.'),
    list,
    field('Tên đơn vị', 'name', name),
    field('Loại đơn vị', 'kind', kind),
    h('div', { class: 'actions' }, submit));
  onSubmit(form, submit, async () => {
    const created = await post(paths.units(), { name: name.value.trim(), kind: kind.value || null });
    const same = units.findIndex((u) => u.name.toLowerCase() === created.name.toLowerCase());
    if (same >= 0) units.splice(same, 1);
    units.push(created);
    show();
    name.value = '';
    notice(`Đã thêm đơn vị ${created.name}.`);
  });
  return form;
}
