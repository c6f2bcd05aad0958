// Server-Sent Events over fetch(): EventSource cannot send the Authorization header, so the stream is read with a
// ReadableStream and parsed by the rules of the HTML standard (id:, event:, data:, retry:, comments), and the
// connection is re-opened with Last-Event-ID and a growing back-off after a drop.

import { accessToken, refresh } from './auth.js';
import { problemOf } from './api.js';

/** Parses SSE text incrementally; calls onEvent({id, event, data}) for each dispatched event. */
export class SseParser {
  constructor(onEvent, onRetry) {
    this.onEvent = onEvent;
    this.onRetry = onRetry || (() => {});
    this.buffer = '';
    this.data = [];
    this.event = '';
    this.lastEventId = '';
    this.sawBom = false;
  }

  push(text) {
    this.buffer += text;
    if (!this.sawBom && this.buffer.length) {
      if (this.buffer.charCodeAt(0) === 0xfeff) this.buffer = this.buffer.slice(1);
      this.sawBom = true;
    }
    let match;
    const eol = /\r\n|\r|\n/;
    // keep a trailing lone \r until the next chunk: it may be the first half of \r\n
    while ((match = eol.exec(this.buffer)) !== null) {
      if (match[0] === '\r' && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return; // comment (keep-alive)
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') this.data.push(value);
    else if (name === 'event') this.event = value;
    else if (name === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (name === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value));
  }

  dispatch() {
    if (this.data.length === 0) {
      this.event = '';
      return;
    }
    const evt = { id: this.lastEventId, event: this.event || 'message', data: this.data.join('\n') };
    this.data = [];
    this.event = '';
    this.onEvent(evt);
  }
}

/**
 * Opens a stream and keeps it open: handlers {onEvent, onState(state, detail)} with states 'connecting', 'open',
 * 'waiting' (reconnecting after a delay), 'closed', 'error' (a problem that retrying will not fix, e.g. 404).
 * Returns {close()}.
 */
export function openStream(path, { onEvent, onState }) {
  let lastEventId = '';
  let closed = false;
  let controller = null;
  let delay = 1000;
  let serverRetry = null;
  let timer = null;
  const state = (s, d) => onState && onState(s, d);

  async function connect() {
    if (closed) return;
    controller = new AbortController();
    state('connecting');
    try {
      let token = await accessToken();
      if (!token) throw { title: 'Chưa đăng nhập', detail: 'Vui lòng đăng nhập lại.', fatal: true };
      const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      let res = await fetch(path, { headers, signal: controller.signal, cache: 'no-store' });
      if (res.status === 401) {
        token = (await refresh()).access;
        headers.Authorization = `Bearer ${token}`;
        res = await fetch(path, { headers, signal: controller.signal, cache: 'no-store' });
      }
      if (!res.ok) {
        const problem = await problemOf(res);
        problem.fatal = res.status === 404 || res.status === 403 || res.status === 401;
        throw problem;
      }
      if (!(res.headers.get('Content-Type') || '').includes('text/event-stream')) {
        throw { title: 'Luồng cập nhật không hợp lệ', detail: 'Máy chủ không trả về luồng sự kiện.' };
      }
      state('open');
      delay = 1000;
      const parser = new SseParser((evt) => {
        lastEventId = evt.id;
        onEvent(evt);
      }, (ms) => { serverRetry = ms; });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
      if (!closed) schedule(null);
    } catch (e) {
      if (closed || e?.name === 'AbortError') return;
      if (e?.fatal) {
        state('error', e);
        return;
      }
      schedule(e);
    }
  }

  function schedule(problem) {
    if (closed) return;
    const wait = serverRetry && delay === 1000 ? serverRetry : delay;
    state('waiting', { wait, problem });
    timer = setTimeout(connect, wait + Math.floor(Math.random() * 250));
    delay = Math.min(delay * 2, 30_000);
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      if (controller) controller.abort();
      state('closed');
    },
  };
}
