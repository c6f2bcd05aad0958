// A small rich-text editor: a contenteditable area with a toolbar (bold, italic, lists, link). The HTML it produces
// is sanitised by content-service; here it only has to be plain, keyboard-usable markup.

import { h } from './ui.js';

const TOOLS = [
  ['bold', 'Đậm', 'B', 'Ctrl+B'],
  ['italic', 'Nghiêng', 'I', 'Ctrl+I'],
  ['insertUnorderedList', 'Danh sách', '•', null],
  ['insertOrderedList', 'Danh sách đánh số', '1.', null],
  ['createLink', 'Chèn liên kết', 'Liên kết', null],
  ['unlink', 'Bỏ liên kết', 'Bỏ liên kết', null],
];

/** Returns {element, editable, getHtml(), setHtml(html)}; labelId names the visible label of the area. */
export function richText(id, labelId, initialHtml) {
  const editable = h('div', {
    id, class: 'rich-text', contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true',
    'aria-labelledby': labelId, spellcheck: 'true', lang: 'vi', dataset: { testid: 'content-body' },
  });
  setHtml(editable, initialHtml || '');
  const toolbar = h('div', { class: 'toolbar rich-toolbar', role: 'toolbar', 'aria-label': 'Định dạng nội dung', 'aria-controls': id },
    TOOLS.map(([command, name, face, keys]) => {
      const b = h('button', {
        type: 'button', class: 'small', title: keys ? `${name} (${keys})` : name, 'aria-label': name,
        dataset: { testid: `editor-${command}` },
      }, face);
      // mousedown would move the focus (and the selection) out of the editor before the command runs
      b.addEventListener('mousedown', (e) => e.preventDefault());
      b.addEventListener('click', () => run(editable, command));
      return b;
    }));
  // roving tab stop across the toolbar: arrows move between buttons, Tab leaves the toolbar
  const buttons = [...toolbar.querySelectorAll('button')];
  buttons.forEach((b, i) => b.setAttribute('tabindex', i === 0 ? '0' : '-1'));
  toolbar.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    let next = null;
    if (e.key === 'ArrowRight') next = buttons[(i + 1) % buttons.length];
    if (e.key === 'ArrowLeft') next = buttons[(i - 1 + buttons.length) % buttons.length];
    if (e.key === 'Home') next = buttons[0];
    if (e.key === 'End') next = buttons[buttons.length - 1];
    if (next) {
      e.preventDefault();
      buttons.forEach((b) => b.setAttribute('tabindex', '-1'));
      next.setAttribute('tabindex', '0');
      next.focus();
    }
  });
  const element = h('div', { class: 'rich' }, toolbar, editable);
  return {
    element,
    editable,
    getHtml: () => normalised(editable),
    setHtml: (html) => setHtml(editable, html),
  };
}

function run(editable, command) {
  editable.focus();
  if (command === 'createLink') {
    const url = prompt('Địa chỉ liên kết (bắt đầu bằng https://):', 'https://');
    if (!url || url === 'https://') return;
    if (!/^(https?:\/\/|mailto:)/i.test(url.trim())) {
      alert('Liên kết phải bắt đầu bằng http://, https:// hoặc mailto:.');
      return;
    }
    document.execCommand('createLink', false, url.trim());
    return;
  }
  document.execCommand(command, false, null);
}

/** Parses HTML into the editor without running anything: a template's content is inert. */
function setHtml(editable, html) {
  const template = document.createElement('template');
  template.innerHTML = html || '';
  for (const el of template.content.querySelectorAll('script, style, iframe, object, embed')) el.remove();
  for (const el of template.content.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (attr.name.startsWith('on') || (attr.name === 'href' && /^\s*javascript:/i.test(attr.value))) el.removeAttribute(attr.name);
    }
  }
  editable.replaceChildren(template.content);
}

function normalised(editable) {
  const html = editable.innerHTML.trim();
  if (!editable.textContent.trim() && !editable.querySelector('img')) return '';
  // plain text typed straight into the area (no block) becomes a paragraph
  return /^<(p|ul|ol|h\d|div|blockquote)[\s>]/i.test(html) ? html : `<p>${html}</p>`;
}

/** Sanitised HTML from the server as inert nodes for display (scripts and handlers dropped again, to be safe). */
export function safeFragment(html) {
  const holder = document.createElement('div');
  setHtml(holder, html);
  for (const a of holder.querySelectorAll('a[href]')) {
    a.setAttribute('rel', 'noopener noreferrer');
    a.setAttribute('target', '_blank');
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...holder.childNodes);
  return fragment;
}
