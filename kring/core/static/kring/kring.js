// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Close an open menu with Escape and give focus back to its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      menu.removeAttribute("open");
      var summary = menu.querySelector("summary");
      if (summary) summary.focus();
    });
  });
  // "/" focuses the search box in the top bar, unless you are typing somewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    var box = document.querySelector("[data-search-shortcut]");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
  // Close menus when clicking elsewhere.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
  // Keep drafts of composers in this browser until they are sent.
  function once(element, name) {
    if (element.dataset[name]) return false;
    element.dataset[name] = "1";
    return true;
  }
  function bindDraft(field) {
    if (!once(field, "draftBound")) return;
    var key = "kring-draft:" + field.dataset.draft;
    if (!field.value) field.value = localStorage.getItem(key) || "";
    var composer = field.tagName === "TEXTAREA" && field.closest(".composer");
    function markText() { composer.classList.toggle("has-text", !!field.value); }
    if (composer) {
      markText();
      field.addEventListener("input", markText);
      field.addEventListener("focus", function () { composer.classList.add("is-open"); });
    } else if (field.value && field.closest("details")) {
      // A kept question title is sent with the post: never keep it out of sight.
      field.closest("details").open = true;
    }
    field.addEventListener("input", function () {
      localStorage.setItem(key, field.value);
    });
    field.form.addEventListener("submit", function () {
      localStorage.removeItem(key);
    });
  }
  // Markdown toolbar: wrap the selection, or insert a sample where nothing is selected.
  var WRAP = { bold: ["**", "**"], italic: ["*", "*"], code: ["`", "`"], link: ["[", "](https://)"] };
  function applyMarkdown(textarea, kind) {
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var text = textarea.value, selected = text.slice(start, end);
    var insert;
    if (kind === "list") {
      insert = (selected || "").split("\n").map(function (line) { return "- " + line; }).join("\n");
    } else {
      insert = WRAP[kind][0] + selected + WRAP[kind][1];
    }
    textarea.focus();
    textarea.setRangeText(insert, start, end, selected ? "select" : "end");
    if (!selected && kind !== "list") {
      // Nothing was selected: put the cursor between the markers, ready to type.
      var cursor = start + WRAP[kind][0].length;
      textarea.setSelectionRange(cursor, cursor);
    }
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }
  function bindToolbar(toolbar) {
    var textarea = document.getElementById(toolbar.dataset.mdTarget);
    if (!textarea || !once(toolbar, "toolbarBound")) return;
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-md]");
      if (button) applyMarkdown(textarea, button.dataset.md);
    });
  }
  // Times arrive as exact moments (<time datetime data-relative>); show them the way people
  // talk ("5 minuten geleden", "gisteren") and keep them current while the page is open.
  // Older than a week: the date, as a chat or mail program would.
  var lang = document.documentElement.lang || "nl";
  var relative = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(lang, { numeric: "auto" }) : null;
  var STEPS = [[60, "second", 1], [3600, "minute", 60], [86400, "hour", 3600], [604800, "day", 86400]];
  function relativeText(when, now) {
    var seconds = (when - now) / 1000, ago = Math.abs(seconds);
    if (ago < 45) return relative.format(0, "second");
    for (var i = 0; i < STEPS.length; i++) {
      if (ago < STEPS[i][0]) return relative.format(Math.round(seconds / STEPS[i][2]), STEPS[i][1]);
    }
    var sameYear = when.getFullYear() === new Date(now).getFullYear();
    return when.toLocaleDateString(lang, sameYear ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" });
  }
  function showTimes(root) {
    if (!relative) return;
    var now = Date.now();
    root.querySelectorAll("time[data-relative]").forEach(function (element) {
      var when = new Date(element.getAttribute("datetime"));
      if (!isNaN(when)) element.textContent = relativeText(when, now);
    });
  }
  setInterval(function () { showTimes(document); }, 60000);
  function init(root) {
    showTimes(root);
    root.querySelectorAll("textarea[data-draft], input[data-draft]").forEach(bindDraft);
    root.querySelectorAll(".md-toolbar[data-md-target]").forEach(bindToolbar);
  }
  // A failed htmx request (server error, network gone) must not pass silently.
  function showFailure() {
    var toast = document.getElementById("toast");
    if (!toast) return;
    toast.textContent = toast.dataset.errorText;
    toast.classList.add("is-visible");
    setTimeout(function () { toast.classList.remove("is-visible"); }, 6000);
  }
  document.addEventListener("htmx:responseError", showFailure);
  document.addEventListener("htmx:sendError", showFailure);
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
