/* storytrack web page: a small hash router over the JSON API. No build step,
 * no network beyond this server. Panels whose endpoint is missing (404) or
 * failing show "none" so that later API additions light up without a change. */
'use strict';

const POLL_MS = 3000;
const main = document.getElementById('main');
let lastVersion = null;
let renderToken = 0;

function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, c =>
    ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

/* GET a JSON document; resolves to null on 404 or any failure. */
async function api(path) {
  try {
    const r = await fetch(path, {headers: {Accept: 'application/json'}});
    if (!r.ok) return null;
    return await r.json();
  } catch (e) {
    return null;
  }
}

function day(s) { return s ? String(s).slice(0, 10) : ''; }
function count(n, word) { return `${n} ${word}${n === 1 ? '' : 's'}`; }
function list(arr, max) {
  const a = (arr || []).filter(x => x != null && x !== '');
  if (!a.length) return '<span class="muted">–</span>';
  const more = a.length > max ? ` +${a.length - max}` : '';
  return a.slice(0, max).map(x => `<span class="tag">${esc(x)}</span>`).join('') + esc(more);
}
/* FTS5 snippets mark hits with [ and ]: shown as <mark>. */
function highlight(snippet) {
  return esc(snippet).replace(/\[([^\]]*)\]/g, '<mark>$1</mark>');
}

/* A sparkline of [[date, count], ...] as inline SVG. */
function sparkline(days) {
  const w = 120, h = 28, d = days || [];
  if (!d.length) return `<svg class="spark" width="${w}" height="${h}" aria-hidden="true"></svg>`;
  const max = Math.max(...d.map(x => x[1]));
  const step = d.length > 1 ? w / (d.length - 1) : 0;
  const pts = d.map((x, i) => `${(i * step).toFixed(1)},${(h - 2 - (x[1] / max) * (h - 4)).toFixed(1)}`);
  if (d.length === 1) pts.push(`${w},${pts[0].split(',')[1]}`);
  return `<svg class="spark" width="${w}" height="${h}" role="img" aria-label="articles per day">` +
    `<polyline fill="none" stroke="#0b5cad" stroke-width="1.5" points="${pts.join(' ')}"/></svg>`;
}

/* Bars of articles per day, with event start markers, in plain SVG. */
function timelineChart(tl) {
  const days = (tl && tl.days) || [];
  if (!days.length) return '<p class="muted">No dated articles.</p>';
  const w = 600, h = 140, pad = 22;
  const t0 = Date.parse(days[0].date), t1 = Date.parse(days[days.length - 1].date);
  const span = Math.max(1, (t1 - t0) / 864e5 + 1);
  const bw = Math.min(40, Math.max(2, (w - 2 * pad) / span - 2));
  const max = Math.max(...days.map(d => d.count));
  const x = date => pad + ((Date.parse(date) - t0) / 864e5) * ((w - 2 * pad) / span);
  let svg = `<svg id="timeline-chart" viewBox="0 0 ${w} ${h}" role="img" data-bars="${days.length}"` +
    ` aria-label="articles per day from ${esc(days[0].date)} to ${esc(days[days.length - 1].date)}">`;
  for (const d of days) {
    const bh = (d.count / max) * (h - 2 * pad);
    svg += `<rect class="bar" x="${x(d.date).toFixed(1)}" y="${(h - pad - bh).toFixed(1)}" width="${bw.toFixed(1)}"` +
      ` height="${bh.toFixed(1)}"><title>${esc(d.date)}: ${d.count} article(s)</title></rect>`;
  }
  for (const e of (tl.events || [])) {
    if (!e.first) continue;
    const ex = x(day(e.first));
    svg += `<line x1="${ex}" x2="${ex}" y1="${pad - 6}" y2="${h - pad}" stroke="#b3261e" stroke-dasharray="3 2">` +
      `<title>${esc(e.label || 'event ' + e.id)}</title></line>`;
  }
  svg += `<text class="axis" x="${pad}" y="${h - 6}">${esc(days[0].date)}</text>`;
  svg += `<text class="axis" x="${w - pad}" y="${h - 6}" text-anchor="end">${esc(days[days.length - 1].date)}</text>`;
  svg += `<text class="axis" x="2" y="${pad}">${max}</text></svg>`;
  return svg;
}

