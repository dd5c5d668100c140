// /units/{name}: one unit's scores across years (line chart) and every item's status per year.
"use strict";
(async () => {
  const { $, el, json, fmtScore, grade, chip, chart, fmtTime } = Site;
  const name = $("main").dataset.unit;
  let h;
  try { h = await json("/api/units/" + encodeURIComponent(name) + "/history"); }
  catch (e) { $("page-error").textContent = e.message; $("page-error").hidden = false; $("unit-meta").textContent = ""; return; }
  $("unit-name").textContent = h.unit;
  $("unit-meta").textContent = h.years.length + " 次体检" + (h.namesAsWritten && h.namesAsWritten.length ? " · 报告中的写法：" + h.namesAsWritten.join("、") : "");
  const years = [...h.years].sort((a, b) => (a.year || 0) - (b.year || 0));
  chart($("chart-trend"), {
    grid: { left: 44, right: 56, top: 36, bottom: 32 },
    xAxis: { type: "category", data: years.map(y => String(y.year ?? "未知")), boundaryGap: false },
    yAxis: { type: "value", min: 0, max: 100, name: "得分" },
    tooltip: { trigger: "axis" },
    series: [{ type: "line", data: years.map(y => y.score), symbolSize: 9, lineStyle: { width: 3 }, label: { show: true, position: "top" },
      markLine: { silent: true, symbol: "none", lineStyle: { type: "dashed", color: "#9e9e9e" }, label: { formatter: "{b}" },
        data: [{ yAxis: 90, name: "优秀" }, { yAxis: 75, name: "良好" }, { yAxis: 60, name: "合格" }] } }]
  });
  $("years").tBodies[0].replaceChildren(...years.slice().reverse().map(y => el("tr", {},
    el("td", {}, y.year ?? "—"), el("td", { class: "num" }, fmtScore(y.score)), el("td", {}, grade(y.grade)),
    el("td", {}, y.auditId ? el("a", { href: "/audits/" + y.auditId }, y.auditName || "审核") : "自查"),
    el("td", { class: "muted" }, y.file || "—"),
    el("td", {}, y.checkId ? el("a", { href: "/checks/" + y.checkId }, "查看清单") : "—"))));
  const ys = years.map(y => String(y.year));
  $("item-years").tHead.replaceChildren(el("tr", {}, el("th", {}, "检查项"), ...ys.map(y => el("th", {}, y))));
  const items = [...h.items].sort((a, b) => {
    const last = ys[ys.length - 1];
    const rank = s => ({ FAIL: 0, WARN: 1, NOT_APPLICABLE: 2, PASS: 3 }[s] ?? 4);
    return rank(a.byYear[last]) - rank(b.byYear[last]);
  });
  $("item-years").tBodies[0].replaceChildren(...items.map(i => el("tr", {},
    el("td", {}, i.title), ...ys.map(y => el("td", {}, i.byYear[y] ? chip(i.byYear[y]) : el("span", { class: "muted" }, "—"))))));
})();
