// Public news page (/tin-tuc): news by day with a month calendar and a keyword box. It calls
// /api/news and nothing else, and sends no credentials: what it shows is public by construction.
"use strict";
(function () {
  const { el, vnDate, isoDay, parseDay, datePicker, appendSnippet, count } = window.tracuu;
  const $ = (id) => document.getElementById(id);
  const PAGE_SIZE = 10;
  const MONTH_PAGES = 5; // at most 500 news counted per calendar month
  const API = "/api/news";

  // ---- state in the URL: q, date, page ----

  function currentState() {
    const url = new URLSearchParams(location.search);
    const state = {};
    for (const name of ["q", "date", "page"]) if (url.get(name)) state[name] = url.get(name);
    return state;
  }

  function go(state) {
    const url = new URLSearchParams();
    for (const name of ["q", "date", "page"]) if (state[name]) url.set(name, state[name]);
    const query = url.toString();
    history.pushState(null, "", location.pathname + (query ? "?" + query : ""));
    route();
  }

  async function news(params) {
    const response = await fetch(API + "?" + params, { credentials: "omit" });
    let body = null;
    try {
      body = await response.json();
    } catch (ignored) {
      // not JSON: the status says enough
    }
    if (response.status === 400) throw new Error("yêu cầu không hợp lệ: " + (body && body.error ? body.error : ""));
    if (!response.ok || !body) throw new Error("máy chủ trả lời " + response.status);
    return body;
  }

  function message(error) {
    return error instanceof TypeError ? "không kết nối được máy chủ." : error.message;
  }

  // ---- the list ----

  let generation = 0;

  async function route() {
    const state = currentState();
    $("news-q").value = state.q || "";
    $("news-date").value = vnDate(state.date);
    $("news-date").removeAttribute("aria-invalid");
    $("prev-day").disabled = !state.date;
    $("next-day").disabled = !state.date;
    $("all-days").disabled = !state.date;
    $("news-heading").textContent = state.date ? "Tin ngày " + vnDate(state.date) : "Tin mới nhất";
    const mine = ++generation;
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.date) params.set("date", state.date);
    if (state.page) params.set("page", state.page);
    params.set("size", String(PAGE_SIZE));
    const status = $("news-status");
    status.className = "";
    status.textContent = "Đang tải tin…";
    let body;
    try {
      body = await news(params);
    } catch (error) {
      if (mine !== generation) return;
      $("news").replaceChildren();
      $("pager").hidden = true;
      status.className = "error";
      status.textContent = "Lỗi: " + message(error);
      return;
    }
    if (mine !== generation) return;
    render(state, body);
    const month = state.date || (body.hits[0] && body.hits[0].date) || isoDay(new Date());
    showMonth(month.slice(0, 7), state);
  }

  function render(state, body) {
    const list = $("news");
    list.replaceChildren();
    const status = $("news-status");
    if (body.total === 0) {
      status.textContent = state.date
        ? "Không có tin nào ngày " + vnDate(state.date) + (state.q ? " với từ khóa này" : "") + ". Hãy chọn ngày khác trên lịch."
        : "Không có tin nào" + (state.q ? " với từ khóa này" : "") + ".";
    } else {
      status.textContent = count(body.total) + " tin" + (state.date ? " ngày " + vnDate(state.date) : "") + ".";
    }
    for (const hit of body.hits) {
      const li = el("li", "news-item");
      li.append(el("h3", "", hit.title || "(không có tiêu đề)"));
      li.append(el("p", "meta", vnDate(hit.date)));
      if (hit.snippet) li.append(appendSnippet(el("p", "snippet"), hit.snippet));
      list.append(li);
    }
    const page = Number(state.page || 1);
    const pages = Math.min(Math.ceil(body.total / PAGE_SIZE), 1000);
    $("pager").hidden = pages <= 1;
    $("page-info").textContent = "Trang " + page + " / " + count(pages);
    $("prev").disabled = page <= 1;
    $("next").disabled = page >= pages;
    $("prev").onclick = () => turn(state, page - 1);
    $("next").onclick = () => turn(state, page + 1);
  }

  function turn(state, page) {
    go(Object.assign({}, state, { page: page > 1 ? String(page) : "" }));
    $("news-status").focus();
  }

  // ---- the calendar: which days of a month have news (under the same keywords) ----

  let shownMonth = null; // "YYYY-MM"
  let monthGeneration = 0;

  async function showMonth(month, state) {
    shownMonth = month;
    const mine = ++monthGeneration;
    const [y, m] = month.split("-").map(Number);
    $("calendar-title").textContent = "Tháng " + m + "/" + y;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const counts = {};
    try {
      for (let page = 1; page <= MONTH_PAGES; page++) {
        const params = new URLSearchParams({
          from: month + "-01",
          to: month + "-" + String(days).padStart(2, "0"),
          size: "100",
          page: String(page),
        });
        if (state.q) params.set("q", state.q);
        const body = await news(params);
        for (const hit of body.hits) {
          const day = (hit.date || "").slice(0, 10);
          counts[day] = (counts[day] || 0) + 1;
        }
        if (page * 100 >= body.total) break;
      }
    } catch (error) {
      // The list above already reports errors; the calendar just shows no marked days.
    }
    if (mine !== monthGeneration) return;
    drawMonth(y, m, days, counts, state.date);
  }

  function drawMonth(y, m, days, counts, selected) {
    const body = $("calendar").querySelector("tbody");
    body.replaceChildren();
    const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
    let row = el("tr");
    for (let i = 0; i < firstWeekday; i++) row.append(el("td"));
    for (let d = 1; d <= days; d++) {
      const iso = y + "-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0");
      const cell = el("td");
      if (counts[iso]) {
        const button = el("button", "", String(d));
        button.type = "button";
        button.setAttribute("aria-label", vnDate(iso) + ": " + counts[iso] + " tin");
        button.setAttribute("aria-pressed", String(iso === selected));
        button.addEventListener("click", () => go(Object.assign(currentState(), { date: iso, page: "" })));
        cell.append(button);
      } else {
        const span = el("span", "", String(d));
        span.setAttribute("aria-label", vnDate(iso) + ": không có tin");
        cell.append(span);
      }
      row.append(cell);
      if ((firstWeekday + d) % 7 === 0) {
        body.append(row);
        row = el("tr");
      }
    }
    if (row.children.length) {
      while (row.children.length < 7) row.append(el("td"));
      body.append(row);
    }
  }

  function shiftMonth(delta) {
    const [y, m] = shownMonth.split("-").map(Number);
    const date = new Date(Date.UTC(y, m - 1 + delta, 1));
    showMonth(date.toISOString().slice(0, 7), currentState());
  }

  function shiftDay(delta) {
    const state = currentState();
    if (!state.date) return;
    const [y, m, d] = state.date.split("-").map(Number);
    const date = new Date(Date.UTC(y, m - 1, d + delta));
    go(Object.assign(state, { date: date.toISOString().slice(0, 10), page: "" }));
  }

  // ---- controls ----

  // The day typed or picked; null (with the field marked and the reason shown) when it is no day.
  function chosenDay() {
    const day = parseDay($("news-date").value);
    if (day === null) {
      $("news-date").setAttribute("aria-invalid", "true");
      $("news-status").className = "error";
      $("news-status").textContent =
        "Ngày không hợp lệ: " + $("news-date").value.trim() + " (hãy gõ ngày/tháng/năm, ví dụ 19/8/2019).";
      $("news-date").focus();
    }
    return day;
  }

  $("news-search").addEventListener("submit", function (event) {
    event.preventDefault();
    const day = chosenDay();
    if (day !== null) go({ q: $("news-q").value.trim(), date: day });
  });
  $("news-date").addEventListener("change", function () {
    const day = chosenDay();
    if (day !== null) go(Object.assign(currentState(), { date: day, page: "" }));
  });
  datePicker($("news-date"), "ngày");
  $("prev-day").addEventListener("click", () => shiftDay(-1));
  $("next-day").addEventListener("click", () => shiftDay(1));
  $("all-days").addEventListener("click", () => go(Object.assign(currentState(), { date: "", page: "" })));
  $("prev-month").addEventListener("click", () => shiftMonth(-1));
  $("next-month").addEventListener("click", () => shiftMonth(1));
  window.addEventListener("popstate", route);
  route();
})();
