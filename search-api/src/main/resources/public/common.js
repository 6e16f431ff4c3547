// Helpers shared by the staff page and the public news page. No network calls here: each page
// makes its own, so the public page's script shows on its own which endpoint it reaches.
"use strict";
window.tracuu = (function () {
  const TYPE_NAMES = {
    email: "Thư",
    attachment: "Đính kèm",
    document: "Văn bản",
    member: "Tệp trong gói",
    news: "Tin tức",
  };

  // Dates come from the API as ISO 8601 in Vietnam time (+07:00): read the digits as they are,
  // so the day shown is the Vietnamese day whatever the browser's time zone.
  function vnDate(iso) {
    if (!iso || iso.length < 10) return "";
    const [y, m, d] = iso.slice(0, 10).split("-");
    return d + "/" + m + "/" + y;
  }

  function vnDateTime(iso) {
    const day = vnDate(iso);
    return iso && iso.length >= 16 && iso.slice(11, 16) !== "00:00" ? day + " " + iso.slice(11, 16) : day;
  }

  // "2019-08" → "08/2019"
  function vnMonth(value) {
    const [y, m] = String(value).split("-");
    return m ? m + "/" + y : String(value);
  }

  function isoDay(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  // A day as Vietnamese write it (19/8/2019, 19-08-2019, 19.8.2019; or ISO) → "2019-08-19".
  // "" for an empty field, null for text that is not a real day (30/02/2019).
  function parseDay(text) {
    const t = String(text || "").trim();
    if (!t) return "";
    let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    let y, mo, d;
    if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else return null;
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return date.toISOString().slice(0, 10);
  }

  // Date fields are text in dd/mm/yyyy (a native date input shows the browser's locale format,
  // often mm/dd/yyyy); a button beside each opens the browser's own calendar to fill it.
  function datePicker(input, label) {
    const picker = document.createElement("input");
    picker.type = "date";
    picker.tabIndex = -1;
    picker.className = "picker-shadow";
    picker.setAttribute("aria-hidden", "true");
    const button = el("button", "secondary calendar-button", "Lịch");
    button.type = "button";
    button.setAttribute("aria-label", "Chọn " + label + " trên lịch");
    button.addEventListener("click", function () {
      picker.value = parseDay(input.value) || "";
      try {
        picker.showPicker();
      } catch (e) {
        picker.click();
      }
    });
    picker.addEventListener("change", function () {
      input.value = vnDate(picker.value);
      input.focus();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    input.after(button, picker);
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

  // The escapes the server's highlighter writes: the five named ones and numeric references
  // (Lucene escapes "/" as &#x2F;). Anything else stays as written.
  function unescapeHtml(text) {
    return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]{1,6}|#[0-9]{1,7});/g, function (m, e) {
      if (e[0] !== "#") return ENTITIES[e];
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
    });
  }

  // Snippets are HTML in which the server escaped everything but its own <mark>. They are not
  // given to innerHTML: the marks become elements and every other character stays text, so a
  // snippet can never add markup even if the server's escaping missed something.
  function appendSnippet(parent, html) {
    let mark = null;
    for (const part of String(html || "").split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>") {
        mark = document.createElement("mark");
        parent.append(mark);
      } else if (part === "</mark>") {
        mark = null;
      } else if (part) {
        (mark || parent).append(unescapeHtml(part));
      }
    }
    return parent;
  }

  function badge(type) {
    return el("span", "badge " + (TYPE_NAMES[type] ? type : "other"), TYPE_NAMES[type] || type);
  }

  function count(n) {
    return Number(n).toLocaleString("vi-VN");
  }

  return { TYPE_NAMES, vnDate, vnDateTime, vnMonth, isoDay, parseDay, datePicker, el, appendSnippet, badge, count };
})();
