/* Search across every regional site (the portal's cari/ page, generator/nasional/pages.py).

   The portal's own Pagefind bundle is loaded on the first search, then each regional
   site's index is merged into it (Pagefind multisite search, mergeIndex): every region
   keeps its own index, and the browser fetches from a region only the small entry file,
   its metadata and the index chunks and fragments the query touches. A region that does
   not answer (down, or without CORS headers) is left out and named; the others are still
   searched. Everything comes from the portal or the regional sites themselves. */
(function () {
  "use strict";
  var box = document.querySelector(".kj-nasional-cari");
  if (!box) return;
  var form = box.querySelector("form");
  var input = box.querySelector("input");
  var status = box.querySelector(".kj-nasional-status");
  var list = box.querySelector(".kj-nasional-hasil");
  var akar = new URL((box.getAttribute("data-kj-akar") || ".").replace(/\/?$/, "/"), window.location.href);
  var indeks = [];
  try { indeks = JSON.parse(box.getAttribute("data-kj-indeks") || "[]"); } catch (e) { indeks = []; }
  var SHOWN = 10;
  var pagefind = null;
  var gagal = [];
  var seq = 0;
  var timer = null;

  function merge(pf, x) {
    /* A merged index that fails to load would break every search: ask for its entry file first. */
    return fetch(x.url + "pagefind-entry.json", { mode: "cors", credentials: "omit" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return pf.mergeIndex(x.url);
    }).catch(function () { gagal.push(x.nama); });
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", akar).href).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: akar.pathname, excerptLength: 24 })).then(function () {
          return Promise.all(indeks.map(function (x) { return merge(pf, x); }));
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function region(url) {
    var abs = new URL(url, window.location.href).href;
    for (var i = 0; i < indeks.length; i++) if (abs.indexOf(new URL(indeks[i].situs, window.location.href).href) === 0) return indeks[i].nama;
    return "Portal";
  }

  function item(data) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = data.url;
    var h = document.createElement("strong");
    h.textContent = (data.meta && data.meta.title) || data.url;
    a.appendChild(h);
    li.appendChild(a);
    var where = document.createElement("div");
    where.className = "kj-kecil";
    where.textContent = region(data.url) + (data.meta && data.meta.subjudul ? " · " + data.meta.subjudul : "");
    li.appendChild(where);
    var p = document.createElement("p");
    /* Pagefind escapes the page text; only <mark> is markup */
    p.innerHTML = (data.excerpt || "").replace(/\u00b6/g, "").replace(/\s+/g, " ").trim();
    li.appendChild(p);
    return li;
  }

  function search(q) {
    var mine = ++seq;
    list.textContent = "";
    if (q.trim().length < 2) { status.textContent = "Ketik kata yang dicari."; return; }
    status.textContent = "Mencari di " + indeks.length + " situs wilayah…";
    load().then(function (pf) { return pf.search(q); }).then(function (res) {
      if (mine !== seq) return;
      var n = res.results.length;
      var note = gagal.length ? " Tidak dapat dihubungi: " + gagal.join(", ") + "." : "";
      status.textContent = (n === 0 ? "Tidak ada hasil." : n + " hasil" + (n > SHOWN ? ", " + SHOWN + " teratas ditampilkan." : ".")) + note;
      var top = res.results.slice(0, SHOWN);
      var slots = top.map(function () { var s = document.createElement("li"); s.hidden = true; list.appendChild(s); return s; });
      function show(i) {
        return top[i].data().then(function (data) { if (mine === seq) list.replaceChild(item(data), slots[i]); });
      }
      if (top.length) show(0).then(function () { if (mine === seq) for (var i = 1; i < top.length; i++) show(i); });
    }).catch(function (err) {
      if (mine === seq) status.textContent = "Pencarian tidak dapat dimuat.";
      if (window.console) console.warn("kinerja nasional: pencarian", err);
    });
  }

  /* every result's data, for tests and benchmarks (tests/test_nasional.py) */
  window.kjNasional = {
    cari: function (q) {
      return load().then(function (pf) { return pf.search(q); }).then(function (res) {
        return Promise.all(res.results.map(function (r) { return r.data(); }));
      });
    },
    gagal: gagal
  };

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value;
    timer = setTimeout(function () { search(q); }, 200);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); search(input.value); });
  var asked = null;
  try { asked = new URLSearchParams(window.location.search).get("kata"); } catch (e) { asked = null; }
  if (asked) { input.value = asked.slice(0, 200); search(input.value); }
})();
