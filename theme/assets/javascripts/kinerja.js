/* Open every collapsible block before printing, so the printout holds all notes and data tables. */
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
});
