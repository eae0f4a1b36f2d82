// The composer's poll part: add and remove option rows (without JavaScript it shows four).
(function () {
  "use strict";

  function renumber(picker) {
    var rows = picker.querySelectorAll("[data-poll-row]");
    var add = picker.querySelector("[data-poll-add]");
    // Translated labels with "{n}" where the row's number goes ("Antwoord {n} verwijderen").
    var optionLabel = add ? add.getAttribute("data-label-option") : "Option {n}";
    var removeLabel = add ? add.getAttribute("data-label-remove") : "Remove option {n}";
    rows.forEach(function (row, index) {
      var number = index + 1;
      var input = row.querySelector("input");
      var label = row.querySelector("label");
      var remove = row.querySelector("[data-poll-remove]");
      input.id = "poll-option-" + number;
      input.placeholder = optionLabel.replace("{n}", number);
      label.htmlFor = input.id;
      label.textContent = optionLabel.replace("{n}", number);
      remove.setAttribute("aria-label", removeLabel.replace("{n}", number));
      remove.hidden = rows.length <= 2;
    });
    if (add) add.hidden = rows.length >= Number(picker.getAttribute("data-max") || 10);
  }

  function init(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("[data-poll-picker]").forEach(renumber);
    if (root.matches && root.matches("[data-poll-picker]")) renumber(root);
  }

  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-poll-add]");
    var remove = event.target.closest("[data-poll-remove]");
    var picker = event.target.closest("[data-poll-picker]");
    if (!picker || (!add && !remove)) return;
    var list = picker.querySelector("[data-poll-rows]");
    if (add) {
      var rows = list.querySelectorAll("[data-poll-row]");
      var row = rows[rows.length - 1].cloneNode(true);
      row.querySelector("input").value = "";
      row.querySelector("input").removeAttribute("aria-invalid");
      list.appendChild(row);
      renumber(picker);
      row.querySelector("input").focus();
    } else {
      var current = remove.closest("[data-poll-row]");
      var next = current.nextElementSibling || current.previousElementSibling;
      current.remove();
      renumber(picker);
      if (next) next.querySelector("input").focus();
    }
  });

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
