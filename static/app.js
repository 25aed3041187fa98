// EventGaraget — progressive enhancement only. Every page works without this file.
(function () {
  "use strict";
  // Move focus to the main content after following the skip link, for screen readers.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.skip-link");
    if (!link) return;
    var main = document.getElementById("main");
    if (main) main.focus();
  });
})();

// Signature pad: a canvas for drawing a signature with mouse, touch or pen (pointer events).
// The form works without it (typed signature); with it, the strokes go in the hidden `strokes`
// field as [[{x, y}, …], …] with coordinates from 0 to 1, and `method` becomes "drawn".
(function () {
  "use strict";
  var pad = document.querySelector("[data-signature-pad]");
  if (!pad || !window.PointerEvent) return;
  var form = pad.closest("form");
  var strokesInput = form.querySelector("input[name=strokes]");
  var methodInput = form.querySelector("input[name=method]");
  var canvas = document.createElement("canvas");
  canvas.className = "signature-canvas";
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", pad.getAttribute("data-canvas-label") || "");
  var tools = document.createElement("div");
  tools.className = "signature-tools";
  function button(label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button secondary";
    b.textContent = label;
    b.addEventListener("click", action);
    tools.appendChild(b);
  }
  pad.appendChild(canvas);
  pad.appendChild(tools);
  pad.hidden = false;

  var strokes = [];
  var current = null;
  var ctx = canvas.getContext("2d");

  function resize() {
    var ratio = window.devicePixelRatio || 1;
    var rect = canvas.getBoundingClientRect();
    canvas.width = Math.round(rect.width * ratio);
    canvas.height = Math.round(rect.height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    draw();
  }
  function draw() {
    var rect = canvas.getBoundingClientRect();
    ctx.clearRect(0, 0, rect.width, rect.height);
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#1d3f8f";
    strokes.forEach(function (stroke) {
      ctx.beginPath();
      stroke.forEach(function (p, i) {
        var x = p.x * rect.width, y = p.y * rect.height;
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      });
      if (stroke.length === 1) ctx.lineTo(stroke[0].x * rect.width + 0.1, stroke[0].y * rect.height);
      ctx.stroke();
    });
  }
  function point(event) {
    var rect = canvas.getBoundingClientRect();
    var x = (event.clientX - rect.left) / rect.width, y = (event.clientY - rect.top) / rect.height;
    return { x: Math.min(1, Math.max(0, Math.round(x * 10000) / 10000)), y: Math.min(1, Math.max(0, Math.round(y * 10000) / 10000)) };
  }
  function sync() {
    var drawn = strokes.length > 0;
    strokesInput.value = drawn ? JSON.stringify(strokes) : "";
    methodInput.value = drawn ? "drawn" : "typed";
  }
  canvas.addEventListener("pointerdown", function (event) {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    current = [point(event)];
    strokes.push(current);
    draw();
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!current) return;
    event.preventDefault();
    var events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
    events.forEach(function (e) { current.push(point(e)); });
    draw();
  });
  function end() { if (current) { current = null; sync(); } }
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);
  button(pad.getAttribute("data-undo-label") || "Undo", function () { strokes.pop(); draw(); sync(); });
  button(pad.getAttribute("data-clear-label") || "Clear", function () { strokes = []; draw(); sync(); });
  window.addEventListener("resize", resize);
  resize();
})();

// Quotation editor: totals and availability as you type. The form works without this (the
// "Recalculate" button posts action=preview and the server answers with the whole page); with
// it, the same request goes in the background after a pause in typing, and only the totals, the
// line amounts and the stock cells are taken from the answer. Nothing is saved by it.
(function () {
  "use strict";
  var preview = document.querySelector("button[data-preview]");
  if (!preview || !window.fetch || !window.DOMParser || !window.FormData) return;
  var form = preview.form;
  var timer = null;
  var sequence = 0;
  function swap(next, selector) {
    var fresh = next.querySelectorAll(selector);
    var current = document.querySelectorAll(selector);
    if (fresh.length !== current.length) return false;
    for (var i = 0; i < current.length; i++) current[i].innerHTML = fresh[i].innerHTML;
    return true;
  }
  function refresh() {
    var mine = ++sequence;
    var data = new FormData(form);
    data.set("action", "preview");
    // getAttribute: `form.action` would be the buttons named "action".
    fetch(form.getAttribute("action"), { method: "POST", body: new URLSearchParams(data), credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (mine !== sequence) return;  // an older answer arriving late
        var next = new DOMParser().parseFromString(html, "text/html");
        if (!next.getElementById("quotation-totals")) return;
        swap(next, "#quotation-totals");
        swap(next, "[data-line-total]");
        swap(next, "[data-line-stock]");
      })
      .catch(function () { /* offline or a server error: the buttons still work */ });
  }
  form.addEventListener("input", function (event) {
    var name = event.target && event.target.name;
    if (!name || name === "customer_q" || name === "new_item" || name === "new_quantity") return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();

// Quotation forms: Enter in the customer search field searches (not saves or creates).
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || !field || field.name !== "customer_q" || !field.form) return;
    var search = field.form.querySelector("button[name=action][value=find_customer]:not(.default-submit)");
    if (!search) return;
    event.preventDefault();
    search.click();
  });
})();