/* ---------------------------------------------------------------- views */

async function viewStories(token) {
  const stories = await api('/api/stories?limit=100');
  if (token !== renderToken) return;
  if (!stories) { main.innerHTML = '<p class="error">Cannot load stories.</p>'; return; }
  let html = `<h1>Stories</h1><p class="muted"><span id="story-count">${stories.length}</span> stories, largest first.</p>`;
  if (!stories.length) html += '<p>No stories yet: post articles to <code>/api/articles</code>.</p>';
  html += '<ul class="stories">';
  for (const s of stories) {
    html += `<li data-story="${s.id}"><a class="label" href="#/story/${s.id}">${esc(s.label || 'story ' + s.id)}</a>` +
      `<span class="meta">${count(s.articles, 'article')} · ${count(s.events, 'event')} · ${list(s.languages, 6)} · ` +
      `${list(s.sources, 3)} · updated ${esc(day(s.updated || s.last))}</span>${sparkline(s.days)}</li>`;
  }
  main.innerHTML = html + '</ul>';
}

function summaryHtml(sum, id) {
  const langs = (sum && sum.languages) || [];
  if (!langs.some(l => l.sentences && l.sentences.length)) return '<p class="muted">none</p>';
  let html = '';
  for (const l of langs) {
    if (!l.sentences.length) continue;
    html += `<div class="summary" lang="${esc(l.lang)}"><h3>${esc(l.lang)}${l.lang === sum.main ? ' (main)' : ''}` +
      ` · ${l.articles} article(s)</h3>`;
    for (const s of l.sentences)
      html += `<p>${esc(s.text)} <a class="src" href="#/story/${id}/article/${s.article}">[${s.article}]</a></p>`;
    html += '</div>';
  }
  return html;
}

function eventsHtml(story) {
  const evs = (story.timeline && story.timeline.events) || [];
  if (!evs.length) return '<p class="muted">none</p>';
  const byId = {};
  for (const e of story.event_list || []) byId[e.id] = e;
  return evs.map(e => {
    const full = byId[e.id] || {};
    const sents = full.summary && full.summary.languages && full.summary.languages[0];
    const gist = sents && sents.sentences.length ? `<p>${esc(sents.sentences[0].text)}</p>` : '';
    return `<div class="event" data-event="${e.id}"><h3>${esc(e.label || 'event ' + e.id)}</h3>` +
      `<div class="when">${esc(day(e.first))}${e.last && day(e.last) !== day(e.first) ? ' – ' + esc(day(e.last)) : ''}` +
      ` · ${e.articles} article(s) · ${list(e.sources, 4)}${e.cameo && e.cameo.length ? ' · CAMEO ' + list(e.cameo, 6) : ''}</div>` +
      gist + '<ul>' + (e.article_list || []).map(a =>
        `<li><a href="#/story/${story.id}/article/${a.id}">${esc(a.title || 'article ' + a.id)}</a> ` +
        `<span class="muted">${esc(a.source || '')} ${esc(a.language || '')}</span></li>`).join('') + '</ul></div>';
  }).join('');
}

function articlesHtml(story) {
  const arts = story.article_list || [];
  return '<div class="scroll"><table id="articles"><thead><tr><th>Published</th><th>Title</th><th>Lang</th><th>Source</th></tr></thead><tbody>' +
    arts.map(a => `<tr id="article-${a.id}"><td>${esc(day(a.published))}</td>` +
      `<td><a href="/api/articles/${a.id}">${esc(a.title || a.ext_id || a.id)}</a></td>` +
      `<td>${esc(a.language || '')}</td><td>${esc(a.source || '')}</td></tr>`).join('') + '</tbody></table></div>';
}

