// The research page: everything it shows comes from the JSON API, and its
// state lives in the URL's fragment so that a view can be bookmarked and
// the back button works: #q=…&year=…&from=… for results, #view=kwic&… for
// concordance lines, #doc=ID for one document.
"use strict";

const PAGE = 20;
const FILTERS = ["year", "region", "doctype", "campaign"];
const FACET_TITLES = { year: "年份", region: "地区", doctype: "文体", campaign: "活动" };
const DOCTYPES = { speech: "讲话", summary: "工作总结", news: "新闻", experience: "经验交流", other: "其他" };
const CATEGORIES = { funds: "资金", people: "人数", rate: "比率", count: "数量" };
const COLORS = ["#9a1b1b", "#1f6feb", "#1a7f37", "#bf8700", "#8250df"];

const APPROX = { about: "约", over: "逾", under: "不足" };

const $ = (sel) => document.querySelector(sel);

// docLink opens a document while keeping the search, so that the way
// back returns to the same results.
function docLink(st, id) {
  const p = new URLSearchParams(st);
  p.set("doc", id);
  return "#" + p.toString();
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c !== undefined && c !== null) e.append(c);
  }
  return e;
}

function svg(tag, attrs, ...children) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

// state reads the fragment.
function state() {
  return new URLSearchParams(location.hash.slice(1));
}

// go writes a new fragment; the hashchange handler renders it.
function go(params) {
  const s = new URLSearchParams();
  for (const [k, v] of params) if (v !== "" && v !== null && v !== undefined) s.set(k, v);
  location.hash = s.toString();
}

// filterParams copies the query and filters of st, which every API call
// and download link shares.
function filterParams(st) {
  const p = new URLSearchParams();
  for (const k of ["q", ...FILTERS]) if (st.get(k)) p.set(k, st.get(k));
  return p;
}

async function api(path, params) {
  const url = params ? path + "?" + params.toString() : path;
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await resp.json();
  if (!resp.ok) {
    throw new Error(body.error + (body.param ? "（参数 " + body.param + "）" : ""));
  }
  return body;
}

function showError(err) {
  const e = $("#error");
  e.textContent = err ? "出错了：" + err.message : "";
  e.hidden = !err;
}

function show(view) {
  for (const v of ["search-view", "doc-view", "kwic-view"]) $("#" + v).hidden = v !== view;
}

function label(facet, value) {
  if (facet === "doctype") return DOCTYPES[value] || value;
  return value;
}

async function render() {
  const st = state();
  $("#q").value = st.get("q") || "";
  showError(null);
  try {
    if (st.get("doc")) {
      const back = new URLSearchParams(st);
      back.delete("doc");
      $("#back").href = "#" + back.toString();
      show("doc-view");
      await renderDoc(st.get("doc"));
    } else if (st.get("view") === "kwic") {
      show("kwic-view");
      await renderKWIC(st);
    } else {
      show("search-view");
      await renderSearch(st);
    }
  } catch (err) {
    showError(err);
  }
}

async function renderSearch(st) {
  const from = parseInt(st.get("from") || "0", 10) || 0;
  const p = filterParams(st);
  if (st.get("sort")) p.set("sort", st.get("sort"));
  p.set("from", from);
  p.set("size", PAGE);
  p.set("facets", FILTERS.join(","));
  const res = await api("/api/search", p);

  $("#summary").textContent = `共 ${res.total} 篇文档（${res.took_ms.toFixed(1)} 毫秒）`;
  $("#summary").dataset.total = res.total;
  renderActiveFilters(st);
  renderFacets(st, res.facets);

  const fp = filterParams(st);
  fp.set("format", "csv");
  $("#csv").href = "/api/metrics?" + fp.toString();
  const kp = filterParams(st);
  kp.set("view", "kwic");
  $("#kwic-link").href = "#" + kp.toString();
  $("#kwic-link").hidden = !st.get("q");

  const hits = $("#hits");
  hits.replaceChildren();
  res.hits.forEach((h) => {
    const meta = [h.date, DOCTYPES[h.doctype] || h.doctype, h.region].filter(Boolean).join(" · ");
    const li = el("li", { class: "hit" },
      el("a", { class: "title", href: docLink(st, h.id) }, h.title || "（无标题）"),
      el("div", { class: "meta" }, meta,
        // Search shows one copy of a reposted report and says how many
        // other places hold it.
        h.copies > 0 ? el("span", { class: "copies", title: "同一篇文档的其他转载" }, `另见 ${h.copies} 处`) : null));
    for (const s of h.snippets) {
      const p = el("p", { class: "snippet" });
      // The index escapes the text, adds only <mark> tags, and marks cut
      // ends with an ellipsis itself.
      p.innerHTML = s;
      li.append(p);
    }
    hits.append(li);
  });
  renderPager(st, from, res.total);
  await renderChart(st);
}

