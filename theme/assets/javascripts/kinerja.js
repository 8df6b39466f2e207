/* kinerja: the site's behaviours, in place of Material's JavaScript bundle (see theme/main.html).
   Without JavaScript every page still reads and navigates: the drawer and the search
   toggle are Material's checkbox and labels, tables scroll in their boxes.

   - the menu button: a real button (Enter, Space, state for screen readers) instead of
     Material's label (kinerja.css swaps them); opening it moves the focus into the drawer,
     Escape closes it and the focus returns to the button. The closed drawer of a narrow
     screen is hidden by kinerja.css, so the keyboard never walks through invisible links;
   - boxes that scroll sideways (wide tables and their wrappers) get a tab stop and a name,
     so a keyboard user can scroll them (WCAG 2.1.1), and only while they do scroll;
   - every collapsible block opens before printing. */
(function () {
  "use strict";
  document.documentElement.classList.add("kj-js"); /* set in the page's head already */

  /* ------------------------------------------------------------------ drawer */
  var drawer = document.getElementById("__drawer");
  var nav = document.querySelector(".md-sidebar--primary");
  var button = document.querySelector(".kj-menu");

  function syncDrawer() {
    if (button && drawer) button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  function setDrawer(open, focusInside) {
    if (!drawer) return;
    drawer.checked = open;
    syncDrawer();
    if (open && focusInside) {
      var first = nav && nav.querySelector("a[href], input, button");
      if (first) window.setTimeout(function () { first.focus(); }, 260); /* after the slide-in */
    }
  }

  if (drawer && nav) {
    if (!nav.id) nav.id = "kj-laci";
    if (button) {
      button.setAttribute("aria-controls", nav.id);
      button.addEventListener("click", function () { setDrawer(!drawer.checked, true); });
    }
    drawer.addEventListener("change", syncDrawer);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && drawer.checked) {
        setDrawer(false);
        if (button) button.focus();
      }
    });
    /* a link inside the page (#section) closes the drawer, as Material's script did */
    nav.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a[href]");
      if (a && drawer.checked && a.getAttribute("href").charAt(0) === "#") setDrawer(false);
    });
    syncDrawer();
  }

  /* ------------------------------------------------------------------ scrolling boxes */
  var scrollers = Array.prototype.slice.call(
    document.querySelectorAll(".md-typeset table, .md-typeset .md-typeset__scrollwrap, .md-typeset [class^='kj-tabel'], .md-typeset .kj-gulir, .md-typeset pre > code")
  );

  function nameOf(box) {
    var caption = box.querySelector("caption");
    var text = caption ? caption.textContent.trim() : "";
    return text ? "Tabel (geser ke samping): " + text : "Tabel, geser ke samping";
  }

  function sync(box) {
    var overflow = getComputedStyle(box).overflowX;
    var scrolls = (overflow === "auto" || overflow === "scroll") && box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("data-kj-gulir", "");
      if (box.tagName === "DIV" && !box.hasAttribute("role")) box.setAttribute("role", "region");
      if (box.tagName === "DIV" && !box.hasAttribute("aria-label")) box.setAttribute("aria-label", nameOf(box));
    } else if (!scrolls && box.hasAttribute("data-kj-gulir")) {
      box.removeAttribute("tabindex");
      box.removeAttribute("data-kj-gulir");
    }
  }

  /* Measured when the browser lays the boxes out anyway (ResizeObserver): reading their
     widths right away would force an extra layout of the whole page, a second of a slow
     phone's time on the Daftar Informasi Publik. */
  if (scrollers.length && window.ResizeObserver) {
    var watch = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { sync(entry.target); });
    });
    scrollers.forEach(function (box) { watch.observe(box); });
  } else {
    scrollers.forEach(sync);
  }

  /* ------------------------------------------------------------------ print */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
