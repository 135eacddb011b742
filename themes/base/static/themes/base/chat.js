/* Live chat on a conversation page (templates/chat/conversation.html).

   Progressive enhancement: without this script the page is a plain form that posts and reloads. With it, the page
   opens one WebSocket to /ws/ on the same host (realtime/PROTOCOL.md), sends `resume` with the last message id on
   the page, adds `message` frames to the list, sends the form as a `send` frame and clears it on `ack`, and shows
   `error` frames next to the field. A dropped connection is reopened with a growing pause and resumes from the
   last id seen; ids already on the page are skipped, so nothing shows twice. New messages of others are read out
   by screen readers through a polite live region. No build step, no libraries.

   Around the messages: who of the conversation is online (`presence` frames; in the buurtkamer only a count), who
   is typing (`typing` frames, shown for a few seconds; this page sends one at most every few seconds while the user
   types), and "Gelezen door Bram" under the user's newest message that someone else has read (`read` frames; the
   server renders the same mark, and none in the buurtkamer). This page sends `read` for what is on it while it is
   visible and has focus (new messages, coming back to the tab or window), and once after connecting for what the
   server marked read when it rendered the page. Presence and typing are plain text, not read out: they change too
   often. */
(function () {
  "use strict";

  var section = document.querySelector("[data-chat-conversation]");
  if (!section || !("WebSocket" in window)) {
    return; // the plain form keeps working
  }

  var conversationId = Number(section.dataset.chatConversation);
  var memberId = Number(section.dataset.chatMember);
  var inRoom = section.dataset.chatKind === "buurtkamer"; // many people: counts instead of names, no read marks
  var words = {
    you: section.dataset.chatYou || "U",
    newFrom: section.dataset.chatNewFrom || "Nieuw bericht van %s:",
    offline: section.dataset.chatOffline || "Geen verbinding. We proberen het opnieuw.",
    notSent: section.dataset.chatNotSent || "Niet verstuurd:",
    report: section.dataset.chatReport || "Melden",
    reportWhose: section.dataset.chatReportWhose || "bericht van %s",
    onlineOne: section.dataset.chatOnlineOne || "%s is online",
    onlineMany: section.dataset.chatOnlineMany || "Online: %s",
    countOne: section.dataset.chatCountOne || "1 buur online",
    countMany: section.dataset.chatCountMany || "%s buren online",
    typingOne: section.dataset.chatTypingOne || "%s typt…",
    typingSomeone: section.dataset.chatTypingSomeone || "Iemand typt…",
    typingMany: section.dataset.chatTypingMany || "Meerdere mensen typen…",
    readBy: section.dataset.chatReadBy || "Gelezen door",
    read: section.dataset.chatRead || "Gelezen"
  };
  var TYPING_SENT_EVERY = 3000; // ms between our own `typing` frames
  var TYPING_SHOWN_FOR = 5000; // ms "Bram typt…" stays after Bram's last `typing` frame
  var thread = document.getElementById("chat-thread");
  var announcer = document.getElementById("chat-announce");
  var connectionNote = document.getElementById("chat-connection");
  var statusBlock = document.getElementById("chat-status");
  var presenceLine = document.getElementById("chat-presence");
  var typingLine = document.getElementById("chat-typing");
  var emptyNote = section.querySelector(".chat-empty");
  var form = document.getElementById("chat-form");
  var textarea = form ? form.querySelector("textarea[name=body]") : null;

  var seen = new Set(); // message ids on the page
  var lastId = Number(section.dataset.chatLastId) || 0;
  var lastRead = lastId; // the server marked this one read when it rendered the page...
  var toldRead = 0; // ...but told no one: the first `read` frame after connecting does
  var names = new Map(); // member id -> first name, of the others
  var readers = new Map(); // member id -> how far they read (other participants; empty in the buurtkamer)
  var typists = new Map(); // member id -> the timer that ends their "typt…"
  var typingSentAt = 0;
  Array.prototype.forEach.call(thread.querySelectorAll("li[data-id]"), function (item) {
    seen.add(Number(item.dataset.id));
    var author = Number(item.dataset.author);
    if (author && author !== memberId) {
      names.set(author, item.querySelector(".message-meta strong").textContent);
    }
  });
  var readersData = document.getElementById("chat-readers");
  if (readersData) {
    JSON.parse(readersData.textContent).forEach(function (reader) {
      names.set(reader.member_id, reader.first_name);
      readers.set(reader.member_id, reader.last_read_id);
    });
  }

  var pending = new Map(); // clientId -> send frame without an ack yet; sent again after a reconnect
  var clientId = newClientId(); // the id of what is in the text box now
  var socket = null;
  var attempts = 0;
  var retryTimer = null;

  function newClientId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    // Older browsers: 16 random bytes in hex when crypto is there, otherwise time plus Math.random.
    if (window.crypto && window.crypto.getRandomValues) {
      var bytes = window.crypto.getRandomValues(new Uint8Array(16));
      return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  /* The socket */

  function connect() {
    clearTimeout(retryTimer);
    if (socket || navigator.onLine === false) {
      return; // already connected or connecting; when offline, the `online` event calls us again
    }
    var scheme = location.protocol === "https:" ? "wss:" : "ws:";
    var current = new WebSocket(scheme + "//" + location.host + "/ws/");
    socket = current;
    current.addEventListener("open", function () {
      attempts = 0;
      section.dataset.chatState = "open"; // for styling and the browser test; the words are in #chat-connection
      showConnection("");
      var resume = {};
      resume[String(conversationId)] = lastId;
      sendFrame({ type: "resume", conversations: resume });
      pending.forEach(sendFrame); // not acknowledged before the drop: the same client id is stored only once
      markRead();
    });
    current.addEventListener("message", function (event) {
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      handle(frame);
    });
    current.addEventListener("close", function () {
      if (socket === current) {
        socket = null;
        section.dataset.chatState = "closed";
        showConnection(words.offline);
        showPresence([]); // unknown until the server tells us again after the reconnect
        typists.forEach(function (timer) { clearTimeout(timer); });
        typists.clear();
        showTyping();
        retry();
      }
    });
  }

  function retry() {
    // 1, 2, 4, ... up to 30 seconds, with some spread so a restarted server is not hit by everyone at once
    var pause = Math.min(30000, 1000 * Math.pow(2, attempts)) * (0.75 + Math.random() / 2);
    attempts += 1;
    retryTimer = setTimeout(connect, pause);
  }

  function isOpen() {
    return socket !== null && socket.readyState === WebSocket.OPEN;
  }

  function sendFrame(frame) {
    if (isOpen()) {
      socket.send(JSON.stringify(frame));
    }
  }

  function handle(frame) {
    if (frame.conversation !== undefined && frame.conversation !== conversationId) {
      return; // another tab's conversation; this page only subscribes to its own, but be sure
    }
    if (frame.type === "message") {
      showMessage(frame);
    } else if (frame.type === "presence") {
      showPresence(frame.online || []);
    } else if (frame.type === "typing") {
      someoneTypes(frame.member);
    } else if (frame.type === "read") {
      readUpTo(frame.member, frame.id);
    } else if (frame.type === "hidden") {
      var gone = document.getElementById("bericht-" + frame.id); // hidden by the moderators
      if (gone) {
        gone.remove();
        showReadMark();
      }
    } else if (frame.type === "ack") {
      pending.delete(frame.clientId);
      if (frame.clientId === clientId && textarea) {
        textarea.value = "";
        clearError();
        clientId = newClientId();
      }
    } else if (frame.type === "error") {
      if (frame.clientId) {
        pending.delete(frame.clientId);
      }
      showError(frame.message || "");
    }
  }

  /* The list */

  function showMessage(frame) {
    if (seen.has(frame.id)) {
      return; // already on the page (rendered by the server, or delivered before a reconnect)
    }
    seen.add(frame.id);
    lastId = Math.max(lastId, frame.id);
    var own = frame.author && frame.author.id === memberId;

    var item = document.createElement("li");
    item.className = own ? "message message-own" : "message";
    item.id = "bericht-" + frame.id;
    item.dataset.id = String(frame.id);
    var meta = document.createElement("p");
    meta.className = "message-meta";
    var name = document.createElement("strong");
    name.textContent = own ? words.you : frame.author.firstName; // textContent: plain text, never HTML
    meta.appendChild(name);
    meta.appendChild(document.createTextNode(" · "));
    var time = document.createElement("time");
    time.dateTime = frame.at;
    time.textContent = when(frame.at);
    meta.appendChild(time);
    var body = document.createElement("p");
    body.className = "message-body";
    body.textContent = frame.body; // links stay text: nothing is fetched or previewed
    item.appendChild(meta);
    item.appendChild(body);
    if (!own) {
      // The same "Melden" link the server renders: a plain page, so it works like any other link.
      var report = document.createElement("p");
      report.className = "message-report";
      var link = document.createElement("a");
      link.href = "/berichten/" + conversationId + "/" + frame.id + "/melden/";
      link.textContent = words.report;
      var hiddenName = document.createElement("span");
      hiddenName.className = "visually-hidden";
      hiddenName.textContent = " " + words.reportWhose.replace("%s", frame.author.firstName);
      link.appendChild(hiddenName);
      report.appendChild(link);
      item.appendChild(report);
    }

    // Normally the newest comes last; a resumed older one goes before the first newer one.
    var later = Array.prototype.find.call(thread.children, function (other) {
      return Number(other.dataset.id) > frame.id;
    });
    thread.insertBefore(item, later || null);
    if (emptyNote) {
      emptyNote.hidden = true;
    }
    if (own) {
      item.scrollIntoView({ block: "nearest" });
      showReadMark();
    } else {
      names.set(frame.author.id, frame.author.firstName);
      stopsTyping(frame.author.id); // the message is what they were typing
      announce(words.newFrom.replace("%s", frame.author.firstName) + " " + frame.body);
      markRead();
    }
  }

  function when(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return "";
    }
    var lang = document.documentElement.lang || "nl";
    return date.toLocaleDateString(lang, { day: "numeric", month: "long" }) + ", " +
      date.toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
  }

  function markRead() {
    // Read means: on the screen of someone who is looking. A tab in the background or behind another window is not.
    if (document.visibilityState === "visible" && document.hasFocus()) {
      lastRead = Math.max(lastRead, lastId);
    }
    if (lastRead > toldRead && isOpen()) {
      toldRead = lastRead;
      sendFrame({ type: "read", conversation: conversationId, id: lastRead });
    }
  }

  /* Who is online, who is typing, who has read what */

  function nameList(ids) {
    return ids.map(function (id) { return names.get(id); }).join(", ");
  }

  function showPresence(online) {
    var others = online.filter(function (id) { return id !== memberId; });
    var allKnown = others.every(function (id) { return names.has(id); });
    var text = "";
    if (others.length && (inRoom || !allKnown)) {
      text = others.length === 1 ? words.countOne : words.countMany.replace("%s", String(others.length));
    } else if (others.length === 1) {
      text = words.onlineOne.replace("%s", names.get(others[0]));
    } else if (others.length > 1) {
      text = words.onlineMany.replace("%s", nameList(others));
    }
    presenceLine.textContent = text;
  }

  function someoneTypes(member) {
    if (member === memberId) {
      return; // our own frame, back from the server
    }
    clearTimeout(typists.get(member));
    typists.set(member, setTimeout(function () { stopsTyping(member); }, TYPING_SHOWN_FOR));
    showTyping();
  }

  function stopsTyping(member) {
    if (typists.has(member)) {
      clearTimeout(typists.get(member));
      typists.delete(member);
      showTyping();
    }
  }

  function showTyping() {
    var ids = Array.from(typists.keys());
    var text = "";
    if (ids.length > 1) {
      text = words.typingMany;
    } else if (ids.length === 1) {
      text = names.has(ids[0]) ? words.typingOne.replace("%s", names.get(ids[0])) : words.typingSomeone;
    }
    typingLine.textContent = text;
  }

  function readUpTo(member, id) {
    if (inRoom || member === memberId || typeof id !== "number") {
      return;
    }
    readers.set(member, Math.max(readers.get(member) || 0, id));
    showReadMark();
  }

  function showReadMark() {
    // The same rule as the template: under our newest message that someone has read, with who read that far.
    // In the buurtkamer `readers` stays empty (readUpTo), so no mark appears there.
    var furthest = 0;
    readers.forEach(function (readId) { furthest = Math.max(furthest, readId); });
    var target = null;
    Array.prototype.forEach.call(thread.querySelectorAll("li.message-own"), function (item) {
      if (Number(item.dataset.id) <= furthest) {
        target = item; // the list is in id order, so the last match is the newest
      }
    });
    Array.prototype.forEach.call(thread.querySelectorAll(".message-read"), function (mark) {
      if (mark.parentNode !== target) {
        mark.remove();
      }
    });
    if (!target) {
      return;
    }
    var targetId = Number(target.dataset.id);
    var who = Array.from(readers.keys()).filter(function (id) {
      return readers.get(id) >= targetId && names.has(id);
    }).sort(function (a, b) { return readers.get(b) - readers.get(a); });
    var mark = target.querySelector(".message-read");
    if (!mark) {
      mark = document.createElement("p");
      mark.className = "message-read";
      target.appendChild(mark);
    }
    mark.textContent = who.length ? words.readBy + " " + nameList(who) : words.read;
  }

  function announce(text) {
    // Emptied first, so the same words twice are read out twice.
    announcer.textContent = "";
    setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function showConnection(text) {
    connectionNote.textContent = text;
    connectionNote.hidden = !text;
  }

  /* The form */

  function errorElement() {
    var id = textarea.id + "_error";
    var element = document.getElementById(id);
    if (!element) {
      element = document.createElement("p");
      element.className = "error-message";
      element.id = id;
      textarea.parentNode.insertBefore(element, textarea);
    }
    return element;
  }

  function describedBy(add, id) {
    var ids = (textarea.getAttribute("aria-describedby") || "").split(" ").filter(function (x) {
      return x && x !== id;
    });
    if (add) {
      ids.push(id);
    }
    if (ids.length) {
      textarea.setAttribute("aria-describedby", ids.join(" "));
    } else {
      textarea.removeAttribute("aria-describedby");
    }
  }

  function showError(message) {
    if (!textarea) {
      showConnection(message);
      return;
    }
    var element = errorElement();
    element.textContent = message;
    textarea.closest(".field").classList.add("field-error");
    textarea.setAttribute("aria-invalid", "true");
    describedBy(true, element.id);
    announce(words.notSent + " " + message);
    textarea.focus();
  }

  function clearError() {
    var element = document.getElementById(textarea.id + "_error");
    if (element) {
      element.remove();
    }
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.remove();
    }
    textarea.closest(".field").classList.remove("field-error");
    textarea.removeAttribute("aria-invalid");
    describedBy(false, textarea.id + "_error");
  }

  if (form && textarea) {
    form.addEventListener("submit", function (event) {
      if (!isOpen()) {
        return; // no live connection: the form posts and the page reloads, as without JavaScript
      }
      event.preventDefault();
      var waiting = pending.get(clientId);
      if (waiting && waiting.body !== textarea.value) {
        clientId = newClientId(); // changed while the first try waits: this is a new message
      }
      var frame = { type: "send", conversation: conversationId, clientId: clientId, body: textarea.value };
      pending.set(clientId, frame);
      sendFrame(frame);
      typingSentAt = 0; // the next key starts the next message: say so at once
    });
    textarea.addEventListener("input", function () {
      // Typing, not clearing; and at most one frame every few seconds, however fast the keys go.
      var now = Date.now();
      if (textarea.value.trim() && now - typingSentAt >= TYPING_SENT_EVERY && isOpen()) {
        typingSentAt = now;
        sendFrame({ type: "typing", conversation: conversationId });
      }
    });
    textarea.addEventListener("keydown", function (event) {
      // Enter makes a new line; Ctrl+Enter (Cmd+Enter on a Mac) sends, like the button.
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        if (form.requestSubmit) {
          form.requestSubmit();
        } else {
          form.querySelector("[type=submit]").click();
        }
      }
    });
  }

  document.addEventListener("visibilitychange", markRead);
  window.addEventListener("focus", markRead);
  window.addEventListener("online", function () {
    attempts = 0;
    connect();
  });
  window.addEventListener("offline", function () {
    // The browser knows the network is gone; a socket may not notice for minutes. Close it and wait for `online`.
    if (socket) {
      socket.close();
    }
  });
  statusBlock.hidden = false; // its lines are empty until the socket tells who is online or typing
  connect();
})();
