// A Gmail-like thread of `count` messages, rendered by the page's own script from data (as Gmail
// renders threads client-side), with Gmail's class names and attributes (see utils/sites/gmail/selectors.ts).
// Every tenth message carries an ad code. `window.__addMessage(i)` appends one more, the way a
// reply arrives or a collapsed message is opened.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function code(seed) {
  let x = (seed * 2654435761) >>> 0 || 1;
  let body = '';
  for (let i = 0; i < 64; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    body += ALPHABET[(x >>> 0) % 64];
  }
  return `#Q7x${body.slice(3, 60)}aZ9`;
}

const PROSE = [
  'Thanks for the update on the summer campaign, the numbers look great so far.',
  'Could you share the draft before Friday? Legal needs a day to review the captions.',
  'We are moving the launch to Monday; the budget stays the same for the first week.',
  'Attached is the invoice for October. Payment terms are 30 days as agreed.',
  'Loved the new video! The hook in the first two seconds is exactly what we wanted.',
];

export function messageData(i) {
  const withCode = i % 10 === 0;
  const paragraphs = [PROSE[i % 5], PROSE[(i + 2) % 5], PROSE[(i + 4) % 5]];
  if (withCode) paragraphs.splice(1, 0, `Here is the Spark Ads code for video ${i}, authorized for 60 days:`, code(i + 1), `Video: https://www.tiktok.com/@creator.${i}/video/74391827364510${String(i).padStart(5, '0')}`);
  return {
    id: `19b4c1d2e3f4${i.toString(16).padStart(4, '0')}`,
    from: withCode ? `Creator ${i}` : 'Jordan Kim',
    email: withCode ? `creator${i}@example.com` : 'jordan@glowbottle.com',
    date: 'Fri, Nov 20, 2026, 10:14 AM',
    paragraphs,
    withCode,
  };
}

export function gmailThreadHtml(count) {
  const data = Array.from({ length: count }, (_, i) => messageData(i));
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Spark codes - Gmail</title>
<style>body{font:14px Arial,sans-serif;margin:0}.adn{padding:12px 16px;border-bottom:1px solid #eee}.a3s div{margin:4px 0}</style></head>
<body><div class="nH bkK"><div role="main" class="nH"><div class="nH" role="list">
<div class="ha"><h2 class="hP" data-legacy-thread-id="19b4c1d2e3f40a11">Spark Ads codes for the summer campaign</h2></div>
<div class="h7" id="thread"></div></div></div></div>
<script>
const DATA = ${JSON.stringify(data)};
const ALL = ${JSON.stringify(Array.from({ length: count + 200 }, (_, i) => messageData(i)))};
function el(tag, cls, attrs, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function render(m) {
  const root = el('div', 'adn ads', { 'data-message-id': '#msg-f:' + m.id, 'data-legacy-message-id': m.id });
  const gs = el('div', 'gs');
  const head = el('div', 'gE iv gt');
  const sender = el('span', 'gD', { email: m.email, name: m.from });
  sender.append(el('span', '', {}, m.from));
  head.append(el('h3', 'iw'), el('span', 'g3', { title: m.date, alt: m.date }, '10:14 AM'));
  head.firstChild.append(sender);
  const body = el('div', 'a3s aiL');
  for (const p of m.paragraphs) body.append(el('div', '', {}, p));
  const wrap = el('div', 'ii gt');
  wrap.append(body);
  gs.append(head, wrap);
  root.append(gs);
  return root;
}
const thread = document.getElementById('thread');
for (const m of DATA) thread.append(render(m));
window.__rendered = performance.now();
window.__addMessage = (i) => {
  const node = render(ALL[i]);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      if (node.querySelector('[data-ad-code-keeper]')) { obs.disconnect(); resolve(performance.now() - t0); }
    });
    obs.observe(node, { childList: true, subtree: true });
    thread.append(node);
    setTimeout(() => { obs.disconnect(); resolve(null); }, 5000);
  });
};
</script></body></html>`;
}
