// Runs before the first paint (a blocking script in <head>): applies the reader's stored theme so
// the page never flashes the wrong one, and marks the page as scripted so controls that need a
// script (search, the theme button, the contents button) show. It is a file, not inline, because
// the site's Content Security Policy allows no inline script.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var t = localStorage.getItem("flowguide-theme");
    if (t === "light" || t === "dark") root.setAttribute("data-theme", t);
  } catch (e) {}
})();
