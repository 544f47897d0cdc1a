// A short address's page: go to its target at once, keeping any #section of the link
// (the <meta http-equiv="refresh"> does the same without script, minus the section).
(function () {
  "use strict";
  var target = document.documentElement.getAttribute("data-sh-redirect");
  if (target) location.replace(target + location.hash);
})();
