/* "As at" date picker for the milestones and commitments registers (progressive
   enhancement). Without JavaScript, static pages per quarter end give the same view.
   Rules, as on the Data model page: the status as at a day is that of the latest
   self-reported update known by then ("no evidence" if none); overdue when the due
   period ended before the day and that status is not done, superseded or dropped. */
(function () {
  "use strict";
  var LABELS = {"planned": "Planned", "in-progress": "In progress", "done": "Done", "changed": "Changed",
    "superseded": "Superseded", "missed": "Missed", "dropped": "Dropped", "no-evidence": "No evidence"};
  var CLOSED = ["done", "superseded", "dropped"];
  function statusAt(facts, day) {
    var best = null;
    (facts.timeline || []).forEach(function (t) {
      if (t.voice === "self" && t.day && t.day <= day && (!best || t.day >= best.day)) best = t;
    });
    var status = best ? best.status : "no-evidence";
    var overdue = !!(facts.due_end && facts.due_end < day && CLOSED.indexOf(status) === -1);
    return {status: status, overdue: overdue};
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
          var facts = code && data.derived[code.textContent];
          if (!facts || !badge) return;
          var s = statusAt(facts, day);
          badge.className = "gr-badge gr-" + (s.overdue ? "overdue" : s.status);
          badge.textContent = LABELS[s.status] + (s.overdue ? " (overdue)" : "");
        });
        note.textContent = " Status shown as at " + day + ".";
      };
      if (data) { go(); return; }
      fetch(box.dataset.register).then(function (r) { return r.json(); }).then(function (d) { data = d; go(); });
    });
  }
  function init() {
    var boxes = document.querySelectorAll(".gr-asat");
    for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
