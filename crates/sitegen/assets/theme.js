// Runs before the first paint (a blocking script in <head>): applies the reader's stored theme so
// the page never flashes the wrong one, and marks the page as scripted so controls that need a
// script (search, the theme button, the contents button) show. It is a file, not inline, because
// the site's Content Security Policy allows no inline script. An embed follows its course page's
// `theme=` instead (the embed bundle reads the same option, and checks it the same way).
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  var t = null;
  var bundle = document.querySelector('meta[name="flowguide-bundle"]');
  try {
    t = bundle && bundle.content === "embed"
      ? new URLSearchParams(location.search).get("theme")
      : localStorage.getItem("flowguide-theme");
  } catch (e) {}
  if (t === "light" || t === "dark") root.setAttribute("data-theme", t);
})();
