// The thread page's one reply form, moved to the reply being answered; new replies put in
// reading order. Without this file "Reply" opens the page with the form answering that
// reply, and a sent reply is shown below the list.
(function () {
  "use strict";
  var answering = null; // the "Reply" link whose reply the form answers now
  var focusNextLoaded = false; // "load more" was clicked: focus the first reply it brings
  var justSent = null; // the reply just sent, focused once the fresh form is back home

  function byId(id) { return document.getElementById(id); }

  function formParts() {
    var form = byId("reply-form");
    if (!form) return null;
    return {
      form: form,
      home: byId("reply-form-home"),
      parent: byId("reply-form-parent"),
      to: byId("reply-form-to"),
      toText: byId("reply-form-to-text"),
      body: byId("reply-form-body")
    };
  }

  function answer(link) {
    var parts = formParts(), reply = link.closest("li.reply");
    if (!parts || !reply) return false;
    reply.querySelector(".reply-main").appendChild(parts.form);
    parts.parent.value = link.dataset.replyTo;
    parts.toText.textContent = parts.toText.dataset.template.replace("{name}", link.dataset.replyName);
    parts.to.hidden = false;
    answering = link;
    parts.body.focus();
    return true;
  }

  function cancel(giveFocusBack) {
    var parts = formParts();
    if (!parts) return;
    if (parts.home && parts.form.parentNode !== parts.home) parts.home.appendChild(parts.form);
    parts.parent.value = "";
    parts.toText.textContent = "";
    parts.to.hidden = true;
    if (giveFocusBack && answering && document.body.contains(answering)) answering.focus();
    else if (giveFocusBack) parts.body.focus();
    answering = null;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-reply-to]");
    if (link && answer(link)) {
      event.preventDefault();
      return;
    }
    if (event.target.closest("#reply-form-cancel")) {
      event.preventDefault();
      cancel(true);
      return;
    }
    if (event.target.closest("#replies-more a")) focusNextLoaded = true;
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target.closest("#reply-form")) return;
    var parts = formParts();
    if (parts && parts.parent.value) cancel(true);
  });

  // A sent reply arrives in #replies-sent with the path of the reply before it in the
  // thread (data-after). It goes right after the last shown reply that comes before it,
  // unless replies not loaded yet come in between: then it waits below the list until
  // "load more" brings it (and its copy there is dropped).
  function lastBefore(list, path) {
    var found = null;
    Array.prototype.forEach.call(list.children, function (item) {
      if (item.dataset.path && item.dataset.path < path) found = item;
    });
    return found;
  }

  function place(reply) {
    var list = byId("reply-list");
    if (!list) return;
    // Already on the page (a live reply fetched twice, or loaded by "load more"): keep that one.
    if (document.getElementById(reply.id) !== reply) {
      reply.remove();
      return;
    }
    var before = lastBefore(list, reply.dataset.path);
    var unloaded = byId("replies-more") && (!before || before === list.lastElementChild) &&
      (reply.dataset.after || "") > (before ? before.dataset.path : "");
    if (unloaded && list.children.length) return;
    if (before) before.after(reply);
    else list.prepend(reply);
  }

  function focus(element) {
    element.setAttribute("tabindex", "-1");
    element.focus();
  }

  document.addEventListener("htmx:load", function (event) {
    var element = event.target;
    if (!(element instanceof Element)) return;
    if (element.matches("#replies-sent > li.reply")) {
      justSent = element;
      place(element);
    } else if (element.matches("#reply-list > li.reply")) {
      var waiting = byId("replies-sent");
      var copy = waiting && waiting.querySelector('[id="' + element.id + '"]');
      if (copy) copy.remove();
      if (focusNextLoaded) {
        focusNextLoaded = false;
        focus(element);
      }
    } else if (element.id === "reply-form" && element.dataset.sent) {
      cancel(false);
      if (justSent && document.body.contains(justSent)) focus(justSent);
      justSent = null;
    }
  });
})();
