// Bàn đăng thủ công: the requests for the outside channels (Zalo OA, the province's CCHC page, the press, Facebook,
// YouTube, TikTok) that wait for a commune officer to post the item by hand, grouped by channel; confirm each with the
// URL of the post (and when it went up), or say why it could not be published. manual-channel keeps every request to
// the caller's commune; a request closed by "Ghi nhận đã đăng ở nơi khác" leaves the queue by itself.

import { get, post, request, paths, download } from '../api.js';
import {
  h, mount, pageTitle, field, select, onSubmit, action, notice, dateTime, isoLocalDateTime, refocus, showProblem,
  asProblem,
} from '../ui.js';

const STATUSES = [
  { value: 'PENDING', label: 'Chờ đăng và xác nhận' },
  { value: 'PUBLISHED', label: 'Đã đăng' },
  { value: 'FAILED', label: 'Không đăng được' },
  { value: 'RETRACTED', label: 'Đã thu hồi — cần gỡ bài trên kênh' },
];

/** A screenshot of the post (evidence): what manual-channel takes (ManualDesk.MAX_SCREENSHOT). */
const SCREENSHOT_TYPES = 'image/png,image/jpeg,image/webp';
const SCREENSHOT_MAX = 5 * 1024 * 1024;

const URL_EXAMPLE = 'ví dụ https://zalo.me/… hoặc https://baohaiphong.vn/bai-viet-123.htm';

/** Only EDITOR or LEADER of a commune answer a request (manual-channel says the same with a 403). */
function canAnswer(who) {
  return who.isCommune && (who.has('EDITOR') || who.has('LEADER'));
}

/** The URL typed by the operator, checked as manual-channel checks it; a problem of the API's shape when wrong. */
export function checkedUrl(text) {
  const url = String(text || '').trim();
  const wrong = (message) => ({ title: 'Đường dẫn chưa hợp lệ', detail: message, errors: [{ field: 'url', message }] });
  if (!url) throw wrong('Vui lòng nhập đường dẫn (URL) của bài đã đăng.');
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || !parsed.hostname) {
    throw wrong(`Đường dẫn phải là địa chỉ http:// hoặc https:// đầy đủ, ${URL_EXAMPLE}.`);
  }
  return url;
}