const panels = {
  entities: items => '<p>' + items.map(e =>
    `<a class="tag" href="#/entity/${e.id}">${esc(e.name)} <span class="muted">${esc(e.type || '')} ${e.mentions || ''}</span></a>`).join(' ') + '</p>',
  quotes: items => items.map(quoteHtml).join(''),
  conflicts: items => items.map(c => `<div class="conflict" data-kind="${esc(c.kind)}">` +
    `<div class="subject">${esc(c.kind === 'quote' ? 'Quote' : 'Claim')} conflict: ${esc(c.reason || '')}</div>` +
    `<div>${c.kind === 'quote' ? quoteHtml(c.a) : claimHtml(c.a)}</div>` +
    `<div>${c.kind === 'quote' ? quoteHtml(c.b) : claimHtml(c.b)}</div></div>`).join(''),
  claims: items => '<ul>' + items.map(c => `<li>${claimHtml(c)}</li>`).join('') + '</ul>',
  cameo: items => '<div class="scroll"><table><thead><tr><th>Date</th><th>Source</th><th>Code</th><th>Target</th>' +
    '<th>Goldstein</th><th>Mentions</th></tr></thead><tbody>' +
    items.map(e => `<tr><td>${esc(day(e.date))}</td><td>${esc(e.source_name || e.source || '')}</td>` +
      `<td><abbr title="${esc(e.sentence || '')}">${esc(e.code)}</abbr></td><td>${esc(e.target_name || e.target || '')}</td>` +
      `<td>${e.goldstein == null ? '' : esc(e.goldstein)}</td><td>${esc(e.mentions || '')}</td></tr>`).join('') + '</tbody></table></div>',
};

function quoteHtml(q) {
  return `<blockquote class="quote"><p>“${esc(q.text)}”</p><footer>— <span class="speaker">${esc(q.speaker || 'unattributed')}</span>` +
    `${q.verb ? ' (' + esc(q.verb) + ')' : ''} · ${esc(q.source || '')} ${esc(day(q.published))}</footer></blockquote>`;
}

function claimHtml(c) {
  return `<strong>${esc(c.value_text || c.value)}</strong> ${esc(c.unit || '')} ${esc(c.subject || '')}` +
    ` <span class="muted">${esc(c.attribution || '')} · ${esc(c.source || '')}</span>`;
}

async function loadPanel(id, name, token) {
  const box = document.getElementById('panel-' + name);
  const items = await api(`/api/stories/${id}/${name}`);
  if (token !== renderToken || !box) return;
  box.innerHTML = items && items.length ? panels[name](items) : '<p class="muted">none</p>';
  box.dataset.count = items ? items.length : 0;
}

async function viewStory(id, token, articleId) {
  const s = await api(`/api/stories/${id}`);
  if (token !== renderToken) return;
  if (!s) { main.innerHTML = `<p class="error">No story ${esc(id)}.</p><p><a href="#/">All stories</a></p>`; return; }
  main.innerHTML =
    `<p><a href="#/">← All stories</a></p><h1 id="story-title">${esc(s.label || 'story ' + s.id)}</h1>` +
    `<p class="muted"><span id="article-count">${s.articles}</span> articles · ${count(s.events, 'event')} · ` +
    `${esc(day(s.first))} – ${esc(day(s.last))} · ${list(s.languages, 8)} · ${list(s.sources, 6)}</p>` +
    `<h2>Summary</h2><div id="summary">${summaryHtml(s.summary, s.id)}</div>` +
    `<h2>Timeline</h2><div id="timeline">${timelineChart(s.timeline)}</div>` +
    `<h2>Events</h2><div id="events">${eventsHtml(s)}</div>` +
    `<div class="panels"><section><h2>Entities</h2><div id="panel-entities"><p class="muted">…</p></div></section>` +
    `<section><h2>Quotes</h2><div id="panel-quotes"><p class="muted">…</p></div></section></div>` +
    `<h2>Conflicts</h2><div id="panel-conflicts"><p class="muted">…</p></div>` +
    `<h2>Claims</h2><div id="panel-claims"><p class="muted">…</p></div>` +
    `<h2>CAMEO events</h2><div id="panel-cameo"><p class="muted">…</p></div>` +
    `<h2>Articles</h2>${articlesHtml(s)}`;
  await Promise.all(Object.keys(panels).map(p => loadPanel(s.id, p, token)));
  if (articleId) {
    const row = document.getElementById('article-' + articleId);
    if (row) { row.scrollIntoView(); row.querySelector('a').focus(); }
  }
}

