// @mention autocomplete in every Markdown text box (a textarea named "body"): typing
// "@ka" asks the server (htmx GET /people/autocomplete/?q=ka) for up to eight colleagues
// and groups, shown in a listbox under the box. Arrow keys move, Enter or Tab inserts
// "@username ", Escape closes. The textarea stays a textbox for screen readers; the
// listbox is tied to it with aria-controls/aria-activedescendant and a polite status.
(function () {
  "use strict";
  var QUERY = /(^|[\s(])@([\p{L}\p{N}_][\p{L}\p{N}_.-]{0,39})$/u;
  var box = null, list = null, status = null, active = -1, query = null, asked = 0, timer = null;

  function url() { return document.body.dataset.mentionsUrl; }

  function ensureList(textarea) {
    if (!list) {
      list = document.createElement("ul");
      list.id = "mention-listbox";
      list.className = "mention-listbox";
      list.setAttribute("role", "listbox");
      list.setAttribute("hx-sync", "this:replace"); // a newer "@ka" aborts the older "@k"
      list.setAttribute("aria-label", document.body.dataset.mentionsLabel || "");
      list.hidden = true;
      list.addEventListener("mousedown", function (event) {
        var option = event.target.closest("[data-handle]");
        if (option) { event.preventDefault(); pick(option); }
      });
      status = document.createElement("div");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
    }
    if (list.previousElementSibling !== textarea) {
      textarea.insertAdjacentElement("afterend", list);
      list.insertAdjacentElement("afterend", status);
    }
  }

  function options() { return list ? Array.prototype.slice.call(list.querySelectorAll("[data-handle]")) : []; }

  function close() {
    if (list) { list.hidden = true; list.innerHTML = ""; }
    if (box) {
      box.removeAttribute("aria-activedescendant");
      box.removeAttribute("aria-controls");
    }
    active = -1; query = null;
  }

  function highlight(index) {
    var all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    box.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  }

  function pick(option) {
    var caret = box.selectionStart, before = box.value.slice(0, caret), match = before.match(QUERY);
    if (!match) { close(); return; }
    var start = caret - match[2].length - 1, insert = "@" + option.dataset.handle + " ";
    box.value = box.value.slice(0, start) + insert + box.value.slice(caret);
    box.selectionStart = box.selectionEnd = start + insert.length;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    close();
    box.focus();
  }

  function lookup(textarea) {
    var caret = textarea.selectionStart, match = textarea.value.slice(0, caret).match(QUERY);
    if (!match || textarea.selectionStart !== textarea.selectionEnd) { close(); return; }
    if (match[2] === query) return;
    box = textarea; query = match[2];
    ensureList(textarea);
    var mine = ++asked, asking = query;
    clearTimeout(timer);
    timer = setTimeout(function () { ask(mine, asking); }, 120);
  }

  function ask(mine, asking) {
    if (mine !== asked) return;
    htmx.ajax("GET", url() + "?q=" + encodeURIComponent(asking), { source: list, target: list, swap: "innerHTML" }).then(function () {
      if (mine !== asked || query !== asking) return;
      var all = options();
      list.hidden = false;
      box.setAttribute("aria-controls", list.id);
      active = -1;
      if (all.length) highlight(0);
      status.textContent = all.length ? (document.body.dataset.mentionsCount || "{n}").replace("{n}", all.length) : "";
    });
  }

  function isMarkdownBox(element) {
    return element && element.tagName === "TEXTAREA" && element.name === "body";
  }

  document.addEventListener("input", function (event) {
    if (isMarkdownBox(event.target) && url()) lookup(event.target);
  });

  document.addEventListener("keydown", function (event) {
    if (!isMarkdownBox(event.target) || !list || list.hidden || event.target !== box) return;
    var all = options();
    if (event.key === "ArrowDown" && all.length) { event.preventDefault(); highlight(active + 1); }
    else if (event.key === "ArrowUp" && all.length) { event.preventDefault(); highlight(active - 1); }
    else if ((event.key === "Enter" || event.key === "Tab") && active >= 0 && all[active]) { event.preventDefault(); pick(all[active]); }
    else if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); close(); }
  }, true);

  document.addEventListener("focusout", function (event) {
    if (event.target === box) setTimeout(function () { if (document.activeElement !== box) close(); }, 150);
  });
})();
