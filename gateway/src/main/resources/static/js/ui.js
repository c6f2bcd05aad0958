// Small DOM and formatting helpers shared by every page. No framework: elements are built with h().

const ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Builds an element: h('button', {type: 'button', onclick: fn, dataset: {testid: 'x'}}, 'Lưu').
 * Attributes starting with "on" become listeners; "dataset" sets data-*; false/null attributes are skipped;
 * children may be strings, numbers, nodes, arrays or null.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) el.dataset[k] = v;
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'value' && 'value' in el) {
      el.value = value;
    } else if (key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden'
        || key === 'required' || key === 'multiple') {
      el[key] = Boolean(value);
    } else if (key === 'html') {
      throw new Error('h(): no raw HTML');
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the content of an element. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// ---- formatting (Vietnamese) ----

const numberFormat = new Intl.NumberFormat('vi-VN');

export function num(n) {
  return n === null || n === undefined || n === '' ? '—' : numberFormat.format(Number(n));
}

function pad(n) {
  return String(n).padStart(2, '0');
}

/** "2025-09-02" → "02/09/2025"; an instant → its day in Vietnam. */
export function date(value) {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const parts = zoned(value);
  return parts ? `${parts.day}/${parts.month}/${parts.year}` : String(value);
}

/** An instant → "02/09/2025 08:15" (Asia/Ho_Chi_Minh). */
export function dateTime(value) {
  if (!value) return '—';
  const parts = zoned(value);
  return parts ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}` : String(value);
}

function zoned(value) {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  });
  const out = {};
  for (const p of fmt.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** "02/09/2025" → "2025-09-02"; ISO passes; blank → null; anything else → undefined (invalid). */
export function isoDate(text) {
  const t = (text || '').trim();
  if (!t) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** "02/09/2025 08:15" → "2025-09-02T08:15" (local Vietnam time, the server reads it so); blank → null. */
export function isoLocalDateTime(text) {
  const t = (text || '').trim();
  if (!t) return null;
  const m = /^(\d{1,2}\/\d{1,2}\/\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t);
  if (!m) return undefined;
  const day = isoDate(m[1]);
  if (!day) return undefined;
  const hh = m[2] === undefined ? 0 : Number(m[2]);
  const mm = m[3] === undefined ? 0 : Number(m[3]);
  if (hh > 23 || mm > 59) return undefined;
  return `${day}T${pad(hh)}:${pad(mm)}`;
}

/** "08/2025" → "2025-08"; blank → null; invalid → undefined. */
export function isoMonth(text) {
  const t = (text || '').trim();
  if (!t) return null;
  if (/^\d{4}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return undefined;
  return `${m[2]}-${pad(m[1])}`;
}

/** "2025-08" → "08/2025". */
export function month(value) {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m ? `${m[2]}/${m[1]}` : String(value);
}

/** Today in Vietnam as dd/MM/yyyy HH:mm. */
export function nowText() {
  return dateTime(new Date().toISOString());
}

/** Lines of a textarea → list without blanks. */
export function lines(text) {
  return (text || '').split('\n').map((s) => s.trim()).filter(Boolean);
}

/** "a, b; c" → ["a", "b", "c"]. */
export function list(text) {
  return (text || '').split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
}

// ---- labels ----

export const PLAN_STATUS = {
  DRAFT: 'Dự thảo', ISSUED: 'Đã ban hành', AMENDED: 'Đã điều chỉnh', CLOSED: 'Đã đóng',
};

export const CONTENT_STATUS = {
  DRAFT: 'Nháp', SUBMITTED: 'Chờ duyệt', APPROVED: 'Đã duyệt', REJECTED: 'Bị trả lại', PUBLISHING: 'Đang đăng',
  PUBLISHED: 'Đã đăng', PARTIALLY_PUBLISHED: 'Đăng một phần', RETRACTED: 'Đã gỡ',
};

export const PUBLICATION_STATUS = {
  REQUESTED: 'Đang chờ kênh trả lời', SUCCEEDED: 'Đã đăng', FAILED: 'Thất bại', RETRACTED: 'Đã gỡ',
  CANCELLED: 'Đã hủy',
};

export const CONTENT_KINDS = {
  NEWS: 'Tin', ARTICLE: 'Bài viết', PHOTO: 'Ảnh', REPORTAGE: 'Phóng sự', VIDEO: 'Video', AUDIO: 'File âm thanh',
  INFOGRAPHIC: 'Infographic', POSTER: 'Áp phích', LEAFLET: 'Tờ rơi, tờ gấp', BANNER: 'Pano, băng rôn, khẩu hiệu',
  COLUMN: 'Chuyên mục, chuyên trang', DOCUMENT: 'Văn bản', NOTICE: 'Niêm yết trên bảng tin',
  HANDOUT: 'Tài liệu tuyên truyền, tài liệu hội nghị',
};

/** The visual and print products of the seeds, recorded on the channel "truc-quan" (content-service ContentKind.visual). */
export const VISUAL_PRODUCTS = {
  BANNER: 'Pano, băng rôn, khẩu hiệu', POSTER: 'Áp phích', LEAFLET: 'Tờ rơi, tờ gấp',
  NOTICE: 'Niêm yết trên bảng tin', HANDOUT: 'Tài liệu tuyên truyền, tài liệu hội nghị',
};

/** The visual channel's id: its publications are recorded with a photo, a place and a quantity, never a URL. */
export const VISUAL_CHANNEL = 'truc-quan';

export const ACTIVITY_KINDS = {
  DIALOGUE: 'Đối thoại', CONFERENCE: 'Hội nghị', SEMINAR: 'Tọa đàm, hội thảo', CONTEST: 'Cuộc thi',
  TRAINING: 'Tập huấn, bồi dưỡng',
};

/** Plan-service product kinds: content kinds and activity kinds. */
export const PRODUCT_KINDS = { ...CONTENT_KINDS, ...ACTIVITY_KINDS, DOCUMENT: 'Văn bản (kế hoạch, báo cáo)' };

export const CHANNELS = {
  portal: 'Trang thông tin điện tử xã', 'province-portal': 'Trang CCHC của tỉnh, thành phố', radio: 'Đài truyền thanh',
  press: 'Báo, đài', 'zalo-oa': 'Zalo OA', facebook: 'Facebook', youtube: 'YouTube', tiktok: 'TikTok',
  'notice-board': 'Bảng tin', 'truc-quan': 'Trực quan',
};

export const QUOTA_PER = {
  MONTH: 'mỗi tháng', QUARTER: 'mỗi quý', HALF_YEAR: 'mỗi 6 tháng', YEAR: 'mỗi năm', PLAN: 'cả kế hoạch',
};

export const TASK_STATUS = {
  WITHDRAWN: 'Đã rút khỏi kế hoạch', DONE: 'Đã hoàn thành', OVERDUE: 'Quá hạn', BEHIND: 'Không đạt chỉ tiêu kỳ trước',
  AT_RISK: 'Có nguy cơ không đạt', ON_TRACK: 'Đang thực hiện', UNKNOWN: 'Chưa có thông tin kế hoạch',
};

export const BUCKET_STATUS = {
  UPCOMING: 'Chưa đến kỳ', OPEN: 'Đang thực hiện', MET: 'Đạt', MISSED: 'Không đạt', CANCELLED: 'Không xét',
  NOT_APPLICABLE: 'Không áp dụng',
};

/** A period bucket's status in words: the server's `statusLabel` when it sends one. */
export function bucketStatusText(p) {
  return p?.statusLabel || label(BUCKET_STATUS, p?.status);
}

export const CREDIT_BASIS = { EXPLICIT: 'Chỉ định', MATCHED: 'Tự khớp' };

/** A kind in the events' lowercase vocabulary ("news", "dialogue") or as a name ("NEWS") → its Vietnamese label. */
export function kindLabel(code) {
  if (!code) return '—';
  return PRODUCT_KINDS[String(code).toUpperCase().replace(/-/g, '_')] || code;
}

export function label(map, key) {
  return (key && map[key]) || key || '—';
}

export function quotaText(quota) {
  if (!quota) return 'Không có chỉ tiêu số lượng';
  let t = `Tối thiểu ${num(quota.count)} ${label(QUOTA_PER, quota.per)}`;
  if (quota.from || quota.to) t += ` (${month(quota.from) || '…'} – ${month(quota.to) || '…'})`;
  return t;
}

/** "2025-08" → "Tháng 08/2025", "2025-Q3" → "Quý III/2025", "2025-H2" → "6 tháng cuối năm 2025"… */
export function periodName(p) {
  if (!p) return '—';
  let m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return `Tháng ${m[2]}/${m[1]}`;
  m = /^(\d{4})-Q(\d)$/.exec(p);
  if (m) return `Quý ${['I', 'II', 'III', 'IV'][Number(m[2]) - 1]}/${m[1]}`;
  m = /^(\d{4})-H(\d)$/.exec(p);
  if (m) return `${m[2] === '1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${m[1]}`;
  if (/^\d{4}$/.test(p)) return `Năm ${p}`;
  if (p === 'PLAN') return 'Cả thời gian kế hoạch';
  return p;
}

/**
 * A task's past periods as short lines under its current period: "Không đạt: Tháng 07/2025, …" and, neutral, the
 * periods that had ended before the plan was issued, "Không áp dụng: Quý I/2025, …" (never missed). Empty lists: none.
 */
export function periodLines(missed, notApplicable) {
  const line = (status, periods, kind) => ((periods || []).length === 0 ? null
    : h('p', { class: `meta periods-${kind}`, dataset: { testid: `${kind}-periods` } },
      `${BUCKET_STATUS[status]}: ${periods.map(periodName).join(', ')}`));
  return [line('MISSED', missed, 'missed'), line('NOT_APPLICABLE', notApplicable, 'not-applicable')];
}

// ---- problems (RFC 9457) ----

/** Shows a problem in a banner at the top of `container` (or the page banner) and next to the named fields. */
export function showProblem(problem, container) {
  const where = container || document.getElementById('banner');
  clearProblem(where);
  const box = h('div', { class: 'problem', role: 'alert', dataset: { testid: 'problem' }, tabindex: '-1' },
    h('p', { class: 'problem-title' }, problem.title || 'Không thực hiện được'),
    problem.detail ? h('p', { class: 'problem-detail' }, problem.detail) : null);
  const unplaced = [];
  for (const e of problem.errors || []) {
    const field = where.querySelector?.(`[data-field="${cssEscape(e.field)}"]`)
      || where.querySelector?.(`[data-field="${cssEscape(baseField(e.field))}"]`);
    if (field) {
      const input = field.querySelector('input, select, textarea, [contenteditable]');
      const msg = field.querySelector('.field-error');
      if (msg) {
        msg.textContent = e.message;
        msg.hidden = false;
      }
      if (input) input.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(e);
    }
  }
  if (unplaced.length) {
    box.appendChild(h('ul', { class: 'problem-fields' }, unplaced.map((e) => h('li', {}, e.message))));
  }
  if (container) container.prepend(box);
  else where.appendChild(box);
  box.focus();
  return box;
}

export function clearProblem(container) {
  const where = container || document.getElementById('banner');
  where.querySelectorAll(':scope > .problem').forEach((el) => el.remove());
  where.querySelectorAll('.field-error').forEach((el) => { el.textContent = ''; el.hidden = true; });
  where.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
}

function baseField(field) {
  return String(field).replace(/\[\d+\].*$/, '').replace(/\..*$/, '');
}

function cssEscape(s) {
  return String(s).replace(/["\\]/g, '\\$&');
}

/** A short success message in the page banner. */
export function notice(text) {
  const where = document.getElementById('banner');
  where.querySelectorAll('.notice').forEach((el) => el.remove());
  const box = h('div', { class: 'notice', role: 'status', dataset: { testid: 'notice', at: String(Date.now()) } }, text);
  where.appendChild(box);
  setTimeout(() => box.remove(), 8000);
}

/** Removes notices older than `ms` (a page change keeps the notice of the action that led to it). */
export function clearOldNotices(ms = 2000) {
  for (const el of document.querySelectorAll('#banner .notice')) {
    if (Date.now() - Number(el.dataset.at || 0) > ms) el.remove();
  }
}

/**
 * Re-renders a live area without losing the keyboard focus: the focused control is found again after `render()` by
 * its id, sort key, link target or test id.
 */
export function keepFocus(container, render) {
  const active = document.activeElement;
  let selector = null;
  if (active && active !== container && container.contains(active)) {
    if (active.id) selector = `#${CSS.escape(active.id)}`;
    else if (active.dataset.sort) selector = `[data-sort="${CSS.escape(active.dataset.sort)}"]`;
    else if (active.getAttribute('href')) selector = `[href="${CSS.escape(active.getAttribute('href'))}"]`;
    else if (active.dataset.testid) selector = `[data-testid="${CSS.escape(active.dataset.testid)}"]`;
  }
  const result = render();
  const restore = () => {
    if (selector) container.querySelector(selector)?.focus({ preventScroll: true });
  };
  if (result && typeof result.then === 'function') return result.then((v) => { restore(); return v; });
  restore();
  return result;
}

/** After a re-render removed the focused control, puts the focus on the page title instead of the page body. */
export function refocus(root) {
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) {
    (root || document).querySelector('#page-title')?.focus({ preventScroll: true });
  }
}

// ---- form fields ----

let fieldSeq = 0;

/**
 * A labelled field: field('Tiêu đề', 'title', h('input', {...})). The wrapper carries data-field (the API's field
 * name) so that problems land next to it; the control gets an id and aria-describedby pointing at its message.
 */
export function field(labelText, name, control, hint) {
  if (!control.id) control.id = `f-${name.replace(/[^a-zA-Z0-9-]/g, '-')}-${++fieldSeq}`;
  const errorId = `${control.id}-error`;
  const hintId = hint ? `${control.id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (!control.name) control.name = name;
  return h('div', { class: 'field', dataset: { field: name } },
    h('label', { for: control.id }, labelText),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control,
    h('p', { class: 'field-error', id: errorId, hidden: true }));
}

/** A group of checkboxes as a fieldset: options = [{value, label}]. */
export function checkboxes(legend, name, options, selected, testidPrefix) {
  const chosen = new Set(selected || []);
  return h('fieldset', { class: 'field checks', dataset: { field: name } },
    h('legend', {}, legend),
    options.length === 0 ? h('p', { class: 'hint' }, 'Không có lựa chọn nào.') : null,
    options.map((o) => {
      const id = `c-${name}-${String(o.value).replace(/[^a-zA-Z0-9-]/g, '-')}-${++fieldSeq}`;
      return h('div', { class: 'check' },
        h('input', {
          type: 'checkbox', id, name, value: o.value, checked: chosen.has(o.value),
          dataset: testidPrefix ? { testid: `${testidPrefix}-${o.value}` } : {},
        }),
        h('label', { for: id }, o.label));
    }),
    h('p', { class: 'field-error', hidden: true }));
}

export function checkedValues(root, name) {
  return [...root.querySelectorAll(`input[type=checkbox][name="${name}"]:checked`)].map((i) => i.value);
}

export function select(attrs, options, selected) {
  return h('select', attrs, options.map((o) => h('option', { value: o.value, selected: o.value === selected },
    o.label)));
}

export function options(map) {
  return Object.entries(map).map(([value, text]) => ({ value, label: text }));
}

/** Runs `run()` with `button` disabled and busy; what it throws is shown as a problem in `problemContainer`. */
async function busy(button, run, problemContainer) {
  if (button.disabled) return;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    clearProblem(problemContainer);
    await run();
  } catch (problem) {
    showProblem(asProblem(problem), problemContainer);
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A busy-safe button action: disables the button while the promise runs, shows its problem. */
export function action(button, run, problemContainer) {
  button.addEventListener('click', (event) => {
    event.preventDefault();
    busy(button, run, problemContainer);
  });
  return button;
}

/**
 * A form's submit, the same way: the page stays (no browser submit), the form's old problem is cleared, `button` is
 * disabled while `run()` runs, and a problem it throws — the service's, or one the page makes when a check fails
 * before sending (`throw { title, detail, errors: [{ field, message }] }`) — is shown at the top of the form and next
 * to its fields.
 */
export function onSubmit(form, button, run) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(button, run, form);
  });
  return form;
}

/** A button whose test id is its id; `kind` is its class ('primary', 'danger'), `type` 'button' or 'submit'. */
export function button(id, text, kind, type = 'button') {
  return h('button', { type, class: kind, id, dataset: { testid: id } }, text);
}

/**
 * A small form opened in `panel` below a page's actions (reject with a reason, schedule, record…): a card with its
 * heading, the content given and the action buttons (the first one submits it); `run()` is sent through
 * `onSubmit` (the button disabled meanwhile, a problem shown in the form). `focus` gets the keyboard once it is shown.
 */
export function panelForm(panel, { heading, content, buttons, run, focus, attrs = {} }) {
  const form = h('form', { class: 'form card', novalidate: true, ...attrs }, h('h2', {}, heading), content,
    h('div', { class: 'actions' }, buttons));
  onSubmit(form, buttons[0], run);
  mount(panel, form);
  focus.focus();
  return form;
}

/** Any thrown thing as a Vietnamese problem. */
export function asProblem(e) {
  if (e && (e.title || e.detail)) return e;
  console.error(e);
  return { title: 'Lỗi không mong muốn', detail: 'Đã xảy ra lỗi trong trình duyệt. Vui lòng tải lại trang.' };
}

export function pageTitle(text, ...extra) {
  document.title = `${text} — Loa`;
  return h('div', { class: 'page-head' }, h('h1', { id: 'page-title', tabindex: '-1' }, text), extra);
}

export function statusBadge(map, status, kind) {
  return h('span', { class: `badge badge-${(kind || '')}${String(status || '').toLowerCase()}`,
    dataset: { testid: 'status', status: status || '' } }, label(map, status));
}

export function emptyRow(cols, text) {
  return h('tr', {}, h('td', { colspan: cols, class: 'empty' }, text));
}
