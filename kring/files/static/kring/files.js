// File libraries (issue 5): drop files on the upload form to send them. Without this
// script the form is a plain file picker with a submit button, and works the same.
(function () {
  "use strict";
  function setUp(zone) {
    var input = zone.querySelector('input[type="file"]');
    if (!input) return;
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add("is-over");
      });
    });
    ["dragleave", "dragend"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("is-over"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("is-over");
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || !files.length) return;
      if (!input.multiple && files.length > 1) {
        var single = new DataTransfer();
        single.items.add(files[0]);
        files = single.files;
      }
      input.files = files;
      zone.setAttribute("aria-busy", "true");
      if (zone.requestSubmit) zone.requestSubmit(); else zone.submit();
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-drop-zone]").forEach(setUp);
  });
})();
