// The Ferry webchat page: no framework, no build step. It keeps two promises of the transport:
// a message is kept in localStorage until the server answered 2xx (which it does only once
// Ferry journaled it), and the view is rebuilt from the server's log, so a reconnect — also
// after a restart — shows what was missed, edits included.
(() => {
  const ID = /^[A-Za-z0-9_-]{1,64}$/;
  const MAX_RETRY_MS = 3000;

  const $ = (id) => document.getElementById(id);
  const list = $('messages');
  const input = $('input');
  const status = $('status');

  /** A random id that works in plain-http contexts too (randomUUID needs a secure one). */
  function newId() {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // One chat per tab (sessionStorage), or the one named in the URL (`?chat=…`, shareable).
  const params = new URLSearchParams(location.search);
  let chat = params.get('chat');
  if (!chat || !ID.test(chat)) {
    chat = sessionStorage.getItem('ferry-webchat:chat') || newId();
    params.set('chat', chat);
    history.replaceState(null, '', `${location.pathname}?${params}`);
  }
  sessionStorage.setItem('ferry-webchat:chat', chat);
  $('chat').textContent = `webchat:${chat}`;
  $('new-chat').href = `/?chat=${newId()}`;

  // ── the outbox: unsent messages and button presses, durable in localStorage ──────────
  const OUTBOX = `ferry-webchat:outbox:${chat}`;
  const readOutbox = () => JSON.parse(localStorage.getItem(OUTBOX) || '[]');
  const writeOutbox = (items) => localStorage.setItem(OUTBOX, JSON.stringify(items));
  const failed = new Map(); // id -> reason the server gave (4xx): never retried

  function enqueue(item) {
    writeOutbox([...readOutbox(), item]);
    if (item.kind === 'message') render({ id: item.id, role: 'user', text: item.text, order: Infinity });
    flush();
  }

  let flushing = false;
  let retryMs = 250;
  let wake = () => {};
  const pause = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Sends the outbox in order, one at a time; retries everything but a final answer (4xx). */
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      for (let item = readOutbox()[0]; item; item = readOutbox()[0]) {
        let res;
        try {
          res = await fetch('/api/messages', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(item),
            credentials: 'same-origin',
          });
        } catch {
          res = undefined; // down or restarting: keep it and try again
        }
        if (res?.status === 401) {
          setStatus('unauthorized', 'wrong or missing token: open the link with ?token=…');
          return;
        }
        if (res && (res.ok || (res.status >= 400 && res.status < 500))) {
          if (!res.ok)
            failed.set(item.id, (await res.json().catch(() => ({}))).message || `HTTP ${res.status}`);
          writeOutbox(readOutbox().filter((i) => i.id !== item.id));
          retryMs = 250;
          refreshState(item.id);
          continue;
        }
        setStatus(
          'offline',
          `Ferry is not answering; ${readOutbox().length} message(s) will be sent when it is back`,
        );
        await pause(retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      }
    } finally {
      flushing = false;
    }
  }

  // ── the view: one element per message id, in log order ────────────────────────────────
  const messages = new Map(); // id -> record
  const elements = new Map(); // id -> element

  function render(record) {
    if (record.deleted) {
      messages.delete(record.id);
      elements.get(record.id)?.remove();
      elements.delete(record.id);
      return;
    }
    // a record is whole (an edit without buttons has none), and the server's replaces the local echo
    messages.set(record.id, record);
    let el = elements.get(record.id);
    if (!el) {
      el = document.createElement('div');
      el.dataset.id = record.id;
      elements.set(record.id, el);
    }
    const msg = messages.get(record.id);
    el.className = `msg ${msg.role}`;
    el.dataset.seq = String(msg.seq ?? '');
    if (msg.replyTo) el.dataset.replyTo = msg.replyTo;
    el.replaceChildren(...content(msg));
    place(el, msg.order);
    refreshState(msg.id);
    if (list.scrollHeight - list.scrollTop - list.clientHeight < 200) list.scrollTop = list.scrollHeight;
  }

  function content(msg) {
    const parts = [];
    const replied = msg.replyTo && messages.get(msg.replyTo);
    if (replied) {
      const quote = document.createElement('span');
      quote.className = 'quote';
      quote.textContent = `↪ ${replied.text.split('\n')[0]}`;
      quote.onclick = () => elements.get(msg.replyTo)?.scrollIntoView({ behavior: 'smooth' });
      parts.push(quote);
    }
    // the host's answers end with a footer paragraph starting with "— " (engine · time · tokens)
    const at = msg.role === 'bot' ? msg.text.lastIndexOf('\n\n— ') : -1;
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = at >= 0 ? msg.text.slice(0, at) : msg.text;
    parts.push(text);
    if (at >= 0) {
      const footer = document.createElement('span');
      footer.className = 'footer';
      footer.textContent = msg.text.slice(at + 2);
      parts.push(footer);
    }
    if (msg.buttons?.length) {
      for (const row of msg.buttons) {
        const bar = document.createElement('div');
        bar.className = 'buttons';
        for (const b of row) {
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = b.text;
          button.dataset.data = b.data;
          button.onclick = () => {
            button.disabled = true;
            enqueue({ kind: 'callback', chat, id: newId(), data: b.data, ref: msg.id, sentAt: Date.now() });
          };
          bar.append(button);
        }
        parts.push(bar);
      }
    }
    if (msg.role === 'user') {
      const state = document.createElement('span');
      state.className = 'state';
      parts.push(state);
    }
    return parts;
  }

  /** Delivery state under the user's own messages: queued in the outbox, refused, or nothing. */
  function refreshState(id) {
    const state = elements.get(id)?.querySelector('.state');
    if (!state) return;
    const reason = failed.get(id);
    const queued = readOutbox().some((i) => i.id === id);
    state.classList.toggle('failed', Boolean(reason));
    state.textContent = reason ? `not sent: ${reason}` : queued ? 'sending…' : '';
  }

  function place(el, order) {
    el.dataset.order = String(order);
    let next = null;
    for (const other of list.children) {
      if (other !== el && Number(other.dataset.order) > order) {
        next = other;
        break;
      }
    }
    if (el.nextSibling !== next || el.parentNode !== list) list.insertBefore(el, next);
  }

  // ── the stream: the server's log, resumed by seq (EventSource sends Last-Event-ID) ────
  let lastSeq = 0;
  let source;

  function setStatus(state, title) {
    status.dataset.state = state;
    status.textContent = state === 'connected' ? 'connected' : state;
    status.title = title || '';
  }

  function connect() {
    source = new EventSource(`/api/events?chat=${encodeURIComponent(chat)}&since=${lastSeq}`);
    source.onmessage = (e) => {
      const record = JSON.parse(e.data);
      lastSeq = Math.max(lastSeq, record.seq);
      render(record);
    };
    source.addEventListener('ready', (e) => {
      if (JSON.parse(e.data).head < lastSeq) {
        // a fresh state dir behind the same address: what this page holds is not its log
        lastSeq = 0;
        for (const id of [...elements.keys()]) render({ id, deleted: true });
        showOutbox();
        source.close();
        connect();
        return;
      }
      setStatus('connected');
      retryMs = 250;
      wake(); // the server is back: send what waited now, not after the backoff
      flush();
    });
    source.onerror = () => {
      if (status.dataset.state !== 'unauthorized')
        setStatus('reconnecting', 'the connection to Ferry dropped');
      // EventSource gives up for good on an HTTP error (a 503 while stopping, a 401 after the
      // token changed) and cannot tell which: ask the page URL, then start a new one
      if (source.readyState !== EventSource.CLOSED) return;
      fetch(location.href, { cache: 'no-store' })
        .then(
          (res) =>
            res.status === 401 && setStatus('unauthorized', 'the token changed: open the link with ?token=…'),
        )
        .catch(() => {});
      setTimeout(connect, 1000);
    };
  }

  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    enqueue({ kind: 'message', chat, id: newId(), text, sentAt: Date.now() });
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      $('composer').requestSubmit();
    }
  });

  /** Messages still waiting to be sent are shown as the user's, after everything the server has. */
  function showOutbox() {
    for (const item of readOutbox()) {
      if (item.kind === 'message') render({ id: item.id, role: 'user', text: item.text, order: Infinity });
    }
  }

  // messages left from before a reload (or a closed tab) are shown and sent again
  showOutbox();
  connect();
  flush();
})();
