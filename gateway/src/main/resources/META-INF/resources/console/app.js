// The console: signs in, draws the header for the user's roles, and shows one view per #/route.
import { signIn, logout } from './auth.js';
import { get, stream } from './api.js';
import { applyWords, language, setLanguage, t } from './i18n.js';
import { h, fill } from './dom.js';
import * as sideBySide from './views/side-by-side.js';
import * as timeline from './views/timeline.js';
import * as reports from './views/reports.js';
import * as inbox from './views/inbox.js';
import * as issues from './views/issues.js';
import * as myWeek from './views/my-week.js';
import * as officials from './views/officials.js';

const VIEWS = { 'side-by-side': sideBySide, timeline, reports, issues, officials, 'my-week': myWeek, inbox };
const main = document.getElementById('view');
let user;

function menu() {
  const items = ['side-by-side', 'timeline', 'reports', 'issues', 'officials', 'my-week', 'inbox'];
  return items.filter((name) => !VIEWS[name].allowed || VIEWS[name].allowed(user));
}

function drawHeader() {
  const current = route().name;
  fill(document.getElementById('nav'), h('ul', {}, menu().map((name) => h('li', {},
    h('a', { href: `#/${name}`, 'aria-current': name === current ? 'page' : false }, t(`nav.${name}`),
      name === 'inbox' ? h('span', { id: 'unread-count', class: 'badge', 'aria-label': t('unread', { n: unread }) }, unread) : null)))));
  document.getElementById('nav').setAttribute('aria-label', t('nav'));
  document.getElementById('user-name').textContent = user.name;
  document.getElementById('language').textContent = t('language');
  document.getElementById('language').lang = language() === 'vi' ? 'en' : 'vi';
  applyWords(document);
}

/** #/name/arg?key=value → { name, args, params }; an unknown view or one the user's roles do not offer: the first. */
function route() {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...args] = path.split('/');
  const offered = menu();
  return { name: offered.includes(name) ? name : offered[0], args, params: new URLSearchParams(search) };
}

let shown = 0;
async function show() {
  const { name, args, params } = route();
  const ticket = ++shown;
  drawHeader();
  main.dataset.view = name;
  main.setAttribute('aria-busy', 'true');
  try {
    await VIEWS[name].render(main, { user, args, params });
  } catch (error) {
    fill(main, h('h1', {}, t(`nav.${name}`)), problem(error));
  }
  if (ticket === shown) main.setAttribute('aria-busy', 'false');
}

/** An API error as the user reads it: the problem's detail and each field's message. */
export function problem(error) {
  const violations = error.problem?.violations ?? [];
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, error.status === 403 ? t('error.forbidden') : t('error.title')), ' ', error.message,
    violations.length ? h('ul', {}, violations.map((v) => h('li', {}, `${v.field}: ${v.message}`))) : null);
}

let unread = 0;
export function setUnread(count) {
  unread = count;
  const badge = document.getElementById('unread-count');
  if (badge) {
    badge.textContent = count;
    badge.setAttribute('aria-label', t('unread', { n: count }));
  }
}

/** The inbox's live stream: the unread count and the inbox view follow each new entry; reconnects after a drop. */
async function listen() {
  for (;;) {
    try {
      await stream('/api/notification/inbox/stream', (event) => {
        if (event.type !== 'inbox-entry') return;
        const entry = JSON.parse(event.data);
        get('/api/notification/inbox/unread-count').then((c) => setUnread(c.unread)).catch(() => {});
        inbox.received(entry);
        document.getElementById('announcer').textContent = language() === 'en' ? entry.titleEn ?? entry.title : entry.title;
      });
    } catch (e) { /* dropped: wait and reconnect */ }
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

async function start() {
  document.documentElement.lang = language();
  user = await signIn();
  document.getElementById('logout').addEventListener('click', logout);
  document.getElementById('language').addEventListener('click', () => {
    setLanguage(language() === 'vi' ? 'en' : 'vi');
    show();
  });
  window.addEventListener('hashchange', show);
  get('/api/notification/inbox/unread-count').then((c) => setUnread(c.unread)).catch(() => {});
  listen();
  await show();
}

start();