export async function page(main, ctx) {
  const { who } = ctx;
  const head = pageTitle('Bàn đăng thủ công');
  if (!who.isCommune) {
    mount(main, head, h('p', { dataset: { testid: 'manual-not-commune' } },
      'Bàn đăng thủ công dành cho cán bộ của xã, phường: mỗi xã, phường chỉ thấy và xác nhận yêu cầu đăng bài của mình.'));
    return null;
  }
  const status = select({ id: 'manual-status', dataset: { testid: 'manual-status' } }, STATUSES,
    ctx.query.get('trang-thai') || 'PENDING');
  const channel = select({ id: 'manual-channel', dataset: { testid: 'manual-channel' } },
    [{ value: '', label: 'Tất cả các kênh' }], '');
  const filters = h('div', { class: 'form inline' },
    field('Trạng thái', 'status', status), field('Kênh', 'channel', channel));
  const area = h('div', { id: 'manual-requests', dataset: { testid: 'manual-requests' }, 'aria-live': 'polite' });
  mount(main, head,
    h('p', { class: 'hint' }, 'Các tin, bài đã duyệt gửi tới Zalo OA, trang thông tin CCHC của tỉnh, báo chí, Facebook,'
      + ' YouTube, TikTok chờ cán bộ đăng lên kênh rồi xác nhận đường dẫn bài đã đăng. Khi xác nhận, tin, bài được tính'
      + ' là đã đăng trên kênh đó.'),
    filters, area);

  const channelNames = new Map();
  let requests = [];

  async function load() {
    requests = await get(paths.manualPublications({ status: status.value, channel: channel.value || null }));
    if (!ctx.current()) return;
    for (const r of requests) channelNames.set(r.channel, r.channelName || r.channel);
    const chosen = channel.value;
    mount(channel, h('option', { value: '' }, 'Tất cả các kênh'),
      [...channelNames].sort((a, b) => a[1].localeCompare(b[1], 'vi'))
        .map(([id, name]) => h('option', { value: id, selected: id === chosen }, name)));
    render();
  }

  function render() {
    const chosen = STATUSES.find((s) => s.value === status.value);
    if (requests.length === 0) {
      mount(area, h('p', { class: 'empty card', dataset: { testid: 'manual-empty' } },
        status.value === 'PENDING' ? 'Không có yêu cầu nào đang chờ đăng.'
          : `Không có yêu cầu nào ở trạng thái «${chosen ? chosen.label : status.value}».`));
      refocus(main);
      return;
    }
    const groups = new Map();
    for (const r of requests) {
      if (!groups.has(r.channel)) groups.set(r.channel, []);
      groups.get(r.channel).push(r);
    }
    mount(area, [...groups].map(([id, list]) => h('section', {
      class: 'manual-group', dataset: { testid: 'manual-group', channel: id }, 'aria-label': list[0].channelName || id,
    },
    h('h2', {}, `${list[0].channelName || id} (${list.length})`),
    list.map(card))));
    refocus(main);
  }

  function card(r) {
    const panel = h('div', { class: 'manual-panel' });
    const box = h('article', {
      class: 'card manual-request', dataset: { testid: 'manual-request', requestId: r.requestId, status: r.status },
    },
    h('h3', {}, r.title || '(không có tiêu đề)'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Kênh'), h('dd', {}, r.channelName || r.channel),
      h('dt', {}, 'Yêu cầu lúc'), h('dd', { dataset: { testid: 'manual-requested-at' } }, dateTime(r.requestedAt)),
      h('dt', {}, 'Trạng thái'), h('dd', { dataset: { testid: 'manual-status-label' } }, r.statusLabel || r.status),
      r.url ? [h('dt', {}, 'Bài đã đăng'), h('dd', {}, h('a', {
        href: r.url, target: '_blank', rel: 'noopener noreferrer', dataset: { testid: 'manual-url' },
      }, r.url), r.publishedAt ? ` (${dateTime(r.publishedAt)})` : '',
      r.resolvedElsewhere ? ' — ghi nhận đã đăng ở nơi khác' : '')] : null,
      r.reason ? [h('dt', {}, 'Lý do'), h('dd', { dataset: { testid: 'manual-reason' } }, r.reason)] : null),
    r.screenshot ? screenshotFigure(r, panel) : null,
    r.summary ? h('p', {}, r.summary) : null,
    h('p', {}, h('a', { href: `#/tin-bai/${encodeURIComponent(r.itemId)}`, dataset: { testid: 'manual-item-link' } },
      'Xem tin, bài')),
    r.files && r.files.length ? h('ul', { class: 'files' }, r.files.map((f) => h('li', {},
      action(h('button', { type: 'button', class: 'link-button', dataset: { testid: 'manual-file' } },
        `Tải tệp ${f.fileName}`), () => download(f.href, f.fileName), panel)))) : null,
    // a visual product (truc-quan) is recorded on the item with its photo, place and quantity, never with a URL
    r.status === 'PENDING' && canAnswer(who) && r.channel === 'truc-quan' ? h('div', { class: 'actions' },
      h('a', { class: 'button primary', href: `#/tin-bai/${encodeURIComponent(r.itemId)}`, dataset: { testid: 'manual-visual-open' } },
        'Ghi nhận sản phẩm trực quan'),
      openButton('Không thực hiện được', 'manual-fail-open', null, () => failForm(r, panel))) : null,
    r.status === 'PENDING' && canAnswer(who) && r.channel !== 'truc-quan' ? h('div', { class: 'actions' },
      openButton('Xác nhận đã đăng', 'manual-confirm-open', 'primary', () => confirmForm(r, panel)),
      openButton('Không đăng được', 'manual-fail-open', null, () => failForm(r, panel))) : null,
    panel);
    // long URLs and titles wrap at phone width (CSSOM: the CSP allows no inline style attribute)
    for (const el of box.querySelectorAll('h3, dd, a')) el.style.overflowWrap = 'anywhere';
    return box;
  }

  /** The operator's screenshot of the post: a thumbnail (fetched with the token) and the file to download. */
  function screenshotFigure(r, panel) {
    const shot = r.screenshot;
    const img = h('img', { alt: `Ảnh chụp minh chứng bài «${r.title}» trên ${r.channelName || r.channel}`, dataset: { testid: 'manual-screenshot-view' } });
    request(shot.href, { raw: true, accept: 'image/*' }).then((res) => res.blob()).then((blob) => {
      img.src = URL.createObjectURL(blob);
      img.dataset.loaded = 'true';
    }).catch(() => { img.alt = `${shot.fileName} (không tải được ảnh)`; });
    return h('figure', { class: 'manual-screenshot', dataset: { testid: 'manual-screenshot' } }, img,
      h('figcaption', {}, 'Ảnh chụp minh chứng: ', action(h('button', {
        type: 'button', class: 'link-button', dataset: { testid: 'manual-screenshot-download' },
      }, shot.fileName), () => download(shot.href, shot.fileName), panel),
      shot.by ? ` — ${shot.by}, ${dateTime(shot.at)}` : ''));
  }

  function openButton(text, testid, cls, open) {
    const b = h('button', { type: 'button', class: cls, dataset: { testid } }, text);
    b.addEventListener('click', open);
    return b;
  }

  function confirmForm(r, panel) {
    const url = h('input', {
      type: 'url', inputmode: 'url', autocomplete: 'off', placeholder: 'https://',
      dataset: { testid: 'manual-confirm-url' },
    });
    const when = h('input', {
      type: 'text', inputmode: 'numeric', placeholder: 'dd/MM/yyyy HH:mm', dataset: { testid: 'manual-confirm-at' },
    });
    const shot = h('input', { type: 'file', accept: SCREENSHOT_TYPES, dataset: { testid: 'manual-confirm-screenshot' } });
    const save = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'manual-confirm' } },
      'Xác nhận');
    const form = h('form', { class: 'form', novalidate: true },
      field('Đường dẫn bài đã đăng', 'url', url, 'Địa chỉ của bài trên kênh, bắt đầu bằng http:// hoặc https://.'),
      field('Thời điểm đăng', 'publishedAt', when, 'dd/MM/yyyy HH:mm; để trống nếu vừa đăng xong.'),
      field('Ảnh chụp bài đã đăng (không bắt buộc)', 'screenshot', shot,
        'Ảnh chụp màn hình làm minh chứng: PNG, JPEG hoặc WebP, tối đa 5 MB.'),
      h('div', { class: 'actions' }, save, cancel(panel)));
    onSubmit(form, save, async () => {
      const link = checkedUrl(url.value);
      const at = isoLocalDateTime(when.value);
      if (at === undefined) {
        throw { title: 'Thời điểm chưa hợp lệ', detail: 'Vui lòng nhập thời điểm theo dạng dd/MM/yyyy HH:mm.',
          errors: [{ field: 'publishedAt', message: 'Ví dụ: 02/09/2025 08:15.' }] };
      }
      const picture = shot.files[0];
      if (picture && picture.size > SCREENSHOT_MAX) {
        const message = 'Ảnh chụp lớn quá 5 MB; vui lòng chụp lại hoặc giảm kích thước ảnh.';
        throw { title: 'Ảnh chụp quá lớn', detail: message, errors: [{ field: 'screenshot', message }] };
      }
      if (picture) {
        const data = new FormData();
        data.append('url', link);
        if (at) data.append('publishedAt', at);
        data.append('screenshot', picture, picture.name);
        await request(paths.manualPublicationAction(r.requestId, 'confirm'), { method: 'POST', form: data });
      } else {
        await post(paths.manualPublicationAction(r.requestId, 'confirm'), { url: link, publishedAt: at });
      }
      notice(`Đã xác nhận bài «${r.title}» đã đăng trên ${r.channelName || r.channel}`
        + `${picture ? ', kèm ảnh chụp minh chứng' : ''}.`);
      await load();
    });
    mount(panel, form);
    url.focus();
  }

  function failForm(r, panel) {
    const reason = h('textarea', { rows: 3, maxlength: 1000, dataset: { testid: 'manual-fail-reason' } });
    const save = h('button', { type: 'submit', class: 'danger', dataset: { testid: 'manual-fail' } },
      'Ghi nhận không đăng được');
    const form = h('form', { class: 'form', novalidate: true },
      field('Lý do không đăng được', 'reason', reason, 'Ví dụ: tòa soạn không nhận bài, trang bị khóa.'),
      h('div', { class: 'actions' }, save, cancel(panel)));
    onSubmit(form, save, async () => {
      const why = reason.value.trim();
      if (!why) {
        const message = 'Vui lòng nêu lý do không đăng được.';
        throw { title: 'Thiếu lý do', detail: message, errors: [{ field: 'reason', message }] };
      }
      await post(paths.manualPublicationAction(r.requestId, 'fail'), { reason: why });
      notice(`Đã ghi nhận bài «${r.title}» không đăng được trên ${r.channelName || r.channel}.`);
      await load();
    });
    mount(panel, form);
    reason.focus();
  }

  function cancel(panel) {
    const b = h('button', { type: 'button', dataset: { testid: 'manual-cancel' } }, 'Hủy');
    b.addEventListener('click', () => mount(panel));
    return b;
  }

  status.addEventListener('change', () => reload());
  channel.addEventListener('change', () => reload());

  function reload() {
    load().catch((e) => {
      if (!ctx.current()) return;
      mount(area);
      showProblem(asProblem(e), area);
    });
  }

  await load();
  return null;
}
