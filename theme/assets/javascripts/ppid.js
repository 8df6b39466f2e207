/* PPID pages (self-hosted, no dependencies). Without JavaScript every page works: the
   Daftar Informasi Publik shows all rows grouped by class and kind, forms print blank.
   With it: a text filter and class/kind selects on the DIP (kept in the address as
   ?cari=&kelas=&jenis= so a filtered view can be shared), the DIP number of ?dip=
   shown on the procedure and form pages, and a print button on the forms. */
(function () {
  "use strict";

  function params() {
    try { return new URLSearchParams(window.location.search); } catch (e) { return null; }
  }

  function plain(text) {
    return (text || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  /* ---------------------------------------------------------------- DIP filter */
  var form = document.querySelector("form[data-dip-saring]");
  if (form) {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".kj-dip tr[data-kelas]"));
    var texts = null; /* read on the first filter, not while the page loads */
    var groups = Array.prototype.slice.call(document.querySelectorAll(".kj-dip tbody[data-grup]"));
    var text = form.querySelector("[data-saring-teks]");
    var kelas = form.querySelector("[data-saring-kelas]");
    var jenis = form.querySelector("[data-saring-jenis]");
    var result = form.querySelector("[data-saring-hasil]");
    var empty = document.querySelector("[data-saring-kosong]");

    var apply = function () {
      var words = plain(text.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      if (!texts) { texts = rows.map(function (r) { return plain(r.textContent); }); }
      rows.forEach(function (row, i) {
        var ok = (!kelas.value || row.getAttribute("data-kelas") === kelas.value) &&
                 (!jenis.value || row.getAttribute("data-jenis") === jenis.value) &&
                 words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        if (row.hidden === ok) { row.hidden = !ok; } /* touch only the rows that change */
        if (ok) { shown += 1; }
      });
      groups.forEach(function (g) {
        var none = !g.querySelector("tr[data-kelas]:not([hidden])");
        if (g.hidden !== none) { g.hidden = none; }
      });
      result.textContent = shown === rows.length
        ? "Menampilkan semua " + rows.length + " entri."
        : "Menampilkan " + shown + " dari " + rows.length + " entri.";
      if (empty) { empty.hidden = shown !== 0; }
      if (window.history && window.history.replaceState) {
        var p = new URLSearchParams();
        if (text.value) { p.set("cari", text.value); }
        if (kelas.value) { p.set("kelas", kelas.value); }
        if (jenis.value) { p.set("jenis", jenis.value); }
        var query = p.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    };

    var start = params();
    if (start) {
      text.value = start.get("cari") || "";
      [[kelas, "kelas"], [jenis, "jenis"]].forEach(function (pair) {
        var value = start.get(pair[1]);
        if (value && pair[0].querySelector('option[value="' + value.replace(/[^a-z_]/g, "") + '"]')) { pair[0].value = value; }
      });
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    var clear = document.querySelector("[data-saring-hapus]");
    if (clear) { clear.addEventListener("click", function (e) { e.preventDefault(); form.reset(); }); }
    form.hidden = false;
    /* the page comes with every row shown: nothing to do until a filter is set (a phone
       spent seconds here re-laying out hundreds of rows for nothing) */
    if (text.value || kelas.value || jenis.value) { apply(); } else { result.textContent = "Menampilkan semua " + rows.length + " entri."; }
    /* a permalink (#entry) always shows its row, whatever the saved filter */
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target && target.hidden) { form.reset(); window.setTimeout(function () { target.scrollIntoView(); }, 0); }
  }

  /* ---------------------------------------------------------------- ?dip= on procedure and form pages */
  var q = params();
  var dip = q && q.get("dip");
  if (dip) {
    dip = dip.slice(0, 200);
    document.querySelectorAll("[data-dip-isi]").forEach(function (el) { el.textContent = dip; });
    document.querySelectorAll("[data-dip-kotak]").forEach(function (el) { el.hidden = false; });
    document.querySelectorAll("a[data-dip-bawa]").forEach(function (a) {
      a.setAttribute("href", a.getAttribute("href").split("?")[0] + "?dip=" + encodeURIComponent(dip));
    });
  }

  /* ---------------------------------------------------------------- print buttons */
  document.querySelectorAll("[data-cetak]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
