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
  // Close menus when clicking elsewhere.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
  // Keep drafts of composers in this browser until they are sent.
  function bindDraft(textarea) {
    var key = "kring-draft:" + textarea.dataset.draft;
    if (!textarea.value) textarea.value = localStorage.getItem(key) || "";
    textarea.closest(".composer") && textarea.closest(".composer").classList.toggle("has-text", !!textarea.value);
    textarea.addEventListener("input", function () {
      localStorage.setItem(key, textarea.value);
    });
    textarea.form.addEventListener("submit", function () {
      localStorage.removeItem(key);
    });
  }
  function init(root) {
    root.querySelectorAll("textarea[data-draft]").forEach(bindDraft);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
