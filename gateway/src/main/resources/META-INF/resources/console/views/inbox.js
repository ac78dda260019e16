// Inbox: the caller's notifications, newest first, live through the stream (app.js passes each new entry here).
import { get, send } from '../api.js';
import { h, fill } from '../dom.js';
import { t, language, day } from '../i18n.js';
import { setUnread } from '../app.js';

let list;

function title(entry) {
  return language() === 'en' ? entry.titleEn ?? entry.title : entry.title;
}

function item(entry) {
  const li = h('li', { class: entry.read ? '' : 'unread', 'data-entry': entry.id },
    h('strong', {}, title(entry)), entry.count > 1 ? ` (${entry.count})` : '', h('br'),
    language() === 'en' ? entry.bodyEn ?? entry.body : entry.body, ' ',
    h('small', { class: 'muted' }, day(entry.createdAt)));
  if (!entry.read) {
    li.append(' ', h('button', { type: 'button', 'aria-label': `${t('ib.markRead')}: ${title(entry)}`, onclick: async () => {
      await send('POST', `/api/notification/inbox/${entry.id}/read`);
      li.classList.remove('unread');
      li.querySelector('button')?.remove();
      setUnread((await get('/api/notification/inbox/unread-count')).unread);
    } }, t('ib.markRead')));
  }
  return li;
}

export async function render(main) {
  const page = await get('/api/notification/inbox?size=50');
  list = h('ul', { id: 'inbox-list', class: 'cards' }, (page.items ?? []).map(item));
  fill(main, h('h1', {}, t('ib.title')),
    h('p', {}, h('button', { type: 'button', onclick: async () => {
      await send('POST', '/api/notification/inbox/read-all');
      setUnread(0);
      list.querySelectorAll('li.unread').forEach((li) => li.classList.remove('unread'));
    } }, t('ib.readAll'))),
    page.items?.length ? list : [h('p', {}, t('ib.empty')), list]);
}

/** A new or grown entry from the stream: shown at the top, replacing the line of the same id. */
export function received(entry) {
  if (!list?.isConnected) return;
  list.querySelector(`[data-entry="${CSS.escape(entry.id)}"]`)?.remove();
  list.prepend(item(entry));
}
