/* "As at" date picker for the milestones and commitments registers (progressive
   enhancement). Without JavaScript, static pages per quarter end give the same view.
   It has no status rule of its own: data/status.json gives each record's status as a
   step function of the date, computed by the same code as every page, so the picker
   only looks the chosen day up (the last step starting on or before it). */
(function () {
  "use strict";
  function stepAt(steps, day) {
    var found = null;
    for (var i = 0; i < steps.length; i++) {
      if (steps[i].from === null || steps[i].from <= day) found = steps[i];
      else break;
    }
    return found;
  }
  function setUp(box) {
    if (box.dataset.grReady) return;
    box.dataset.grReady = "1";
    var label = document.createElement("label");
    label.setAttribute("for", "gr-asat");
    label.textContent = "Show status as at ";
    var input = document.createElement("input");
    input.type = "date";
    input.id = "gr-asat";
    input.value = box.dataset.asOf;
    var note = document.createElement("span");
    note.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(note);
    var data = null;
    input.addEventListener("change", function () {
      var day = input.value;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
      var go = function () {
        var rows = document.querySelectorAll(".gr-filterable tbody tr");
        rows.forEach(function (row) {
          var code = row.querySelector("td code");
          var badge = row.querySelector(".gr-badge");
          var steps = code && data.records[code.textContent];
          if (!steps || !badge) return;
          var s = stepAt(steps, day);
          badge.className = "gr-badge gr-" + s.filter;
          badge.textContent = s.label;
        });
        note.textContent = " Status shown as at " + day + ".";
      };
      if (data) { go(); return; }
      fetch(box.dataset.status).then(function (r) { return r.json(); }).then(function (d) { data = d; go(); });
    });
  }
  function init() {
    var boxes = document.querySelectorAll(".gr-asat");
    for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
