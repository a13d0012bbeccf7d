// Client-side search and filters over the items page; no network, no dependencies.
(function () {
  var list = document.getElementById("all-items");
  if (!list) { return; }
  var search = document.getElementById("q");
  var fields = ["status", "owner", "track"];
  function apply() {
    // "words in a title": each word typed, anywhere in the title (not the badge, owner or track)
    var words = (search.value || "").toLowerCase().split(/\s+/).filter(Boolean);
    var chosen = {};
    fields.forEach(function (name) { chosen[name] = document.getElementById("f-" + name).value; });
    var shown = 0;
    Array.prototype.forEach.call(list.children, function (li) {
      var title = li.getAttribute("data-title") || "";
      var ok = words.every(function (word) { return title.indexOf(word) !== -1; });
      fields.forEach(function (name) {
        var want = chosen[name];
        if (want && (" " + li.getAttribute("data-" + name) + " ").indexOf(" " + want + " ") === -1) { ok = false; }
      });
      li.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.getElementById("count").textContent = shown + " shown";
  }
  document.getElementById("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  search.addEventListener("input", apply);
  fields.forEach(function (name) { document.getElementById("f-" + name).addEventListener("change", apply); });
  apply();
})();
// On a phone the header's row of pages scrolls sideways: a link that takes the focus there is
// brought wholly into view, clear of the row's faded edge (the browser stops at any part).
(function () {
  var nav = document.querySelector("header.site nav");
  if (!nav) { return; }
  nav.addEventListener("focusin", function (e) {
    e.target.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
  // The link of the page shown starts in view too, clear of the fade (the page itself is
  // not scrolled: it may have opened at an anchor further down).
  var current = nav.querySelector("[aria-current]");
  if (current) {
    var fade = parseFloat(getComputedStyle(nav).paddingRight) || 0;
    var over = current.getBoundingClientRect().right - (nav.getBoundingClientRect().right - fade);
    if (over > 0) { nav.scrollLeft += over; }
  }
})();
