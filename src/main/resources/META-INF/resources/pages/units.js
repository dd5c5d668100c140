// /units: every unit met in an audit.
"use strict";
(async () => {
  const { $, el, json, fmtScore, grade } = Site;
  let units = [];
  function render() {
    const f = $("filter").value.trim();
    const shown = units.filter(u => !f || u.unit.includes(f));
    $("units").tBodies[0].replaceChildren(...(shown.length ? shown.map(u => el("tr", {},
      el("td", {}, el("a", { href: "/units/" + encodeURIComponent(u.unit) }, u.unit)),
      el("td", { class: "num" }, u.reports),
      el("td", {}, (u.years || []).join("、") || "—"),
      el("td", { class: "num" }, fmtScore(u.latestScore)),
      el("td", {}, grade(u.latestGrade))))
      : [el("tr", {}, el("td", { colspan: "5", class: "empty" }, units.length ? "没有符合条件的单位。" : "还没有审核过的单位。"))]));
  }
  $("filter").addEventListener("input", render);
  try { units = await json("/api/units"); render(); }
  catch (e) { $("units").tBodies[0].replaceChildren(el("tr", {}, el("td", { colspan: "5", class: "empty" }, e.message))); }
})();
