// Side by side: for the chosen ministries on a day, each province covered, short or empty, as a tile map and as a
// ministry × province grid, with the officials there; from GET /api/assignment/coverage (and its export).
import { get, download, query } from '../api.js';
import { h, fill, field, scrollable } from '../dom.js';
import { t, day, language } from '../i18n.js';
import { TILES, NORTH_TO_SOUTH } from '../provinces.js';

export const allowed = (user) => !user.ownWorkOnly;

/** Today in Vietnam (the API's days are Vietnamese days). */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** covered / short / empty / none for one province over the chosen ministries. */
function coverage(required, count) {
  if (required === 0) return count > 0 ? 'covered' : 'none';
  if (count === 0) return 'empty';
  return count >= required ? 'covered' : 'short';
}

/** The API's state for the tile: the worst of the ministries' (a gap anywhere is a gap). */
function state(cells) {
  for (const s of ['GAP', 'EXCESS', 'COVERED']) if (cells.some((c) => c.state === s)) return s;
  return 'NONE';
}

export async function render(main, { user, params }) {
  const date = params.get('date') || today();
  const [ministries, matrix] = await Promise.all([
    get('/api/personnel/ministries'),
    get(`/api/assignment/coverage${query({ date, ministry: params.getAll('ministry') })}`),
  ]);
  const chosen = new Set(matrix.ministries.map((m) => m.ministryCode));
  const byProvince = new Map(NORTH_TO_SOUTH.map((code) => [code, []]));
  for (const m of matrix.ministries) {
    for (const cell of m.cells) byProvince.get(cell.provinceCode)?.push({ ...cell, ministryCode: m.ministryCode });
  }
  const name = (code) => byProvince.get(code)?.[0]?.provinceName ?? code;
  const ministryName = (code) => {
    const m = ministries.find((x) => x.code === code);
    return m ? (language() === 'en' ? m.nameEn ?? m.nameVi : m.nameVi) : code;
  };

  const dateInput = h('input', { type: 'date', id: 'date', value: date, min: '2025-07-01', required: true });
  const ministrySelect = h('select', { id: 'ministries', multiple: true, size: 5 },
    ministries.map((m) => h('option', { value: m.code, selected: chosen.has(m.code) }, `${m.code} – ${ministryName(m.code)}`)));
  const form = h('form', { class: 'controls', onsubmit: (e) => {
    e.preventDefault();
    const picked = [...ministrySelect.selectedOptions].map((o) => o.value);
    location.hash = `#/side-by-side${query({ date: dateInput.value, ministry: picked })}`;
  } }, field(t('sbs.date'), dateInput), field(t('sbs.ministries'), ministrySelect),
  h('button', { type: 'submit' }, t('sbs.show')));

  const exportPath = (format) => `/api/assignment/coverage/export${query({ date, ministry: [...chosen], format })}`;
  const downloads = h('p', { class: 'downloads' }, ['csv', 'xlsx'].map((format) => h('a', {
    href: exportPath(format), onclick: (e) => { e.preventDefault(); download(exportPath(format)); },
  }, t(`sbs.${format}`))));

  const detail = h('section', { id: 'province-detail', class: 'panel', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('sbs.pick')));
  const tiles = NORTH_TO_SOUTH.map((code) => {
    const cells = byProvince.get(code);
    const required = cells.reduce((n, c) => n + c.required, 0);
    const count = cells.reduce((n, c) => n + c.count, 0);
    const level = coverage(required, count);
    const button = h('button', {
      type: 'button', class: 'tile', 'data-province': code, 'data-state': state(cells), 'data-coverage': level,
      'aria-pressed': 'false',
      'aria-label': t('sbs.tile', { province: name(code), state: t(`sbs.${level}`), count, required }),
      onclick: () => {
        main.querySelectorAll('.tile[aria-pressed="true"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
        button.setAttribute('aria-pressed', 'true');
        showProvince(detail, code, name(code), cells, date, ministryName);
      },
    }, h('span', { class: 'n' }, name(code).replace(/^(Tỉnh|Thành phố) /, '')), `${count}/${required}`);
    const item = h('li', {}, button);
    [item.style.gridRow, item.style.gridColumn] = TILES[code].map(String);
    return item;
  });
  const covered = NORTH_TO_SOUTH.filter((code) => {
    const cells = byProvince.get(code);
    return coverage(cells.reduce((n, c) => n + c.required, 0), cells.reduce((n, c) => n + c.count, 0)) === 'covered';
  }).length;

  const legend = h('ul', { class: 'legend' }, ['covered', 'short', 'empty', 'none'].map((level) => {
    const li = h('li', {}, t(`sbs.${level}`));
    li.style.setProperty('--c', `var(--${level})`);
    return li;
  }));

  const grid = h('table', { id: 'coverage-grid' },
    h('caption', { class: 'visually-hidden' }, t('sbs.grid')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('sbs.province')),
      matrix.ministries.map((m) => h('th', { scope: 'col', title: ministryName(m.ministryCode) }, m.ministryCode)))),
    h('tbody', {}, NORTH_TO_SOUTH.map((code) => h('tr', { 'data-province': code },
      h('th', { scope: 'row' }, name(code)),
      matrix.ministries.map((m) => {
        const cell = m.cells.find((c) => c.provinceCode === code);
        return h('td', { class: `state-${cell?.state ?? 'NONE'}` }, cell ? `${cell.count}/${cell.required}` : '–',
          cell?.delegations?.length ? ` +${cell.delegations.length}` : '');
      })))));

  fill(main,
    h('h1', {}, t('sbs.title')),
    form,
    h('p', { id: 'coverage-totals' }, t('sbs.totals', { covered, officials: matrix.totals?.officials ?? '' }), ' · ', day(date)),
    downloads,
    h('div', { class: 'columns' },
      h('section', { class: 'panel', 'aria-labelledby': 'map-title' },
        h('h2', { id: 'map-title' }, t('sbs.map')), legend,
        h('ul', { id: 'province-map', class: 'tile-map', role: 'list' }, tiles)),
      h('div', {}, detail,
        h('section', { class: 'panel', 'aria-labelledby': 'grid-title' },
          h('h2', { id: 'grid-title' }, t('sbs.grid')), scrollable(t('sbs.grid'), grid)))));
}

function showProvince(detail, code, provinceName, cells, date, ministryName) {
  const officials = cells.flatMap((c) => c.officials.map((o) => ({ ...o, ministryCode: c.ministryCode })));
  const delegations = cells.flatMap((c) => c.delegations ?? []);
  fill(detail,
    h('h2', {}, t('sbs.officials', { province: provinceName, date: day(date) })),
    officials.length
      ? h('ul', {}, officials.map((o) => h('li', {}, o.officialId ? h('a', { href: `#/officials/${o.officialId}` }, o.fullName) : o.fullName,
        ` (${o.ministryCode}, ${o.decisionNumber ?? ''})`)))
      : h('p', {}, t('sbs.nobody')),
    delegations.length ? [h('h3', {}, t('sbs.delegations')), h('ul', {}, delegations.map((d) => h('li', {},
      `${d.name} (${ministryName(d.ministryCode)}), ${day(d.startDate)} – ${day(d.endDate)}`,
      d.leader?.fullName ? `, ${t('sbs.leader')} ${d.leader.leadTitle ?? ''} ${d.leader.fullName}` : '')))] : null);
}
