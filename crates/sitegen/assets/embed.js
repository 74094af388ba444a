/* Flowguide's embed script (docs/embedding.md). On a course page:
     <div data-flowguide="sandbox"></div>
     <script src="https://SITE/embed.js" async></script>
   Each div becomes an iframe with a title, loaded lazily, whose height follows its content, and
   each message the frame posts is dispatched on the div as a DOM event of the same name
   (flowguide:ready, flowguide:resize, flowguide:feedback, flowguide:completed, flowguide:answered),
   with the message as event.detail. It reads messages only from the Flowguide origin it was
   loaded from, and only from its own frames. No dependencies. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL(".", script.src);
  var origin = base.origin;
  var WHAT = /^(sandbox|classify|diagram|exercise\/[a-z0-9][a-z0-9-]{0,63}|exercise\/link)$/;
  var OPTIONS = ["theme", "panels", "readonly", "preset", "lang", "save", "course", "learner"];
  var TITLES = { sandbox: "Flowguide workflow sandbox", classify: "Flowguide classification drill", diagram: "Flowguide workflow diagram", exercise: "Flowguide exercise" };
  var frames = [];
  var count = 0;

  function mount(div) {
    if (div.getAttribute("data-flowguide-mounted") !== null) return;
    var what = (div.getAttribute("data-flowguide") || "").trim();
    if (!WHAT.test(what)) {
      if (window.console) console.warn("Flowguide: data-flowguide=\"" + what + "\" is not something Flowguide can embed (sandbox, classify, diagram or exercise/ID).");
      return;
    }
    div.setAttribute("data-flowguide-mounted", "");
    var url = new URL("embed/" + what, base);
    for (var i = 0; i < OPTIONS.length; i++) {
      var v = div.getAttribute("data-" + OPTIONS[i]);
      if (v !== null) url.searchParams.set(OPTIONS[i], v);
    }
    count += 1;
    var id = div.id || "flowguide-" + count;
    url.searchParams.set("frame", id.replace(/[^A-Za-z0-9_.:-]/g, "-").slice(0, 64));
    url.searchParams.set("page", location.pathname.slice(0, 512));
    url.searchParams.set("origin", location.origin);
    // A workflow to show (a diagram, or a sandbox's start) travels in the fragment, as in share links.
    var link = div.getAttribute("data-workflow");
    if (link && /^w[0-9]+\.[A-Za-z0-9_-]+$/.test(link)) url.hash = link;
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = div.getAttribute("data-title") || TITLES[what.split("/")[0]];
    frame.loading = "lazy";
    frame.setAttribute("allow", "clipboard-write");
    frame.style.cssText = "display:block;width:100%;border:0;overflow:hidden;height:" + (parseInt(div.getAttribute("data-height"), 10) || 480) + "px";
    frame.addEventListener("load", function () {
      // Tells the frame a script is listening; it answers with ready and its height.
      frame.contentWindow.postMessage({ type: "flowguide:hello", version: 1 }, origin);
    });
    frames.push({ frame: frame, div: div });
    div.appendChild(frame);
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== origin) return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (e.source !== f.frame.contentWindow) continue;
      var m = e.data;
      if (!m || typeof m !== "object" || typeof m.type !== "string" || m.type.indexOf("flowguide:") !== 0 || m.version !== 1) return;
      if (m.type === "flowguide:resize" && typeof m.height === "number" && m.height >= 0 && m.height < 1e6) {
        f.frame.style.height = Math.ceil(m.height) + "px";
      }
      f.div.dispatchEvent(new CustomEvent(m.type, { detail: m, bubbles: true }));
      return;
    }
  });

  function scan() {
    var list = document.querySelectorAll("[data-flowguide]");
    for (var i = 0; i < list.length; i++) mount(list[i]);
  }
  scan();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  // Divs added later (a course page that renders late) are mounted too.
  if (window.MutationObserver) new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
})();
