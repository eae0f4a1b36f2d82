// Live updates for signed-in colleagues: one EventSource on /events/ (kring/realtime).
// The events carry ids only; what is shown comes from the ordinary, access-checked pages.
// After a broken connection the page asks again what it may have missed instead of
// trusting the stream. Every page works without this file; it only saves a reload.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.EventSource || !window.htmx) return;
  var root = document.documentElement;
  var lang = root.lang || "nl";
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

  function byId(id) { return document.getElementById(id); }
  function number(value) { return Number(value) || 0; }

  // "1 reactie" / "3 reacties": both forms come from the server with 1 and 2 in them.
  function counted(one, other, n) {
    var form = plural ? plural.select(n) : (n === 1 ? "one" : "other");
    return (form === "one" ? one : other).replace(/\d+/, String(n));
  }

  function announce(text) {
    var region = byId("live-announcer");
    if (!region) return;
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 100);
  }

  // --- The feed: a bar "3 nieuwe berichten" above it; a click loads the first page again.
  var waiting = {}; // ids of posts the feed does not show yet

  function feed() { return byId("feed"); }

  function feedShows(groupId) {
    var space = feed().dataset.liveSpace;
    if (space === "home") return true;
    if (space === "company") return groupId === null;
    return space === String(groupId);
  }

  function barShow() {
    var bar = byId("feed-live-bar");
    if (!bar) return;
    var count = Object.keys(waiting).length;
    bar.querySelector(".live-bar-text").textContent = count ? counted(bar.dataset.one, bar.dataset.other, count) : "";
    bar.hidden = count === 0;
  }

  function postArrived(postId, groupId) {
    var list = feed();
    if (!list || !feedShows(groupId)) return;
    if (byId("post-" + postId) || postId <= number(list.dataset.liveAfter)) return;
    waiting[postId] = true;
    barShow();
  }

  function feedReload() {
    var list = feed();
    if (!list) return;
    htmx.ajax("GET", list.dataset.feedUrl, { target: "#feed", swap: "innerHTML" }).then(function () {
      var newest = number(list.dataset.liveAfter);
      list.querySelectorAll("article.post[id^='post-']").forEach(function (card) {
        newest = Math.max(newest, number(card.id.slice(5)));
      });
      list.dataset.liveAfter = String(newest);
      waiting = {};
      barShow();
      var first = list.querySelector("article.post");
      if (first) {
        first.setAttribute("tabindex", "-1");
        first.focus();
      }
    });
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("#feed-live-bar")) feedReload();
  });

  function feedCatchUp() {
    var list = feed();
    if (!list || !list.dataset.liveNewsUrl) return;
    var url = list.dataset.liveNewsUrl + "?space=" + encodeURIComponent(list.dataset.liveSpace) +
      "&after=" + encodeURIComponent(list.dataset.liveAfter || "0");
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (answer) { return answer.ok ? answer.json() : null; })
      .then(function (body) {
        if (!body) return;
        body.post_ids.forEach(function (postId) {
          if (!byId("post-" + postId)) waiting[postId] = true;
        });
        barShow();
      })
      .catch(function () { /* the next reconnect asks again */ });
  }

  // --- Reply counts on post cards (feeds and the thread's own card).
  function replyCountShow(postId, count) {
    document.querySelectorAll('[data-reply-count="' + postId + '"]').forEach(function (element) {
      element.textContent = counted(script.dataset.repliesOne, script.dataset.repliesOther, count);
    });
  }

  // --- An open thread: fetch the new reply's <li>; thread.js puts it in reading order.
  function thread() { return byId("replies"); }

  function threadFetch(replyId) {
    var open = thread();
    if (!open || !open.dataset.liveUrl) return;
    if (replyId && byId("reply-" + replyId)) return;
    var url = open.dataset.liveUrl + "?since=" + encodeURIComponent(open.dataset.liveSince || "0");
    if (replyId) url += "&reply=" + encodeURIComponent(replyId);
    htmx.ajax("GET", url, { target: "#replies-sent", swap: "none" });
  }

  // The server says (HX-Trigger) up to which reply the page now has, and whether more wait.
  document.addEventListener("kring:replies-since", function (event) {
    var open = thread(), detail = event.detail || {};
    if (!open) return;
    open.dataset.liveSince = String(Math.max(number(open.dataset.liveSince), number(detail.since)));
    if (detail.count) announce(script.dataset.newReply);
    if (detail.more) threadFetch(null);
  });

  // Ask the server for the element with this id again and put the answer in its place.
  // Events come in bursts (the worker's notification, then the page marking it read): only
  // the answer to the newest request counts, as an older one may arrive later and be
  // stale, and the element is looked up when the answer is there, since an earlier answer
  // may have replaced it. (htmx.ajax would queue the second request on the replaced
  // element and then drop it.) The answer may be a whole page: the id is looked up in it.
  var asked = {};
  function refresh(id, url) {
    var ticket = (asked[id] || 0) + 1;
    asked[id] = ticket;
    return fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" } })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        var old = byId(id);
        if (html === null || asked[id] !== ticket || !old) return;
        var fresh = document.createElement("template");
        fresh.innerHTML = html.trim();
        var element = fresh.content.querySelector("#" + id);
        if (!element) return;
        old.replaceWith(element);
        htmx.process(element);
        htmx.trigger(element, "htmx:load");
      })
      .catch(function () { /* the next event or reconnect asks again */ });
  }

  // --- The bell in the header: ask the server for it again (count and spoken label), or
  // else show the count the event carried.
  function bellShow(data) {
    var whole = byId("bell");
    if (whole && whole.dataset.refreshUrl) {
      refresh("bell", whole.dataset.refreshUrl);
      document.dispatchEvent(new CustomEvent("kring:notifications-changed", { detail: data }));
      return;
    }
    var bell = byId("bell-count");
    if (bell && typeof data.unread === "number") {
      bell.textContent = String(data.unread);
      bell.dataset.unread = String(data.unread);
      bell.hidden = data.unread === 0;
    } else if (bell && bell.dataset.refreshUrl) {
      htmx.ajax("GET", bell.dataset.refreshUrl, { target: "#bell-count", swap: "outerHTML" });
    }
    document.dispatchEvent(new CustomEvent("kring:notifications-changed", { detail: data }));
  }

  // --- An open conversation: fetch the messages after the last one shown and add those it
  // lacks (the server marks them read); then the "Messages" badge in the navigation.
  function chat() { return byId("message-list"); }

  function badgeRefresh() {
    var slots = document.querySelectorAll("[data-badge-slot='messages']");
    if (!slots.length || !script.dataset.badgeUrl) return;
    fetch(script.dataset.badgeUrl, { credentials: "same-origin" })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var fresh = document.createElement("template");
        fresh.innerHTML = html.trim();
        var slot = fresh.content.querySelector("[data-badge-slot='messages']");
        if (!slot) return;
        slots.forEach(function (old) { old.innerHTML = slot.innerHTML; });
      })
      .catch(function () { /* the next event or reconnect asks again */ });
  }

  function chatFetch() {
    var list = chat();
    if (!list || !list.dataset.liveUrl) return Promise.resolve();
    var last = 0;
    list.querySelectorAll("li[id^='message-']").forEach(function (item) {
      last = Math.max(last, number(item.id.slice(8)));
    });
    return fetch(list.dataset.liveUrl + "?after=" + last, { credentials: "same-origin" })
      .then(function (answer) { return answer.ok ? answer.text() : ""; })
      .then(function (html) {
        var fresh = document.createElement("template");
        fresh.innerHTML = html.trim();
        var added = 0;
        Array.prototype.slice.call(fresh.content.children).forEach(function (item) {
          if (!item.id || byId(item.id)) return;
          list.appendChild(item);
          htmx.process(item);
          htmx.trigger(item, "htmx:load"); // as after a swap: kring.js makes its times relative
          added += 1;
        });
        if (added) document.dispatchEvent(new CustomEvent("kring:messages-added", { detail: { count: added } }));
      })
      .catch(function () { /* the next event or reconnect asks again */ });
  }

  // The list of conversations: load it again, unless someone is at its links (a keyboard
  // user would lose their place; the badge still tells them).
  function conversationsRefresh() {
    var block = byId("conversations-live");
    if (!block || !block.dataset.liveUrl || block.contains(document.activeElement)) return;
    refresh("conversations-live", block.dataset.liveUrl);
  }

  function messageArrived(data) {
    var list = chat();
    if (list && number(list.dataset.liveConversation) === number(data.conversation_id)) {
      if (byId("message-" + number(data.message_id))) return;
      chatFetch().then(badgeRefresh);
      return;
    }
    conversationsRefresh();
    badgeRefresh();
  }

  // --- Reactions elsewhere: fetch the bar again if this page shows it.
  function reactionChanged(data) {
    var id = data.reply_id ? "reactions-reply-" + number(data.reply_id) : "reactions-post-" + number(data.post_id);
    var bar = byId(id);
    if (!bar || !bar.dataset.barUrl) return;
    if (bar.contains(document.activeElement)) {
      // Someone is at the buttons: keep their focus where it was after the swap.
      var focused = document.activeElement.id;
      htmx.ajax("GET", bar.dataset.barUrl, { target: "#" + id, swap: "outerHTML" }).then(function () {
        var again = focused && byId(focused);
        if (again) again.focus();
      });
      return;
    }
    htmx.ajax("GET", bar.dataset.barUrl, { target: "#" + id, swap: "outerHTML" });
  }

  // After a gap: ask again for what the page shows instead of trusting the stream.
  function catchUp() {
    feedCatchUp();
    threadFetch(null);
    chatFetch().then(badgeRefresh);
    conversationsRefresh();
    bellShow({});
    document.dispatchEvent(new CustomEvent("kring:live-reconnected"));
  }

  // --- The connection.
  var source = null, broken = false, retryTimer = null, retryDelay = 5000;

  function listen(name, handle) {
    source.addEventListener(name, function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (error) { return; }
      handle(data || {});
    });
  }

  function connect() {
    source = new EventSource(script.dataset.eventsUrl);
    source.addEventListener("open", function () {
      root.dataset.live = "open";
      retryDelay = 5000;
      if (broken) {
        broken = false;
        catchUp();
      }
    });
    source.addEventListener("error", function () {
      root.dataset.live = "closed";
      broken = true;
      // The browser reconnects by itself after a network error, but gives up after an
      // answer that is no stream (a 503 while the database restarts): try again later.
      if (source.readyState === EventSource.CLOSED) {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 60000);
      }
    });
    listen("post.created", function (data) { postArrived(number(data.post_id), data.group_id); });
    listen("reply.created", function (data) {
      replyCountShow(number(data.post_id), number(data.reply_count));
      var open = thread();
      if (open && number(open.dataset.livePost) === number(data.post_id)) threadFetch(number(data.reply_id));
    });
    listen("notifications.changed", bellShow);
    listen("message.created", messageArrived);
    listen("reaction.changed", reactionChanged);
    listen("resync", catchUp);
  }

  // A page kept in the back/forward cache must not hold a connection; back, it catches up.
  window.addEventListener("pagehide", function () {
    if (source) source.close();
    clearTimeout(retryTimer);
  });
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    broken = true;
    connect();
  });

  connect();
  // A "Voor jou" page ranked on an earlier visit: show at once what was posted since.
  if (feed() && feed().hasAttribute("data-live-catch-up")) feedCatchUp();
})();