function renderActiveFilters(st) {
  const box = $("#active-filters");
  box.replaceChildren();
  for (const f of FILTERS) {
    const v = st.get(f);
    if (!v) continue;
    const drop = el("button", { type: "button", "aria-label": "去掉筛选", "data-filter": f }, "×");
    drop.addEventListener("click", () => {
      const next = state();
      next.delete(f);
      next.delete("from");
      go(next);
    });
    box.append(el("span", {}, FACET_TITLES[f] + "：" + label(f, v) + " ", drop));
  }
}

function renderFacets(st, facets) {
  const box = $("#facets");
  box.replaceChildren();
  for (const f of FILTERS) {
    // Documents whose year or region is unknown cannot be chosen by a
    // filter, so their count is left out.
    let counts = ((facets && facets[f]) || []).filter((c) => c.value !== "");
    if (f === "year") counts = [...counts].sort((a, b) => b.value.localeCompare(a.value));
    if (counts.length === 0) continue;
    const ul = el("ul", { class: "facet", "data-facet": f });
    for (const c of counts) {
      const on = st.get(f) === c.value;
      const b = el("button", { type: "button", class: on ? "on" : "", "data-value": c.value },
        el("span", {}, label(f, c.value)), el("span", { class: "count" }, String(c.count)));
      b.addEventListener("click", () => {
        const next = state();
        if (on) next.delete(f); else next.set(f, c.value);
        next.delete("from");
        go(next);
      });
      ul.append(el("li", {}, b));
    }
    box.append(el("h3", {}, FACET_TITLES[f]), ul);
  }
}

function renderPager(st, from, total) {
  const nav = $("#pager");
  nav.replaceChildren();
  const pages = Math.ceil(Math.min(total, 10000) / PAGE);
  if (pages <= 1) return;
  const cur = Math.floor(from / PAGE);
  const link = (page, text) => {
    const next = new URLSearchParams(st);
    next.set("from", page * PAGE);
    if (page === 0) next.delete("from");
    return el("a", { href: "#" + next.toString(), "data-page": page + 1 }, text);
  };
  if (cur > 0) nav.append(link(cur - 1, "上一页"));
  for (let i = Math.max(0, cur - 4); i < Math.min(pages, cur + 5); i++) {
    nav.append(i === cur ? el("span", { class: "current" }, String(i + 1)) : link(i, String(i + 1)));
  }
  if (cur < pages - 1) nav.append(link(cur + 1, "下一页"));
}

