// MovieDB web page: plain JavaScript, no libraries, served by recommend-api. Recommendations and
// feedback go to recommend-api (this origin); uploads, the taste, export and erase go to
// taste-profile-service (GET /v1/web/config says where), whose CORS allows this origin.
"use strict";
(function () {
  const TEXTS = window.MOVIEDB_TEXTS;
  const $ = (id) => document.getElementById(id);
  const state = {
    lang: "en",
    user: null,        // the signed-in user's name
    token: null,       // their bearer token, when the server gives one
    list: null,        // the last answer shown: {kind, title, response}
    seen: new Set(),   // impressions sent: listId|titleId
    pending: [],       // impressions waiting to be sent
    judged: new Map(), // titleId -> LIKE | DISLIKE, this session
    taste: location.protocol + "//" + location.hostname + ":8083" // taste-profile-service
  };

  // ---- words ---------------------------------------------------------------------------------
  function t(key, values) {
    const text = (TEXTS[state.lang] && TEXTS[state.lang][key]) || TEXTS.en[key] || key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (values && name in values ? values[name] : m));
  }

  function chooseLanguage() {
    const saved = localStorage.getItem("moviedb.lang");
    if (saved && TEXTS[saved]) return saved;
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
    for (const l of wanted) {
      const code = String(l).toLowerCase().slice(0, 2);
      if (TEXTS[code]) return code;
    }
    return "en";
  }

  function applyTexts() {
    document.documentElement.lang = state.lang;
    $("language").value = state.lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.title = "MovieDB";
    renderAccount();
    if (state.list) renderList(state.list, false);
  }

  // ---- talking to MovieDB -------------------------------------------------------------------
  class Problem extends Error {
    constructor(status, body) {
      super((body && (body.detail || body.title)) || "HTTP " + status);
      this.status = status;
      this.body = body || {};
    }
  }

  function headers(extra) {
    const h = Object.assign({ Accept: "application/json" }, extra || {});
    if (state.token) h.Authorization = "Bearer " + state.token;
    return h;
  }

  // A user's data lives in taste-profile-service.
  function userPath(suffix) {
    return state.taste + "/v1/users/" + encodeURIComponent(state.user) + suffix;
  }

  async function loadConfig() {
    try {
      const config = await api("GET", "/v1/web/config");
      if (config && config.tasteServiceUrl) state.taste = config.tasteServiceUrl.replace(/\/$/, "");
    } catch (e) {
      console.warn("page settings not read, taste-profile-service assumed at", state.taste);
    }
  }

  async function api(method, path, body, options) {
    const init = { method, headers: headers(body !== undefined ? { "Content-Type": "application/json" } : {}) };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (options && options.keepalive) init.keepalive = true;
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new Problem(0, { detail: t("errorNetwork") });
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = { detail: text }; }
    if (!response.ok) throw new Problem(response.status, json);
    return json;
  }

  function showError(error) {
    const alert = $("alert");
    const detail = error instanceof Problem ? error.message : String(error);
    alert.textContent = t("errorGeneric", { detail });
    alert.hidden = false;
    const parameter = error instanceof Problem ? error.body.parameter : null;
    document.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    if (parameter && $(parameter)) {
      const field = $(parameter);
      field.setAttribute("aria-invalid", "true");
      if (field.closest("details")) field.closest("details").open = true;
      field.focus();
    }
  }

  function clearError() {
    $("alert").hidden = true;
    $("alert").textContent = "";
    document.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
  }

  function announce(text) {
    $("status").textContent = "";
    window.setTimeout(() => { $("status").textContent = text; }, 50);
  }

  // ---- filters -------------------------------------------------------------------------------
  let services = [];

  async function loadFilters() {
    try {
      const known = await api("GET", "/v1/filters");
      services = known.services || [];
      fillOptions($("genre"), known.genres || []);
      fillOptions($("excludeGenre"), known.genres || []);
      fillOptions($("service"), services.map((s) => s.service), "netflix");
      fillCountries();
    } catch (e) {
      showError(e);
    }
  }

  function fillOptions(select, values, preferred) {
    select.replaceChildren(...values.map((v) => {
      const o = document.createElement("option");
      o.value = v;
      o.textContent = v;
      return o;
    }));
    if (preferred && values.includes(preferred)) select.value = preferred;
  }

  function fillCountries() {
    const chosen = services.find((s) => s.service === $("service").value);
    const countries = chosen ? chosen.countries : [];
    fillOptions($("country"), countries, countries.includes("NL") ? "NL" : countries[0]);
  }

  function filterParams(params) {
    for (const name of ["type", "minYear", "maxYear", "maxRuntime", "service", "country"]) {
      const v = $(name).value.trim();
      if (v) params.append(name, v);
    }
    for (const name of ["genre", "excludeGenre"]) {
      for (const o of $(name).selectedOptions) params.append(name, o.value);
    }
    return params;
  }

  // ---- recommendations ----------------------------------------------------------------------
  async function search(event) {
    if (event) event.preventDefault();
    clearError();
    const q = $("q").value.trim();
    const params = filterParams(new URLSearchParams());
    params.set("limit", "12");
    if (state.user) params.set("userId", state.user);
    let kind = "words";
    let request;
    if (q) {
      request = q.length > 1500
        ? api("POST", "/v1/recommendations?" + params, { q })
        : api("GET", "/v1/recommendations?" + new URLSearchParams([["q", q], ...params]));
    } else if (state.user) {
      kind = "forYou";
      request = api("GET", "/v1/recommendations?" + params);
    } else {
      kind = "trending";
      request = api("GET", "/v1/trending?" + params);
    }
    $("search-button").disabled = true;
    announce(t("searching"));
    try {
      show({ kind, response: await request }, false);
    } catch (e) {
      showError(e);
    } finally {
      $("search-button").disabled = false;
    }
  }

  async function moreLike(item, position) {
    clearError();
    sendFeedback([{ kind: "CLICK", titleId: item.titleId, position }]);
    const params = filterParams(new URLSearchParams());
    params.set("limit", "12");
    if (state.user) params.set("userId", state.user);
    try {
      const response = await api("GET", "/v1/titles/" + encodeURIComponent(item.titleId) + "/similar?" + params);
      show({ kind: "moreLike", title: item.title, response }, true);
    } catch (e) {
      showError(e);
    }
  }

  function show(list, focusHeading) {
    state.list = list;
    renderList(list, true);
    announce(list.response.items.length ? t("found", { count: list.response.items.length }) : t("noResults"));
    if (focusHeading) $("results-heading").focus();
  }

  function renderList(list, fresh) {
    const heading = {
      words: t("resultsHeading"),
      forYou: t("forYouHeading"),
      trending: t("trendingHeading"),
      moreLike: t("moreLikeHeading", { title: list.title })
    }[list.kind];
    $("results-heading").textContent = heading;
    renderUnderstood(list.response.meta);
    const meta = list.response.meta || {};
    $("results-note").textContent = list.response.items.length
      ? t("variantNote", { variant: meta.variant || "-" })
      : t("noResults");
    const cards = list.response.items.map((item, i) => card(item, i + 1, meta));
    $("results").replaceChildren(...cards);
    if (fresh) observe(cards, meta);
  }

  function renderUnderstood(meta) {
    const box = $("understood");
    const understood = meta && meta.understood;
    if (!understood) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const heading = document.createElement("p");
    heading.className = "section-title";
    heading.id = "understood-heading";
    heading.textContent = t("understoodHeading");
    const dl = document.createElement("dl");
    dl.setAttribute("aria-labelledby", "understood-heading");
    for (const [key, value] of Object.entries(understood)) {
      if (key === "from" || value === null || value === "" || (Array.isArray(value) && !value.length)) continue;
      let shown = Array.isArray(value) ? value.join(", ") : String(value);
      if (key === "type") shown = t(value);
      if (key === "requestLanguage") shown = t("langName_" + value);
      if (key === "like" && meta.like) shown = meta.like.title;
      const pair = document.createElement("div");
      const dt = document.createElement("dt");
      dt.textContent = t("understood_" + key);
      const dd = document.createElement("dd");
      dd.textContent = shown;
      pair.append(dt, dd);
      dl.append(pair);
    }
    box.replaceChildren(heading, dl);
    box.hidden = false;
  }

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function formatDate(iso) {
    try {
      return new Intl.DateTimeFormat(state.lang, { dateStyle: "medium" }).format(new Date(iso));
    } catch (e) {
      return iso;
    }
  }

  function number(value) {
    return new Intl.NumberFormat(state.lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(value);
  }

  function card(item, position, meta) {
    const li = element("li", "card");
    li.dataset.titleId = item.titleId;
    li.dataset.position = String(position);
    const article = li;
    const headingId = "title-" + position;
    const h3 = element("h3");
    h3.id = headingId;
    const onNetflix = (item.availability || []).some((a) => a.service === "netflix");
    if (onNetflix) {
      const a = element("a", null, item.title);
      a.href = "https://www.netflix.com/search?q=" + encodeURIComponent(item.title);
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.setAttribute("aria-label", t("openOn", { title: item.title }));
      a.addEventListener("click", () => sendFeedback([{ kind: "CLICK", titleId: item.titleId, position }]));
      h3.append(a);
    } else {
      h3.textContent = item.title;
    }
    article.setAttribute("aria-labelledby", headingId);
    const facts = [t(item.type), item.year, (item.genres || []).join(", ")].filter((x) => x !== null && x !== undefined && x !== "");
    article.append(h3, element("p", "facts", facts.join(" · ")));

    const scores = element("dl", "scores");
    for (const key of ["score", "queryScore", "tasteScore", "collaborativeScore", "popularityScore"]) {
      if (item[key] === null || item[key] === undefined) continue;
      scores.append(element("dt", null, t(key)), element("dd", null, number(item[key])));
    }
    article.append(scores);

    if (item.because && item.because.length) {
      article.append(element("p", "section-title", t("because")), list(item.because));
    }
    if (item.matched && item.matched.length) {
      article.append(element("p", "section-title", t("matched")), list(item.matched));
    }
    if (item.availability && item.availability.length) {
      article.append(
        element("p", "section-title", t("availability")),
        list(item.availability.map((a) => {
          const parts = [a.service + " " + a.country];
          if (a.from) parts.push(t("availableFrom", { date: formatDate(a.from) }));
          if (a.until) parts.push(t("availableUntil", { date: formatDate(a.until) }));
          return parts.join(", ");
        })));
    }

    const actions = element("div", "actions");
    const more = element("button", "secondary", t("moreLikeThis"));
    more.type = "button";
    more.setAttribute("aria-label", t("moreLikeThisLabel", { title: item.title }));
    more.addEventListener("click", () => moreLike(item, position));
    const like = judgeButton("LIKE", "like", item, position);
    const dislike = judgeButton("DISLIKE", "dislike", item, position);
    actions.append(more, like, dislike);
    article.append(actions);
    return li;
  }

  function list(values) {
    const ul = element("ul");
    for (const v of values) ul.append(element("li", null, v));
    return ul;
  }

  function judgeButton(kind, name, item, position) {
    const b = element("button", "secondary " + name, t(name));
    b.type = "button";
    b.setAttribute("aria-label", t(name + "Label", { title: item.title }));
    b.setAttribute("aria-pressed", String(state.judged.get(item.titleId) === kind));
    b.addEventListener("click", async () => {
      clearError();
      if (!state.user) {
        showError(new Problem(401, { detail: t("signInToLike") }));
        $("user").focus();
        return;
      }
      try {
        await sendFeedback([{ kind, titleId: item.titleId, position }], true);
        state.judged.set(item.titleId, kind);
        const card = b.closest(".card");
        card.querySelector("button.like").setAttribute("aria-pressed", String(kind === "LIKE"));
        card.querySelector("button.dislike").setAttribute("aria-pressed", String(kind === "DISLIKE"));
        announce(t(kind === "LIKE" ? "liked" : "disliked", { title: item.title }));
      } catch (e) {
        showError(e);
      }
    });
    return b;
  }

  // ---- feedback ------------------------------------------------------------------------------
  let observer = null;
  let flushTimer = null;

  function observe(cards, meta) {
    if (observer) observer.disconnect();
    if (!("IntersectionObserver" in window)) {
      cards.forEach((c) => impression(c, meta));
      return;
    }
    observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) {
          impression(e.target, meta);
          observer.unobserve(e.target);
        }
      }
    }, { threshold: 0.5 });
    cards.forEach((c) => observer.observe(c));
  }

  function impression(cardElement, meta) {
    const key = meta.listId + "|" + cardElement.dataset.titleId;
    if (state.seen.has(key)) return;
    state.seen.add(key);
    state.pending.push({
      meta,
      event: { kind: "IMPRESSION", titleId: cardElement.dataset.titleId, position: Number(cardElement.dataset.position) }
    });
    if (!flushTimer) flushTimer = window.setTimeout(flushImpressions, 800);
  }

  function flushImpressions() {
    flushTimer = null;
    const byList = new Map();
    for (const p of state.pending.splice(0, state.pending.length)) {
      if (!byList.has(p.meta.listId)) byList.set(p.meta.listId, { meta: p.meta, events: [] });
      byList.get(p.meta.listId).events.push(p.event);
    }
    for (const { meta, events } of byList.values()) sendFeedback(events, false, meta);
  }

  // Feedback always names the list it is about: its id and the variant that made it.
  function sendFeedback(events, strict, listMeta) {
    const meta = listMeta || (state.list && state.list.response.meta) || {};
    const body = { listId: meta.listId, variant: meta.variant, source: "web", events };
    if (state.user) body.userId = state.user;
    const sent = api("POST", "/v1/feedback", body, { keepalive: true });
    return strict ? sent : sent.catch((e) => console.warn("feedback not recorded:", e.message));
  }

  // ---- signing in ----------------------------------------------------------------------------
  async function signIn(event) {
    event.preventDefault();
    clearError();
    const user = $("user").value.trim();
    if (!$("user").checkValidity()) {
      $("user").setAttribute("aria-invalid", "true");
      $("user").reportValidity();
      return;
    }
    let token = null;
    try {
      const answer = await api("POST", "/v1/local/token", { user });
      token = answer.accessToken;
    } catch (e) {
      // 404: this server has no local token issuer (not the local stack, or a build without
      // sign-in); requests then go without a token and the server says if it needs one.
      if (!(e instanceof Problem) || e.status !== 404) {
        showError(new Problem(e.status || 0, { detail: t("signInFailed", { detail: e.message }) }));
        return;
      }
    }
    state.user = user;
    state.token = token;
    sessionStorage.setItem("moviedb.session", JSON.stringify({ user, token }));
    renderAccount();
    announce(t(token ? "signedInLocal" : "signedInNoToken", { user }));
    loadTaste();
    $("sign-out").focus();
  }

  function signOut() {
    state.user = null;
    state.token = null;
    state.judged.clear();
    sessionStorage.removeItem("moviedb.session");
    $("report").hidden = true;
    $("taste").replaceChildren();
    renderAccount();
    $("user").focus();
  }

  function renderAccount() {
    const signedIn = Boolean(state.user);
    $("sign-in").hidden = signedIn;
    $("signed-in").hidden = !signedIn;
    $("your-data").hidden = !signedIn;
    if (signedIn) {
      $("signed-in-as").textContent = t(state.token ? "signedInLocal" : "signedInNoToken", { user: state.user });
    }
  }

  // ---- your data -----------------------------------------------------------------------------
  function upload(event) {
    event.preventDefault();
    clearError();
    const file = $("export-file").files[0];
    if (!file) {
      showError(new Problem(400, { detail: t("chooseFile") }));
      $("export-file").focus();
      return;
    }
    const progress = $("upload-progress");
    progress.value = 0;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", userPath("/history"));
    xhr.setRequestHeader("Accept", "application/json");
    // The file's own type: zip or CSV (a browser would call a CSV text/plain or nothing).
    xhr.setRequestHeader("Content-Type", /\.zip$/i.test(file.name) ? "application/zip" : "text/csv");
    if (state.token) xhr.setRequestHeader("Authorization", "Bearer " + state.token);
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) {
        const percent = Math.round((e.loaded / e.total) * 100);
        progress.value = percent;
        $("upload-state").textContent = t("uploading", { percent });
      }
    });
    xhr.upload.addEventListener("load", () => {
      progress.value = 100;
      $("upload-state").textContent = t("processing");
    });
    xhr.addEventListener("load", () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = { detail: xhr.responseText }; }
      if (xhr.status >= 200 && xhr.status < 300) {
        progress.value = 100;
        $("upload-state").textContent = t("uploadDone");
        renderReport(body);
        awaitTaste(body.eventsResolved || 0);
      } else {
        $("upload-state").textContent = "";
        showError(new Problem(xhr.status, body));
      }
    });
    xhr.addEventListener("error", () => showError(new Problem(0, { detail: t("errorNetwork") })));
    xhr.send(file);
  }

  function table(rows) {
    const tbl = element("table");
    const body = element("tbody");
    for (const [label, value] of rows) {
      const tr = element("tr");
      tr.append(element("th", null, label), element("td", null, String(value)));
      tr.firstChild.scope = "row";
      body.append(tr);
    }
    tbl.append(body);
    return tbl;
  }

  function renderReport(report) {
    const box = $("report");
    const parts = [element("h3", null, t("reportHeading"))];
    parts.push(table([
      [t("rowsRead"), report.rowsRead],
      [t("eventsPublished"), report.eventsPublished],
      [t("eventsResolved"), report.eventsResolved],
      [t("rejected"), (report.rejected || []).length]
    ]));
    parts.push(element("h4", null, t("unresolvedTitles")));
    parts.push((report.unresolved || []).length
      ? list(report.unresolved.map((u) => u.rawTitle + " (" + t("times", { count: u.count }) + ")"))
      : element("p", null, "-"));
    parts.push(element("h4", null, t("rejected")));
    parts.push((report.rejected || []).length
      ? list(report.rejected.map((r) => t("rejectedLine", { file: r.file, line: r.line, reason: r.reason })))
      : element("p", null, t("noneRejected")));
    box.replaceChildren(...parts);
    box.hidden = false;
    box.focus();
  }

  // The taste is applied from the stream shortly after an upload: ask until it shows.
  async function awaitTaste(expected) {
    for (let i = 0; i < 40; i++) {
      const profile = await loadTaste();
      const resolved = profile ? Object.values(profile.counts || {}).reduce((a, b) => a + b, 0) : 0;
      if (profile && resolved >= expected) return;
      await new Promise((r) => window.setTimeout(r, 500));
    }
  }

  async function loadTaste() {
    if (!state.user) return null;
    const box = $("taste");
    try {
      const profile = await api("GET", userPath("/profile"));
      renderTaste(profile);
      return profile;
    } catch (e) {
      if (e instanceof Problem && e.status === 404) {
        box.replaceChildren(element("p", null, t("tasteEmpty")));
        return null;
      }
      showError(e);
      return null;
    }
  }

  function renderTaste(profile) {
    const parts = [];
    parts.push(element("h4", null, t("topTitles")));
    parts.push(list((profile.topTitles || []).map((x) => x.title || x.titleId)));
    if ((profile.dislikedTitles || []).length) {
      parts.push(element("h4", null, t("dislikedTitles")));
      parts.push(list(profile.dislikedTitles.map((x) => x.title || x.titleId)));
    }
    parts.push(element("h4", null, t("topGenres")));
    parts.push(list((profile.topGenres || []).map((g) => g.genre)));
    parts.push(element("h4", null, t("unresolvedTitles")));
    parts.push((profile.unresolved || []).length
      ? list(profile.unresolved.map((u) => u.rawTitle + " (" + t("times", { count: u.count }) + ")"))
      : element("p", null, "-"));
    parts.push(element("h4", null, t("counts")));
    parts.push(table(Object.entries(profile.counts || {})));
    $("taste").replaceChildren(...parts);
  }

  async function exportData() {
    clearError();
    try {
      const data = await api("GET", userPath("/export"));
      const file = "moviedb-" + state.user + ".json";
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const a = element("a");
      a.href = url;
      a.download = file;
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
      announce(t("exported", { file }));
    } catch (e) {
      if (e instanceof Problem && e.status === 404 && /no such resource/.test(e.message)) {
        showError(new Problem(404, { detail: t("exportMissing") }));
      } else {
        showError(e);
      }
    }
  }

  function askErase() {
    const dialog = $("confirm-erase");
    if (typeof dialog.showModal === "function") {
      dialog.showModal();
      $("erase-confirmed").focus();
    } else if (window.confirm(t("eraseText"))) {
      erase();
    }
  }

  async function erase() {
    clearError();
    try {
      await api("DELETE", userPath(""));
      state.judged.clear();
      $("report").hidden = true;
      $("taste").replaceChildren(element("p", null, t("erased")));
      announce(t("erased"));
      $("erase-data").focus();
    } catch (e) {
      showError(e);
    }
  }

  // ---- start ---------------------------------------------------------------------------------
  function start() {
    state.lang = chooseLanguage();
    const saved = sessionStorage.getItem("moviedb.session");
    if (saved) {
      try {
        const s = JSON.parse(saved);
        state.user = s.user;
        state.token = s.token;
      } catch (e) {
        sessionStorage.removeItem("moviedb.session");
      }
    }
    applyTexts();
    $("language").addEventListener("change", () => {
      state.lang = $("language").value;
      localStorage.setItem("moviedb.lang", state.lang);
      applyTexts();
    });
    $("search").addEventListener("submit", search);
    $("service").addEventListener("change", fillCountries);
    $("clear-filters").addEventListener("click", () => {
      for (const name of ["type", "minYear", "maxYear", "maxRuntime"]) $(name).value = "";
      for (const name of ["genre", "excludeGenre"]) for (const o of $(name).options) o.selected = false;
      $("q").focus();
    });
    $("sign-in").addEventListener("submit", signIn);
    $("sign-out").addEventListener("click", signOut);
    $("upload").addEventListener("submit", upload);
    $("refresh-taste").addEventListener("click", () => { clearError(); loadTaste(); });
    $("export-data").addEventListener("click", exportData);
    $("erase-data").addEventListener("click", askErase);
    $("confirm-erase").addEventListener("close", () => {
      if ($("confirm-erase").returnValue === "erase") erase();
      else $("erase-data").focus();
    });
    window.addEventListener("pagehide", flushImpressions);
    loadFilters();
    loadConfig().then(() => { if (state.user) loadTaste(); });
  }

  start();
})();
