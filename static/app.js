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