// renderChart draws, for the campaigns the most matching documents
// mention, how many of those documents mention each per year.
async function renderChart(st) {
  const p = filterParams(st);
  p.set("by", "year");
  const res = await api("/api/campaigns", p);
  const series = new Map();
  for (const c of res.campaigns) {
    if (!/^\d{4}$/.test(c.group)) continue;
    if (st.get("campaign") && c.key !== st.get("campaign") && c.name !== st.get("campaign")) continue;
    if (!series.has(c.key)) {
      if (series.size === COLORS.length) continue;
      series.set(c.key, { name: c.name, points: new Map() });
    }
    series.get(c.key).points.set(+c.group, c.docs);
  }
  const fig = $("#chart");
  const box = $("#chart-svg");
  box.replaceChildren();
  if (series.size === 0) {
    fig.hidden = true;
    return;
  }
  fig.hidden = false;
  let y0 = Infinity, y1 = -Infinity, top = 1;
  for (const s of series.values()) {
    for (const [y, n] of s.points) {
      y0 = Math.min(y0, y); y1 = Math.max(y1, y); top = Math.max(top, n);
    }
  }
  const W = 640, H = 220, L = 36, R = 150, T = 10, B = 28;
  const xs = (y) => L + (y1 === y0 ? (W - L - R) / 2 : ((y - y0) / (y1 - y0)) * (W - L - R));
  const ys = (n) => H - B - (n / top) * (H - T - B);
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": "活动提及趋势" });
  g.append(svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#d8dee4" }));
  g.append(svg("line", { x1: L, y1: T, x2: L, y2: H - B, stroke: "#d8dee4" }));
  const step = Math.max(1, Math.ceil((y1 - y0) / 10));
  for (let y = y0; y <= y1; y += step) {
    g.append(svg("text", { x: xs(y), y: H - B + 16, "text-anchor": "middle" }, String(y)));
  }
  for (const n of [0, top]) {
    g.append(svg("text", { x: L - 6, y: ys(n) + 4, "text-anchor": "end" }, String(n)));
  }
  let i = 0;
  for (const s of series.values()) {
    const color = COLORS[i];
    const pts = [];
    for (let y = y0; y <= y1; y++) pts.push([xs(y), ys(s.points.get(y) || 0)]);
    g.append(svg("polyline", { points: pts.map((p) => p.join(",")).join(" "), fill: "none", stroke: color, "stroke-width": 2 }));
    for (const [y, n] of s.points) {
      g.append(svg("circle", { cx: xs(y), cy: ys(n), r: 3, fill: color },
        svg("title", {}, `${s.name}：${y} 年 ${n} 篇`)));
    }
    g.append(svg("rect", { x: W - R + 12, y: T + i * 20, width: 10, height: 10, fill: color }));
    g.append(svg("text", { x: W - R + 28, y: T + i * 20 + 10 }, s.name));
    i++;
  }
  box.append(g);
}

async function renderDoc(id) {
  const d = await api("/api/docs/" + encodeURIComponent(id));
  const art = $("#doc");
  const region = [d.region.province, d.region.city, d.region.county].filter(Boolean).join(" ");
  const meta = [d.date, DOCTYPES[d.doctype] || d.doctype, region, d.publisher, d.author].filter(Boolean).join(" · ");
  const body = el("div", { class: "body" });
  for (const para of d.body) body.append(el("p", {}, para));
  const where = d.url ? el("a", { href: d.url, rel: "noreferrer" }, d.url) : d.source_file;

  const table = el("table", { id: "metrics-table" },
    el("thead", {}, el("tr", {}, ...["类别", "主体", "数值", "单位", "原文"].map((h) => el("th", {}, h)))));
  const tb = el("tbody");
  for (const m of d.metrics) {
    tb.append(el("tr", {},
      el("td", {}, CATEGORIES[m.category] || m.category),
      el("td", {}, m.subject),
      el("td", { class: "num" }, (m.approx ? (APPROX[m.approx] || m.approx) + " " : "") + m.value.toLocaleString("zh-CN")),
      el("td", {}, m.unit),
      el("td", {}, m.surface)));
  }
  table.append(tb);

  const camps = el("ul", { id: "campaign-list" });
  for (const c of d.campaigns) {
    const p = new URLSearchParams({ campaign: c.key });
    camps.append(el("li", {}, el("a", { href: "#" + p.toString() }, c.name), ` ×${c.count}`));
  }
  // replaceChildren, unlike el, would show a null as text.
  art.replaceChildren(...[
    el("h1", {}, d.title || "（无标题）"),
    el("p", { class: "meta" }, meta),
    el("p", { class: "meta" }, "来源：", where),
    d.canonical ? null : el("p", { class: "meta", id: "copy-note" }, "这是转载副本，统计时只计其原始文档。"),
    body,
    el("h2", {}, `数据（${d.metrics.length}）`),
    d.metrics.length ? table : el("p", { class: "muted" }, "未抽取到数据。"),
    el("h2", {}, `活动（${d.campaigns.length}）`),
    d.campaigns.length ? camps : el("p", { class: "muted" }, "未提及活动。"),
    ...renderCopies(d),
    ...renderProvenance(d)].filter(Boolean));
  document.title = (d.title || d.id) + " · unionscope";
}

// docPlace is where a listed document came from: its URL or its file.
function docPlace(c) {
  return c.url || c.source_file || c.source;
}

// renderCopies lists the other copies of the document and the documents
// it is part of or holds, each a link that opens it.
function renderCopies(d) {
  const st = state();
  const item = (c, extra) => el("li", {},
    el("a", { href: docLink(st, c.id), "data-id": c.id }, c.title || c.id),
    c.canonical && d.copies.length ? el("span", { class: "muted" }, "（原始）") : null,
    " ", el("small", {}, [c.date, docPlace(c)].filter(Boolean).join(" · ")),
    extra ? " " + extra : null);
  const out = [el("h2", {}, `转载（${d.copies.length}）`)];
  if (d.copies.length) {
    out.push(el("ul", { id: "copy-list" }, ...d.copies.map((c) => item(c))));
  } else {
    out.push(el("p", { class: "muted" }, "未发现其他转载。"));
  }
  if (d.contained_in.length || d.contains.length) {
    out.push(el("h2", {}, "部分重合"), el("ul", { id: "containment-list" },
      ...d.contained_in.map((l) => item(l.whole, `包含本文的 ${Math.round(100 * l.share)}%`)),
      ...d.contains.map((l) => item(l.part, `其 ${Math.round(100 * l.share)}% 见于本文`))));
  }
  return out;
}

// renderProvenance lists every place the document was seen at.
function renderProvenance(d) {
  const out = [el("h2", {}, `来源记录（${d.provenance.length}）`)];
  if (!d.provenance.length) return out;
  const when = (t) => t.replace("T", " ").replace(/:\d\dZ$/, "").replace(/Z$/, "");
  const tb = el("tbody");
  for (const p of d.provenance) {
    const loc = /^https?:\/\//.test(p.location) ? el("a", { href: p.location, rel: "noreferrer" }, p.location) : p.location;
    tb.append(el("tr", {},
      el("td", {}, loc),
      el("td", {}, when(p.first_seen) + (p.last_seen !== p.first_seen ? " – " + when(p.last_seen) : "")),
      el("td", { title: p.content_hash }, p.content_hash.slice(0, 12)),
      el("td", {}, p.warc_file ? `${p.warc_file} @ ${p.warc_offset}` : "")));
  }
  out.push(el("table", { id: "provenance-table" },
    el("thead", {}, el("tr", {}, ...["位置", "抓取时间", "内容哈希 (SHA-256)", "WARC 记录"].map((h) => el("th", {}, h)))), tb));
  return out;
}

async function renderKWIC(st) {
  const p = filterParams(st);
  p.set("width", st.get("width") || "20");
  p.set("limit", "500");
  const lines = await api("/api/kwic", p);
  $("#kwic-title").textContent = `“${st.get("q") || ""}” 的语境（${lines.length} 行${lines.length === 500 ? "，只显示前 500 行" : ""}）`;
  const cp = filterParams(st);
  cp.set("width", p.get("width"));
  cp.set("format", "csv");
  $("#kwic-csv").href = "/api/kwic?" + cp.toString();
  const back = filterParams(st);
  $("#kwic-view .back").href = "#" + back.toString();
  const tb = $("#kwic-table tbody");
  tb.replaceChildren();
  for (const l of lines) {
    tb.append(el("tr", {},
      el("td", { class: "left" }, l.left),
      el("td", { class: "match" }, l.match),
      el("td", { class: "right" }, l.right),
      el("td", { class: "doc" }, el("a", { href: docLink(st, l.doc_id), title: l.title }, l.date || l.doc_id))));
  }
}

async function renderStats() {
  try {
    const s = await api("/api/stats");
    const last = s.last_import ? "，最近导入 " + s.last_import.replace("T", " ").replace("Z", " UTC") : "";
    $("#stats").textContent = `${s.documents} 篇文档，${s.metrics} 条数据${last}`;
  } catch (err) {
    $("#stats").textContent = "";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("#search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const next = state();
    next.delete("doc");
    next.delete("from");
    next.set("q", $("#q").value.trim());
    const before = location.hash;
    go(next);
    if (location.hash === before) render();
  });
  window.addEventListener("hashchange", render);
  renderStats();
  render();
});
