/* In-page filter for register tables (progressive enhancement).
   Without JavaScript the same filtering is available as a page per status,
   place and owner. With it, every `.gr-filterable` block gets a text box that
   hides table rows not matching, and a live count for screen readers. */
(function () {
  "use strict";
  function setUp(block, n) {
    if (block.dataset.grReady) return;
    block.dataset.grReady = "1";
    var rows = Array.prototype.slice.call(block.querySelectorAll("tbody tr"));
    if (!rows.length) return;
    var wrap = document.createElement("div");
    wrap.className = "gr-filter";
    var id = "gr-filter-" + n;
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.textContent = "Filter this list";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.setAttribute("aria-describedby", id + "-count");
    var count = document.createElement("p");
    count.id = id + "-count";
    count.setAttribute("aria-live", "polite");
    count.textContent = rows.length + " shown";
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(count);
    block.parentNode.insertBefore(wrap, block);
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " shown";
    });
  }
  function init() {
    var blocks = document.querySelectorAll(".gr-filterable");
    for (var i = 0; i < blocks.length; i++) setUp(blocks[i], i);
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init); /* Material instant loading */
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