async function viewSearch(q, token) {
  document.getElementById('q').value = q;
  const hits = q ? await api('/api/search?limit=50&q=' + encodeURIComponent(q)) : [];
  if (token !== renderToken) return;
  if (hits == null) { main.innerHTML = `<h1>Search</h1><p class="error">Bad query “${esc(q)}” (words, "phrases", AND, OR, NOT).</p>`; return; }
  main.innerHTML = `<h1>Search: ${esc(q)}</h1><p class="muted"><span id="hit-count">${hits.length}</span> matches</p><ol class="hits">` +
    hits.map(h => `<li><a href="${h.story ? '#/story/' + h.story + '/article/' + h.id : '/api/articles/' + h.id}">${esc(h.title || h.ext_id)}</a>` +
      ` <span class="muted">${esc(h.source || '')} ${esc(h.language || '')} ${esc(day(h.published))}</span>` +
      `<p class="snippet">${highlight(h.snippet)}</p></li>`).join('') + '</ol>';
}

async function viewEntity(id, token) {
  const e = await api(`/api/entities/${id}`);
  if (token !== renderToken) return;
  if (!e) { main.innerHTML = `<p class="error">No entity ${esc(id)}.</p>`; return; }
  main.innerHTML = `<h1>${esc(e.name)}</h1><p class="muted">${esc(e.type)} · ${e.mentions} mentions</p>` +
    `<h2>Also known as</h2><p>${(e.aliases || []).map(a => `<span class="tag">${esc(a.alias)} ${esc(a.lang || '')}</span>`).join('') || '<span class="muted">none</span>'}</p>` +
    `<h2>Stories</h2><ul>${(e.stories || []).map(s => `<li><a href="#/story/${s.id}">${esc(s.label || s.id)}</a> (${s.mentions})</li>`).join('')}</ul>` +
    `<h2>Articles</h2><ul>${(e.articles || []).map(a => `<li>${esc(day(a.published))} <a href="#/story/${a.story}/article/${a.id}">${esc(a.title || a.id)}</a> <span class="muted">${esc(a.source || '')}</span></li>`).join('')}</ul>`;
}

/* ---------------------------------------------------------------- routing */

function route(keepFocus) {
  const token = ++renderToken;
  const h = location.hash.replace(/^#/, '') || '/';
  let m;
  let p;
  if ((m = h.match(/^\/story\/(\d+)(?:\/article\/(\d+))?$/))) p = viewStory(m[1], token, m[2]);
  else if ((m = h.match(/^\/entity\/(\d+)$/))) p = viewEntity(m[1], token);
  else if ((m = h.match(/^\/search(?:\?q=(.*))?$/))) p = viewSearch(decodeURIComponent(m[1] || ''), token);
  else p = viewStories(token);
  return p.then(() => { if (!keepFocus && token === renderToken) main.focus({preventScroll: true}); });
}

document.getElementById('search-form').addEventListener('submit', ev => {
  ev.preventDefault();
  location.hash = '#/search?q=' + encodeURIComponent(document.getElementById('q').value.trim());
});
document.addEventListener('keydown', ev => {
  if (ev.key === '/' && document.activeElement.tagName !== 'INPUT') {
    ev.preventDefault();
    document.getElementById('q').focus();
  }
});
window.addEventListener('hashchange', () => route(false));

/* Live: a cheap version document; when articles arrive, the current view is
 * drawn again (without moving the reader's focus). */
async function poll() {
  const v = await api('/api/version');
  const live = document.getElementById('live');
  if (v && lastVersion && v.max_id !== lastVersion.max_id) {
    const n = v.articles - lastVersion.articles;
    live.textContent = `live · ${n} new article${n === 1 ? '' : 's'}`;
    live.classList.add('fresh');
    await route(true);
  }
  if (v) lastVersion = v;
  live.dataset.articles = v ? v.articles : '';
  setTimeout(poll, POLL_MS);
}

route(true).then(poll);
