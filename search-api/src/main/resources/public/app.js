// Staff search page: /api/search, /api/documents/{id} (+ /related, /original) and /api/health for
// signing in. No build step, no framework. The URL holds the whole state (search and open
// document), so links, reloads and the back button work.
"use strict";
(function () {
  const { el, vnDate, vnDateTime, vnMonth, parseDay, datePicker, appendSnippet, badge, count } = window.tracuu;
  const $ = (id) => document.getElementById(id);

  const PARAMS = ["q", "date", "from", "to", "type", "sender", "agency", "doc_type", "sort", "page"];
  const FILTER_NAMES = { sender: "Người gửi", agency: "Cơ quan ban hành", doc_type: "Loại văn bản" };
  const FACETS = [
    ["type", "Loại"],
    ["month", "Tháng"],
    ["sender", "Người gửi"],
    ["agency", "Cơ quan ban hành"],
    ["doc_type", "Loại văn bản"],
  ];
  const PAGE_SIZE = 10;
  const MAX_DEPTH = 10000; // the API's deepest reachable result (page × size)

  // ---- sign-in: staff credentials live in this tab only (sessionStorage), sent as HTTP Basic ----

  const AUTH_KEY = "tracuu.auth";
  const credentials = () => sessionStorage.getItem(AUTH_KEY);

  function encodeBasic(user, password) {
    const bytes = new TextEncoder().encode(user + ":" + password);
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }

  function userName() {
    const auth = credentials();
    if (!auth) return "";
    const bytes = Uint8Array.from(atob(auth), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes).split(":")[0];
  }

  function headers() {
    const auth = credentials();
    // X-Requested-With: the server then answers 401 without a challenge, so the browser shows no
    // login dialog of its own over this page's form.
    return Object.assign({ "X-Requested-With": "fetch" }, auth ? { Authorization: "Basic " + auth } : {});
  }

  function showAccount() {
    const name = userName();
    $("signin").hidden = !!name;
    $("signed-in").hidden = !name;
    $("who").textContent = name ? "Đã đăng nhập: " + name : "";
  }

  $("signin").addEventListener("submit", async function (event) {
    event.preventDefault();
    const user = $("user").value.trim();
    const password = $("password").value;
    const status = $("signin-status");
    status.className = "";
    if (!user || !password) {
      status.className = "error";
      status.textContent = "Hãy nhập tên đăng nhập và mật khẩu.";
      (user ? $("password") : $("user")).focus();
      return;
    }
    status.textContent = "Đang đăng nhập…";
    const auth = encodeBasic(user, password);
    try {
      // /api/health answers 401 to wrong credentials and says "documents" only to staff.
      const response = await fetch("/api/health", {
        headers: { "X-Requested-With": "fetch", Authorization: "Basic " + auth },
      });
      if (response.status === 401) {
        status.className = "error";
        status.textContent = "Sai tên đăng nhập hoặc mật khẩu.";
        $("password").value = "";
        $("password").focus();
        return;
      }
      if (!response.ok) throw new Error("máy chủ trả lời " + response.status);
    } catch (error) {
      status.className = "error";
      status.textContent = "Không đăng nhập được: " + message(error);
      return;
    }
    sessionStorage.setItem(AUTH_KEY, auth);
    $("password").value = "";
    status.textContent = "Đăng nhập thành công.";
    showAccount();
    $("q").focus();
    route();
  });

  $("signout").addEventListener("click", function () {
    sessionStorage.removeItem(AUTH_KEY);
    showAccount();
    $("results").replaceChildren();
    $("facets").hidden = true;
    $("pager").hidden = true;
    $("active-filters").replaceChildren();
    $("doc-view").hidden = true;
    $("search-view").hidden = false;
    $("signin-status").className = "";
    $("signin-status").textContent = "Đã đăng xuất.";
    showSignInHint();
    $("user").focus();
  });

  function showSignInHint() {
    const status = $("status");
    status.className = "";
    status.replaceChildren(
      "Đăng nhập để tra cứu thư và văn bản. Khách xem được ",
      Object.assign(el("a", "", "tin tức công khai"), { href: "/tin-tuc" }),
      "."
    );
  }

  // ---- state in the URL ----

  function currentState() {
    const url = new URLSearchParams(location.search);
    const state = {};
    for (const name of PARAMS.concat("doc")) {
      const value = url.get(name);
      if (value) state[name] = value;
    }
    return state;
  }

  function stateUrl(state) {
    const url = new URLSearchParams();
    for (const name of PARAMS.concat("doc")) {
      if (state[name]) url.set(name, state[name]);
    }
    const query = url.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function go(state, replace) {
    if (replace) history.replaceState(null, "", stateUrl(state));
    else history.pushState(null, "", stateUrl(state));
    route();
  }

  // The form shows the state; the state is read back from the form on submit.
  function fillForm(state) {
    $("q").value = state.q || "";
    $("date").value = vnDate(state.date);
    $("from").value = vnDate(state.from);
    $("to").value = vnDate(state.to);
    $("type").value = state.type || "";
    $("sort").value = state.sort || "";
    const when = state.date ? "day" : state.from || state.to ? "range" : "any";
    document.querySelector('input[name=when][value="' + when + '"]').checked = true;
    showWhen();
  }

  function showWhen() {
    const when = document.querySelector("input[name=when]:checked").value;
    document.querySelector(".when-day").hidden = when !== "day";
    document.querySelector(".when-range").hidden = when !== "range";
  }

  for (const radio of document.querySelectorAll("input[name=when]")) {
    radio.addEventListener("change", showWhen);
  }

  function formState() {
    const previous = currentState();
    const state = {};
    const q = $("q").value.trim();
    if (q) state.q = q;
    const when = document.querySelector("input[name=when]:checked").value;
    const days = when === "day" ? ["date"] : when === "range" ? ["from", "to"] : [];
    for (const name of days) {
      const day = parseDay($(name).value);
      if (day === null) {
        const error = new Error("Ngày không hợp lệ: " + $(name).value.trim() + " (hãy gõ ngày/tháng/năm, ví dụ 19/8/2019).");
        error.field = $(name);
        throw error;
      }
      if (day) state[name] = day;
    }
    if (state.from && state.to && state.from > state.to) {
      const error = new Error("Ngày bắt đầu đang sau ngày kết thúc.");
      error.field = $("from");
      throw error;
    }
    if ($("type").value) state.type = $("type").value;
    if ($("sort").value) state.sort = $("sort").value;
    // Facet filters chosen from the list stay until removed.
    for (const name of Object.keys(FILTER_NAMES)) {
      if (previous[name]) state[name] = previous[name];
    }
    return state;
  }

  $("search").addEventListener("submit", function (event) {
    event.preventDefault();
    if (!credentials()) {
      showSignInHint();
      $("user").focus();
      return;
    }
    searchFromForm();
  });
  for (const id of ["type", "sort"]) {
    $(id).addEventListener("change", () => credentials() && searchFromForm());
  }
  datePicker($("date"), "ngày");
  datePicker($("from"), "ngày bắt đầu");
  datePicker($("to"), "ngày kết thúc");

  function searchFromForm() {
    let state;
    try {
      state = formState();
    } catch (error) {
      $("status").className = "error";
      $("status").textContent = error.message;
      if (error.field) {
        error.field.setAttribute("aria-invalid", "true");
        error.field.focus();
      }
      return;
    }
    for (const field of document.querySelectorAll("input.day")) field.removeAttribute("aria-invalid");
    go(state);
  }

  // ---- search ----

  let searchGeneration = 0;

  function route() {
    const state = currentState();
    fillForm(state);
    showAccount();
    if (!credentials()) {
      $("doc-view").hidden = true;
      $("search-view").hidden = false;
      showSignInHint();
      return;
    }
    if (state.doc) {
      openDocument(state.doc);
    } else {
      const returning = !$("doc-view").hidden;
      document.title = "Tra cứu văn bản và thư điện tử";
      $("doc-view").hidden = true;
      $("search-view").hidden = false;
      search(state).then(() => {
        if (returning) focusResult(lastOpened);
      });
    }
  }

  async function search(state) {
    const generation = ++searchGeneration;
    const params = new URLSearchParams();
    for (const name of PARAMS) if (state[name]) params.set(name, state[name]);
    params.set("size", String(PAGE_SIZE));
    const status = $("status");
    status.className = "";
    status.textContent = "Đang tìm…";
    if ($("signin-status").className !== "error") $("signin-status").textContent = "";
    $("results").setAttribute("aria-busy", "true");
    renderFilters(state);
    let body;
    try {
      const response = await fetch("/api/search?" + params, { headers: headers() });
      if (generation !== searchGeneration) return; // a newer search has started
      body = await answer(response);
    } catch (error) {
      if (generation !== searchGeneration) return;
      $("results").replaceChildren();
      $("results").removeAttribute("aria-busy");
      $("facets").hidden = true;
      $("pager").hidden = true;
      status.className = "error";
      status.textContent = error.signIn ? error.message : "Lỗi: " + message(error);
      return;
    }
    $("results").removeAttribute("aria-busy");
    renderResults(state, body);
    renderFacets(state, body.facets || {});
    renderPager(state, body);
  }

  // The JSON of a 200 answer; otherwise an Error with a Vietnamese message.
  async function answer(response) {
    if (response.status === 401) {
      sessionStorage.removeItem(AUTH_KEY);
      showAccount();
      const error = new Error("Phiên đăng nhập không còn hiệu lực: hãy đăng nhập lại.");
      error.signIn = true;
      throw error;
    }
    let body = null;
    try {
      body = await response.json();
    } catch (ignored) {
      // not JSON: the status line says enough
    }
    if (response.status === 404) throw new Error("không tìm thấy" + (body && body.error ? " (" + body.error + ")" : "."));
    if (response.status === 400) throw new Error("yêu cầu không hợp lệ: " + (body && body.error ? body.error : ""));
    if (!response.ok || !body) throw new Error("máy chủ trả lời " + response.status);
    return body;
  }

  function message(error) {
    return error instanceof TypeError ? "không kết nối được máy chủ." : error.message;
  }

  function renderResults(state, body) {
    const status = $("status");
    const list = $("results");
    list.replaceChildren();
    const page = Number(state.page || 1);
    if (body.total === 0) {
      status.textContent = "Không tìm thấy kết quả nào. Hãy thử ít từ hơn, bỏ bớt bộ lọc hoặc mở rộng khoảng ngày.";
      return;
    }
    const first = (page - 1) * PAGE_SIZE + 1;
    const last = first + body.hits.length - 1;
    status.textContent =
      "Tìm thấy " + count(body.total) + " kết quả" +
      (body.hits.length ? ", đang xem " + count(first) + "–" + count(last) : "") +
      " (" + body.took_ms + " ms)." +
      (body.partial ? " Kết quả chưa đầy đủ: tìm kiếm quá thời gian cho phép, hãy thu hẹp điều kiện." : "");
    for (const hit of body.hits) list.append(resultItem(state, hit));
  }

  function resultItem(state, hit) {
    const li = el("li", "hit");
    const heading = el("h3", "hit-title");
    heading.append(badge(hit.type), " ");
    heading.append(docLink(state, hit.id, hit.title || "(không có tiêu đề)"));
    li.append(heading);
    const meta = [vnDate(hit.date), hit.sender, hit.doc_number, hit.doc_type, hit.agency].filter(Boolean);
    if (meta.length) li.append(el("p", "meta", meta.join(" · ")));
    if (hit.parent) {
      const parent = el("p", "meta", "Đính kèm thư: ");
      parent.append(docLink(state, hit.parent.id, hit.parent.title || "(không có tiêu đề)"));
      li.append(parent);
    }
    if (hit.snippet) li.append(appendSnippet(el("p", "snippet"), hit.snippet));
    return li;
  }

  let lastOpened = null;

  function docLink(state, id, text) {
    const link = el("a", "", text);
    const target = Object.assign({}, state, { doc: id });
    link.href = stateUrl(target);
    link.dataset.id = id;
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      lastOpened = id;
      go(target);
    });
    return link;
  }

  function focusResult(id) {
    const link = id && $("results").querySelector('a[data-id="' + CSS.escape(id) + '"]');
    (link || $("status")).focus();
  }

  function renderFilters(state) {
    const box = $("active-filters");
    box.replaceChildren();
    for (const [name, label] of Object.entries(FILTER_NAMES)) {
      if (!state[name]) continue;
      const chip = el("button", "chip", label + ": " + state[name] + " ✕");
      chip.type = "button";
      chip.setAttribute("aria-label", "Bỏ lọc " + label + ": " + state[name]);
      chip.addEventListener("click", function () {
        const next = Object.assign({}, state);
        delete next[name];
        delete next.page;
        go(next);
        $("q").focus();
      });
      box.append(chip);
    }
  }

  function renderFacets(state, facets) {
    const groups = $("facet-groups");
    groups.replaceChildren();
    let any = false;
    for (const [dim, label] of FACETS) {
      const values = (facets[dim] || []).filter((v) => v.value);
      if (values.length === 0) continue;
      any = true;
      const group = el("section", "facet");
      const id = "facet-" + dim;
      group.append(Object.assign(el("h3", "", label), { id }));
      const list = el("ul");
      list.setAttribute("aria-labelledby", id);
      const shown = dim === "month" ? values.slice().sort((a, b) => b.value.localeCompare(a.value)) : values;
      for (const value of shown) {
        const item = el("li");
        const button = el("button", "facet-value");
        button.type = "button";
        const text = facetText(dim, value.value);
        button.append(el("span", "", text), el("span", "count", count(value.count)));
        button.setAttribute("aria-label", label + " " + text + ": " + count(value.count) + " kết quả");
        const active = isActive(state, dim, value.value);
        button.setAttribute("aria-pressed", String(active));
        button.addEventListener("click", () => go(applyFacet(state, dim, value.value, active)));
        item.append(button);
        list.append(item);
      }
      group.append(list);
      groups.append(group);
    }
    $("facets").hidden = !any;
  }

  function facetText(dim, value) {
    if (dim === "type") return window.tracuu.TYPE_NAMES[value] || value;
    if (dim === "month") return "Tháng " + vnMonth(value);
    return value;
  }

  function monthRange(value) {
    const [y, m] = value.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const mm = String(m).padStart(2, "0");
    return { from: y + "-" + mm + "-01", to: y + "-" + mm + "-" + String(last).padStart(2, "0") };
  }

  function isActive(state, dim, value) {
    if (dim === "month") {
      const range = monthRange(value);
      return state.from === range.from && state.to === range.to;
    }
    return state[dim] === value;
  }

  // A facet value becomes the filter of the same name; a month becomes a day range. Clicking an
  // active value removes it.
  function applyFacet(state, dim, value, active) {
    const next = Object.assign({}, state);
    delete next.page;
    if (dim === "month") {
      delete next.date;
      if (active) {
        delete next.from;
        delete next.to;
      } else {
        Object.assign(next, monthRange(value));
      }
    } else if (active) {
      delete next[dim];
    } else {
      next[dim] = value;
    }
    return next;
  }

  function renderPager(state, body) {
    const page = Number(state.page || 1);
    const pages = Math.min(Math.ceil(body.total / PAGE_SIZE), Math.floor(MAX_DEPTH / PAGE_SIZE));
    $("pager").hidden = pages <= 1;
    $("page-info").textContent = "Trang " + page + " / " + count(pages);
    $("prev").disabled = page <= 1;
    $("next").disabled = page >= pages;
    $("prev").onclick = () => turn(state, page - 1);
    $("next").onclick = () => turn(state, page + 1);
  }

  function turn(state, page) {
    const next = Object.assign({}, state, { page: page > 1 ? String(page) : "" });
    go(next);
    $("status").focus();
  }

  // ---- document view ----

  let documentGeneration = 0;

  async function openDocument(id) {
    const generation = ++documentGeneration;
    $("search-view").hidden = true;
    $("doc-view").hidden = false;
    $("doc-title").textContent = "Đang mở…";
    $("doc-status").className = "";
    $("doc-status").textContent = "";
    $("doc-meta").replaceChildren();
    $("doc-text").textContent = "";
    $("doc-actions").hidden = true;
    $("download-status").textContent = "";
    $("doc-attachments").hidden = true;
    $("doc-thread").hidden = true;
    $("doc-title").focus();
    const path = "/api/documents/" + encodeURIComponent(id);
    let record;
    let related;
    try {
      const [recordResponse, relatedResponse] = await Promise.all([
        fetch(path, { headers: headers() }),
        fetch(path + "/related", { headers: headers() }),
      ]);
      record = await answer(recordResponse);
      related = relatedResponse.ok ? await relatedResponse.json() : { attachments: [], thread: [] };
    } catch (error) {
      if (generation !== documentGeneration) return;
      $("doc-title").textContent = "Không mở được tài liệu";
      $("doc-status").className = "error";
      $("doc-status").textContent = error.signIn ? error.message : "Lỗi: " + message(error);
      return;
    }
    if (generation !== documentGeneration) return;
    lastOpened = lastOpened || id;
    $("doc-title").replaceChildren(badge(record.type), " ", record.title || "(không có tiêu đề)");
    document.title = (record.title || "Tài liệu") + " – Tra cứu";
    renderMeta(record);
    $("doc-text").textContent = record.text || "(không có nội dung văn bản)";
    $("doc-actions").hidden = false;
    $("download").onclick = () => download(id);
    renderRelated(id, related);
    $("doc-title").focus();
  }

  function renderMeta(record) {
    const state = currentState();
    const rows = [
      ["Loại", window.tracuu.TYPE_NAMES[record.type] || record.type],
      ["Ngày", vnDateTime(record.date)],
      ["Người gửi", record.sender],
      ["Người nhận", (record.recipients || []).join(", ")],
      ["Thư mục", (record.folders || []).join(", ")],
      ["Số ký hiệu", record.doc_number],
      ["Loại văn bản", record.doc_type],
      ["Cơ quan ban hành", record.agency],
      ["Người ký", record.signer],
      ["Trích yếu", record.summary],
      ["Nguồn", record.source],
    ];
    const meta = $("doc-meta");
    for (const [label, value] of rows) {
      if (!value) continue;
      meta.append(el("dt", "", label), el("dd", "", value));
    }
    if (record.parent_id) {
      const dd = el("dd");
      dd.append(docLink(state, record.parent_id, "Mở thư gốc"));
      meta.append(el("dt", "", "Thuộc thư"), dd);
    }
  }

  function renderRelated(id, related) {
    const state = currentState();
    const attachments = related.attachments || [];
    const attachmentList = $("doc-attachments").querySelector("ul");
    attachmentList.replaceChildren();
    for (const entry of attachments) {
      const li = el("li");
      li.append(docLink(state, entry.id, entry.title || entry.id));
      attachmentList.append(li);
    }
    $("doc-attachments").hidden = attachments.length === 0;

    const thread = related.thread || [];
    const threadList = $("doc-thread").querySelector("ol");
    threadList.replaceChildren();
    for (const entry of thread) {
      const li = el("li");
      const when = [vnDateTime(entry.date), entry.sender].filter(Boolean).join(" · ");
      if (entry.id === id) {
        li.append(el("strong", "", entry.title || "(không có tiêu đề)"), " (thư đang xem)");
        li.setAttribute("aria-current", "true");
      } else {
        li.append(docLink(state, entry.id, entry.title || "(không có tiêu đề)"));
      }
      if (when) li.append(el("span", "meta", " — " + when));
      threadList.append(li);
    }
    // A thread of one message is just the message itself.
    $("doc-thread").hidden = thread.length < 2;
  }

  // The original needs the staff credentials, which a plain link would not send: fetch it, then
  // hand the bytes to the browser as a download under the server's file name.
  async function download(id) {
    const status = $("download-status");
    status.className = "";
    status.textContent = "Đang tải…";
    try {
      const response = await fetch("/api/documents/" + encodeURIComponent(id) + "/original", {
        headers: headers(),
      });
      if (!response.ok) {
        await answer(response);
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = el("a");
      link.href = url;
      link.download = fileName(response.headers.get("Content-Disposition")) || "ban-goc";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      status.textContent = "Đã tải " + link.download + ".";
    } catch (error) {
      status.className = "error";
      status.textContent = "Không tải được bản gốc: " + message(error);
    }
  }

  function fileName(disposition) {
    if (!disposition) return "";
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (encoded) {
      try {
        return decodeURIComponent(encoded[1]);
      } catch (ignored) {
        // fall back to the ASCII name
      }
    }
    const plain = /filename="([^"]+)"/i.exec(disposition);
    return plain ? plain[1] : "";
  }

  $("back").addEventListener("click", function () {
    const state = currentState();
    delete state.doc;
    go(state);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !$("doc-view").hidden) $("back").click();
  });

  window.addEventListener("popstate", route);
  route();
})();
