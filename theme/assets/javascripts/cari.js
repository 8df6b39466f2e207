/* Header search over the Pagefind index (see theme/partials/cari.html).
   Pagefind loads lazily on the first keystroke: pagefind.js, its WebAssembly, the
   Indonesian index chunks the query needs and the fragments of the results shown.

   Pagefind's Indonesian (Snowball) stemmer drops the pe-/me- prefix without restoring the
   consonant that the nasal replaced: "penempatan" becomes "empat" while "ditempatkan"
   becomes "tempat", so the two never meet. `varian` adds the other form of such a word
   (penempatan → tempatan; ditempatkan → penempatan) and the results of all forms are
   merged. tests/test_search.py checks this on the built site.

   A result shows the page's title and, on its own line, the holder or the agency (Pagefind
   metadata "title" and "subjudul" from theme/main.html), and a clean excerpt. The panel
   closes when the focus leaves it (Tab past the results), so a phone never keeps a blank
   full-screen panel; the 404 page's form and a ?q= address open it with their query. */
(function () {
  "use strict";
  var box = document.querySelector(".kj-cari");
  if (!box) return;
  var input = box.querySelector("input.md-search__input");
  var form = box.querySelector("form");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var akar = box.getAttribute("data-kj-akar") || ".";
  var root = new URL(akar.replace(/\/?$/, "/"), window.location.href);
  var SHOWN = 8;
  var pagefind = null;
  var seq = 0;
  var timer = null;

  function open(on) {
    if (toggle && toggle.checked !== on) {
      toggle.checked = on;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        /* noWorker: the search runs on this page, so pagefind-worker.js (12 KB gzip) is
           not downloaded before the first result (a search takes milliseconds here) */
        pf.options({ baseUrl: root.pathname, excerptLength: 24, noWorker: true });
        pf.init();
        return pf;
      });
    }
    return pagefind;
  }

  /* Nasal prefixes of Indonesian: pe-/me- + nasal replace the first consonant of the root. */
  var NASAL = [["peny", "s"], ["meny", "s"], ["peng", "k"], ["meng", "k"], ["pem", "p"], ["mem", "p"], ["pen", "t"], ["men", "t"]];
  var DARI_AKAR = { t: "pen", p: "pem", k: "peng", s: "peny" };

  function varian(kata) {
    var out = [];
    NASAL.forEach(function (n) {
      if (kata.indexOf(n[0]) === 0 && /^[aiueo]/.test(kata.slice(n[0].length))) out.push(n[1] + kata.slice(n[0].length));
    });
    var m = /^(?:di|ter)([tpks])([a-z]{3,}?)(?:kan|an|i)?$/.exec(kata);
    if (m) out.push(DARI_AKAR[m[1]] + m[2] + "an");
    return out;
  }

  function queries(q) {
    var words = q.toLowerCase().split(/\s+/).filter(Boolean);
    var all = [words];
    words.forEach(function (w, i) {
      varian(w).forEach(function (v) {
        all.slice().forEach(function (ws) {
          if (all.length < 4) { var c = ws.slice(); c[i] = v; all.push(c); }
        });
      });
    });
    return all.map(function (ws) { return ws.join(" "); });
  }

  /* Every result of every form of the query, best first, each page once. */
  function cari(q) {
    return load().then(function (pf) {
      return Promise.all(queries(q).map(function (x) { return pf.search(x); }));
    }).then(function (sets) {
      var seen = {};
      var merged = [];
      sets.forEach(function (set) {
        set.results.forEach(function (r) {
          if (!seen[r.id] || seen[r.id].score < r.score) {
            if (!seen[r.id]) merged.push(r);
            else merged[merged.indexOf(seen[r.id])] = r;
            seen[r.id] = r;
          }
        });
      });
      merged.sort(function (a, b) { return b.score - a.score; });
      return merged;
    });
  }
  window.kjCari = { cari: cari, varian: varian };

  /* Pagefind's excerpt is the page's text, escaped, with <mark> around the words found;
     the heading permalinks (¶) and runs of blanks are noise there. */
  function excerpt(html) {
    return (html || "").replace(/\u00b6/g, "").replace(/\s+/g, " ").trim();
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var h = document.createElement("h1");
    h.textContent = (data.meta && data.meta.title) || data.url;
    article.appendChild(h);
    if (data.meta && data.meta.subjudul) {
      var sub = document.createElement("p");
      sub.className = "kj-cari-sub";
      sub.textContent = data.meta.subjudul;
      article.appendChild(sub);
    }
    var p = document.createElement("p");
    p.innerHTML = excerpt(data.excerpt); /* Pagefind escapes the page text; only <mark> is markup */
    article.appendChild(p);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function later(fn) {
    if (window.requestAnimationFrame) requestAnimationFrame(function () { setTimeout(fn, 0); });
    else setTimeout(fn, 0);
  }

  function search(q) {
    var mine = ++seq;
    if (q.trim().length < 2) {
      list.textContent = "";
      meta.textContent = "Ketik kata yang dicari";
      return;
    }
    meta.textContent = "Mencari…";
    cari(q).then(function (results) {
      if (mine !== seq) return;
      list.textContent = "";
      var n = results.length;
      meta.textContent = n === 0 ? "Tidak ada hasil" : n === 1 ? "1 hasil" : n + " hasil" + (n > SHOWN ? ", " + SHOWN + " teratas ditampilkan" : "");
      var top = results.slice(0, SHOWN);
      var slots = top.map(function () {
        var slot = document.createElement("li");
        slot.hidden = true;
        list.appendChild(slot);
        return slot;
      });
      function show(i) {
        return top[i].data().then(function (data) {
          if (mine !== seq) return;
          list.replaceChild(item(data), slots[i]);
          /* when the first result is on screen: benchmarks count the bytes fetched before it */
          if (i === 0 && window.performance && performance.mark) performance.mark("kj-cari-hasil-pertama");
        });
      }
      /* the best result first, alone: it appears sooner and costs one fragment; the
         other fragments are asked for once it is on screen (after the next frame) */
      if (top.length) show(0).then(function () {
        later(function () {
          if (mine === seq) for (var i = 1; i < top.length; i++) show(i);
        });
      });
    }).catch(function (err) {
      if (mine === seq) meta.textContent = "Pencarian tidak dapat dimuat";
      if (window.console) console.warn("kinerja: pencarian", err);
    });
  }

  input.addEventListener("focus", function () { open(true); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value;
    timer = setTimeout(function () { search(q); }, 120);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(""); input.focus(); }, 0);
  });
  document.addEventListener("keydown", function (e) {
    var inField = /^(INPUT|TEXTAREA|SELECT)$/.test((e.target && e.target.tagName) || "");
    if (e.key === "Escape" && toggle && toggle.checked) {
      open(false);
      input.blur();
    } else if (!inField && (e.key === "/" || e.key === "s" || e.key === "f") && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      input.focus();
    }
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      /* opened by its button: the field takes the focus (not when the focus is in the box already) */
      if (toggle.checked && !box.contains(document.activeElement)) {
        setTimeout(function () { if (!box.contains(document.activeElement)) input.focus(); }, 50);
      }
    });
  }
  /* focus moved out of the search box (Tab past the last result, or elsewhere): close it */
  box.addEventListener("focusout", function (e) {
    var to = e.relatedTarget;
    if (to && !box.contains(to)) open(false);
  });

  function start(q) {
    input.value = q;
    open(true);
    input.focus();
    search(q);
  }
  var form404 = document.querySelector("form[data-kj-cari-404]");
  if (form404) {
    form404.addEventListener("submit", function (e) {
      e.preventDefault();
      start(form404.querySelector("input").value);
    });
  }
  var asked = null;
  try { asked = new URLSearchParams(window.location.search).get("q"); } catch (e) { asked = null; }
  if (asked) start(asked.slice(0, 200));
})();