// Live pages: a staff page with data-live listens (EventSource, held by nginx's nchan) and, when
// something changes, fetches itself again and swaps in the new <main>. Not while the member is
// typing in a form on it (their input would be lost), and at most once a second; the refresh says
// so (X-EG-Live), so it does not keep an idle session alive. Without
// JavaScript, or without the stream, the page is simply as it was loaded.
(function () {
  "use strict";
  var url = document.body && document.body.getAttribute("data-live");
  if (!url || !window.EventSource || !window.fetch || !window.DOMParser) return;
  var dirty = false;
  document.addEventListener("input", function (event) {
    if (event.target.closest && event.target.closest("main form")) dirty = true;
  });
  var pending = null;
  var last = 0;
  function refresh() {
    pending = null;
    var active = document.activeElement;
    if (dirty || (active && active.closest && active.closest("main form"))) return;
    last = Date.now();
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html", "X-EG-Live": "1" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main");
        var main = document.querySelector("main");
        if (fresh && main && fresh.innerHTML !== main.innerHTML) {
          main.innerHTML = fresh.innerHTML;
          document.body.setAttribute("data-live-updated", String(Date.now()));
        }
      })
      .catch(function () {});
  }
  var source = new EventSource(url);
  source.onopen = function () { document.body.setAttribute("data-live-open", "1"); };
  source.onmessage = function () {
    if (pending) return;
    pending = setTimeout(refresh, Math.max(0, 1000 - (Date.now() - last)));
  };
})();

// Forms (task pages, the builder's preview, the portal): a field shown only when another field
// has a value carries data-when-field / data-when-value; it is hidden until then, and a field
// whose condition's field is hidden is hidden too. Without this the fields show with their
// condition in words, and the server ignores the ones whose condition is not met.
(function () {
  "use strict";
  function values(root, name) {
    var out = [];
    Array.prototype.forEach.call(root.querySelectorAll("input, textarea, select"), function (el) {
      if (el.name !== name || el.type === "file") return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      out.push(el.value.trim());
    });
    return out;
  }
  function update(root) {
    var visible = {};
    Array.prototype.forEach.call(root.querySelectorAll("[data-field]"), function (wrapper) {
      var key = wrapper.getAttribute("data-field");
      var on = wrapper.getAttribute("data-when-field");
      var shown = true;
      if (on) {
        shown = visible[on] !== false && values(root, on).indexOf(wrapper.getAttribute("data-when-value")) >= 0;
      }
      visible[key] = shown;
      wrapper.hidden = !shown;
    });
  }
  window.egConditionalForms = function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-conditional-form]"), function (root) {
      if (!root.egWatched) {
        root.egWatched = true;
        root.addEventListener("change", function () { update(root); });
        root.addEventListener("input", function () { update(root); });
      }
      update(root);
    });
  };
  window.egConditionalForms();
})();

// The form builder: the preview follows what is typed (the same server rendering the "Refresh
// the preview" button gives, fetched in the background).
(function () {
  "use strict";
  var builder = document.querySelector("[data-form-builder]");
  if (!builder || !window.fetch || !window.FormData) return;
  var form = builder.querySelector("form");
  var preview = builder.querySelector("#preview .task-form");
  if (!form || !preview) return;
  var timer = null;
  function refresh() {
    var data = new FormData(form);
    data.set("op", "preview");
    fetch(form.action, { method: "POST", body: data, headers: { "X-Preview": "1" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.firstElementChild;
        if (!fresh) return;
        preview.replaceWith(fresh);
        preview = fresh;
        window.egConditionalForms();
      })
      .catch(function () {});
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
