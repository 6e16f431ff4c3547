// Staff search page: calls /api/search and shows the hits. No build step, no framework.
(function () {
  const form = document.getElementById("search");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const signin = document.getElementById("signin");
  const who = document.getElementById("who");
  const signout = document.getElementById("signout");
  // Staff credentials live in this tab only (sessionStorage) and go out as HTTP Basic.
  function credentials() { return sessionStorage.getItem("tracuu.auth"); }
  function showUser() {
    const auth = credentials();
    const name = auth ? atob(auth).split(":")[0] : "";
    who.textContent = name ? "Đã đăng nhập: " + name : "";
    signout.hidden = !name;
    for (const el of signin.querySelectorAll("label, button[type=submit]")) el.hidden = !!name;
  }
  signin.addEventListener("submit", function (event) {
    event.preventDefault();
    const user = document.getElementById("user").value;
    const password = document.getElementById("password").value;
    const bytes = new TextEncoder().encode(user + ":" + password);
    sessionStorage.setItem("tracuu.auth", btoa(String.fromCharCode(...bytes)));
    document.getElementById("password").value = "";
    showUser();
    search();
  });
  signout.addEventListener("click", function () {
    sessionStorage.removeItem("tracuu.auth");
    showUser();
    results.replaceChildren();
    status.textContent = "";
  });
  showUser();
  const TYPE_NAMES = { email: "Thư", attachment: "Đính kèm", document: "Văn bản", news: "Tin tức", member: "Tệp" };

  function vnDate(iso) {
    if (!iso) return "";
    const [y, m, d] = iso.slice(0, 10).split("-");
    return d + "/" + m + "/" + y;
  }

  function text(tag, className, value) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = value;
    return el;
  }

  async function search(event) {
    if (event) event.preventDefault();
    const params = new URLSearchParams();
    for (const name of ["q", "from", "to", "type"]) {
      const value = document.getElementById(name).value.trim();
      if (value) params.set(name, value);
    }
    history.replaceState(null, "", "?" + params);
    status.className = "";
    status.textContent = "Đang tìm…";
    results.replaceChildren();
    try {
      const auth = credentials();
      const response = await fetch("/api/search?" + params, {
        headers: Object.assign(
          { "X-Requested-With": "fetch" },
          auth ? { Authorization: "Basic " + auth } : {}),
      });
      if (response.status === 401) throw new Error("hãy đăng nhập (bản demo: demo / demo)");
      const body = await response.json();
      if (!response.ok) throw new Error(body.error || response.statusText);
      status.textContent = body.total === 0
        ? "Không tìm thấy kết quả nào."
        : "Tìm thấy " + body.total + " kết quả (" + body.took_ms + " ms).";
      for (const hit of body.hits) {
        const li = document.createElement("li");
        const title = document.createElement("div");
        title.append(text("span", "badge " + hit.type, TYPE_NAMES[hit.type] || hit.type));
        title.append(text("strong", "", hit.title || "(không có tiêu đề)"));
        li.append(title);
        const meta = [vnDate(hit.date), hit.sender, hit.doc_number, hit.agency].filter(Boolean).join(" · ");
        li.append(text("div", "meta", meta));
        const snippet = document.createElement("div");
        snippet.className = "snippet";
        snippet.innerHTML = hit.snippet || ""; // the server escapes everything but its own <mark>
        li.append(snippet);
        results.append(li);
      }
    } catch (error) {
      status.className = "error";
      status.textContent = "Lỗi: " + error.message;
    }
  }

  const initial = new URLSearchParams(location.search);
  for (const name of ["q", "from", "to", "type"]) {
    if (initial.get(name)) document.getElementById(name).value = initial.get(name);
  }
  form.addEventListener("submit", search);
  if (initial.toString()) search();
})();
